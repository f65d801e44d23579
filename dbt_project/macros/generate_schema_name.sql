{#-
  Where each node is built.

  DuckDB (the default target): dbt's standard behaviour, i.e. everything in the target schema
  (`main`), which is what the CLI, the summary and the tests read. Unchanged.

  Any other target (PostgreSQL): one schema per layer, so that privileges can follow the layers
  (the BI role reads `marts` and nothing else; see macros/bi_read_access.sql):
    staged        the loaded Parquet (the dbt sources; written by scrapers/warehouse/postgres.py)
    staging       models/staging, and the seeds (reference data, exposed through dim_metric)
    intermediate  models/intermediate
    marts         models/marts
  A node with an explicit `schema` config is built in exactly that schema; anything outside the
  three model folders goes to the target schema.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if target.type == 'duckdb' -%}
        {{ dbt.default__generate_schema_name(custom_schema_name, node) }}
    {%- elif custom_schema_name is not none -%}
        {{ custom_schema_name | trim }}
    {%- elif node.resource_type == 'seed' -%}
        {{ layer_schema('staging') }}
    {%- elif node.fqn | length > 2 and node.fqn[1] in ('staging', 'intermediate', 'marts') -%}
        {{ layer_schema(node.fqn[1]) }}
    {%- else -%}
        {{ target.schema }}
    {%- endif -%}
{%- endmacro %}


{#- The schema of a layer on a non-DuckDB target: its name (staging, intermediate, marts). -#}
{% macro layer_schema(layer) -%}
    {{ return(layer) }}
{%- endmacro %}
