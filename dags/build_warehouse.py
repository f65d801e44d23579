"""Airflow DAG `build_warehouse`: the dbt project, rendered by Cosmos, whenever new reports are staged.

Scheduled on the Asset that `ingest_reports` updates. Cosmos renders one task per dbt node from the
manifest (`make manifest` writes it; no `dbt ls` at parse time) and runs each as `dbt build` for
that node, in-process (dbt runner). DuckDB allows one writing process, so every dbt task runs in
the one-slot pool `duckdb_writer`: nodes run one after another even on a parallel executor.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import dag, task
from common import DEFAULT_ARGS, STAGED_REPORTS
from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
from cosmos.constants import InvocationMode, LoadMode, TestBehavior, TestIndirectSelection

from scrapers import settings

DUCKDB_POOL = "duckdb_writer"


@dag(
    dag_id="build_warehouse",
    schedule=[STAGED_REPORTS],
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["govreports", "warehouse", "dbt"],
    doc_md=__doc__,
)
def build_warehouse() -> None:
    dbt = DbtTaskGroup(
        group_id="dbt",
        project_config=ProjectConfig(
            dbt_project_path=settings.DBT_PROJECT_DIR,
            manifest_path=settings.DBT_PROJECT_DIR / "target" / "manifest.json",
            env_vars=settings.dbt_env(),
        ),
        profile_config=ProfileConfig(
            profile_name="govreports",
            target_name="duckdb",
            profiles_yml_filepath=settings.DBT_PROJECT_DIR / "profiles.yml",
        ),
        # Each node's `dbt build` runs only the tests whose parents are all built by then; a test
        # spanning several models (relationships) becomes its own task after all of them.
        execution_config=ExecutionConfig(
            invocation_mode=InvocationMode.DBT_RUNNER,
            test_indirect_selection=TestIndirectSelection.CAUTIOUS,
        ),
        render_config=RenderConfig(
            load_method=LoadMode.DBT_MANIFEST,
            test_behavior=TestBehavior.BUILD,
            should_detach_multiple_parents_tests=True,
        ),
        operator_args={"pool": DUCKDB_POOL, "install_deps": False},
    )

    @task
    def report_marts() -> dict:
        from scrapers.summary import warehouse_summary

        return warehouse_summary()

    dbt >> report_marts()


build_warehouse()
