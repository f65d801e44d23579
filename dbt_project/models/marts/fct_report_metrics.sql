-- One row per counting report x metric: every figure of the report year, with its evidence.
-- One report counts per publisher x jurisdiction_code x report_year x doc_type, so this is also one
-- row per jurisdiction_code x publisher x doc_type x report_year x metric. Keep doc_type in any
-- grouping: two doc_types of one publisher-year use the same metric keys for different scopes.
--
-- Incremental by report (delete+insert on report_id). A new report can change which report counts
-- for its series (int_reports__deduplicated), so "new reports" is not the right batch. Instead the
-- design is: compute every counting row (`candidate`, cheap: a view over the staged facts) and
-- compare it with the table, row by row on every column;
--   * a report with any difference (new, re-extracted, its series' fields changed, a metric
--     gained or lost) is in the batch: all its rows are deleted and its candidate rows inserted;
--   * the post-hook then deletes the rows of every report that no longer has a candidate row
--     (superseded by a newer report of its series, removed from the staged data, its text
--     changed so that it became another report_id, or left without a figure).
-- Each report's rows therefore equal its candidate rows after every run, which is exactly what a
-- --full-refresh builds (tests/dbt/test_dbt_incremental.py checks it); only changed reports are
-- written. Vocabulary changes (a family renamed) reach the table too, as row differences.
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='report_id',
        on_schema_change='fail',
        post_hook=[
            "delete from {{ this }} where report_id not in (select facts.report_id from {{ ref('int_facts__report_year') }} as facts inner join {{ ref('int_reports__deduplicated') }} as reports on facts.report_id = reports.report_id where reports.is_counting_report)"
        ]
    )
}}

with facts as (

    select * from {{ ref('int_facts__report_year') }}

),

reports as (

    select * from {{ ref('int_reports__deduplicated') }}
    where is_counting_report

),

metrics as (

    select metric, family, unit_kind from {{ ref('dim_metric') }}

),

candidate as (

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

)

{% if is_incremental() %}

, changed_reports as (

    select coalesce(candidate.report_id, existing.report_id) as report_id
    from candidate
    full outer join {{ this }} as existing
        on candidate.report_id = existing.report_id
        and candidate.metric = existing.metric
    where candidate.report_id is null
        or existing.report_id is null
        {%- for column in ['jurisdiction_code', 'publisher', 'doc_type', 'report_year', 'family', 'unit_kind', 'value', 'unit', 'qualifier', 'evidence', 'char_start', 'char_end', 'source', 'url'] %}
        or candidate.{{ column }} is distinct from existing.{{ column }}
        {%- endfor %}

)

select candidate.*
from candidate
where candidate.report_id in (select report_id from changed_reports)

{% else %}

select * from candidate

{% endif %}
