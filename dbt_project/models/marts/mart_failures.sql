-- What did not become a report, and why: one row per staged failure, with the URL's fetch history
-- and, when the same URL did become a report after all (e.g. on a later attempt), that report.
with failures as (

    select * from {{ ref('stg_staged__failures') }}

),

attempts as (

    select
        source,
        url,
        http_status,
        error,
        requested_at,
        row_number() over (partition by source, url order by requested_at desc nulls last) as attempt_rank,
        count(*) over (partition by source, url) as n_fetch_attempts
    from {{ ref('stg_staged__fetch_log') }}

),

last_attempt as (

    select * from attempts where attempt_rank = 1

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
    coalesce(last_attempt.n_fetch_attempts, 0) as n_fetch_attempts,
    last_attempt.requested_at as last_requested_at,
    last_attempt.http_status as last_http_status,
    last_attempt.error as last_fetch_error,
    reports_by_url.report_id as resolved_report_id,
    (reports_by_url.report_id is not null) as is_resolved
from failures
left join last_attempt
    on failures.source = last_attempt.source
    and failures.url = last_attempt.url
left join reports_by_url
    on failures.url = reports_by_url.url
