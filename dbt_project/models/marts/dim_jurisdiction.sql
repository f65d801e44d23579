-- One row per jurisdiction_code seen on a report, described by the division seed (GB/T 2260,
-- seeds/divisions.csv; the extractor resolves publishers with the same file).
--
-- The seed is not unique by code: a municipality (110000) is a province row and a city row, a city
-- without counties (441900) also has a `市直辖行政区划` county row under its own code. The row of the
-- highest level wins (province, then city, then county). County-level codes whose 5th digit is 7
-- (370772) are the statistical codes of functional zones (development zones): level
-- functional_zone, hosted by their parent city (host_code). Departments are publishers, not
-- divisions: see dim_publisher, which maps each publisher (department, zone, government) to the
-- division it reports for.
--
-- A code the seed does not know (a division abolished or renamed since, or a typo in a registry
-- entry) still gets a row: level from the code's trailing zeros (PP0000 province, PPCC00
-- prefecture, else county; 9 or 12 digits township), names from the latest report giving any,
-- in_division_seed false.
with reports as (

    select * from {{ ref('int_reports__deduplicated') }}
    where jurisdiction_code is not null

),

seed_rows as (

    select
        code,
        name,
        level,
        nullif(parent, '') as parent_code,
        row_number() over (
            partition by code
            order by
                case level when 'province' then 1 when 'city' then 2 else 3 end,
                name
        ) as level_rank
    from {{ ref('divisions') }}

),

division as (

    select
        code,
        name,
        case
            when level = 'province' then 'province'
            when level = 'city' then 'prefecture'
            when substr(code, 5, 1) = '7' then 'functional_zone'
            else 'county'
        end as level,
        parent_code
    from seed_rows
    where level_rank = 1

),

-- the province of a city row (a municipality's city row points at its own province row)
city_rows as (

    select code, name, nullif(parent, '') as province_code
    from {{ ref('divisions') }}
    where level = 'city'

),

province_rows as (

    select code, name
    from {{ ref('divisions') }}
    where level = 'province'

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

resolved as (

    select
        named.jurisdiction_code,
        named.province as report_province,
        named.city as report_city,
        named.county as report_county,
        division.name as division_name,
        (division.code is not null) as in_division_seed,
        coalesce(
            division.level,
            case
                when length(named.jurisdiction_code) in (9, 12) then 'township'
                when length(named.jurisdiction_code) <> 6 then null
                when substr(named.jurisdiction_code, 3, 4) = '0000' then 'province'
                when substr(named.jurisdiction_code, 5, 2) = '00' then 'prefecture'
                when substr(named.jurisdiction_code, 5, 1) = '7' then 'functional_zone'
                else 'county'
            end
        ) as level,
        division.parent_code as seed_parent_code
    from named
    left join division
        on named.jurisdiction_code = division.code
    where named.name_rank = 1

),

coded as (

    select
        resolved.*,
        case
            when resolved.level = 'province' then resolved.jurisdiction_code
            when resolved.level = 'prefecture' then coalesce(resolved.seed_parent_code, substr(resolved.jurisdiction_code, 1, 2) || '0000')
            when resolved.level in ('county', 'functional_zone') then coalesce(parent_city.province_code, substr(resolved.jurisdiction_code, 1, 2) || '0000')
            when resolved.level = 'township' then substr(resolved.jurisdiction_code, 1, 2) || '0000'
        end as province_code,
        case
            when resolved.level = 'prefecture' then resolved.jurisdiction_code
            when resolved.level in ('county', 'functional_zone') then coalesce(resolved.seed_parent_code, substr(resolved.jurisdiction_code, 1, 4) || '00')
            when resolved.level = 'township' then substr(resolved.jurisdiction_code, 1, 4) || '00'
        end as city_code,
        case
            when resolved.level = 'township' then substr(resolved.jurisdiction_code, 1, 6)
        end as county_code
    from resolved
    left join city_rows as parent_city
        on resolved.level in ('county', 'functional_zone')
        and parent_city.code = resolved.seed_parent_code

)

select
    coded.jurisdiction_code,
    coalesce(province_rows.name, coded.report_province) as province,
    case
        when coded.level <> 'province' or city_rows.code is not null then coalesce(city_rows.name, coded.report_city)
    end as city,
    case
        when coded.level in ('county', 'functional_zone') then coalesce(coded.division_name, coded.report_county)
        when coded.level = 'township' then coded.report_county
    end as county,
    coalesce(
        coded.division_name,
        case coded.level
            when 'province' then coalesce(coded.report_province, coded.report_city, coded.report_county)
            when 'prefecture' then coalesce(coded.report_city, coded.report_province, coded.report_county)
            else coalesce(coded.report_county, coded.report_city, coded.report_province)
        end
    ) as name,
    coded.level,
    case
        when coded.level = 'prefecture' then coded.province_code
        when coded.level in ('county', 'functional_zone') then coded.city_code
        when coded.level = 'township' then coded.county_code
    end as parent_code,
    coded.province_code,
    coded.city_code,
    case
        when coded.level = 'functional_zone' then coded.city_code
        else coded.jurisdiction_code
    end as host_code,
    (coded.level = 'province' and city_rows.code is not null) as is_municipality,
    coded.in_division_seed,
    report_counts.n_reports,
    report_counts.n_counting_reports,
    report_counts.first_report_year,
    report_counts.last_report_year
from coded
inner join report_counts
    on coded.jurisdiction_code = report_counts.jurisdiction_code
left join province_rows
    on coded.province_code = province_rows.code
left join city_rows
    on coded.city_code = city_rows.code
    or (coded.level = 'province' and city_rows.code = coded.jurisdiction_code)
