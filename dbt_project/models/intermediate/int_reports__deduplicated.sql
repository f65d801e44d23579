-- One row per report_id, with the flag of the report that counts for its
-- publisher x jurisdiction_code x report_year x doc_type (a report series).
--
-- doc_type is part of the grain because one publisher can publish two kinds of report for the
-- same year whose figures have different scopes under the same metric keys: e.g. a 法治政府建设
-- report (rule_of_law_report: the government's whole reconsideration/litigation caseload) and a
-- 政府信息公开工作年度报告 (ogi_annual_report: information-disclosure cases only). Both count, each
-- in its own series; their figures are never mixed or compared with each other downstream.
--
-- Rule 1 (same text, several sources): report_id is a hash of the text, so two sources carrying
--   the same text give two staged rows with one report_id. Keep the row first fetched (then the
--   source key, alphabetically); first/last fetch times span all of them.
-- Rule 2 (several reports, one series-year, e.g. a revised version or the same report under two
--   titles): among the reports with a report_year and a jurisdiction_code, the one that counts
--   for its publisher x jurisdiction_code x report_year x doc_type is
--     the latest published (a report without a date loses to one with a date),
--     then the longest text,
--     then the smallest report_id (deterministic tie-break).
--   Reports without a report_year or jurisdiction_code never count.

with documents as (

    select * from {{ ref('stg_staged__documents') }}

),

per_report as (

    select
        *,
        row_number() over (
            partition by report_id
            order by first_fetched_at asc nulls last, source asc
        ) as source_rank,
        count(*) over (partition by report_id) as n_sources,
        min(first_fetched_at) over (partition by report_id) as report_first_fetched_at,
        max(last_fetched_at) over (partition by report_id) as report_last_fetched_at
    from documents

),

reports as (

    select
        report_id,
        source,
        publisher,
        url,
        alt_urls,
        title,
        published,
        report_year,
        doc_type,
        province,
        city,
        county,
        jurisdiction_code,
        is_example,
        raw_sha256,
        text_chars,
        text_source,
        report_first_fetched_at as first_fetched_at,
        report_last_fetched_at as last_fetched_at,
        extractor_version,
        warnings,
        n_sources,
        (report_year is not null and jurisdiction_code is not null) as is_eligible
    from per_report
    where source_rank = 1

),

ranked as (

    select
        *,
        row_number() over (
            partition by is_eligible, publisher, jurisdiction_code, report_year, doc_type
            order by published desc nulls last, text_chars desc nulls last, report_id asc
        ) as rank_in_group,
        count(*) over (
            partition by is_eligible, publisher, jurisdiction_code, report_year, doc_type
        ) as n_reports_in_group
    from reports

),

flagged as (

    select
        *,
        (is_eligible and rank_in_group = 1) as is_counting_report
    from ranked

),

counting as (

    select publisher, jurisdiction_code, report_year, doc_type, report_id as counting_report_id
    from flagged
    where is_counting_report

)

select
    flagged.report_id,
    flagged.source,
    flagged.publisher,
    flagged.url,
    flagged.alt_urls,
    flagged.title,
    flagged.published,
    flagged.report_year,
    flagged.doc_type,
    flagged.province,
    flagged.city,
    flagged.county,
    flagged.jurisdiction_code,
    flagged.is_example,
    flagged.raw_sha256,
    flagged.text_chars,
    flagged.text_source,
    flagged.first_fetched_at,
    flagged.last_fetched_at,
    flagged.extractor_version,
    flagged.warnings,
    flagged.n_sources,
    case when flagged.is_eligible then flagged.n_reports_in_group end as n_reports_in_group,
    flagged.is_counting_report,
    counting.counting_report_id,
    case
        when flagged.report_year is null then 'no_report_year'
        when flagged.jurisdiction_code is null then 'no_jurisdiction_code'
        when not flagged.is_counting_report then 'superseded'
    end as not_counting_reason
from flagged
left join counting
    on flagged.is_eligible
    and counting.publisher is not distinct from flagged.publisher
    and counting.jurisdiction_code = flagged.jurisdiction_code
    and counting.report_year = flagged.report_year
    and counting.doc_type is not distinct from flagged.doc_type
