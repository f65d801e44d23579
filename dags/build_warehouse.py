"""Airflow DAG `build_warehouse`: the dbt project, rendered by Cosmos, whenever new reports are staged.

Scheduled on the Asset that `ingest_reports` updates. Cosmos renders one task per dbt node from the
manifest (`make manifest` writes it; no `dbt ls` at parse time) and runs each as `dbt build` for
that node, in-process (dbt runner). DuckDB allows one writing process, so on DuckDB every dbt task
runs in the one-slot pool `duckdb_writer`: nodes run one after another even on a parallel executor.
PostgreSQL takes concurrent writers: there the dbt tasks run in the default pool, as many at a time
as the graph and the workers allow (Celery workers, `parallelism`).

The dbt target is GOVREPORTS_DBT_TARGET (default duckdb), read when this file is parsed. On
`postgres`, `load_staged` first loads the staged Parquet into the `staged` schema
(scrapers/warehouse/postgres.py). After the dbt group, `publish_marts` copies the marts to
data/published (a read-only DuckDB file and Parquet per mart, each replaced atomically), where BI
tools read without ever blocking or being blocked by the next build (scrapers/warehouse/publish.py).

`staged_changed` runs first: when the staged data, the dbt project and the target are exactly what
the last successful build used (scrapers/warehouse/fingerprint.py), it skips everything after it,
so a run with nothing new costs a fraction of a second. `record_build` stores the fingerprint only
after dbt and publishing succeeded.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import dag, task
from common import DEFAULT_ARGS, STAGED_REPORTS
from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
from cosmos.constants import InvocationMode, LoadMode, TestBehavior, TestIndirectSelection

from scrapers import settings
from scrapers.warehouse.target import dbt_target

DUCKDB_POOL = "duckdb_writer"
TARGET = dbt_target()


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
            install_dbt_deps=False,
        ),
        profile_config=ProfileConfig(
            profile_name="govreports",
            target_name=TARGET,
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
        operator_args={"pool": DUCKDB_POOL} if TARGET == "duckdb" else {},
    )

    @task.short_circuit(ignore_downstream_trigger_rules=True)
    def staged_changed() -> dict | bool:
        from scrapers.warehouse.fingerprint import forget_build, staged_fingerprint, warehouse_is_current

        fingerprint = staged_fingerprint()  # before the build: files staged during it count as new
        if warehouse_is_current(fingerprint):
            return False
        forget_build()  # a build that dies half-way never looks current
        return fingerprint

    @task
    def record_build(fingerprint: dict) -> str:
        from scrapers.warehouse.fingerprint import record_build

        return str(record_build(fingerprint))

    @task
    def load_staged() -> dict[str, int]:
        from scrapers.warehouse.postgres import load_staged
        from scrapers.warehouse.target import PostgresSettings

        return load_staged(settings.staged_dir(), PostgresSettings.from_env()).rows

    @task
    def publish_marts() -> dict[str, int]:
        from scrapers.warehouse.publish import publish_marts

        return publish_marts(source=TARGET).rows

    @task
    def report_marts() -> dict:
        from scrapers.summary import warehouse_summary
        from scrapers.warehouse.publish import published_database

        # On postgres there is no DuckDB warehouse: count the published copy of the marts.
        return warehouse_summary(published_database() if TARGET == "postgres" else None)

    changed = staged_changed()
    if TARGET == "postgres":
        changed >> load_staged() >> dbt
    else:
        changed >> dbt
    published = publish_marts()
    dbt >> published >> report_marts() >> record_build(changed)


build_warehouse()
