"""fct_report_metrics is incremental by report: each run rewrites only the reports whose rows differ
and deletes the rows of reports that no longer count. Checked on one warehouse built three times:

  1. the synthetic data of staged_data.py and staged_data_xinyu.py (a first, full build);
  2. one new report added: the incremental batch holds that report's rows only, and the rows of
     every other report are the very rows written by the first build (DuckDB rowids unchanged);
  3. changes that move the dedup decisions: a revision supersedes a counting report (staged by two
     sources), a report is removed, a report's text changed (so its report_id changed), a report is
     re-extracted with a different value, a counting report loses its only figure, a report's URL
     changes. After the incremental build every table equals a fresh build's (is_incremental()
     false: the --full-refresh code path) from the same staged data, row for row.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from staged_data import (
    DOCUMENTS_A,
    DOCUMENTS_B,
    FACTS_A,
    FAILURES,
    FETCH_LOG,
    WF_JUSTICE,
    _document,
    _fact,
    write_staged,
)
from staged_data_xinyu import DOCUMENTS_C, FACTS_C
from test_dbt_build import _dbt

SHANDONG = {"province": "山东省", "city": "潍坊市", "county": None}
FAILURES_ABC = {**FAILURES, "c": []}
FETCH_LOG_ABC = {**FETCH_LOG, "c": []}

NEW_REPORT = _document("wf2024", "a", WF_JUSTICE, 2024, "2025-03-01", "370700", SHANDONG)
NEW_FACTS = [_fact("wf2024", "reconsideration.received", 160), _fact("wf2024", "litigation.cases", 44)]


def _changed_documents() -> dict[str, list[dict]]:
    a = [row for row in DOCUMENTS_A if row["report_id"] not in ("wc2023", "hl2022")]
    a += [
        NEW_REPORT,
        # a revision of the 2022 report (which source b staged too): it supersedes wf2022
        _document("wf2022rev", "a", WF_JUSTICE, 2022, "2023-06-01", "370700", SHANDONG),
        # hl2022's text changed, so it is another report now
        {**next(row for row in DOCUMENTS_A if row["report_id"] == "hl2022"), "report_id": "hl2022v2"},
    ]
    c = [
        {**row, "url": "http://127.0.0.1/c/fy2022-moved.html"} if row["report_id"] == "fy2022" else row
        for row in DOCUMENTS_C
    ]
    return {"a": a, "b": DOCUMENTS_B, "c": c}


def _changed_facts() -> dict[str, list[dict]]:
    a = []
    for row in FACTS_A:
        if row["report_id"] in ("wc2023", "jy2021ogi"):  # removed; lost its only figure
            continue
        if row["report_id"] == "hl2022":
            row = {**row, "report_id": "hl2022v2", "value": 98.0}
        if row["report_id"] == "jy2021law" and row["metric"] == "reconsideration.received":
            row = _fact("jy2021law", "reconsideration.received", 81)  # re-extracted
        a.append(row)
    a += [*NEW_FACTS, _fact("wf2022rev", "reconsideration.received", 125)]
    return {"a": a, "b": [], "c": FACTS_C}


def _env(staged: Path, warehouse: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "GOVREPORTS_STAGED_DIR": str(staged),
        "GOVREPORTS_WAREHOUSE": str(warehouse),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    env.pop("GOVREPORTS_DBT_TARGET", None)
    return env


def _build(tmp: Path, staged: Path, warehouse: Path, *extra: str) -> dict:
    result = _dbt("build", *extra, env=_env(staged, warehouse), tmp=tmp)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    return json.loads((tmp / "target" / "run_results.json").read_text(encoding="utf-8"))


def _rows_by_rowid(warehouse: Path) -> dict[tuple[str, str], int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            (report_id, metric): rowid
            for report_id, metric, rowid in con.execute(
                "select report_id, metric, rowid from fct_report_metrics"
            ).fetchall()
        }


def _tables(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main' "
                "and table_type = 'BASE TABLE' order by 1"
            ).fetchall()
        ]
        return {name: con.execute(f"select * from {name} order by all").fetchall() for name in names}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("dbt_incremental")
    staged, warehouse = root / "staged", root / "warehouse.duckdb"
    documents = {"a": DOCUMENTS_A, "b": DOCUMENTS_B, "c": DOCUMENTS_C}
    facts = {"a": FACTS_A, "b": [], "c": FACTS_C}
    write_staged(staged, documents, facts, FAILURES_ABC, FETCH_LOG_ABC)
    _build(root, staged, warehouse)
    before = _rows_by_rowid(warehouse)

    write_staged(
        staged,
        {**documents, "a": [*DOCUMENTS_A, NEW_REPORT]},
        {**facts, "a": FACTS_A + NEW_FACTS},
        FAILURES_ABC,
        FETCH_LOG_ABC,
    )
    one_new = _build(root, staged, warehouse)
    after_one_new = _rows_by_rowid(warehouse)

    write_staged(staged, _changed_documents(), _changed_facts(), FAILURES_ABC, FETCH_LOG_ABC)
    _build(root, staged, warehouse)
    incremental = _tables(warehouse)

    fresh_root = tmp_path_factory.mktemp("dbt_full_refresh")
    fresh = fresh_root / "warehouse.duckdb"
    _build(fresh_root, staged, fresh, "--full-refresh")
    return {
        "before": before,
        "one_new": one_new,
        "after_one_new": after_one_new,
        "incremental": incremental,
        "full_refresh": _tables(fresh),
    }


def test_fct_report_metrics_is_incremental_by_report():
    manifest_config = (Path(__file__).resolve().parents[2] / "dbt_project" / "models" / "marts").joinpath(
        "fct_report_metrics.sql"
    ).read_text(encoding="utf-8")
    assert "materialized='incremental'" in manifest_config
    assert "unique_key='report_id'" in manifest_config


def test_one_new_report_writes_only_that_report(runs):
    before, after = runs["before"], runs["after_one_new"]
    assert set(after) - set(before) == {
        ("wf2024", "reconsideration.received"),
        ("wf2024", "litigation.cases"),
    }
    # every other row is the row the first build wrote (same physical row), not a rewritten copy
    assert {key: after[key] for key in before} == before
    (result,) = [r for r in runs["one_new"]["results"] if r["unique_id"].endswith(".fct_report_metrics")]
    assert result["status"] == "success"


def test_incremental_equals_full_refresh_after_dedup_changes(runs):
    incremental, full_refresh = runs["incremental"], runs["full_refresh"]
    assert sorted(incremental) == sorted(full_refresh)
    differing = [name for name in full_refresh if incremental[name] != full_refresh[name]]
    assert differing == []


def test_changed_reports_are_handled(runs):
    rows = {
        (row[0], row[5]): row for row in runs["incremental"]["fct_report_metrics"]
    }  # (report_id, metric) -> row
    reports = {report_id for report_id, _ in rows}
    assert "wf2022" not in reports  # superseded by its revision
    assert rows[("wf2022rev", "reconsideration.received")][8] == 125.0
    assert "wc2023" not in reports  # removed from the staged data
    assert "hl2022" not in reports and rows[("hl2022v2", "hotline.satisfaction_rate")][8] == 98.0
    assert rows[("jy2021law", "reconsideration.received")][8] == 81.0  # re-extracted
    assert "jy2021ogi" not in reports  # still counts, but has no figure any more
    assert rows[("fy2022", "reconsideration.received")][15] == "http://127.0.0.1/c/fy2022-moved.html"
    assert rows[("wf2024", "reconsideration.received")][8] == 160.0
