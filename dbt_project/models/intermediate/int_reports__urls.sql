-- Every URL a report was found under: one row per report_id x url, over every source that staged it
-- (its canonical url and the alt_urls the pipeline recorded for the same text).
with documents as (

    select * from {{ ref('stg_staged__documents') }}

),

alternates as (

    {{ json_string_array_rows(ref('stg_staged__documents'), ['report_id', 'source'], 'alt_urls') }}

),

found as (

    select report_id, source, url, 1 as is_canonical
    from documents
    where url is not null

    union all

    select report_id, source, cast(element as {{ dbt.type_string() }}) as url, 0 as is_canonical
    from alternates
    where element is not null and element <> ''

)

select
    report_id,
    url,
    (max(is_canonical) = 1) as is_canonical,
    count(distinct source) as n_sources
from found
group by report_id, url
