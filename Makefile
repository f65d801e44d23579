# The front door. `make run` and `make test` work on a fresh clone: every install step is here.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := $(CURDIR)/.tools
UV := $(TOOLS)/bin/uv
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
MANIFEST := dbt_project/target/manifest.json
DBT_SOURCES := $(shell find dbt_project -path dbt_project/target -prune -o -type f \( -name '*.sql' -o -name '*.yml' -o -name '*.csv' \) -print)

# uv never downloads an interpreter; it uses this machine's Python 3.11.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help setup postgres redis docker-compose manifest run test lint airflow clean docs up down

help:
	@echo "make run      run the whole pipeline on the bundled portal (Airflow + dbt + DuckDB) and print a summary"
	@echo "make test     the whole test suite"
	@echo "make airflow  the Airflow UI on 127.0.0.1 (login printed), with the bundled portal running"
	@echo "make docs     the dbt docs (models, columns, tests, lineage, exposures) on 127.0.0.1 (port printed)"
	@echo "make bench    speed and scale on a generated corpus: bench/RESULTS.md (BENCH_SCALE=0.05 for a quick run)"
	@echo "make clean    remove generated state (data/, .airflow/, dbt target)"
	@echo "make up       the production stack in Docker (docker/compose.yaml; settings in docker/.env)"
	@echo "make down     stop it (volumes are kept)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The venv is rebuilt from the lock whenever the lock changes.
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

setup: $(VENV)/.synced

# The tests start their own throwaway PostgreSQL server (tests/support/pg_cluster.py, run as the
# `postgres` system user when we are root): install the server binaries (Debian package
# `postgresql`) when initdb is missing. The pipeline itself needs no PostgreSQL unless
# GOVREPORTS_DBT_TARGET=postgres.
postgres:
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "PostgreSQL's server (initdb) is missing: run 'apt-get install -y postgresql' as root" >&2; exit 1; \
		fi; \
		echo "installing PostgreSQL for the tests (apt-get install -y postgresql) ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	fi

# The Celery deployment test (tests/deploy) starts its own Redis as the broker: install the server
# (Debian package `redis-server`) when it is missing.
redis:
	@if ! command -v redis-server >/dev/null 2>&1; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "redis-server is missing: run 'apt-get install -y redis-server' as root" >&2; exit 1; \
		fi; \
		echo "installing Redis for the tests (apt-get install -y redis-server) ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	fi

# No container engine is needed to validate docker/compose.yaml: Debian's docker-compose (v1) checks
# it without a daemon (tests/deploy). Installed when missing.
docker-compose:
	@if ! command -v docker-compose >/dev/null 2>&1; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "docker-compose is missing: run 'apt-get install -y docker-compose' as root" >&2; exit 1; \
		fi; \
		echo "installing docker-compose for the tests (apt-get install -y docker-compose) ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; \
	fi

# Cosmos renders the warehouse DAG from dbt's manifest, so DAG parsing never runs `dbt ls`.
$(MANIFEST): $(VENV)/.synced $(DBT_SOURCES)
	$(BIN)/govreports dbt parse --quiet

manifest: $(MANIFEST)

run: setup manifest
	$(BIN)/govreports run

lint: setup
	$(BIN)/ruff check .

test: setup postgres redis docker-compose manifest lint
	@$(BIN)/pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; exit $$rc

airflow: setup manifest
	$(BIN)/govreports airflow

# dbt's documentation site, served on 127.0.0.1 at a free port (DOCS_PORT=8081 make docs picks one).
# Generated from the manifest (--no-compile), so it works before any build; after `make run` the
# catalog also shows every table's columns and types from data/warehouse.duckdb.
DOCS_PORT ?= 0
docs: setup manifest
	$(BIN)/govreports dbt docs generate --no-compile --quiet
	@port=$(DOCS_PORT); \
	if [ "$$port" = 0 ]; then \
		port=$$($(BIN)/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	fi; \
	echo "dbt docs: http://127.0.0.1:$$port/ (Ctrl-C stops)"; \
	$(BIN)/govreports dbt docs serve --host 127.0.0.1 --port $$port --no-browser

# Speed and scale on a generated corpus with known answers (scrapers/bench/): writes bench/results.json
# and bench/RESULTS.md; generated data stays in bench/out/. Not part of `make test`.
BENCH_SCALE ?= 1
BENCH_RUNS ?= 3
bench: setup manifest
	$(BIN)/python -m scrapers.bench.harness --scale $(BENCH_SCALE) --runs $(BENCH_RUNS)

clean:
	rm -rf data .airflow dbt_project/target dbt_project/logs .pytest_cache

# The production stack (docker/compose.yaml): docker/.env is made from .env.example on first use,
# with generated secrets (docker/make_env.py keeps existing values). Needs Docker with compose v2
# (or docker-compose). More workers: $(COMPOSE) up -d --scale airflow-worker=3
COMPOSE = $(shell docker compose version >/dev/null 2>&1 && echo docker compose || echo docker-compose) \
	-f docker/compose.yaml --env-file docker/.env

up:
	$(PYTHON) docker/make_env.py
	$(COMPOSE) build
	$(COMPOSE) up -d
	@echo "Airflow: http://localhost:$$(grep -oP '^AIRFLOW_API_PORT=\K.*' docker/.env) (passwords: $(COMPOSE) exec airflow-apiserver cat /opt/airflow/auth/passwords.json)"
	@echo "Metabase: http://localhost:$$(grep -oP '^METABASE_PORT=\K.*' docker/.env) (admin: METABASE_ADMIN_EMAIL / METABASE_ADMIN_PASSWORD in docker/.env)"

down:
	$(COMPOSE) down
