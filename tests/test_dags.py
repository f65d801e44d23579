"""DAG integrity: every file in dags/ imports, and every DAG is declared the way operators expect."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pendulum
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


def test_ingest_schedule_follows_the_publication_calendar(dagbag) -> None:
    """Weekly from January to April (when reports appear), monthly otherwise; never catching up."""
    from airflow.sdk import MultipleCronTriggerTimetable
    from airflow.timetables.trigger import MultipleCronTriggerTimetable as CoreTimetable

    dag = dagbag.dags["ingest_reports"]
    assert isinstance(dag.timetable, MultipleCronTriggerTimetable)
    expressions = [t.expression for t in dag.timetable.timetables]
    assert expressions == ["0 3 * 1-4 MON", "0 3 1 5-12 *"]
    assert {str(t.timezone) for t in dag.timetable.timetables} == {"Asia/Shanghai"}
    assert dag.catchup is False
    # What the scheduler runs: the same expressions in Airflow's own timetable.
    timetable = CoreTimetable(*expressions, timezone="Asia/Shanghai")
    # Runs of 2026: 17 Mondays from January to April, then the 1st of May … December.
    start = pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai")
    end = pendulum.datetime(2027, 1, 1, tz="Asia/Shanghai")
    runs, when = [], start
    while True:
        when = _next_fire(timetable, when)
        if when >= end:
            break
        runs.append(when)
    by_month = {m: sum(1 for r in runs if r.in_tz("Asia/Shanghai").month == m) for m in range(1, 13)}
    assert all(by_month[m] >= 4 for m in (1, 2, 3, 4))
    assert all(by_month[m] == 1 for m in range(5, 13))
    assert {r.in_tz("Asia/Shanghai").hour for r in runs} == {3}


def _next_fire(timetable, after):
    from airflow.timetables.base import DataInterval, TimeRestriction

    info = timetable.next_dagrun_info(
        last_automated_data_interval=DataInterval(after, after),
        restriction=TimeRestriction(earliest=None, latest=None, catchup=True),
    )
    return info.run_after


def test_ingest_schedule_can_be_overridden() -> None:
    if str(DAGS_DIR) not in sys.path:
        sys.path.insert(0, str(DAGS_DIR))
    import ingest_reports

    assert ingest_reports._schedule(None) is ingest_reports.PUBLICATION_CALENDAR
    assert ingest_reports._schedule("calendar") is ingest_reports.PUBLICATION_CALENDAR
    assert ingest_reports._schedule("none") is None
    assert ingest_reports._schedule("0 6 * * *") == "0 6 * * *"


@pytest.mark.parametrize("dag_id", ["ingest_reports", "build_warehouse"])
def test_runs_never_overlap_and_tasks_retry_with_backoff_timeout_and_alert(dagbag, dag_id: str) -> None:
    from datetime import timedelta

    dag = dagbag.dags[dag_id]
    assert dag.max_active_runs == 1
    for task in dag.tasks:
        name = f"{dag_id}.{task.task_id}"
        assert task.retry_exponential_backoff, f"{name} retries without backoff"
        assert task.max_retry_delay and task.max_retry_delay <= timedelta(hours=1), name
        assert task.execution_timeout and task.execution_timeout <= timedelta(hours=2), name
        callbacks = task.on_failure_callback
        callbacks = callbacks if isinstance(callbacks, list) else [callbacks]
        assert any(getattr(c, "__name__", "") == "on_task_failure" for c in callbacks), f"{name} has no alert"


def test_ingest_params_restrict_sources_and_report_years(dagbag) -> None:
    params = dagbag.dags["ingest_reports"].params
    assert params["sources"] == [] and params["report_years"] == []
    assert params.get_param("report_years").schema["items"] == {"type": "integer"}


@pytest.mark.parametrize("dag_file", ["ingest_reports.py", "build_warehouse.py"])
def test_dag_files_parse_well_under_a_second(dagbag, dag_file: str) -> None:
    stats = {Path(s.file).name: s.duration for s in dagbag.dagbag_stats}
    duration = stats[dag_file]
    seconds = duration.total_seconds() if hasattr(duration, "total_seconds") else float(duration)
    assert seconds < 1.0, f"{dag_file} took {seconds:.2f} s to parse"


def test_warehouse_dbt_tasks_use_the_writer_pool_only_on_duckdb(dagbag) -> None:
    # The test session parses with the default target (duckdb): every dbt task in the one-slot pool.
    dag = dagbag.dags["build_warehouse"]
    dbt_tasks = [t for t in dag.tasks if t.task_id.startswith("dbt.")]
    assert dbt_tasks and {t.pool for t in dbt_tasks} == {"duckdb_writer"}


def test_warehouse_build_is_skipped_when_nothing_changed_and_recorded_last(dagbag) -> None:
    """staged_changed gates every dbt task; the fingerprint is recorded only after publishing."""
    dag = dagbag.dags["build_warehouse"]
    gated = dag.get_task("staged_changed").get_flat_relative_ids(upstream=False)
    assert {t.task_id for t in dag.tasks if t.task_id.startswith("dbt.")} <= gated
    assert {"publish_marts", "report_marts", "record_build"} <= gated
    assert "publish_marts" in dag.get_task("record_build").get_flat_relative_ids(upstream=True)
