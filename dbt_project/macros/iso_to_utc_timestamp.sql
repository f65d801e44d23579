{#-
  An ISO 8601 string ('2024-01-02T03:04:05+00:00', '...Z', or without offset) as a timestamp
  without time zone, in UTC. A plain cast to timestamp would drop a non-UTC offset on DuckDB;
  going through `timestamp with time zone ... at time zone 'UTC'` is standard SQL that DuckDB
  and PostgreSQL both honour (a string without offset is read in the session time zone, UTC here).
-#}
{% macro iso_to_utc_timestamp(expression) -%}
    (cast({{ expression }} as timestamp with time zone) at time zone 'UTC')
{%- endmacro %}
