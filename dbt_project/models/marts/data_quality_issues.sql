-- Figures that contradict each other or their own definition: one row per rule x counting report x
-- metric broken. These are warnings about the data (an extraction slip, a typo in the report, a
-- definition that differs), never build failures: the singular test
-- tests/assert_no_data_quality_warnings.sql warns while any `warning` row exists.
--
-- Rules (metric keys from seeds/metric_vocabulary.csv; tolerance var('rate_tolerance_pct_points')):
--   corrected_exceeds_concluded        reconsideration.corrected > reconsideration.concluded
--   decisions_exceed_concluded         reconsideration.corrected + upheld > concluded
--   accepted_exceeds_received          reconsideration.accepted > reconsideration.received
--   concluded_exceeds_received (info)  reconsideration.concluded > received: cases carried over from
--                                      the previous year are concluded too, and the vocabulary has no
--                                      carried-over key, so this is a hint, not a contradiction
--   correction_rate_inconsistent       correction_rate vs corrected / concluded * 100
--   litigation_lost_exceeds_concluded  litigation.lost > litigation.concluded
--   loss_rate_inconsistent             litigation.loss_rate vs lost / concluded * 100
--   resolved_exceeds_disputes          mediation.resolved > mediation.disputes
--   success_rate_inconsistent          mediation.success_rate vs resolved / disputes * 100
--   rate_out_of_range                  a rate outside 0-100
--   negative_count                     a count below 0
--   stated_yoy_mismatch                a stated change vs the computed one (mart_metric_yoy)
--   conflicting_mentions (info)        the report states the metric twice with different values
--                                      (the first mention is kept, see int_facts__report_year)
with metrics as (

    select * from {{ ref('fct_report_metrics') }}

),

per_report as (

    select
        report_id,
        max(case when metric = 'reconsideration.received' then value end) as received,
        max(case when metric = 'reconsideration.accepted' then value end) as accepted,
        max(case when metric = 'reconsideration.concluded' then value end) as concluded,
        max(case when metric = 'reconsideration.corrected' then value end) as corrected,
        max(case when metric = 'reconsideration.upheld' then value end) as upheld,
        max(case when metric = 'reconsideration.correction_rate' then value end) as correction_rate,
        max(case when metric = 'litigation.concluded' then value end) as litigation_concluded,
        max(case when metric = 'litigation.lost' then value end) as litigation_lost,
        max(case when metric = 'litigation.loss_rate' then value end) as litigation_loss_rate,
        max(case when metric = 'mediation.disputes' then value end) as disputes,
        max(case when metric = 'mediation.resolved' then value end) as resolved,
        max(case when metric = 'mediation.success_rate' then value end) as success_rate
    from metrics
    group by report_id

),

issues as (

    select
        'corrected_exceeds_concluded' as rule, 'warning' as severity, report_id,
        'reconsideration.corrected' as metric, corrected as value,
        'reconsideration.concluded' as related_metric, concluded as related_value,
        cast(null as {{ type_double() }}) as expected_value,
        'More reconsideration decisions corrected the agency than cases were concluded.' as message
    from per_report
    where corrected > concluded

    union all

    select
        'decisions_exceed_concluded', 'warning', report_id,
        'reconsideration.upheld', upheld,
        'reconsideration.concluded', concluded,
        cast(null as {{ type_double() }}),
        'Corrected plus upheld reconsideration decisions exceed the cases concluded.'
    from per_report
    where corrected + upheld > concluded

    union all

    select
        'accepted_exceeds_received', 'warning', report_id,
        'reconsideration.accepted', accepted,
        'reconsideration.received', received,
        cast(null as {{ type_double() }}),
        'More reconsideration applications accepted than received.'
    from per_report
    where accepted > received

    union all

    select
        'concluded_exceeds_received', 'info', report_id,
        'reconsideration.concluded', concluded,
        'reconsideration.received', received,
        cast(null as {{ type_double() }}),
        'More reconsideration cases concluded than received: possible only with cases carried over from the previous year (no carried-over figure in the vocabulary to check).'
    from per_report
    where concluded > received

    union all

    select
        'correction_rate_inconsistent', 'warning', report_id,
        'reconsideration.correction_rate', correction_rate,
        'reconsideration.corrected', corrected,
        {{ round_double('corrected / concluded * 100', 2) }},
        'The stated correction rate differs from corrected / concluded beyond the tolerance.'
    from per_report
    where concluded > 0
        and abs(correction_rate - corrected / concluded * 100) > {{ var('rate_tolerance_pct_points') }}

    union all

    select
        'litigation_lost_exceeds_concluded', 'warning', report_id,
        'litigation.lost', litigation_lost,
        'litigation.concluded', litigation_concluded,
        cast(null as {{ type_double() }}),
        'More lawsuits lost than concluded.'
    from per_report
    where litigation_lost > litigation_concluded

    union all

    select
        'loss_rate_inconsistent', 'warning', report_id,
        'litigation.loss_rate', litigation_loss_rate,
        'litigation.lost', litigation_lost,
        {{ round_double('litigation_lost / litigation_concluded * 100', 2) }},
        'The stated loss rate differs from lost / concluded lawsuits beyond the tolerance.'
    from per_report
    where litigation_concluded > 0
        and abs(litigation_loss_rate - litigation_lost / litigation_concluded * 100) > {{ var('rate_tolerance_pct_points') }}

    union all

    select
        'resolved_exceeds_disputes', 'warning', report_id,
        'mediation.resolved', resolved,
        'mediation.disputes', disputes,
        cast(null as {{ type_double() }}),
        'More disputes resolved than mediated.'
    from per_report
    where resolved > disputes

    union all

    select
        'success_rate_inconsistent', 'warning', report_id,
        'mediation.success_rate', success_rate,
        'mediation.resolved', resolved,
        {{ round_double('resolved / disputes * 100', 2) }},
        'The stated mediation success rate differs from resolved / disputes beyond the tolerance.'
    from per_report
    where disputes > 0
        and abs(success_rate - resolved / disputes * 100) > {{ var('rate_tolerance_pct_points') }}

    union all

    select
        'rate_out_of_range', 'warning', report_id,
        metric, value,
        cast(null as {{ dbt.type_string() }}), cast(null as {{ type_double() }}),
        cast(null as {{ type_double() }}),
        'A rate outside 0-100 %.'
    from metrics
    where unit_kind = 'rate' and (value < 0 or value > 100)

    union all

    select
        'negative_count', 'warning', report_id,
        metric, value,
        cast(null as {{ dbt.type_string() }}), cast(null as {{ type_double() }}),
        cast(null as {{ type_double() }}),
        'A count below zero.'
    from metrics
    where unit_kind = 'count' and value < 0

    union all

    select
        'stated_yoy_mismatch', 'warning', report_id,
        metric, stated_yoy_pct,
        metric, value,
        pct_change,
        'The year-on-year change the report states differs from the one computed from the two years'' figures beyond the tolerance.'
    from {{ ref('mart_metric_yoy') }}
    where is_stated_yoy_mismatch

    union all

    select
        'conflicting_mentions', 'info', facts.report_id,
        facts.metric, facts.value,
        cast(null as {{ dbt.type_string() }}), cast(null as {{ type_double() }}),
        cast(null as {{ type_double() }}),
        'The report states this metric more than once with different values; the first mention is kept.'
    from {{ ref('int_facts__report_year') }} as facts
    inner join metrics
        on facts.report_id = metrics.report_id
        and facts.metric = metrics.metric
    where facts.n_distinct_values > 1

),

reports as (

    select report_id, jurisdiction_code, publisher, doc_type, report_year
    from {{ ref('int_reports__deduplicated') }}

)

select
    issues.rule,
    issues.severity,
    issues.report_id,
    reports.jurisdiction_code,
    reports.publisher,
    reports.doc_type,
    reports.report_year,
    issues.metric,
    issues.value,
    issues.related_metric,
    issues.related_value,
    issues.expected_value,
    issues.message
from issues
inner join reports
    on issues.report_id = reports.report_id
