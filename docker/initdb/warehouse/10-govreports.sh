#!/bin/bash
# First start of warehouse-postgres only (docker-entrypoint-initdb.d):
# - the dbt user GOVREPORTS_PG_USER, owner of the database GOVREPORTS_PG_DATABASE (dbt creates the
#   schemas staged, staging, intermediate and marts in it), not a superuser;
# - the read-only BI role GOVREPORTS_PG_BI_ROLE with its password, so that dbt's hooks
#   (dbt_project/macros/bi_read_access.sql) find it and only grant it USAGE on marts and SELECT on
#   its tables: it can read nothing else and write nowhere.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v dbt_user="$GOVREPORTS_PG_USER" -v dbt_password="$GOVREPORTS_PG_PASSWORD" \
    -v db="$GOVREPORTS_PG_DATABASE" \
    -v bi_role="$GOVREPORTS_PG_BI_ROLE" -v bi_password="$GOVREPORTS_PG_BI_PASSWORD" <<'SQL'
create role :"dbt_user" login password :'dbt_password';
create role :"bi_role" login password :'bi_password' nosuperuser nocreatedb nocreaterole;
create database :"db" owner :"dbt_user";
\connect :"db"
revoke create on schema public from public;
revoke all on database :"db" from public;
grant connect on database :"db" to :"bi_role";
SQL
