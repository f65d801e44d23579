"""Where things live: every path the pipeline reads or writes, resolved from the environment.

Airflow tasks, the CLI, dbt and the tests all call these, so one environment variable moves a
whole deployment (e.g. `GOVREPORTS_DATA_DIR=/mnt/govreports`). Paths are absolute because Cosmos
runs dbt from a temporary copy of the project.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"


def data_dir() -> Path:
    return Path(os.environ.get("GOVREPORTS_DATA_DIR", REPO_ROOT / "data")).resolve()


def staged_dir() -> Path:
    return Path(os.environ.get("GOVREPORTS_STAGED_DIR", data_dir() / "staged")).resolve()


def warehouse_path() -> Path:
    return Path(os.environ.get("GOVREPORTS_WAREHOUSE", data_dir() / "warehouse.duckdb")).resolve()


def shared_dir() -> Path:
    """The project's shared folder (seed reports, specs), kept beside the checkout."""
    return Path(os.environ.get("GOVREPORTS_SHARED", REPO_ROOT.parent / "shared")).resolve()


def dbt_env() -> dict[str, str]:
    """The variables dbt's profile and sources read; set them before any dbt invocation."""
    return {
        "GOVREPORTS_WAREHOUSE": str(warehouse_path()),
        "GOVREPORTS_STAGED_DIR": str(staged_dir()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
