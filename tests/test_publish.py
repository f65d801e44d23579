"""Publishing the marts for BI (scrapers/warehouse/publish.py, `govreports publish`, `govreports query`).

A real dbt build of the synthetic staged data (tests/dbt/staged_data.py) makes the warehouse, once
per module; the tests publish it into their own folders. The reader test holds a read-only
connection to the published copy open in another process while a second real build and publish
run, and checks that neither waits for the other and that the reader keeps its snapshot until it
reconnects.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from scrapers.cli import main
from scrapers.warehouse.publish import PublishError, publish_marts

sys.path.insert(0, str(Path(__file__).parent / "dbt"))  # the shared staged data of the dbt tests
from staged_data import write_staged

REPO = Path(__file__).resolve().parents[1]
PROJECT_DIR = REPO / "dbt_project"
DBT = Path(sys.executable).parent / "dbt"
READER_TIMEOUT_S = 60  # only so that a blocked reader fails the test instead of hanging it

READER = """
import sys, duckdb
path = sys.argv[1]
con = duckdb.connect(path, read_only=True)
for line in sys.stdin:
    command = line.strip()
    if command == "count":
        tables = ("dim_report", "mart_failures")
        print(*[con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables], flush=True)
    elif command == "reconnect":
        con.close()
        con = duckdb.connect(path, read_only=True)
        print("ok", flush=True)
    else:
        break
"""


@dataclass
class Warehouse:
    staged: Path
    path: Path
    env: dict[str, str]
    tmp: Path


def _dbt_build(warehouse: Warehouse) -> subprocess.Popen[str]:
    """`dbt build` of the models and seeds (the data tests are test_dbt_build.py's business)."""
    command = [
        str(DBT),
        "build",
        "--exclude-resource-type",
        "test",
        "--exclude-resource-type",
        "unit_test",
        "--profiles-dir",
        str(PROJECT_DIR),
        "--project-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(warehouse.tmp / "target"),
        "--log-path",
        str(warehouse.tmp / "logs"),
    ]
    return subprocess.Popen(
        command, env=warehouse.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _finish(process: subprocess.Popen[str]) -> None:
    out, _ = process.communicate(timeout=600)
    assert process.returncode == 0, out[-5000:]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    tmp = tmp_path_factory.mktemp("publish")
    built = Warehouse(
        staged=write_staged(tmp / "staged"),
        path=tmp / "warehouse.duckdb",
        env={
            **{k: v for k, v in os.environ.items() if k != "GOVREPORTS_DBT_TARGET"},
            "GOVREPORTS_STAGED_DIR": str(tmp / "staged"),
            "GOVREPORTS_WAREHOUSE": str(tmp / "warehouse.duckdb"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        },
        tmp=tmp,
    )
    _finish(_dbt_build(built))
    return built


@pytest.fixture
def published_env(warehouse: Warehouse, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own published folder (a quote in its name: paths reach SQL as literals),
    publishing from the module's warehouse."""
    published = tmp_path / "it's published"
    monkeypatch.setenv("GOVREPORTS_WAREHOUSE", str(warehouse.path))
    monkeypatch.setenv("GOVREPORTS_PUBLISHED_DIR", str(published))
    monkeypatch.setenv("GOVREPORTS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("GOVREPORTS_DBT_TARGET", raising=False)
    return published


def _mart_layer(warehouse: Warehouse) -> set[str]:
    manifest = json.loads((warehouse.tmp / "target" / "manifest.json").read_text(encoding="utf-8"))
    return {
        n["name"]
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model" and n["fqn"][1] == "marts"
    }


def _tables(path: Path, names: set[str] | None = None) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        present = {
            name for (name,) in con.execute("select table_name from information_schema.tables").fetchall()
        }
        return {
            name: sorted(con.execute(f'select * from "{name}"').fetchall(), key=repr)
            for name in sorted(present if names is None else names)
        }


def test_publish_copies_every_mart(warehouse: Warehouse, published_env: Path) -> None:
    """Every model of the marts layer, and nothing else (no staging or intermediate model)."""
    layer = _mart_layer(warehouse)
    assert {"dim_report", "fct_report_metrics", "mart_metric_yoy"} <= layer
    result = publish_marts(manifest=warehouse.tmp / "target" / "manifest.json")
    expected = _tables(warehouse.path, layer)
    assert _tables(result.database) == expected
    assert result.rows == {name: len(rows) for name, rows in expected.items()}
    assert result.database == published_env / "marts.duckdb"
    for name, rows in expected.items():
        assert pq.read_metadata(published_env / "parquet" / f"{name}.parquet").num_rows == len(rows)
    assert not [p for p in published_env.rglob("*") if p.name.startswith(".")], "temporary files left behind"


def test_published_copy_cannot_be_written(warehouse: Warehouse, published_env: Path) -> None:
    database = publish_marts().database
    with duckdb.connect(str(database), read_only=True) as con, pytest.raises(duckdb.Error):
        con.execute("create table x as select 1")


def test_publish_removes_a_mart_that_is_gone(warehouse: Warehouse, published_env: Path) -> None:
    stale = published_env / "parquet" / "mart_retired.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    publish_marts()
    assert not stale.exists()


def test_publish_without_a_warehouse_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVREPORTS_PUBLISHED_DIR", str(tmp_path / "published"))
    with pytest.raises(PublishError, match="build it first"):
        publish_marts(warehouse=tmp_path / "missing.duckdb")
    assert not (tmp_path / "published" / "marts.duckdb").exists()


def test_cli_publish_then_query_reads_the_published_copy(
    warehouse: Warehouse, published_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["publish"]) == 0
    assert "dim_report" in capsys.readouterr().out
    assert (published_env / "marts.duckdb").exists()
    # A table only the warehouse has: the published copy answers `query`, the warehouse `--warehouse`.
    with pytest.raises(duckdb.CatalogException):
        main(["query", "select count(*) from stg_staged__documents"])
    assert main(["query", "--warehouse", "select count(*) as n_staged from stg_staged__documents"]) == 0
    assert "n_staged" in capsys.readouterr().out
    assert main(["query", "select count(*) as n_reports from dim_report"]) == 0
    assert "17" in capsys.readouterr().out


def _ask(reader: subprocess.Popen[str], command: str) -> str:
    assert reader.stdin is not None and reader.stdout is not None
    reader.stdin.write(command + "\n")
    reader.stdin.flush()
    ready, _, _ = select.select([reader.stdout], [], [], READER_TIMEOUT_S)
    assert ready, f"the reader did not answer {command!r}: blocked?"
    return reader.stdout.readline().strip()


def test_reader_is_never_blocked_and_keeps_its_snapshot(
    warehouse: Warehouse, published_env: Path, tmp_path: Path
) -> None:
    database = publish_marts().database
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        before = _ask(reader, "count")
        assert before == "17 3"

        # The next run: source b is gone. Rebuild (a second warehouse, same staged folder layout)
        # and publish while the reader keeps its connection open and keeps querying.
        rebuilt = Warehouse(
            staged=write_staged(tmp_path / "staged"),
            path=tmp_path / "warehouse.duckdb",
            env={
                **warehouse.env,
                "GOVREPORTS_STAGED_DIR": str(tmp_path / "staged"),
                "GOVREPORTS_WAREHOUSE": str(tmp_path / "warehouse.duckdb"),
            },
            tmp=tmp_path,
        )
        for entity in ("documents", "facts", "failures", "fetch_log"):
            (rebuilt.staged / entity / "b.parquet").unlink()
        build = _dbt_build(rebuilt)
        answers = []
        while True:  # the reader queries the published copy all through the build
            answers.append(_ask(reader, "count"))
            try:
                build.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                continue
        _finish(build)
        after = publish_marts(warehouse=rebuilt.path)
        assert (after.rows["dim_report"], after.rows["mart_failures"]) == (14, 2)  # b's wf2022 was a's too
        answers.append(_ask(reader, "count"))

        # Every answer, during the build and after the publish, came from the snapshot it opened.
        assert len(answers) >= 3 and set(answers) == {before}
        assert _ask(reader, "reconnect") == "ok"
        assert _ask(reader, "count") == "14 2"
    finally:
        if reader.stdin:
            reader.stdin.close()
        reader.wait(timeout=30)
