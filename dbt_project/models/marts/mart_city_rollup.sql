-- County figures summed to their city: one row per city x doc_type x metric x report_year for which at
-- least one county of the city has a counting figure. Counts only (unit_kind = 'count'): rates and
-- changes do not add up.
--
-- The counties of a city are the seed's (seeds/divisions.csv) county-level divisions whose parent is
-- the city, without the statistical codes of functional zones (5th digit 7, not divisions) and
-- without a `市直辖行政区划` row repeating the city's own code. The sum is given only when EVERY
-- county reported the metric for that year in that doc_type (is_complete); otherwise it is null and
-- missing_county_codes lists the silent counties. One value per county: when several publishers of
-- a county state the metric (its government and a department), the government's (人民政府) counts,
-- then the alphabetically first publisher. The city's own figure (a city-level report of the same
-- doc_type, government first) is given beside the sum for comparison, never added to it.
with divisions as (

    select code, name, level, nullif(parent, '') as parent_code
    from {{ ref('divisions') }}

),

cities as (

    select code as city_code, name as city_name
    from divisions
    where level = 'city'

),

counties as (

    select distinct parent_code as city_code, code as county_code
    from divisions
    where level = 'county'
        and substr(code, 5, 1) <> '7'
        and code <> parent_code

),

expected as (

    select city_code, cast(count(*) as {{ dbt.type_int() }}) as n_counties
    from counties
    group by city_code

),

metrics as (

    select * from {{ ref('fct_report_metrics') }}
    where unit_kind = 'count'

),

county_values as (

    select
        counties.city_code,
        metrics.jurisdiction_code as county_code,
        metrics.doc_type,
        metrics.metric,
        metrics.report_year,
        metrics.value,
        metrics.qualifier,
        row_number() over (
            partition by metrics.jurisdiction_code, metrics.doc_type, metrics.metric, metrics.report_year
            order by case when metrics.publisher like '%人民政府' then 0 else 1 end, metrics.publisher
        ) as publisher_rank
    from metrics
    inner join counties
        on metrics.jurisdiction_code = counties.county_code

),

per_county as (

    select * from county_values
    where publisher_rank = 1

),

reported as (

    select
        city_code,
        doc_type,
        metric,
        report_year,
        cast(count(*) as {{ dbt.type_int() }}) as n_counties_reported,
        cast(sum(case when qualifier = 'exact' then 0 else 1 end) as {{ dbt.type_int() }}) as n_values_not_exact,
        sum(value) as total_reported
    from per_county
    group by city_code, doc_type, metric, report_year

),

missing as (

    select
        reported.city_code,
        reported.doc_type,
        reported.metric,
        reported.report_year,
        {{ string_agg_ordered('counties.county_code', ' ', 'counties.county_code') }} as missing_county_codes
    from reported
    inner join counties
        on reported.city_code = counties.city_code
    left join per_county
        on per_county.county_code = counties.county_code
        and per_county.doc_type = reported.doc_type
        and per_county.metric = reported.metric
        and per_county.report_year = reported.report_year
    where per_county.county_code is null
    group by reported.city_code, reported.doc_type, reported.metric, reported.report_year

),

city_values as (

    select
        jurisdiction_code as city_code,
        doc_type,
        metric,
        report_year,
        value,
        report_id,
        row_number() over (
            partition by jurisdiction_code, doc_type, metric, report_year
            order by case when publisher like '%人民政府' then 0 else 1 end, publisher
        ) as publisher_rank
    from metrics

)

select
    reported.city_code,
    cities.city_name,
    reported.doc_type,
    reported.metric,
    reported.report_year,
    expected.n_counties,
    reported.n_counties_reported,
    (reported.n_counties_reported = expected.n_counties) as is_complete,
    case when reported.n_counties_reported = expected.n_counties then reported.total_reported end as counties_total,
    missing.missing_county_codes,
    reported.n_values_not_exact,
    city_values.value as city_reported_value,
    city_values.report_id as city_report_id
from reported
inner join expected
    on reported.city_code = expected.city_code
left join cities
    on reported.city_code = cities.city_code
left join missing
    on reported.city_code = missing.city_code
    and reported.doc_type = missing.doc_type
    and reported.metric = missing.metric
    and reported.report_year = missing.report_year
left join city_values
    on city_values.publisher_rank = 1
    and reported.city_code = city_values.city_code
    and reported.doc_type = city_values.doc_type
    and reported.metric = city_values.metric
    and reported.report_year = city_values.report_year
