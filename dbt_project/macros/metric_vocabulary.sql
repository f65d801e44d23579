{#-
  The metric vocabulary seed, read at run time, drives the wide fact tables: each metric whose
  `fact_table` is the model's name becomes one column named by its `fact_column`, so adding a
  metric to seeds/metric_vocabulary.csv needs no model edit (only a description in the YAML).

  vocabulary_columns(vocabulary, fact_table) -> list of {'metric': ..., 'column': ...}, ordered by
  metric key (so column order is stable). Empty while parsing (execute is false), which is fine:
  parsing only needs the refs, which the calling model makes itself.
-#}
{% macro vocabulary_columns(vocabulary, fact_table) -%}
    {%- set columns = [] -%}
    {%- if execute -%}
        {%- set query -%}
            select metric, fact_column
            from {{ vocabulary }}
            where fact_table = '{{ fact_table }}'
            order by metric
        {%- endset -%}
        {%- set result = run_query(query) -%}
        {%- for row in result.rows -%}
            {%- if not modules.re.match('^[a-z][a-z0-9_]*$', row[1]) -%}
                {{ exceptions.raise_compiler_error("metric_vocabulary: fact_column '" ~ row[1] ~ "' of metric '" ~ row[0] ~ "' is not a lower-case identifier") }}
            {%- endif -%}
            {%- if not modules.re.match('^[a-z0-9_.]+$', row[0]) -%}
                {{ exceptions.raise_compiler_error("metric_vocabulary: metric key '" ~ row[0] ~ "' has unexpected characters") }}
            {%- endif -%}
            {%- do columns.append({'metric': row[0], 'column': row[1]}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(columns) }}
{%- endmacro %}


{#-
  One `max(case when <metric_column> = '<key>' then <value_column> end) as <fact_column>` per
  metric of the fact table, each preceded by a comma, to append after the grain columns of a
  GROUP BY query. The input must hold at most one row per group and metric (fct_report_metrics
  does), so max() only picks that row's value.
-#}
{% macro pivot_metrics(vocabulary, fact_table, metric_column='metric', value_column='value') -%}
    {%- for col in vocabulary_columns(vocabulary, fact_table) %}
    , max(case when {{ metric_column }} = '{{ col.metric }}' then {{ value_column }} end) as {{ col.column }}
    {%- endfor %}
{%- endmacro %}
