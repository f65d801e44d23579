{#-
  round(<double>, <digits>) as a double, portably. DuckDB rounds a double directly; PostgreSQL has
  round(numeric, int) only (round(double precision, int) does not exist), so there the value goes
  through numeric and back. Both round half away from zero.
  Usage: {{ round_double('a - b', 4) }}
-#}
{% macro round_double(expression, digits) -%}
    {{ return(adapter.dispatch('round_double', 'govreports')(expression, digits)) }}
{%- endmacro %}

{% macro default__round_double(expression, digits) -%}
    round({{ expression }}, {{ digits }})
{%- endmacro %}

{% macro postgres__round_double(expression, digits) -%}
    cast(round(cast({{ expression }} as numeric), {{ digits }}) as {{ type_double() }})
{%- endmacro %}
