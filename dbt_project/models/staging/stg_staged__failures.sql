-- Staged failures: rename and cast only. One row per thing that did not become a report.
with staged as (

    select * from {{ source('staged', 'failures') }}

)

select
    cast(source as {{ dbt.type_string() }})   as source,
    cast(url as {{ dbt.type_string() }})      as url,
    cast(stage as {{ dbt.type_string() }})    as stage,
    cast(reason as {{ dbt.type_string() }})   as reason,
    cast(detail as {{ dbt.type_string() }})   as detail,
    {{ iso_to_utc_timestamp('occurred_at') }} as occurred_at
from staged
