-- What did not become a report, and why: one row per staged failure and, when the same URL did
-- become a report after all (e.g. on a later attempt, or staged by another source), that report.
--
-- Rerun stability: no column is derived from the fetch log (attempt counts, latest attempt time,
-- status or error), because every run appends attempts (conditional GETs included) and such
-- columns would change on a rerun that fetches nothing new. The per-URL fetch history stays in
-- stg_staged__fetch_log, to be joined on source and url when needed.
-- The one column that can still change on a rerun is `occurred_at`, as staged: the pipeline
-- re-stamps a failure each run in which it recurs (e.g. a URL still answering 404).
with failures as (

    select * from {{ ref('stg_staged__failures') }}

),

reports_by_url as (

    select url, min(report_id) as report_id
    from {{ ref('stg_staged__documents') }}
    group by url

)

select
    failures.source,
    failures.url,
    failures.stage,
    failures.reason,
    failures.detail,
    failures.occurred_at,
    reports_by_url.report_id as resolved_report_id,
    (reports_by_url.report_id is not null) as is_resolved
from failures
left join reports_by_url
    on failures.url = reports_by_url.url
