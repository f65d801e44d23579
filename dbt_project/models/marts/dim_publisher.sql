-- One row per publisher x jurisdiction_code seen on a report: what kind of body publishes, and the
-- division (dim_jurisdiction) its figures are attributed to. The extractor already attributes a
-- department (潍坊市司法局) or a functional zone (潍坊高新区管委会) to its host division's code
-- (scrapers/extract/places.py), so host_code is the report's jurisdiction_code, except for the
-- statistical code of a zone, which is hosted by its city (dim_jurisdiction.host_code).
--
-- publisher_kind, from the name's wording (first match):
--   functional_zone  高新区, 开发区, 经济区, 园区, 管委会, 管理委员会, 试验区, 示范区, 保税区
--   government       ends in 人民政府
--   department       ends in 局, 厅, 办, 办公室, 委, 委员会, 中心, 热线, 院, 所, 队, 站, 处
--   other            anything else (or no publisher)
with reports as (

    select * from {{ ref('int_reports__deduplicated') }}
    where jurisdiction_code is not null

),

publishers as (

    select
        publisher,
        jurisdiction_code,
        count(*) as n_reports,
        sum(case when is_counting_report then 1 else 0 end) as n_counting_reports,
        min(report_year) as first_report_year,
        max(report_year) as last_report_year
    from reports
    where publisher is not null
    group by publisher, jurisdiction_code

)

select
    publishers.publisher,
    publishers.jurisdiction_code,
    case
        when publishers.publisher like '%高新%'
            or publishers.publisher like '%开发区%'
            or publishers.publisher like '%经济区%'
            or publishers.publisher like '%园区%'
            or publishers.publisher like '%管委会%'
            or publishers.publisher like '%管理委员会%'
            or publishers.publisher like '%试验区%'
            or publishers.publisher like '%示范区%'
            or publishers.publisher like '%保税区%'
            then 'functional_zone'
        when publishers.publisher like '%人民政府' then 'government'
        when publishers.publisher like '%局'
            or publishers.publisher like '%厅'
            or publishers.publisher like '%办'
            or publishers.publisher like '%办公室'
            or publishers.publisher like '%委'
            or publishers.publisher like '%委员会'
            or publishers.publisher like '%中心'
            or publishers.publisher like '%热线'
            or publishers.publisher like '%院'
            or publishers.publisher like '%所'
            or publishers.publisher like '%队'
            or publishers.publisher like '%站'
            or publishers.publisher like '%处'
            then 'department'
        else 'other'
    end as publisher_kind,
    jurisdictions.host_code,
    jurisdictions.level as jurisdiction_level,
    jurisdictions.name as jurisdiction_name,
    publishers.n_reports,
    publishers.n_counting_reports,
    publishers.first_report_year,
    publishers.last_report_year
from publishers
inner join {{ ref('dim_jurisdiction') }} as jurisdictions
    on publishers.jurisdiction_code = jurisdictions.jurisdiction_code
