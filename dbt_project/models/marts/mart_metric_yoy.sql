-- Year-on-year change per jurisdiction_code x publisher x doc_type x metric x report_year.
-- The prior value is the same report series' figure (same jurisdiction_code, publisher and
-- doc_type) for the PREVIOUS CALENDAR YEAR only: after a gap year there is no prior value (null),
-- never an older one, and never another doc_type's figure (e.g. an ogi_annual_report counts only
-- information-disclosure cases under the same metric keys as the rule_of_law_report's whole caseload).
-- abs_change is value - prior (percentage points for rates); pct_change is the relative change
-- in percent, (value - prior) / |prior| * 100, null when the prior is null or 0.
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

)

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
    round(current_year.value - prior_year.value, 4) as abs_change,
    case
        when prior_year.value is null or prior_year.value = 0 then null
        else round((current_year.value - prior_year.value) / abs(prior_year.value) * 100, 2)
    end as pct_change
from report_metrics as current_year
left join report_metrics as prior_year
    on prior_year.jurisdiction_code = current_year.jurisdiction_code
    and prior_year.publisher is not distinct from current_year.publisher
    and prior_year.doc_type is not distinct from current_year.doc_type
    and prior_year.metric = current_year.metric
    and prior_year.report_year = current_year.report_year - 1
