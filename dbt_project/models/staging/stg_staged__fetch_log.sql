-- Staged fetch log: rename and cast only. One row per HTTP attempt, failures included.
with staged as (

    select * from {{ source('staged', 'fetch_log') }}

)

select
    cast(source as {{ dbt.type_string() }})         as source,
    cast(url as {{ dbt.type_string() }})            as url,
    {{ iso_to_utc_timestamp('requested_at') }}      as requested_at,
    cast(status as {{ dbt.type_int() }})            as http_status,
    cast(sha256 as {{ dbt.type_string() }})         as body_sha256,
    cast(content_type as {{ dbt.type_string() }})   as content_type,
    cast(size as {{ dbt.type_bigint() }})           as size_bytes,
    cast(elapsed_ms as {{ dbt.type_int() }})        as elapsed_ms,
    cast(not_modified as {{ dbt.type_boolean() }})  as not_modified,
    cast(error as {{ dbt.type_string() }})          as error
from staged
