-- One row per counting report x metric: every figure of the report year, with its evidence.
with facts as (

    select * from {{ ref('int_facts__report_year') }}

),

reports as (

    select * from {{ ref('int_reports__deduplicated') }}
    where is_counting_report

),

metrics as (

    select metric, family, unit_kind from {{ ref('dim_metric') }}

)

select
    reports.report_id,
    reports.jurisdiction_code,
    reports.publisher,
    reports.report_year,
    facts.metric,
    metrics.family,
    metrics.unit_kind,
    facts.value,
    facts.unit,
    facts.qualifier,
    facts.evidence,
    facts.char_start,
    facts.char_end,
    reports.source,
    reports.url
from facts
inner join reports
    on facts.report_id = reports.report_id
left join metrics
    on facts.metric = metrics.metric
