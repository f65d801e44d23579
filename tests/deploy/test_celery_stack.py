"""The production topology, natively: Airflow with the CeleryExecutor (api-server, scheduler,
dag-processor, a Celery worker as separate processes), its metadata on PostgreSQL, Redis as the
broker, the warehouse on PostgreSQL (GOVREPORTS_DBT_TARGET=postgres), the bundled portal as the web.

The ingest DAG is triggered through the REST API (v2, a JWT from the simple auth manager's token
endpoint); the warehouse DAG must then run by itself, scheduled on the Asset the ingest updates;
the marts are read on PostgreSQL as the read-only BI role. Everything is stopped at the end, also
when a step fails.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from support.celery_airflow import CeleryAirflow
from support.pg_cluster import PostgresCluster
from support.redis_server import RedisServer

from scrapers.archive.server import ArchiveServer

pytestmark = pytest.mark.e2e

# A few sources keep the run short; they cover three platforms (generic, hanweb, trs).
SOURCES = ["wfgx", "deqing", "jiangyin"]
BI_ROLE = "govreports_bi_test"
TIMEOUT_S = 360


@dataclass
class Outcome:
    stack: CeleryAirflow
    ingest: dict
    warehouse: dict
    ingest_tasks: list[dict]
    warehouse_tasks: list[dict]


def _wait_for_run(stack: CeleryAirflow, dag_id: str, deadline: float, run_id: str | None = None) -> dict:
    while True:
        stack.check_alive()
        if run_id:
            answer = stack.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}")
            runs = [answer.json()] if answer.ok else []
        else:
            answer = stack.api("GET", f"/dags/{dag_id}/dagRuns", params={"limit": 5})
            runs = answer.json().get("dag_runs", []) if answer.ok else []
        finished = [r for r in runs if r["state"] in ("success", "failed")]
        if finished:
            return finished[0]
        if time.monotonic() > deadline:
            raise TimeoutError(f"{dag_id} did not finish in time: {runs}\n{stack.logs()}")
        time.sleep(1)


def _task_instances(stack: CeleryAirflow, dag_id: str, run_id: str) -> list[dict]:
    answer = stack.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances", params={"limit": 500})
    answer.raise_for_status()
    return answer.json()["task_instances"]


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory, postgres_cluster: PostgresCluster) -> Iterator[Outcome]:
    root: Path = tmp_path_factory.mktemp("celery")
    with psycopg.connect(postgres_cluster.dsn(), autocommit=True) as con:
        con.execute("create database airflow")
        con.execute("drop database if exists warehouse")
        con.execute("create database warehouse")
    warehouse = {**postgres_cluster.env(), "GOVREPORTS_PG_DATABASE": "warehouse"}
    redis = RedisServer().start()
    stack = None
    try:
        with ArchiveServer() as archive:
            stack = CeleryAirflow(
                home=root / "airflow",
                metadata_url=f"postgresql://govreports@{postgres_cluster.host}:{postgres_cluster.port}/airflow",
                broker_url=redis.url,
                extra_env={
                    "GOVREPORTS_DATA_DIR": str(root / "data"),
                    "GOVREPORTS_STAGED_DIR": str(root / "data" / "staged"),
                    "GOVREPORTS_WAREHOUSE": str(root / "data" / "warehouse.duckdb"),
                    "GOVREPORTS_PUBLISHED_DIR": str(root / "data" / "published"),
                    "GOVREPORTS_ARCHIVE_URL": archive.url,
                    "GOVREPORTS_DBT_TARGET": "postgres",
                    # Only the run the test triggers: no scheduled run beside it.
                    "GOVREPORTS_INGEST_SCHEDULE": "none",
                    "GOVREPORTS_PG_BI_ROLE": BI_ROLE,
                    **warehouse,
                },
            )
            started = time.monotonic()
            stack.start()
            deadline = started + TIMEOUT_S
            while stack.api("GET", "/dags/ingest_reports").status_code != 200:
                stack.check_alive()
                assert time.monotonic() < deadline, f"ingest_reports never parsed:\n{stack.logs()}"
                time.sleep(1)
            answer = stack.api(
                "POST",
                "/dags/ingest_reports/dagRuns",
                json={"logical_date": None, "conf": {"sources": SOURCES}},
            )
            assert answer.status_code in (200, 201), answer.text
            run_id = answer.json()["dag_run_id"]
            ingest = _wait_for_run(stack, "ingest_reports", deadline, run_id)
            ingest_tasks = _task_instances(stack, "ingest_reports", run_id)
            assert ingest["state"] == "success", ingest_tasks
            built = _wait_for_run(stack, "build_warehouse", deadline)
            warehouse_tasks = _task_instances(stack, "build_warehouse", built["dag_run_id"])
            yield Outcome(stack, ingest, built, ingest_tasks, warehouse_tasks)
    finally:
        try:
            if stack is not None:
                stack.stop()
        finally:
            redis.stop()


def test_ingest_ran_on_celery_mapped_per_source(outcome: Outcome) -> None:
    assert outcome.ingest["run_type"] == "manual"
    assert outcome.ingest["conf"] == {"sources": SOURCES}
    fetched = [t for t in outcome.ingest_tasks if t["task_id"] == "fetch"]
    assert sorted(t["rendered_map_index"] for t in fetched) == sorted(SOURCES)
    assert {t["state"] for t in outcome.ingest_tasks} == {"success"}
    assert {t["executor"] or "CeleryExecutor" for t in outcome.ingest_tasks} <= {"CeleryExecutor"}
    assert all(t["hostname"] for t in outcome.ingest_tasks), "every task ran on a worker"


def test_warehouse_dag_ran_on_the_asset_and_succeeded(outcome: Outcome) -> None:
    assert outcome.warehouse["run_type"] == "asset_triggered"
    failed = [t["task_id"] for t in outcome.warehouse_tasks if t["state"] != "success"]
    assert outcome.warehouse["state"] == "success", failed
    assert {"load_staged", "publish_marts", "report_marts"} <= {t["task_id"] for t in outcome.warehouse_tasks}


def test_marts_are_on_postgres_and_readable_by_the_bi_role(
    outcome: Outcome, postgres_cluster: PostgresCluster
) -> None:
    dsn = postgres_cluster.dsn(user=BI_ROLE).replace("dbname=govreports", "dbname=warehouse")
    with psycopg.connect(dsn) as con:
        sources = {s for (s,) in con.execute("select distinct source from marts.dim_report").fetchall()}
        metrics = con.execute("select count(*) from marts.fct_report_metrics").fetchone()[0]
        assert sources == set(SOURCES)
        assert metrics > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("select count(*) from staged.documents")
