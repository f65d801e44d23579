"""End to end: the bundled portal → Airflow (ingest_reports, then build_warehouse) → DuckDB marts.

Runs the real thing twice in a fresh data directory and Airflow home: the second run must fetch no
changed document and leave the marts as they were. Gold comes from ../shared/spec/seed_gold.json
(read in place) and from the example reports' own front matter.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import duckdb
import pytest

from scrapers import local_airflow
from scrapers.archive.examples import gold_documents
from scrapers.archive.server import ArchiveServer
from scrapers.summary import MART_PREFIXES, read_ingest_summary

pytestmark = pytest.mark.e2e

# Tables compared between the two runs, and the columns that legitimately change on a rerun.
VOLATILE_COLUMNS = {"last_fetched_at"}


@dataclass
class Runs:
    warehouse: Path
    first: dict[str, list[tuple]]
    second: dict[str, list[tuple]]
    first_summary: dict[str, Any]
    second_summary: dict[str, Any]


def _snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [
            (schema, name)
            for schema, name in con.execute(
                "select table_schema, table_name from information_schema.tables"
            ).fetchall()
            if name.startswith(MART_PREFIXES)
        ]
        snapshot = {}
        for schema, name in tables:
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = ? and table_name = ? order by ordinal_position",
                    [schema, name],
                ).fetchall()
                if c not in VOLATILE_COLUMNS
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'select {select} from "{schema}"."{name}"').fetchall()
            snapshot[name] = sorted(rows, key=repr)
        return snapshot


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("e2e")
    environment = {"GOVREPORTS_DATA_DIR": str(root / "data"), "AIRFLOW_HOME": str(root / "airflow")}
    with mock.patch.dict(os.environ, environment):
        for variable in ("GOVREPORTS_STAGED_DIR", "GOVREPORTS_WAREHOUSE", "GOVREPORTS_SOURCES"):
            os.environ.pop(variable, None)
        warehouse = root / "data" / "warehouse.duckdb"
        with ArchiveServer() as archive:
            env = local_airflow.airflow_env({"GOVREPORTS_ARCHIVE_URL": archive.url})
            local_airflow.prepare(env)
            local_airflow.dags_test("ingest_reports", env)
            local_airflow.dags_test("build_warehouse", env)
            first, first_summary = _snapshot(warehouse), read_ingest_summary()
            local_airflow.dags_test("ingest_reports", env)
            local_airflow.dags_test("build_warehouse", env)
            second, second_summary = _snapshot(warehouse), read_ingest_summary()
    return Runs(warehouse, first, second, first_summary, second_summary)


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> dict[str, Any]:
    return json.loads((shared_dir / "spec" / "seed_gold.json").read_text(encoding="utf-8"))


def _query(runs: Runs, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(runs.warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _report(runs: Runs, title: str) -> tuple:
    rows = _query(
        runs,
        "select report_id, published, report_year, jurisdiction_code from dim_report where title = ?",
        [title],
    )
    assert len(rows) == 1, f"expected one report titled {title!r} in dim_report, found {len(rows)}"
    return rows[0]


def _metrics(runs: Runs, report_id: str) -> list[tuple]:
    return _query(
        runs,
        "select metric, value, jurisdiction_code, report_year, evidence from fct_report_metrics "
        "where report_id = ?",
        [report_id],
    )


def _gold_documents(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The seeds' gold (../shared/spec) and the example reports' gold (their front matter)."""
    return gold["documents"] + gold_documents()


def test_every_report_is_in_dim_report_with_its_fields(runs: Runs, gold: dict[str, Any]) -> None:
    for document in _gold_documents(gold):
        expected = document["document"]
        _, published, report_year, _ = _report(runs, expected["title"])
        assert (str(published) if published else None) == expected["published"], expected["title"]
        assert report_year == expected["report_year"], expected["title"]


def test_every_gold_fact_is_in_fct_report_metrics(runs: Runs, gold: dict[str, Any]) -> None:
    missing = []
    for document in _gold_documents(gold):
        expected = document["document"]
        report_id, *_ = _report(runs, expected["title"])
        found = {
            (m, v)
            for m, v, code, year, _ in _metrics(runs, report_id)
            if code == expected["jurisdiction"]["code"] and year == expected["report_year"]
        }
        for fact in document["facts"]:
            alternatives = fact.get("any_of", [fact])
            if not any((a["metric"], float(a["value"])) in found for a in alternatives):
                missing.append((document["file"], alternatives))
    assert not missing, f"gold facts missing from fct_report_metrics: {missing}"


_TRAP_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(万)?")


def _trap_values(trap: str) -> set[float]:
    match = _TRAP_NUMBER.search(trap)
    assert match, trap
    value = float(match.group(1))
    return {value, value * 10000} if match.group(2) else {value}


def test_no_trap_figure_is_emitted(runs: Runs, gold: dict[str, Any]) -> None:
    emitted = []
    for document in _gold_documents(gold):
        report_id, *_ = _report(runs, document["document"]["title"])
        metrics = _metrics(runs, report_id)
        for trap in document["traps"]:
            phrase = _TRAP_NUMBER.split(trap)[0]
            for metric, value, *_, evidence in metrics:
                if value in _trap_values(trap) and phrase in evidence:
                    emitted.append((document["file"], trap, metric))
    assert not emitted, f"trap figures emitted: {emitted}"


def test_weifang_hightech_zone_hotline_2018(runs: Runs) -> None:
    rows = _query(
        runs,
        "select contacts, satisfaction_rate, first_contact_resolution_rate from fct_hotline_satisfaction "
        "where jurisdiction_code = '370700' and publisher = '潍坊高新区管委会' and report_year = 2018",
    )
    assert rows == [(32854, 80, 95)]


def test_example_figures_have_their_prior_year_in_mart_metric_yoy(runs: Runs) -> None:
    by_key = {
        (
            d["document"]["jurisdiction"]["code"],
            d["document"]["publisher"],
            d["document"]["doc_type"],
            f["metric"],
            d["document"]["report_year"],
        ): f["value"]
        for d in gold_documents()
        for f in d["facts"]
    }
    checked = 0
    for (code, publisher, doc_type, metric, year), value in by_key.items():
        rows = _query(
            runs,
            "select value, prior_year_value from mart_metric_yoy where jurisdiction_code = ? "
            "and publisher = ? and doc_type = ? and metric = ? and report_year = ?",
            [code, publisher, doc_type, metric, year],
        )
        assert rows, f"no mart_metric_yoy row for {code} {publisher} {doc_type} {metric} {year}"
        ((actual, prior),) = rows
        assert actual == value
        expected_prior = by_key.get((code, publisher, doc_type, metric, year - 1))
        if expected_prior is not None:
            assert prior == expected_prior, (
                f"{code} {publisher} {metric} {year}: prior {prior} != {expected_prior}"
            )
            checked += 1
    assert checked >= 6, "the examples should give at least six year-over-year comparisons"


def test_second_run_fetches_no_changed_document(runs: Runs) -> None:
    assert runs.second_summary["new"] == 0
    changed = [run["source"] for run in runs.second_summary["per_source"] if run["fetch"]["changed"]]
    assert changed == []
    assert runs.second_summary["unchanged"] == runs.first_summary["new"] + runs.first_summary["unchanged"]


def test_second_run_leaves_the_marts_identical(runs: Runs) -> None:
    assert runs.first.keys() == runs.second.keys()
    for table, rows in runs.first.items():
        assert runs.second[table] == rows, f"{table} changed on a rerun with nothing new"
