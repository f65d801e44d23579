{#-
  The body of every wide fact table (fct_reconsideration_cases, fct_mediation_outcomes,
  fct_hotline_satisfaction): one row per jurisdiction_code x publisher x doc_type x report_year
  (the counting report of that report series), one column per metric whose seed row names the
  calling model (metric_vocabulary.fact_table = this.name), named by its fact_column. Columns come
  from the seed at run time (macro pivot_metrics): a new metric, or a new wide table, needs no SQL.
  Two doc_types of one publisher-year (a rule_of_law_report and an ogi_annual_report, whose figures
  have different scopes under the same metric keys) are two rows, never merged.
-#}
{% macro wide_fact_table() %}
with metrics as (

    select report_metrics.*
    from {{ ref('fct_report_metrics') }} as report_metrics
    inner join {{ ref('metric_vocabulary') }} as vocabulary
        on report_metrics.metric = vocabulary.metric
    where vocabulary.fact_table = '{{ this.name }}'

)

select
    jurisdiction_code,
    publisher,
    doc_type,
    report_year,
    report_id,
    source,
    url,
    count(*) as n_metrics
    {{ pivot_metrics(ref('metric_vocabulary'), this.name) }}
from metrics
group by jurisdiction_code, publisher, doc_type, report_year, report_id, source, url
{% endmacro %}
