{#-
  Every non-null value of the column lies within [min_value, max_value] (inclusive).
  Warns by default: an out-of-range rate is a suspicious extraction, not a broken build.
  Narrow the rows checked with the standard test config `where:` (e.g. only rate metrics).
-#}
{% test within_range(model, column_name, min_value=0, max_value=100) %}
    {{ config(severity='warn') }}
    select *
    from {{ model }}
    where {{ column_name }} is not null
      and ({{ column_name }} < {{ min_value }} or {{ column_name }} > {{ max_value }})
{% endtest %}
