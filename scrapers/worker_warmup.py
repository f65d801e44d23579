"""Imported once by each Celery worker before it forks (scrapers/celery_config.py): the heavy
modules every task process would otherwise import again. Importing is all it does; a module that
is missing (an adapter not installed) is skipped."""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

MODULES = (
    "cosmos",
    "cosmos.operators.local",
    "dbt.cli.main",
    "dbt.adapters.postgres",
    "dbt.adapters.duckdb",
    "dbt.parser.manifest",
    "scrapers.pipeline",
    "scrapers.stage",
    "scrapers.warehouse.postgres",
    "scrapers.warehouse.publish",
)

loaded = []
for name in MODULES:
    try:
        importlib.import_module(name)
        loaded.append(name)
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        log.warning("worker warm-up: cannot import %s: %s", name, exc)
