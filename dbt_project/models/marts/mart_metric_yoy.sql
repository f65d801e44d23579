-- Year-on-year change per jurisdiction_code x publisher x doc_type x metric x report_year.
-- The prior value is the same report series' figure (same jurisdiction_code, publisher and
-- doc_type) for the PREVIOUS CALENDAR YEAR only: after a gap year there is no prior value (null),
-- never an older one, and never another doc_type's figure (e.g. an ogi_annual_report counts only
-- information-disclosure cases under the same metric keys as the rule_of_law_report's whole caseload).
-- abs_change is value - prior (percentage points for rates); pct_change is the relative change
-- in percent, (value - prior) / |prior| * 100, null when the prior is null or 0.
-- stated_yoy_pct is the change the report itself states for the metric (a pct_change metric of the
-- vocabulary whose base_metric is this one); is_stated_yoy_mismatch is true when it and pct_change
-- differ by more than var('stated_yoy_tolerance_pct_points') (dbt_project.yml, 1 percentage point:
-- reports round a stated change to one decimal or an integer, and the counts it is computed from
-- are often rounded too, 约120万件), null when either is missing (no prior year, no stated change).
with report_metrics as (

    select
        jurisdiction_code,
        publisher,
        doc_type,
        metric,
        family,
        unit_kind,
        report_year,
        report_id,
        value,
        qualifier
    from {{ ref('fct_report_metrics') }}

),

-- A change the report states itself (e.g. hotline.contacts_yoy_pct, "办理量同比下降3.4%"), attached
-- to the metric it is a change of (dim_metric.base_metric: hotline.contacts) in the same report.
stated as (

    select
        report_metrics.report_id,
        vocabulary.base_metric as metric,
        report_metrics.value as stated_yoy_pct
    from report_metrics
    inner join {{ ref('dim_metric') }} as vocabulary
        on report_metrics.metric = vocabulary.metric
    where vocabulary.base_metric is not null

),

computed as (

    select
        current_year.jurisdiction_code,
        current_year.publisher,
        current_year.doc_type,
        current_year.metric,
        current_year.family,
        current_year.unit_kind,
        current_year.report_year,
        current_year.report_id,
        current_year.value,
        current_year.qualifier,
        prior_year.report_id as prior_report_id,
        prior_year.value as prior_year_value,
        prior_year.qualifier as prior_year_qualifier,
        -- Rounded: the inputs carry at most a few decimals, and binary float noise
        -- (0.29999999999999716) must not reach a BI tool.
        {{ round_double('current_year.value - prior_year.value', 4) }} as abs_change,
        case
            when prior_year.value is null or prior_year.value = 0 then null
            else {{ round_double('(current_year.value - prior_year.value) / abs(prior_year.value) * 100', 2) }}
        end as pct_change
    from report_metrics as current_year
    left join report_metrics as prior_year
        on prior_year.jurisdiction_code = current_year.jurisdiction_code
        and prior_year.publisher is not distinct from current_year.publisher
        and prior_year.doc_type is not distinct from current_year.doc_type
        and prior_year.metric = current_year.metric
        and prior_year.report_year = current_year.report_year - 1

)

select
    computed.*,
    stated.stated_yoy_pct,
    case
        when stated.stated_yoy_pct is not null and computed.pct_change is not null
            then {{ round_double('stated.stated_yoy_pct - computed.pct_change', 2) }}
    end as stated_minus_computed_pct,
    case
        when stated.stated_yoy_pct is null or computed.pct_change is null then null
        when abs(stated.stated_yoy_pct - computed.pct_change) > {{ var('stated_yoy_tolerance_pct_points') }} then true
        else false
    end as is_stated_yoy_mismatch
from computed
left join stated
    on computed.report_id = stated.report_id
    and computed.metric = stated.metric
