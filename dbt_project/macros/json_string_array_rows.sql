{#-
  One row per element of a JSON list of strings held in a text column (e.g. stg_staged__documents.alt_urls),
  as a complete SELECT: `select <key columns>, <element> as element from <relation>`. A null list
  gives no row. The set-returning call sits in the select list, which both databases accept:
  DuckDB unnests the list parsed by from_json, PostgreSQL calls json_array_elements_text.
  Usage: {{ json_string_array_rows(ref('stg_staged__documents'), ['report_id', 'source'], 'alt_urls') }}
-#}
{% macro json_string_array_rows(relation, key_columns, array_column) -%}
    {{ return(adapter.dispatch('json_string_array_rows', 'govreports')(relation, key_columns, array_column)) }}
{%- endmacro %}

{% macro default__json_string_array_rows(relation, key_columns, array_column) -%}
    select {{ key_columns | join(', ') }}, json_array_elements_text(cast({{ array_column }} as json)) as element
    from {{ relation }}
    where {{ array_column }} is not null
{%- endmacro %}

{% macro duckdb__json_string_array_rows(relation, key_columns, array_column) -%}
    select {{ key_columns | join(', ') }}, unnest(from_json({{ array_column }}, '["VARCHAR"]')) as element
    from {{ relation }}
    where {{ array_column }} is not null
{%- endmacro %}
