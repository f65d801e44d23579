"""DAG integrity: every file in dags/ imports, and every DAG is declared the way operators expect."""

from __future__ import annotations

import os
import sys

import pytest

from scrapers import settings

DAGS_DIR = settings.REPO_ROOT / "dags"


@pytest.fixture(scope="module")
def dagbag(tmp_path_factory: pytest.TempPathFactory):
    manifest = settings.DBT_PROJECT_DIR / "target" / "manifest.json"
    assert manifest.exists(), "run `make manifest` first (make test does): Cosmos renders from it"
    home = tmp_path_factory.mktemp("airflow_home")
    os.environ.setdefault("AIRFLOW_HOME", str(home))
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    os.environ["AIRFLOW__COSMOS__ENABLE_TELEMETRY"] = "False"
    os.environ.setdefault("AIRFLOW__COSMOS__CACHE_DIR", str(home / "cosmos"))
    # Airflow puts the DAG folder on sys.path in every process that parses DAGs; do the same.
    if str(DAGS_DIR) not in sys.path:
        sys.path.insert(0, str(DAGS_DIR))
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS_DIR))


def test_every_dag_file_imports(dagbag) -> None:
    assert dagbag.import_errors == {}


def test_expected_dags_are_defined(dagbag) -> None:
    assert {"ingest_reports", "build_warehouse"} <= set(dagbag.dag_ids)


@pytest.mark.parametrize("dag_id", ["ingest_reports", "build_warehouse"])
def test_dag_has_owner_retries_and_tags(dagbag, dag_id: str) -> None:
    dag = dagbag.dags[dag_id]
    assert dag.tags, f"{dag_id} has no tags"
    for task in dag.tasks:
        assert task.owner and task.owner != "airflow", f"{dag_id}.{task.task_id} has no owner"
        assert task.retries >= 1, f"{dag_id}.{task.task_id} has no retries"


@pytest.mark.parametrize("dag_id", ["ingest_reports", "build_warehouse"])
def test_dag_has_no_cycles(dagbag, dag_id: str) -> None:
    dag = dagbag.dags[dag_id]
    # topological_sort raises on a cycle; every task must appear exactly once.
    ordered = dag.topological_sort()
    assert len(ordered) == len(dag.task_dict)


def test_warehouse_dag_is_scheduled_on_the_ingest_asset(dagbag) -> None:
    ingest = dagbag.dags["ingest_reports"]
    warehouse = dagbag.dags["build_warehouse"]
    produced = {outlet.uri for task in ingest.tasks for outlet in task.outlets}
    consumed = {asset.uri for asset in warehouse.timetable.asset_condition.objects}
    assert produced and produced <= consumed


def test_dag_files_do_no_work_at_import() -> None:
    """Heavy imports belong inside tasks: the scrapers package must not be imported by the ingest DAG file."""
    source = (DAGS_DIR / "ingest_reports.py").read_text(encoding="utf-8")
    top_level = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not any("scrapers" in line for line in top_level)
