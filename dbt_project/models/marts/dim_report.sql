-- One row per report (counting or not), with the dedup outcome, every URL it was found under and
-- how many figures it gave.
with reports as (

    select * from {{ ref('int_reports__deduplicated') }}

),

metric_counts as (

    select report_id, count(*) as n_report_year_metrics
    from {{ ref('int_facts__report_year') }}
    group by report_id

),

urls as (

    select
        report_id,
        count(*) as n_urls,
        {{ string_agg_ordered('url', ' ', 'url') }} as urls
    from {{ ref('int_reports__urls') }}
    group by report_id

)

select
    reports.report_id,
    reports.title,
    reports.publisher,
    reports.published,
    reports.report_year,
    reports.doc_type,
    reports.source,
    reports.url,
    reports.alt_urls,
    urls.urls,
    coalesce(urls.n_urls, 0) as n_urls,
    reports.jurisdiction_code,
    reports.province,
    reports.city,
    reports.county,
    reports.is_example,
    reports.is_counting_report,
    reports.counting_report_id,
    reports.not_counting_reason,
    reports.n_reports_in_group,
    reports.n_sources,
    coalesce(metric_counts.n_report_year_metrics, 0) as n_report_year_metrics,
    reports.text_chars,
    reports.text_source,
    reports.raw_sha256,
    reports.first_fetched_at,
    reports.last_fetched_at,
    reports.extractor_version,
    reports.warnings
from reports
left join metric_counts
    on reports.report_id = metric_counts.report_id
left join urls
    on reports.report_id = urls.report_id
