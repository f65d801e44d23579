"""What both DAGs share: the Asset that chains them, the default task arguments and the alert hook.

Kept out of the DAG files so that each stays a thin declaration; listed in .airflowignore because
it defines no DAG. Nothing here imports the scrapers package at parse time: the failure callback
imports it only when a task has failed.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.sdk import Asset

# Updated by ingest_reports when the staged Parquet changed; schedules build_warehouse.
STAGED_REPORTS = Asset(name="govreports_staged_reports", uri="file:///govreports/staged")


def on_task_failure(context) -> None:
    """A task failed for good (its retries spent): log an alert naming the source and the reason,
    and POST it to GOVREPORTS_ALERT_WEBHOOK when that is set (scrapers/alerts.py)."""
    from scrapers.alerts import task_failed

    task_failed(context)


DEFAULT_ARGS = {
    "owner": "govreports",
    # Retries wait 30 s, then about 60 s, 120 s, ... (exponential backoff with jitter), at most 30 min.
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": on_task_failure,
}
