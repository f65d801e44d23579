"""The same dbt project on PostgreSQL: loaded from the same staged Parquet, it builds the same marts.

One module-scoped build per target, run side by side: the synthetic staged data of staged_data.py
is built into a DuckDB warehouse (the default target) and, after scrapers.warehouse.postgres loads
it into the `staged` schema, into a private PostgreSQL cluster (fixture `postgres_cluster`). Every
mart (every model under models/marts, found in the DuckDB build's manifest, so new marts are covered
without editing this file) must hold the same columns and the same rows on both. Then the BI role:
it reads the marts and nothing else, and writes nowhere.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from staged_data import DOCUMENTS_A, write_staged
from support.pg_cluster import PostgresCluster

from scrapers.warehouse.postgres import StagedLoadError, load_staged
from scrapers.warehouse.target import MARTS_SCHEMA, STAGED_SCHEMA, PostgresSettings

REPO = Path(__file__).resolve().parents[2]
PROJECT_DIR = REPO / "dbt_project"
DBT = Path(sys.executable).parent / "dbt"
BI_ROLE = "govreports_bi_test"
PRIVATE_SCHEMAS = (STAGED_SCHEMA, "staging", "intermediate")


@dataclass
class Builds:
    duckdb: Path
    postgres: PostgresSettings
    marts: list[str]
    results: dict[str, subprocess.CompletedProcess[str]]


def _dbt_build(target: str, env: dict[str, str], tmp: Path) -> subprocess.Popen[str]:
    command = [
        str(DBT),
        "build",
        "--target",
        target,
        "--profiles-dir",
        str(PROJECT_DIR),
        "--project-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(tmp / f"target_{target}"),
        "--log-path",
        str(tmp / f"logs_{target}"),
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, postgres_cluster: PostgresCluster) -> Builds:
    tmp = tmp_path_factory.mktemp("pg_parity")
    staged = write_staged(tmp / "staged")
    env = {
        **os.environ,
        **postgres_cluster.env(),
        "GOVREPORTS_PG_BI_ROLE": BI_ROLE,
        "GOVREPORTS_STAGED_DIR": str(staged),
        "GOVREPORTS_WAREHOUSE": str(tmp / "warehouse.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    env.pop("GOVREPORTS_DBT_TARGET", None)
    settings = PostgresSettings.from_env(env)
    load_staged(staged, settings)
    # Two processes, two databases: the builds run side by side.
    running = {target: _dbt_build(target, env, tmp) for target in ("duckdb", "postgres")}
    results = {}
    for target, process in running.items():
        out, _ = process.communicate(timeout=600)
        results[target] = subprocess.CompletedProcess(process.args, process.returncode, out, "")
    for target, result in results.items():
        assert result.returncode == 0, f"dbt build --target {target} failed:\n{result.stdout[-6000:]}"
    manifest = json.loads((tmp / "target_duckdb" / "manifest.json").read_text(encoding="utf-8"))
    marts = sorted(
        node["name"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["fqn"][1:2] == ["marts"]
        and node["config"]["materialized"] != "ephemeral"
    )
    return Builds(tmp / "warehouse.duckdb", settings, marts, results)


def _normalize(value: Any) -> Any:
    """One comparable form per value: timestamps as naive UTC, numbers as int or float."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _sort_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    def key(value: Any) -> tuple[int, Any]:
        if value is None:
            return (0, "")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return (1, round(float(value), 6))
        return (2, str(value))

    return tuple(key(value) for value in row)


def _duckdb_table(path: Path, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    with duckdb.connect(str(path), read_only=True) as con:
        columns = [
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns where table_name = ? "
                "order by ordinal_position",
                [table],
            ).fetchall()
        ]
        rows = con.execute(f'select * from "{table}"').fetchall()
    return columns, rows


def _postgres_table(settings: PostgresSettings, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    with settings.connect() as con:
        columns = [
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = %s and table_name = %s order by ordinal_position",
                [MARTS_SCHEMA, table],
            ).fetchall()
        ]
        rows = con.execute(f'select * from {MARTS_SCHEMA}."{table}"').fetchall()
    return columns, rows


def _assert_same_rows(table: str, left: list[tuple[Any, ...]], right: list[tuple[Any, ...]]) -> None:
    left = sorted((tuple(_normalize(v) for v in row) for row in left), key=_sort_key)
    right = sorted((tuple(_normalize(v) for v in row) for row in right), key=_sort_key)
    assert len(left) == len(right), f"{table}: {len(left)} rows on DuckDB, {len(right)} on PostgreSQL"
    for index, (a, b) in enumerate(zip(left, right, strict=True)):
        for x, y in zip(a, b, strict=True):
            if isinstance(x, float) or isinstance(y, float):
                assert x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9), (
                    f"{table} row {index}: {a} != {b}"
                )
            else:
                assert x == y, f"{table} row {index}: {a} != {b}"


def test_both_builds_pass_their_data_tests(builds: Builds) -> None:
    for target, result in builds.results.items():
        assert "ERROR=0" in result.stdout, f"{target}: {result.stdout[-3000:]}"


def test_marts_are_discovered(builds: Builds) -> None:
    assert {"dim_report", "fct_report_metrics", "mart_metric_yoy"} <= set(builds.marts)


def test_every_mart_is_identical_on_postgres(builds: Builds) -> None:
    for table in builds.marts:
        duck_columns, duck_rows = _duckdb_table(builds.duckdb, table)
        pg_columns, pg_rows = _postgres_table(builds.postgres, table)
        assert duck_columns, f"{table} is missing from the DuckDB warehouse"
        assert pg_columns == duck_columns, f"{table}: columns differ"
        assert duck_rows, f"{table} is empty: the comparison would prove nothing"
        _assert_same_rows(table, duck_rows, pg_rows)


def test_layers_have_their_own_schemas_on_postgres(builds: Builds) -> None:
    with builds.postgres.connect() as con:
        where = dict(
            con.execute(
                "select table_name, table_schema from information_schema.tables "
                "where table_schema in ('staged', 'staging', 'intermediate', 'marts')"
            ).fetchall()
        )
    assert where["documents"] == "staged"
    assert where["stg_staged__documents"] == "staging"
    assert where["int_reports__deduplicated"] == "intermediate"
    assert {where[mart] for mart in builds.marts} == {"marts"}


def _bi(builds: Builds) -> psycopg.Connection:
    return psycopg.connect(
        host=builds.postgres.host,
        port=builds.postgres.port,
        user=BI_ROLE,
        dbname=builds.postgres.database,
        autocommit=True,
    )


def test_bi_role_reads_every_mart(builds: Builds) -> None:
    with _bi(builds) as con:
        for table in builds.marts:
            assert con.execute(f'select count(*) from marts."{table}"').fetchone()[0] > 0


@pytest.mark.parametrize(
    "statement",
    [
        "insert into marts.dim_metric (metric) values ('x')",
        "update marts.dim_report set title = 'x'",
        "delete from marts.fct_report_metrics",
        "drop table marts.dim_report",
        "create table marts.scratch (x int)",
        "create table public.scratch (x int)",
        "create schema scratch",
        "create view marts.scratch as select 1 as x",
    ],
)
def test_bi_role_cannot_write(builds: Builds, statement: str) -> None:
    with _bi(builds) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
        con.execute(statement)


@pytest.mark.parametrize(
    "relation",
    [
        "staged.documents",
        "staged.facts",
        "staging.stg_staged__documents",
        "intermediate.int_reports__deduplicated",
    ],
)
def test_bi_role_cannot_read_raw_staging_or_intermediate(builds: Builds, relation: str) -> None:
    with _bi(builds) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
        con.execute(f"select * from {relation} limit 1")


def test_bi_role_has_no_privilege_outside_marts(builds: Builds) -> None:
    with _bi(builds) as con:
        for schema in PRIVATE_SCHEMAS:
            usage, create = con.execute(
                "select has_schema_privilege(%s, 'USAGE'), has_schema_privilege(%s, 'CREATE')",
                [schema, schema],
            ).fetchone()
            assert (usage, create) == (False, False), schema
        assert con.execute("select has_schema_privilege('marts', 'CREATE')").fetchone()[0] is False


def test_a_failed_load_changes_nothing(builds: Builds, tmp_path: Path) -> None:
    """The loader swaps all four tables in one transaction: a load that fails on the last entity
    (PostgreSQL refuses a NUL character in text) leaves every staged table as it was."""
    staged = write_staged(tmp_path / "staged")
    damaged = pq.read_table(staged / "fetch_log" / "a.parquet").to_pylist()
    damaged[0]["error"] = "bad\x00byte"
    pq.write_table(
        pa.Table.from_pylist(damaged, schema=pq.read_schema(staged / "fetch_log" / "a.parquet")),
        staged / "fetch_log" / "a.parquet",
    )
    (staged / "documents" / "b.parquet").unlink()  # the load would have changed documents first
    with builds.postgres.connect() as con:
        before = con.execute("select count(*) from staged.documents").fetchone()[0]
    with pytest.raises(StagedLoadError, match="Nothing was changed"):
        load_staged(staged, builds.postgres)
    with builds.postgres.connect() as con:
        assert con.execute("select count(*) from staged.documents").fetchone()[0] == before
        leftovers = con.execute(
            "select table_name from information_schema.tables where table_name like '\\_loading\\_%'"
        ).fetchall()
    assert leftovers == []


def test_cli_dbt_on_postgres_loads_first_then_publishes(
    builds: Builds, postgres_cluster: PostgresCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`govreports dbt run` with GOVREPORTS_DBT_TARGET=postgres loads the staged Parquet before dbt
    runs (here: source b's files are gone, so staging sees only source a) and publishes the marts
    from PostgreSQL afterwards; the published copy equals the DuckDB marts."""
    from scrapers.cli import main

    staged = write_staged(tmp_path / "staged")
    for entity in ("documents", "facts", "failures", "fetch_log"):
        (staged / entity / "b.parquet").unlink()
    for name, value in postgres_cluster.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GOVREPORTS_DBT_TARGET", "postgres")
    monkeypatch.setenv("GOVREPORTS_PG_BI_ROLE", BI_ROLE)
    monkeypatch.setenv("GOVREPORTS_STAGED_DIR", str(staged))
    monkeypatch.setenv("GOVREPORTS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GOVREPORTS_PUBLISHED_DIR", str(tmp_path / "published"))
    dbt_args = ["--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")]
    assert main(["dbt", "run", "--select", "stg_staged__documents", *dbt_args]) == 0
    with builds.postgres.connect() as con:
        assert con.execute("select count(*) from staged.documents").fetchone()[0] == len(DOCUMENTS_A)
        assert con.execute("select count(*) from staging.stg_staged__documents").fetchone()[0] == len(
            DOCUMENTS_A
        )
    published = tmp_path / "published" / "marts.duckdb"
    for table in builds.marts:
        duck_columns, duck_rows = _duckdb_table(builds.duckdb, table)
        published_columns, published_rows = _duckdb_table(published, table)
        assert published_columns == duck_columns, table
        _assert_same_rows(table, duck_rows, published_rows)
