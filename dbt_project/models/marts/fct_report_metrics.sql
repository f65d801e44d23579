-- One row per counting report x metric: every figure of the report year, with its evidence.
-- One report counts per publisher x jurisdiction_code x report_year x doc_type, so this is also one
-- row per jurisdiction_code x publisher x doc_type x report_year x metric. Keep doc_type in any
-- grouping: two doc_types of one publisher-year use the same metric keys for different scopes.
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
    reports.doc_type,
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
