"""The build_warehouse DAG publishes the marts after dbt, and on the postgres target loads the
staged Parquet into PostgreSQL before dbt (both steps live in scrapers/warehouse/)."""

from __future__ import annotations

import os
import sys

import pytest

from scrapers import settings

DAGS_DIR = settings.REPO_ROOT / "dags"


def _build_warehouse_dag(tmp_path_factory: pytest.TempPathFactory, target: str):
    manifest = settings.DBT_PROJECT_DIR / "target" / "manifest.json"
    assert manifest.exists(), "run `make manifest` first (make test does): Cosmos renders from it"
    home = tmp_path_factory.mktemp("airflow_home")
    os.environ.setdefault("AIRFLOW_HOME", str(home))
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    os.environ["AIRFLOW__COSMOS__ENABLE_TELEMETRY"] = "False"
    os.environ.setdefault("AIRFLOW__COSMOS__CACHE_DIR", str(home / "cosmos"))
    if str(DAGS_DIR) not in sys.path:
        sys.path.insert(0, str(DAGS_DIR))
    from airflow.dag_processing.dagbag import DagBag

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GOVREPORTS_DBT_TARGET", target)
        bag = DagBag(dag_folder=str(DAGS_DIR / "build_warehouse.py"))
    assert bag.import_errors == {}
    return bag.dags["build_warehouse"]


@pytest.fixture(scope="module")
def duckdb_dag(tmp_path_factory: pytest.TempPathFactory):
    return _build_warehouse_dag(tmp_path_factory, "duckdb")


@pytest.fixture(scope="module")
def postgres_dag(tmp_path_factory: pytest.TempPathFactory):
    return _build_warehouse_dag(tmp_path_factory, "postgres")


def _dbt_tasks(dag) -> list:
    return [task for task in dag.tasks if task.task_id.startswith("dbt.")]


@pytest.mark.parametrize("dag_fixture", ["duckdb_dag", "postgres_dag"])
def test_publish_runs_after_every_dbt_task(request: pytest.FixtureRequest, dag_fixture: str) -> None:
    dag = request.getfixturevalue(dag_fixture)
    publish = dag.get_task("publish_marts")
    upstream = publish.get_flat_relative_ids(upstream=True)
    assert _dbt_tasks(dag) and {task.task_id for task in _dbt_tasks(dag)} <= upstream
    assert "publish_marts" in dag.get_task("report_marts").get_flat_relative_ids(upstream=True)


def test_duckdb_target_loads_nothing_into_postgres(duckdb_dag) -> None:
    assert "load_staged" not in duckdb_dag.task_ids


def test_postgres_target_loads_the_staged_parquet_before_dbt(postgres_dag) -> None:
    downstream = postgres_dag.get_task("load_staged").get_flat_relative_ids(upstream=False)
    assert {task.task_id for task in _dbt_tasks(postgres_dag)} <= downstream
