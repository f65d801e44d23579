{#-
  The body of the per-family year-on-year marts (mart_reconsideration_yoy, mart_litigation_yoy,
  mart_mediation_yoy, mart_hotline_yoy): mart_metric_yoy's rows of one metric family of the
  vocabulary, with the jurisdiction's and the metric's names joined in, for BI tools that want one
  flat table per subject. Same grain as mart_metric_yoy.
-#}
{% macro family_yoy_mart(family) %}
select
    yoy.jurisdiction_code,
    jurisdictions.name as jurisdiction_name,
    jurisdictions.level as jurisdiction_level,
    jurisdictions.province as province,
    jurisdictions.city as city,
    yoy.publisher,
    yoy.doc_type,
    yoy.metric,
    metrics.description_en as metric_description_en,
    metrics.description_zh as metric_description_zh,
    yoy.unit_kind,
    yoy.report_year,
    yoy.value,
    yoy.qualifier,
    yoy.prior_year_value,
    yoy.abs_change,
    yoy.pct_change,
    yoy.stated_yoy_pct,
    yoy.is_stated_yoy_mismatch,
    yoy.report_id,
    yoy.prior_report_id
from {{ ref('mart_metric_yoy') }} as yoy
inner join {{ ref('dim_metric') }} as metrics
    on yoy.metric = metrics.metric
left join {{ ref('dim_jurisdiction') }} as jurisdictions
    on yoy.jurisdiction_code = jurisdictions.jurisdiction_code
where metrics.family = '{{ family }}'
{% endmacro %}
