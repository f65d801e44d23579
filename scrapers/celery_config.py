"""Celery settings of the govreports workers: Airflow's defaults, plus warm imports.

Set `AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS=scrapers.celery_config.CELERY_CONFIG` (docker/compose.yaml
does). A Celery worker imports the modules in `imports` once, in its main process, before it forks
its pool; every task process Airflow then forks from the pool inherits them. dbt, its adapters and
Cosmos take seconds to import, so without this every dbt task would pay that again.
"""

from __future__ import annotations

from airflow.providers.celery.executors.default_celery import DEFAULT_CELERY_CONFIG

CELERY_CONFIG = {
    **DEFAULT_CELERY_CONFIG,
    "imports": (*DEFAULT_CELERY_CONFIG.get("imports", ()), "scrapers.worker_warmup"),
}
