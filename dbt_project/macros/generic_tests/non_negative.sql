{#-
  Every non-null value of the column is >= 0 (counts). Warns by default, like within_range: a
  negative count is a suspicious extraction, listed in data_quality_issues, not a broken build.
-#}
{% test non_negative(model, column_name) %}
    {{ config(severity='warn') }}
    select *
    from {{ model }}
    where {{ column_name }} < 0
{% endtest %}
