-- Facts about the report year only (fact_year null, meaning the report year, or equal to it),
-- one row per report x metric. When a report states a metric several times (or the same report
-- was staged by two sources), keep one row deterministically:
--   the first mention in the text (smallest char_start), then an `exact` figure over a qualified
--   one, then the larger value, then the evidence text.
-- Facts of other years (e.g. 2022 figures quoted for comparison in a 2023 report) are dropped;
-- facts whose report_id has no staged document are dropped too (nothing to attach them to).

with facts as (

    select * from {{ ref('stg_staged__facts') }}

),

reports as (

    select report_id, report_year from {{ ref('int_reports__deduplicated') }}

),

report_year_facts as (

    select
        facts.*,
        reports.report_year
    from facts
    inner join reports
        on facts.report_id = reports.report_id
    where facts.fact_year is null
       or facts.fact_year = reports.report_year

),

ranked as (

    select
        *,
        row_number() over (
            partition by report_id, metric
            order by
                char_start asc nulls last,
                case when qualifier = 'exact' then 0 else 1 end,
                value desc,
                evidence asc
        ) as mention_rank
    from report_year_facts

),

-- (count(distinct) is not allowed as a window function on PostgreSQL, hence a GROUP BY)
mention_counts as (

    select
        report_id,
        metric,
        count(*) as n_mentions,
        count(distinct value) as n_distinct_values
    from report_year_facts
    group by report_id, metric

)

select
    ranked.report_id,
    ranked.report_year,
    ranked.metric,
    ranked.value,
    ranked.unit,
    ranked.qualifier,
    ranked.fact_year,
    ranked.evidence,
    ranked.char_start,
    ranked.char_end,
    mention_counts.n_mentions,
    mention_counts.n_distinct_values
from ranked
inner join mention_counts
    on ranked.report_id = mention_counts.report_id
    and ranked.metric = mention_counts.metric
where ranked.mention_rank = 1
