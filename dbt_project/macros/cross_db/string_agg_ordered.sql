{#-
  The values of a group joined into one string, in a given order:
  `string_agg(<expression>, '<delimiter>' order by <order_by>)`, which DuckDB and PostgreSQL
  both accept (unlike DuckDB's list functions or PostgreSQL's array_agg + array_to_string).
  The expression is cast to a string; nulls are skipped; a group of only nulls gives null.
  Usage: {{ string_agg_ordered('metric', ', ', 'metric') }}
-#}
{% macro string_agg_ordered(expression, delimiter=', ', order_by=none) -%}
    {{ return(adapter.dispatch('string_agg_ordered', 'govreports')(expression, delimiter, order_by)) }}
{%- endmacro %}

{% macro default__string_agg_ordered(expression, delimiter, order_by) -%}
    string_agg(
        cast({{ expression }} as {{ dbt.type_string() }}),
        '{{ delimiter | replace("'", "''") }}'
        {%- if order_by is not none %} order by {{ order_by }}{% endif %}
    )
{%- endmacro %}
