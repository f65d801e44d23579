-- Staged facts: rename and cast only. One row per extracted figure.
with staged as (

    select * from {{ source('staged', 'facts') }}

)

select
    cast(report_id as {{ dbt.type_string() }})   as report_id,
    cast(metric as {{ dbt.type_string() }})      as metric,
    cast(value as {{ type_double() }})           as value,
    cast(unit as {{ dbt.type_string() }})        as unit,
    cast(qualifier as {{ dbt.type_string() }})   as qualifier,
    cast(fact_year as {{ dbt.type_int() }})      as fact_year,
    cast(evidence as {{ dbt.type_string() }})    as evidence,
    cast(char_start as {{ dbt.type_int() }})     as char_start,
    cast(char_end as {{ dbt.type_int() }})       as char_end
from staged
