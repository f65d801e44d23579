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

{# The per-report rules. An `exceeds` rule flags value > related; a `rate` rule flags a stated rate
    further than the tolerance from numerator / denominator * 100 (value = the rate, related = the
    numerator, expected_value = the recomputed rate). Columns are per_report's. -#}
{%- set per_report_rules = [
    {'rule': 'corrected_exceeds_concluded', 'severity': 'warning',
     'metric': 'reconsideration.corrected', 'value': 'corrected',
     'related_metric': 'reconsideration.concluded', 'related': 'concluded',
     'message': 'More reconsideration decisions corrected the agency than cases were concluded.'},
    {'rule': 'decisions_exceed_concluded', 'severity': 'warning',
     'metric': 'reconsideration.upheld', 'value': 'upheld',
     'related_metric': 'reconsideration.concluded', 'related': 'concluded',
     'condition': 'corrected + upheld > concluded',
     'message': 'Corrected plus upheld reconsideration decisions exceed the cases concluded.'},
    {'rule': 'accepted_exceeds_received', 'severity': 'warning',
     'metric': 'reconsideration.accepted', 'value': 'accepted',
     'related_metric': 'reconsideration.received', 'related': 'received',
     'message': 'More reconsideration applications accepted than received.'},
    {'rule': 'concluded_exceeds_received', 'severity': 'info',
     'metric': 'reconsideration.concluded', 'value': 'concluded',
     'related_metric': 'reconsideration.received', 'related': 'received',
     'message': 'More reconsideration cases concluded than received: possible only with cases carried over from the previous year (no carried-over figure in the vocabulary to check).'},
    {'rule': 'correction_rate_inconsistent', 'severity': 'warning',
     'metric': 'reconsideration.correction_rate', 'value': 'correction_rate',
     'related_metric': 'reconsideration.corrected', 'related': 'corrected',
     'denominator': 'concluded',
     'message': 'The stated correction rate differs from corrected / concluded beyond the tolerance.'},
    {'rule': 'litigation_lost_exceeds_concluded', 'severity': 'warning',
     'metric': 'litigation.lost', 'value': 'litigation_lost',
     'related_metric': 'litigation.concluded', 'related': 'litigation_concluded',
     'message': 'More lawsuits lost than concluded.'},
    {'rule': 'loss_rate_inconsistent', 'severity': 'warning',
     'metric': 'litigation.loss_rate', 'value': 'litigation_loss_rate',
     'related_metric': 'litigation.lost', 'related': 'litigation_lost',
     'denominator': 'litigation_concluded',
     'message': 'The stated loss rate differs from lost / concluded lawsuits beyond the tolerance.'},
    {'rule': 'resolved_exceeds_disputes', 'severity': 'warning',
     'metric': 'mediation.resolved', 'value': 'resolved',
     'related_metric': 'mediation.disputes', 'related': 'disputes',
     'message': 'More disputes resolved than mediated.'},
    {'rule': 'success_rate_inconsistent', 'severity': 'warning',
     'metric': 'mediation.success_rate', 'value': 'success_rate',
     'related_metric': 'mediation.resolved', 'related': 'resolved',
     'denominator': 'disputes',
     'message': 'The stated mediation success rate differs from resolved / disputes beyond the tolerance.'},
] -%}

issues as (

    {% for r in per_report_rules -%}
    {%- if r.denominator -%}
        {%- set recomputed = r.related ~ ' / ' ~ r.denominator ~ ' * 100' -%}
    {%- endif %}
    select
        '{{ r.rule }}' as rule, '{{ r.severity }}' as severity, report_id,
        '{{ r.metric }}' as metric, {{ r.value }} as value,
        '{{ r.related_metric }}' as related_metric, {{ r.related }} as related_value,
        {% if r.denominator -%}
        {{ round_double(recomputed, 2) }}
        {%- else -%}
        cast(null as {{ type_double() }})
        {%- endif %} as expected_value,
        '{{ r.message }}' as message
    from per_report
    {% if r.denominator -%}
    where {{ r.denominator }} > 0
        and abs({{ r.value }} - {{ recomputed }}) > {{ var('rate_tolerance_pct_points') }}
    {%- else -%}
    where {{ r.condition or (r.value ~ ' > ' ~ r.related) }}
    {%- endif %}

    union all
    {% endfor %}

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
