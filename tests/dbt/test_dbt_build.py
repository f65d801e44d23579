"""End-to-end check of the dbt project on small synthetic staged Parquet.

One module-scoped build: the fixture writes staged Parquet for three sources into tmp_path, runs
`dbt build` once (warehouse, target and logs in tmp_path too, so the checkout's
dbt_project/target is left alone), and each test reads one thing back from the warehouse. A second
build (fixture `rerun`) stages the same data as a rerun that fetched nothing new would leave it
(fetch log grown, last_fetched_at moved, a recurring failure re-stamped): the marts must be
identical apart from dim_report.last_fetched_at and mart_failures.occurred_at.

The data: sources a and b are described in staged_data.py (shared with the PostgreSQL and
publishing tests); in addition:

  source c (staged_data_xinyu.py), 新余市 (360500) and its two counties: the city roll-up, stated
      year-on-year changes, the cross-field quality rules, publisher kinds, a code unknown to the
      division seed, a report found under three URLs.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from staged_data import (
    DOCUMENTS_A,
    DOCUMENTS_B,
    FACTS_A,
    FAILURES,
    FETCH_LOG,
    JY_GOV,
    LAW,
    OGI,
    WF_HOTLINE,
    write_staged,
)
from staged_data_xinyu import DOCUMENTS_C, FACTS_C

REPO = Path(__file__).resolve().parents[2]
PROJECT_DIR = REPO / "dbt_project"
DBT = Path(sys.executable).parent / "dbt"
if not DBT.exists():  # pragma: no cover - a dbt on PATH instead of beside this interpreter
    DBT = Path(shutil.which("dbt") or "dbt")

def _dbt(*args: str, env: dict[str, str], tmp: Path) -> subprocess.CompletedProcess:
    command = [
        str(DBT),
        *args,
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(tmp / "target"),
        "--log-path",
        str(tmp / "logs"),
    ]
    return subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600)


def _build_warehouse(tmp: Path, documents: dict, facts: dict, failures: dict, fetch_log: dict) -> dict:
    """Stage the given rows (per source) into tmp, then `dbt build` (seeds included) into tmp."""
    staged = write_staged(tmp / "staged", documents, facts, failures, fetch_log)

    warehouse = tmp / "warehouse.duckdb"
    env = {
        **os.environ,
        "GOVREPORTS_STAGED_DIR": str(staged),
        "GOVREPORTS_WAREHOUSE": str(warehouse),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    env.pop("GOVREPORTS_DBT_TARGET", None)
    result = _dbt("build", env=env, tmp=tmp)  # seeds included
    run_results = json.loads((tmp / "target" / "run_results.json").read_text(encoding="utf-8"))
    manifest = json.loads((tmp / "target" / "manifest.json").read_text(encoding="utf-8"))
    return {"result": result, "warehouse": warehouse, "run_results": run_results, "manifest": manifest}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return _build_warehouse(
        tmp_path_factory.mktemp("dbt"),
        documents={"a": DOCUMENTS_A, "b": DOCUMENTS_B, "c": DOCUMENTS_C},
        facts={"a": FACTS_A, "b": [], "c": FACTS_C},  # b: a source whose reports gave no figure
        failures={**FAILURES, "c": []},
        fetch_log={**FETCH_LOG, "c": []},
    )


RERUN_AT = "2024-07-01T08:00:00+00:00"


@pytest.fixture(scope="module")
def rerun(tmp_path_factory):
    """The same data after a second pipeline run that fetched nothing new: every report URL was
    requested again (a 304), so the fetch log grew and last_fetched_at moved; the missing page
    answered 404 again, so its failure was re-stamped; the others are as they were."""
    documents = {
        source: [{**row, "last_fetched_at": RERUN_AT} for row in rows]
        for source, rows in (("a", DOCUMENTS_A), ("b", DOCUMENTS_B), ("c", DOCUMENTS_C))
    }
    fetch_log = {
        source: FETCH_LOG.get(source, [])
        + [
            {
                "source": source,
                "url": row["url"],
                "requested_at": RERUN_AT,
                "status": 304,
                "sha256": row["raw_sha256"],
                "content_type": "text/html",
                "size": 0,
                "elapsed_ms": 5,
                "not_modified": True,
                "error": None,
            }
            for row in documents[source]
        ]
        for source in documents
    }
    fetch_log["a"].append({**FETCH_LOG["a"][0], "requested_at": RERUN_AT})  # missing.html: 404 again
    failures = {
        source: [
            {**failure, "occurred_at": RERUN_AT} if failure["reason"] == "http_404" else failure
            for failure in rows
        ]
        for source, rows in {**FAILURES, "c": []}.items()
    }
    result = _build_warehouse(
        tmp_path_factory.mktemp("dbt_rerun"),
        documents=documents,
        facts={"a": FACTS_A, "b": [], "c": FACTS_C},
        failures=failures,
        fetch_log=fetch_log,
    )
    assert result["result"].returncode == 0, result["result"].stdout[-5000:]
    return result


@pytest.fixture(scope="module")
def query(build):
    connection = duckdb.connect(str(build["warehouse"]), read_only=True)

    def run(sql: str, *params):
        return connection.execute(sql, list(params)).fetchall()

    yield run
    connection.close()


def _vocabulary() -> list[dict[str, str]]:
    with (PROJECT_DIR / "seeds" / "metric_vocabulary.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_build_succeeds(build):
    result = build["result"]
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]


def test_no_node_errors_or_failures(build):
    bad = [
        (r["unique_id"], r["status"])
        for r in build["run_results"]["results"]
        if r["status"] not in ("success", "pass", "warn")
        and not (r["unique_id"].startswith("exposure.") and r["status"] == "no-op")
    ]
    assert bad == []


def test_out_of_range_rate_only_warns(build):
    warned = {r["unique_id"] for r in build["run_results"]["results"] if r["status"] == "warn"}
    assert any("within_range_fct_hotline_satisfaction_satisfaction_rate" in uid for uid in warned), warned


@pytest.mark.parametrize(
    ("model", "rows"),
    [
        ("fct_report_metrics", 38),
        ("fct_reconsideration_cases", 12),
        ("fct_mediation_outcomes", 3),
        ("fct_hotline_satisfaction", 5),
        ("dim_report", 27),
        ("dim_jurisdiction", 8),
        ("dim_publisher", 12),
        ("mart_metric_yoy", 38),
        ("mart_reconsideration_yoy", 16),
        ("mart_litigation_yoy", 6),
        ("mart_mediation_yoy", 7),
        ("mart_hotline_yoy", 9),
        ("mart_city_rollup", 15),
        ("data_quality_issues", 7),
        ("mart_failures", 3),
    ],
)
def test_rows_per_mart(query, model, rows):
    assert query(f"select count(*) from {model}") == [(rows,)]


def test_every_model_and_column_is_described(build, query):
    undocumented = []
    for node in build["manifest"]["nodes"].values():
        if node["resource_type"] not in ("model", "seed"):
            continue
        if not node["description"].strip():
            undocumented.append(node["name"])
        described = {name for name, column in node["columns"].items() if column["description"].strip()}
        built = [
            name
            for (name,) in query(
                "select column_name from information_schema.columns where table_name = ?", node["name"]
            )
        ]
        assert built, node["name"]
        undocumented += [f"{node['name']}.{name}" for name in built if name not in described]
    assert undocumented == []


def test_dim_metric_is_the_seed(query):
    assert query("select count(*) from dim_metric") == [(len(_vocabulary()),)]


@pytest.mark.parametrize(
    "table", ["fct_reconsideration_cases", "fct_mediation_outcomes", "fct_hotline_satisfaction"]
)
def test_wide_columns_follow_the_vocabulary(query, table):
    columns = {
        name
        for (name,) in query("select column_name from information_schema.columns where table_name = ?", table)
    }
    expected = {row["fact_column"] for row in _vocabulary() if row["fact_table"] == table}
    assert expected <= columns
    other_tables = {row["fact_column"] for row in _vocabulary() if row["fact_table"] != table}
    assert not (other_tables - expected) & columns


def test_reconsideration_values(query):
    rows = query(
        "select report_year, report_id, received, correction_rate, litigation_cases, upheld "
        "from fct_reconsideration_cases where jurisdiction_code = '370700' order by report_year"
    )
    assert rows == [
        (2021, "wf2021", 100.0, 10.0, 50.0, None),
        (2022, "wf2022", 120.0, 12.5, 0.0, None),  # the 2021 figure quoted in 2022 is not kept
        (2023, "wf2023new", 150.0, None, 40.0, None),  # first mention, not the later 151
    ]


def test_mediation_values(query):
    rows = query(
        "select jurisdiction_code, report_year, disputes, success_rate, mediators "
        "from fct_mediation_outcomes where jurisdiction_code = '370702' order by report_year"
    )
    assert rows == [("370702", 2021, 300.0, 95.0, None), ("370702", 2023, 330.0, 96.0, None)]


def test_hotline_values(query):
    rows = query(
        "select report_year, report_id, contacts, satisfaction_rate, first_contact_resolution_rate "
        "from fct_hotline_satisfaction where publisher = ? order by report_year",
        WF_HOTLINE,
    )
    assert rows == [(2022, "hl2022", None, 101.0, None), (2023, "hl2023long", 1_000_000.0, 99.6, 90.0)]


def test_long_fact_keeps_evidence_and_qualifier(query):
    rows = query(
        "select value, qualifier, evidence, char_start, char_end, family, source, url "
        "from fct_report_metrics where report_id = 'wf2023new' and metric = 'litigation.cases'"
    )
    assert rows == [
        (
            40.0,
            "at_least",
            "litigation.cases=40",
            100,
            119,
            "litigation",
            "a",
            "http://127.0.0.1/a/wf2023new.html",
        )
    ]


def test_dedup_latest_published_wins_over_longer_text(query):
    rows = query(
        "select report_id, is_counting_report, counting_report_id, not_counting_reason "
        "from dim_report where report_id in ('wf2023new', 'wf2023old') order by report_id"
    )
    assert rows == [("wf2023new", True, "wf2023new", None), ("wf2023old", False, "wf2023new", "superseded")]


def test_dedup_same_day_longer_text_wins(query):
    rows = query(
        "select report_id, is_counting_report from dim_report "
        "where report_id like 'hl2023%' order by report_id"
    )
    assert rows == [("hl2023long", True), ("hl2023short", False)]


def test_report_without_year_does_not_count(query):
    assert query(
        "select is_counting_report, not_counting_reason from dim_report where report_id = 'noyear'"
    ) == [(False, "no_report_year")]


def test_same_text_from_two_sources_is_one_report(query):
    rows = query(
        "select source, n_sources, first_fetched_at, last_fetched_at from dim_report "
        "where report_id = 'wf2022'"
    )
    assert len(rows) == 1
    source, n_sources, first, last = rows[0]
    assert (source, n_sources) == ("a", 2)
    assert (first.isoformat(), last.isoformat()) == ("2024-05-01T08:00:00", "2024-06-01T08:00:00")


def test_one_counting_report_per_publisher_year_and_doc_type(query):
    rows = query(
        "select publisher, jurisdiction_code, report_year, doc_type, count(*) from dim_report "
        "where is_counting_report group by 1, 2, 3, 4 having count(*) > 1"
    )
    assert rows == []
    # without doc_type in the grain, 江阴市人民政府 has two counting reports per year
    rows = query(
        "select publisher, report_year, count(*) from dim_report "
        "where is_counting_report group by 1, 2 having count(*) > 1 order by 1, 2"
    )
    assert rows == [(JY_GOV, 2021, 2), (JY_GOV, 2022, 2)]


def test_two_doc_types_of_one_publisher_year_both_count(query):
    rows = query(
        "select report_id, doc_type, is_counting_report, counting_report_id, not_counting_reason, "
        "n_reports_in_group from dim_report where publisher = ? order by report_id",
        JY_GOV,
    )
    assert rows == [
        ("jy2021law", LAW, True, "jy2021law", None, 1),
        ("jy2021ogi", OGI, True, "jy2021ogi", None, 1),
        ("jy2022law", LAW, True, "jy2022law", None, 1),
        # the revision supersedes the first version within its doc_type only
        ("jy2022ogi", OGI, False, "jy2022ogirev", "superseded", 2),
        ("jy2022ogirev", OGI, True, "jy2022ogirev", None, 2),
    ]


def test_doc_types_are_not_mixed_in_the_facts(query):
    rows = query(
        "select doc_type, report_year, report_id, metric, value from fct_report_metrics "
        "where publisher = ? order by doc_type, report_year, metric",
        JY_GOV,
    )
    assert rows == [
        (OGI, 2021, "jy2021ogi", "reconsideration.received", 3.0),
        (OGI, 2022, "jy2022ogirev", "litigation.cases", 2.0),
        (OGI, 2022, "jy2022ogirev", "reconsideration.received", 6.0),
        (LAW, 2021, "jy2021law", "litigation.cases", 30.0),
        (LAW, 2021, "jy2021law", "reconsideration.received", 80.0),
        (LAW, 2022, "jy2022law", "litigation.cases", 33.0),
        (LAW, 2022, "jy2022law", "reconsideration.received", 90.0),
    ]
    rows = query(
        "select report_year, doc_type, report_id, received, litigation_cases, n_metrics "
        "from fct_reconsideration_cases where jurisdiction_code = '320281' order by report_year, doc_type"
    )
    assert rows == [
        (2021, OGI, "jy2021ogi", 3.0, None, 1),
        (2021, LAW, "jy2021law", 80.0, 30.0, 2),
        (2022, OGI, "jy2022ogirev", 6.0, 2.0, 2),
        (2022, LAW, "jy2022law", 90.0, 33.0, 2),
    ]


@pytest.mark.parametrize(
    "table", ["fct_reconsideration_cases", "fct_mediation_outcomes", "fct_hotline_satisfaction"]
)
def test_wide_grain_columns_lead_with_doc_type_after_publisher(query, table):
    columns = [
        name
        for (name,) in query(
            "select column_name from information_schema.columns "
            "where table_name = ? order by ordinal_position",
            table,
        )
    ]
    assert columns[:4] == ["jurisdiction_code", "publisher", "doc_type", "report_year"]


def test_jurisdiction_levels(query):
    rows = query(
        "select jurisdiction_code, level, name, parent_code, province_code, city_code, host_code, "
        "in_division_seed from dim_jurisdiction order by 1"
    )
    assert rows == [
        ("320281", "county", "江阴市", "320200", "320000", "320200", "320281", True),
        ("330000", "province", "浙江省", None, "330000", None, "330000", True),
        ("360500", "prefecture", "新余市", "360000", "360000", "360500", "360500", True),
        ("360502", "county", "渝水区", "360500", "360000", "360500", "360502", True),
        ("360521", "county", "分宜县", "360500", "360000", "360500", "360521", True),
        # unknown to the division seed: level from the code's digits, name from the report
        ("369901", "county", "某某县", "369900", "360000", "369900", "369901", False),
        ("370700", "prefecture", "潍坊市", "370000", "370000", "370700", "370700", True),
        ("370702", "county", "潍城区", "370700", "370000", "370700", "370702", True),
    ]


def test_yoy_previous_calendar_year(query):
    rows = query(
        "select report_year, value, prior_year_value, abs_change, pct_change from mart_metric_yoy "
        "where jurisdiction_code = '370700' and metric = 'reconsideration.received' order by report_year"
    )
    assert rows == [
        (2021, 100.0, None, None, None),
        (2022, 120.0, 100.0, 20.0, 20.0),
        (2023, 150.0, 120.0, 30.0, 25.0),
    ]


def test_yoy_gap_year_gives_null_prior(query):
    rows = query(
        "select report_year, prior_year_value, prior_report_id, pct_change from mart_metric_yoy "
        "where metric = 'mediation.disputes' and jurisdiction_code = '370702' order by report_year"
    )
    assert rows == [(2021, None, None, None), (2023, None, None, None)]  # 2021 is two years back: not a prior


def test_yoy_zero_prior_gives_null_pct(query):
    rows = query(
        "select prior_year_value, abs_change, pct_change from mart_metric_yoy "
        "where metric = 'litigation.cases' and report_year = 2023"
    )
    assert rows == [(0.0, 40.0, None)]


def test_yoy_compares_within_the_doc_type_series(query):
    rows = query(
        "select doc_type, metric, report_year, value, prior_year_value, prior_report_id, abs_change, "
        "pct_change from mart_metric_yoy where publisher = ? order by doc_type, metric, report_year",
        JY_GOV,
    )
    assert rows == [
        # the 2022 OGI litigation figure has no OGI prior: never the rule-of-law report's 30
        (OGI, "litigation.cases", 2022, 2.0, None, None, None, None),
        (OGI, "reconsideration.received", 2021, 3.0, None, None, None, None),
        (OGI, "reconsideration.received", 2022, 6.0, 3.0, "jy2021ogi", 3.0, 100.0),
        (LAW, "litigation.cases", 2021, 30.0, None, None, None, None),
        (LAW, "litigation.cases", 2022, 33.0, 30.0, "jy2021law", 3.0, 10.0),
        (LAW, "reconsideration.received", 2021, 80.0, None, None, None, None),
        (LAW, "reconsideration.received", 2022, 90.0, 80.0, "jy2021law", 10.0, 12.5),
    ]


def test_yoy_does_not_mix_publishers(query):
    # 潍坊市司法局 and 潍坊市12345热线 share 370700; the hotline's 2023 rate has only its own 2022 prior
    rows = query(
        "select publisher, prior_year_value, prior_report_id from mart_metric_yoy "
        "where metric = 'hotline.satisfaction_rate' and report_year = 2023"
    )
    assert rows == [(WF_HOTLINE, 101.0, "hl2022")]


def test_values_keep_double_precision(query):
    assert query(
        "select data_type from information_schema.columns "
        "where table_name = 'fct_report_metrics' and column_name = 'value'"
    ) == [("DOUBLE",)]


def test_failures(query):
    rows = query(
        "select source, reason, is_resolved, resolved_report_id from mart_failures order by source, reason"
    )
    assert rows == [
        ("a", "http_404", False, None),
        ("a", "timeout", True, "wf2021"),  # fetched after all on a later attempt
        ("b", "needs_ocr", False, None),
    ]


def test_failures_carry_no_fetch_log_history(query):
    # attempt counts / latest attempt change on every run, even one that fetches nothing new
    columns = [
        name
        for (name,) in query(
            "select column_name from information_schema.columns where table_name = 'mart_failures' "
            "order by ordinal_position"
        )
    ]
    assert columns == [
        "source", "url", "stage", "reason", "detail", "occurred_at", "resolved_report_id", "is_resolved"
    ]


def test_timestamps_are_utc(query):
    rows = query("select cast(occurred_at as varchar) from stg_staged__failures where source = 'b'")
    assert rows == [("2024-05-01 09:00:00",)]  # staged as 2024-05-01T17:00:00+08:00


# The columns that may change on a rerun that fetches nothing new; everything else must not.
VOLATILE_COLUMNS = {"dim_report": ["last_fetched_at"], "mart_failures": ["occurred_at"]}


def test_rerun_that_fetches_nothing_new_leaves_the_marts_identical(build, rerun):
    first = duckdb.connect(str(build["warehouse"]), read_only=True)
    second = duckdb.connect(str(rerun["warehouse"]), read_only=True)
    try:
        marts = [
            name
            for (name,) in first.execute(
                "select table_name from information_schema.tables where table_schema = 'main' "
                "and (table_name like 'fct_%' or table_name like 'dim_%' or table_name like 'mart_%' "
                "or table_name = 'data_quality_issues') order by 1"
            ).fetchall()
        ]
        assert len(marts) == 16
        changed = []
        for mart in marts:
            volatile = VOLATILE_COLUMNS.get(mart, [])
            columns = [
                name
                for (name,) in first.execute(
                    "select column_name from information_schema.columns where table_name = ? "
                    "order by ordinal_position",
                    [mart],
                ).fetchall()
                if name not in volatile
            ]
            select = f"select {', '.join(columns)} from {mart} order by all"
            if first.execute(select).fetchall() != second.execute(select).fetchall():
                changed.append(mart)
            for column in volatile:  # the volatile columns did move (the simulation is a real rerun)
                moved = f"select count(*) from {mart} where {column} = timestamp '2024-07-01 08:00:00'"
                assert second.execute(moved).fetchone()[0] > 0, (mart, column)
        assert changed == []
    finally:
        first.close()
        second.close()


# --- dimensions ------------------------------------------------------------------------------------


def test_division_seed_is_the_extractors_table(query):
    from scrapers.extract import places

    # one copy: the extractor reads the dbt seed, and nothing is left where it used to be
    assert places.DIVISIONS_CSV == PROJECT_DIR / "seeds" / "divisions.csv"
    assert not (REPO / "scrapers" / "extract" / "data" / "divisions.csv").exists()
    with places.DIVISIONS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert query("select count(*) from divisions") == [(len(rows),)]
    assert query("select count(*) from divisions where code = '370702' and name = '潍城区'") == [(1,)]


def test_publisher_kinds_and_hosts(query):
    rows = query(
        "select publisher, publisher_kind, host_code from dim_publisher "
        "where jurisdiction_code like '3605%' order by publisher"
    )
    assert rows == [
        ("分宜县人民政府", "government", "360521"),
        ("新余市12345热线", "department", "360500"),
        ("新余市人民政府", "government", "360500"),
        ("新余高新区管委会", "functional_zone", "360500"),
        ("渝水区人民政府", "government", "360502"),
        ("渝水区司法局", "department", "360502"),
    ]


def test_dim_report_lists_every_url(query):
    rows = query("select report_id, n_urls, urls from dim_report where n_urls > 1 order by report_id")
    assert rows == [
        (
            "nw2022",
            3,
            "http://127.0.0.1/c/nw2022-print.html http://127.0.0.1/c/nw2022.html http://127.0.0.1/c/nw2022.pdf",
        ),
        ("wf2022", 2, "http://127.0.0.1/a/wf2022.html http://127.0.0.1/b/wf2022.html"),  # two sources
    ]
    assert query("select count(*) from dim_report where n_urls = 0") == [(0,)]


def test_stated_changes_point_at_their_base_metric(query):
    assert query("select metric, base_metric from dim_metric where base_metric is not null") == [
        ("hotline.contacts_yoy_pct", "hotline.contacts")
    ]


def test_metric_columns_are_tested_against_dim_metric(build):
    """The vocabulary is the one list of metric keys: every mart column named `metric` has a
    relationships test to dim_metric (no hard-coded accepted_values list of keys)."""
    nodes = build["manifest"]["nodes"]
    tested = {
        node["attached_node"].split(".")[-1]
        for node in nodes.values()
        if node["resource_type"] == "test"
        and node.get("test_metadata", {}).get("name") == "relationships"
        and node.get("column_name") == "metric"
        and "dim_metric" in json.dumps(node["test_metadata"]["kwargs"])
    }
    with_metric = {
        node["name"]
        for node in nodes.values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts" and "metric" in node["columns"]
        and node["name"] != "dim_metric"
    }
    assert with_metric - tested == set()


# --- year on year -------------------------------------------------------------------------------------


def test_yoy_stated_change_against_computed(query):
    rows = query(
        "select report_year, value, pct_change, stated_yoy_pct, stated_minus_computed_pct, "
        "is_stated_yoy_mismatch from mart_metric_yoy "
        "where metric = 'hotline.contacts' and jurisdiction_code = '360500' order by report_year"
    )
    assert rows == [
        (2022, 1000.0, None, None, None, None),
        (2023, 1100.0, 10.0, 10.0, 0.0, False),
        (2024, 1000.0, -9.09, 5.0, 14.09, True),
    ]


def test_family_marts_partition_mart_metric_yoy(query):
    families = ["reconsideration", "litigation", "mediation", "hotline"]
    total = sum(query(f"select count(*) from mart_{family}_yoy")[0][0] for family in families)
    assert query("select count(*) from mart_metric_yoy") == [(total,)]
    assert query(
        "select distinct jurisdiction_name, metric_description_en from mart_hotline_yoy "
        "where metric = 'hotline.contacts' and jurisdiction_code = '360500'"
    ) == [("新余市", "hotline calls / messages / tickets received or handled")]


def test_city_rollup_sums_only_when_every_county_reported(query):
    rows = query(
        "select report_year, n_counties, n_counties_reported, is_complete, counties_total, "
        "missing_county_codes, city_reported_value, city_report_id from mart_city_rollup "
        "where city_code = '360500' and metric = 'reconsideration.received' order by report_year"
    )
    assert rows == [
        (2022, 2, 2, True, 30.0, None, 35.0, "xy2022"),  # the city government's own figure beside it
        (2023, 2, 1, False, None, "360521", None, None),  # 分宜县 silent: no total
    ]
    # 潍坊市 has more counties than 潍城区: never a total
    assert query("select count(*) from mart_city_rollup where city_code = '370700' and is_complete") == [(0,)]
    assert query("select count(*) from mart_city_rollup where metric like '%rate'") == [(0,)]


# --- quality --------------------------------------------------------------------------------------------


def test_data_quality_issues(query):
    rows = query(
        "select rule, severity, report_id, metric, value, related_value, expected_value "
        "from data_quality_issues order by rule, report_id"
    )
    assert rows == [
        ("concluded_exceeds_received", "info", "fy2022", "reconsideration.concluded", 12.0, 10.0, None),
        ("conflicting_mentions", "info", "wf2023new", "reconsideration.received", 150.0, None, None),
        ("corrected_exceeds_concluded", "warning", "fy2022", "reconsideration.corrected", 15.0, 12.0, None),
        ("rate_out_of_range", "warning", "hl2022", "hotline.satisfaction_rate", 101.0, None, None),
        ("resolved_exceeds_disputes", "warning", "ysmed2022", "mediation.resolved", 120.0, 100.0, None),
        ("stated_yoy_mismatch", "warning", "xyhl2024", "hotline.contacts", 5.0, 1000.0, -9.09),
        ("success_rate_inconsistent", "warning", "ysmed2022", "mediation.success_rate", 50.0, 120.0, 120.0),
    ]


def test_data_quality_issues_warn_but_do_not_fail(build):
    statuses = {
        r["unique_id"].split(".")[2]: r["status"]
        for r in build["run_results"]["results"]
        if r["unique_id"].startswith("test.")
    }
    assert statuses["assert_no_data_quality_warnings"] == "warn"
    assert build["result"].returncode == 0


def test_unit_tests_ran_and_passed(build):
    unit = {
        r["unique_id"].split(".")[-1]: r["status"]
        for r in build["run_results"]["results"]
        if r["unique_id"].startswith("unit_test.")
    }
    assert unit == {
        "yoy_uses_the_previous_calendar_year_only": "pass",
        "yoy_compares_a_stated_change_with_the_computed_one": "pass",
    }


def test_source_freshness(build):
    """`dbt source freshness` on the staged data: documents and fetch log have a loaded_at field
    (fetched in 2024 here, so far beyond the 400-day error threshold), facts and failures none."""
    tmp = build["warehouse"].parent
    env = {
        **os.environ,
        "GOVREPORTS_STAGED_DIR": str(tmp / "staged"),
        # the sources are the Parquet files; another database file, since `query` holds the warehouse
        "GOVREPORTS_WAREHOUSE": str(tmp / "freshness.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    env.pop("GOVREPORTS_DBT_TARGET", None)
    result = _dbt("source", "freshness", env=env, tmp=tmp)
    assert (tmp / "target" / "sources.json").exists(), result.stdout[-3000:] + result.stderr[-3000:]
    sources = json.loads((tmp / "target" / "sources.json").read_text(encoding="utf-8"))
    statuses = {r["unique_id"].split(".")[-1]: r["status"] for r in sources["results"]}
    assert statuses == {"documents": "error", "fetch_log": "error"}, result.stdout[-3000:]
    (documents,) = [r for r in sources["results"] if r["unique_id"].endswith(".documents")]
    assert documents["max_loaded_at"].startswith("2024-06-01T08:00:00")
    assert documents["criteria"]["warn_after"] == {"count": 35, "period": "day"}


def test_exposures_name_the_marts_they_read(build):
    exposures = build["manifest"]["exposures"]
    assert {e["name"] for e in exposures.values()} >= {"published_marts", "run_summary"}
    published = next(e for e in exposures.values() if e["name"] == "published_marts")
    marts = {
        node["name"]
        for node in build["manifest"]["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
    }
    assert {uid.split(".")[-1] for uid in published["depends_on"]["nodes"]} == marts
