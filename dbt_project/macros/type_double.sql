{#-
  A double-precision float, portably. dbt.type_float() renders `float`, which is a 4-byte REAL on
  DuckDB (99.6 becomes 99.5999984741211) although it is 8 bytes on PostgreSQL; the staged `value`
  is a double, so use the standard `double precision`, which both databases read as 8 bytes.
  Dispatched so another adapter can override it.
-#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'govreports')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}
