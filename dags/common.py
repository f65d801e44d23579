"""What both DAGs share: the Asset that chains them and the default task arguments.

Kept out of the DAG files so that each stays a thin declaration; listed in .airflowignore because
it defines no DAG.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.sdk import Asset

# Updated by ingest_reports when the staged Parquet changed; schedules build_warehouse.
STAGED_REPORTS = Asset(name="govreports_staged_reports", uri="file:///govreports/staged")

DEFAULT_ARGS = {
    "owner": "govreports",
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=2),
}
