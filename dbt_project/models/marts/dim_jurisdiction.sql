-- One row per jurisdiction_code seen on a report. Names come from the most recent report that
-- gives any (latest report_year, then latest published, then smallest report_id); the level is
-- read from the code's trailing zeros (GB/T 2260): PP0000 province, PPCC00 prefecture, else county.
with reports as (

    select * from {{ ref('int_reports__deduplicated') }}
    where jurisdiction_code is not null

),

named as (

    select
        jurisdiction_code,
        province,
        city,
        county,
        row_number() over (
            partition by jurisdiction_code
            order by
                case when province is null and city is null and county is null then 1 else 0 end,
                report_year desc nulls last,
                published desc nulls last,
                report_id asc
        ) as name_rank
    from reports

),

report_counts as (

    select
        jurisdiction_code,
        count(*) as n_reports,
        sum(case when is_counting_report then 1 else 0 end) as n_counting_reports,
        min(report_year) as first_report_year,
        max(report_year) as last_report_year
    from reports
    group by jurisdiction_code

),

levelled as (

    select
        named.jurisdiction_code,
        named.province,
        named.city,
        named.county,
        case
            when length(named.jurisdiction_code) <> 6 then null
            when substr(named.jurisdiction_code, 3, 4) = '0000' then 'province'
            when substr(named.jurisdiction_code, 5, 2) = '00' then 'prefecture'
            else 'county'
        end as level
    from named
    where named.name_rank = 1

)

select
    levelled.jurisdiction_code,
    levelled.province,
    levelled.city,
    levelled.county,
    case levelled.level
        when 'province' then coalesce(levelled.province, levelled.city, levelled.county)
        when 'prefecture' then coalesce(levelled.city, levelled.province, levelled.county)
        else coalesce(levelled.county, levelled.city, levelled.province)
    end as name,
    levelled.level,
    case levelled.level
        when 'prefecture' then substr(levelled.jurisdiction_code, 1, 2) || '0000'
        when 'county' then substr(levelled.jurisdiction_code, 1, 4) || '00'
    end as parent_code,
    report_counts.n_reports,
    report_counts.n_counting_reports,
    report_counts.first_report_year,
    report_counts.last_report_year
from levelled
inner join report_counts
    on levelled.jurisdiction_code = report_counts.jurisdiction_code
