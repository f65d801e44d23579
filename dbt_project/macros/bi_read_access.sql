{#-
  The read-only BI role on PostgreSQL: it may read the `marts` schema and nothing else.
  Runs as an on-run-start and on-run-end hook (dbt_project.yml); a no-op on DuckDB, where BI reads
  the published copy instead (scrapers/warehouse/publish.py).

  The role is named by GOVREPORTS_PG_BI_ROLE (default govreports_bi). It is created if missing, as
  a LOGIN role without a password (so it cannot log in with password authentication until an
  administrator runs `alter role govreports_bi password '...'`, or grants it to the BI users), which
  needs CREATEROLE: without it, create the role once as an administrator. No password ever goes
  through dbt (its logs would show it).
  At start, default privileges make every table dbt creates in `marts` readable by the role the
  moment it exists (dbt replaces a table by creating a new one and renaming it: no gap without a
  grant); at the end, every table already there is granted too. Nothing is granted on the staged,
  staging or intermediate schemas, and no schema grants CREATE, so the role can neither read them
  nor write anywhere.
-#}
{% macro bi_read_access() -%}
    {{ return(adapter.dispatch('bi_read_access', 'govreports')()) }}
{%- endmacro %}

{% macro default__bi_read_access() -%}
{%- endmacro %}

{% macro postgres__bi_read_access() -%}
    {%- set role = env_var('GOVREPORTS_PG_BI_ROLE', 'govreports_bi') -%}
    {%- set marts = layer_schema('marts') -%}
    {%- if not modules.re.match('^[a-z_][a-z0-9_]*$', role) -%}
        {{ exceptions.raise_compiler_error("GOVREPORTS_PG_BI_ROLE '" ~ role ~ "' is not a lower-case SQL identifier: pick a name like govreports_bi") }}
    {%- endif -%}
    do $bi$
    begin
        if not exists (select from pg_catalog.pg_roles where rolname = '{{ role }}') then
            begin
                create role {{ role }} login;
            exception when insufficient_privilege then
                raise exception 'role {{ role }} does not exist and % may not create roles', current_user
                    using hint = 'create it once as an administrator (create role {{ role }} login;), '
                              || 'or set GOVREPORTS_PG_BI_ROLE to an existing role';
            end;
        end if;
    end
    $bi$;
    create schema if not exists {{ marts }};
    grant usage on schema {{ marts }} to {{ role }};
    alter default privileges in schema {{ marts }} grant select on tables to {{ role }};
    grant select on all tables in schema {{ marts }} to {{ role }}
{%- endmacro %}
