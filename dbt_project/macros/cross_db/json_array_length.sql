{#-
  The number of elements of a JSON list held in a string column (e.g. dim_report.warnings,
  '["a", "b"]' -> 2; null -> null). DuckDB's json_array_length takes the string; PostgreSQL's
  needs a json value.
  Usage: {{ json_array_length('warnings') }}
-#}
{% macro json_array_length(expression) -%}
    {{ return(adapter.dispatch('json_array_length', 'govreports')(expression)) }}
{%- endmacro %}

{% macro default__json_array_length(expression) -%}
    json_array_length({{ expression }})
{%- endmacro %}

{% macro postgres__json_array_length(expression) -%}
    json_array_length(cast({{ expression }} as json))
{%- endmacro %}
