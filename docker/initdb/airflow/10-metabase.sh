#!/bin/bash
# First start of airflow-postgres only (docker-entrypoint-initdb.d): Metabase's application database,
# with its own login (METABASE_DB_PASSWORD), beside Airflow's metadata database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v mb_password="$METABASE_DB_PASSWORD" <<'SQL'
create role metabase login password :'mb_password';
create database metabase owner metabase;
SQL
