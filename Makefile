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

.PHONY: help setup manifest run test lint airflow clean

help:
	@echo "make run      run the whole pipeline on the bundled portal (Airflow + dbt + DuckDB) and print a summary"
	@echo "make test     the whole test suite"
	@echo "make airflow  the Airflow UI on 127.0.0.1 (login printed), with the bundled portal running"
	@echo "make clean    remove generated state (data/, .airflow/, dbt target)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The venv is rebuilt from the lock whenever the lock changes.
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

setup: $(VENV)/.synced

# Cosmos renders the warehouse DAG from dbt's manifest, so DAG parsing never runs `dbt ls`.
$(MANIFEST): $(VENV)/.synced $(DBT_SOURCES)
	$(BIN)/govreports dbt parse --quiet

manifest: $(MANIFEST)

run: setup manifest
	$(BIN)/govreports run

lint: setup
	$(BIN)/ruff check .

test: setup manifest lint
	@$(BIN)/pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; exit $$rc

airflow: setup manifest
	$(BIN)/govreports airflow

clean:
	rm -rf data .airflow dbt_project/target dbt_project/logs .pytest_cache
