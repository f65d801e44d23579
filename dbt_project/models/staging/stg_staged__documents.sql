-- Staged documents: rename and cast only. One row per report and source.
with staged as (

    select * from {{ source('staged', 'documents') }}

)

select
    cast(report_id as {{ dbt.type_string() }})               as report_id,
    cast(source as {{ dbt.type_string() }})                  as source,
    cast(publisher as {{ dbt.type_string() }})               as publisher,
    cast(url as {{ dbt.type_string() }})                     as url,
    cast(alt_urls as {{ dbt.type_string() }})                as alt_urls,
    cast(title as {{ dbt.type_string() }})                   as title,
    cast(nullif(trim(published), '') as date)                as published,
    cast(report_year as {{ dbt.type_int() }})                as report_year,
    cast(doc_type as {{ dbt.type_string() }})                as doc_type,
    cast(province as {{ dbt.type_string() }})                as province,
    cast(city as {{ dbt.type_string() }})                    as city,
    cast(county as {{ dbt.type_string() }})                  as county,
    cast(jurisdiction_code as {{ dbt.type_string() }})       as jurisdiction_code,
    cast(is_example as {{ dbt.type_boolean() }})             as is_example,
    cast(raw_sha256 as {{ dbt.type_string() }})              as raw_sha256,
    cast(text_chars as {{ dbt.type_int() }})                 as text_chars,
    cast(text_source as {{ dbt.type_string() }})             as text_source,
    {{ iso_to_utc_timestamp('first_fetched_at') }}           as first_fetched_at,
    {{ iso_to_utc_timestamp('last_fetched_at') }}            as last_fetched_at,
    cast(extractor_version as {{ dbt.type_string() }})       as extractor_version,
    cast(warnings as {{ dbt.type_string() }})                as warnings
from staged
