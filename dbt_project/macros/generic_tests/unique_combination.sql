{#-
  The combination of columns is unique (a small stand-in for dbt_utils.unique_combination_of_columns).
  Null values are treated as values: two rows that are both null in a column count as equal.
-#}
{% test unique_combination(model, combination_of_columns) %}
    {%- set columns_csv = combination_of_columns | join(', ') %}
    select {{ columns_csv }}, count(*) as n_rows
    from {{ model }}
    group by {{ columns_csv }}
    having count(*) > 1
{% endtest %}
