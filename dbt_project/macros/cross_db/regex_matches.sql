{#-
  True when the string matches the (POSIX-style) regular expression anywhere, null for a null
  string. DuckDB spells it regexp_matches(s, p) (RE2); PostgreSQL s ~ p. Keep patterns to the
  common subset: character classes, anchors, quantifiers, \d; no look-around, no back-references.
  Usage: {{ regex_matches('jurisdiction_code', "'^[0-9]{6}$'") }}
-#}
{% macro regex_matches(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_matches', 'govreports')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regex_matches(expression, pattern) -%}
    regexp_matches({{ expression }}, {{ pattern }})
{%- endmacro %}

{% macro postgres__regex_matches(expression, pattern) -%}
    ({{ expression }} ~ {{ pattern }})
{%- endmacro %}
