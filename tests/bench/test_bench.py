"""`make bench` keeps working: the generator and the harness at a tiny scale (no timing assertions)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from scrapers import settings
from scrapers.bench import corpus, harness, staged
from scrapers.evaluate import iter_numbers
from scrapers.stage import SCHEMAS
from scrapers.warehouse import fingerprint


def test_generator_is_deterministic_and_covers_every_kind() -> None:
    first = corpus.generate(64, jurisdictions=4, seed=7)
    again = corpus.generate(64, jurisdictions=4, seed=7)
    assert [r.text for r in first] == [r.text for r in again]
    assert [r.gold for r in first] == [r.gold for r in again]
    assert {r.doc_type for r in first} == set(corpus.DOC_TYPES)
    assert {r.phrasing for r in first if r.doc_type != "ogi_annual_report"} == set(corpus.PHRASINGS)
    assert {r.format for r in first} == set(corpus.FORMATS)
    assert len({r.key for r in first}) == len(first)


def test_gold_figures_and_traps_are_in_the_text() -> None:
    for report in corpus.generate(32, jurisdictions=2, seed=3):
        text = report.text
        numbers = {v for token in iter_numbers(text) for v in token.values}
        numbers.add(0.0)  # 未有败诉案件
        for fact in report.facts:
            assert any(abs(abs(fact["value"]) - n) < 1e-6 for n in numbers), (report.key, fact)
        for trap in report.traps:
            assert trap in text, (report.key, trap)


def test_files_are_written_in_every_format(tmp_path: Path) -> None:
    reports = corpus.generate(64, jurisdictions=4, seed=11)
    picked = {r.format: r for r in reports}
    paths = corpus.write_corpus(list(picked.values()), tmp_path)
    assert sorted(p.suffix for p in paths) == [".html", ".html", ".pdf", ".txt"]
    gbk = next(p for p, r in zip(paths, picked.values(), strict=True) if r.format == "html-gbk")
    assert b'charset="gbk"' in gbk.read_bytes()
    assert all((tmp_path / f"{p.stem}.gold.json").exists() for p in paths)


def test_staged_parquet_follows_the_contract(tmp_path: Path) -> None:
    counts = staged.write_staged(150, tmp_path)
    assert counts["sources"] == 2
    for entity, schema in SCHEMAS.items():
        tables = [pq.read_table(p) for p in sorted((tmp_path / entity).glob("*.parquet"))]
        assert tables and all(t.schema.equals(schema) for t in tables)
    assert sum(pq.read_table(p).num_rows for p in (tmp_path / "documents").glob("*.parquet")) == 150
    staged.add_reports(tmp_path, 3)
    assert len(list((tmp_path / "documents").glob("*.parquet"))) == 3


def test_harness_runs_at_a_tiny_scale(tmp_path: Path) -> None:
    assert (
        harness.main(
            ["--scale", "0.001", "--runs", "1", "--only", "extraction,crawl", "--out", str(tmp_path)]
        )
        == 0
    )
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    for key in (
        "extraction.reports_per_s",
        "extraction.ratio_to_floor",
        "extraction_accuracy.precision",
        "extraction_accuracy.recall",
        "crawl.pages_per_s",
        "crawl.peak_rss_mb",
    ):
        assert isinstance(harness._get(results, key), float), key
    assert results["crawl"]["reports"] > 0
    assert results["machine"]["cores"]
    assert "| crawl: pages/s" in (tmp_path / "RESULTS.md").read_text(encoding="utf-8")


def _warehouse_env(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    monkeypatch.setenv("GOVREPORTS_DATA_DIR", str(root))
    monkeypatch.setenv("GOVREPORTS_STAGED_DIR", str(root / "staged"))
    monkeypatch.setenv("GOVREPORTS_WAREHOUSE", str(root / "warehouse.duckdb"))
    monkeypatch.setenv("GOVREPORTS_PUBLISHED_DIR", str(root / "published"))
    monkeypatch.delenv("GOVREPORTS_DBT_TARGET", raising=False)


def test_fingerprint_says_current_only_for_unchanged_inputs_and_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _warehouse_env(monkeypatch, tmp_path)
    staged.write_staged(30, tmp_path / "staged")
    assert not fingerprint.warehouse_is_current()  # never built
    (tmp_path / "warehouse.duckdb").write_bytes(b"built")
    (tmp_path / "published").mkdir()
    (tmp_path / "published" / "marts.duckdb").write_bytes(b"published")
    fingerprint.record_build(fingerprint.staged_fingerprint())
    assert fingerprint.fingerprint_path() == tmp_path / "warehouse.duckdb.fingerprint.json"
    assert fingerprint.warehouse_is_current()
    assert fingerprint.warehouse_is_current()  # checking changes nothing

    facts = next((tmp_path / "staged" / "facts").glob("*.parquet"))
    stat = facts.stat()
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # touched: same content
    assert not fingerprint.warehouse_is_current()
    fingerprint.record_build(fingerprint.staged_fingerprint())
    assert fingerprint.warehouse_is_current()

    data = bytearray(facts.read_bytes())  # changed in place, same size, same mtime
    data[len(data) // 2] ^= 0xFF
    mtime = facts.stat().st_mtime_ns
    facts.write_bytes(bytes(data))
    os.utime(facts, ns=(mtime, mtime))
    assert not fingerprint.warehouse_is_current()
    fingerprint.record_build(fingerprint.staged_fingerprint())

    staged.add_reports(tmp_path / "staged", 2)  # a new source
    assert not fingerprint.warehouse_is_current()
    fingerprint.record_build(fingerprint.staged_fingerprint())
    assert fingerprint.warehouse_is_current()

    (tmp_path / "warehouse.duckdb").write_bytes(b"changed by a hand-run dbt")  # outputs touched
    assert not fingerprint.warehouse_is_current()
    fingerprint.record_build(fingerprint.staged_fingerprint())
    (tmp_path / "published" / "marts.duckdb").unlink()
    assert not fingerprint.warehouse_is_current()
    (tmp_path / "published" / "marts.duckdb").write_bytes(b"published")
    fingerprint.record_build(fingerprint.staged_fingerprint())

    monkeypatch.setenv("GOVREPORTS_WAREHOUSE", str(tmp_path / "other.duckdb"))  # another target
    (tmp_path / "other.duckdb").write_bytes(b"built")
    assert not fingerprint.warehouse_is_current()
    monkeypatch.setenv("GOVREPORTS_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    assert fingerprint.warehouse_is_current()
    fingerprint.forget_build()
    assert not fingerprint.warehouse_is_current()


def test_fingerprint_covers_the_dbt_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(settings.DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs"))
    before = fingerprint.staged_fingerprint(tmp_path / "staged", project)
    (project / "target").mkdir()
    (project / "target" / "manifest.json").write_text("{}")  # dbt's own output: not an input
    assert fingerprint.staged_fingerprint(tmp_path / "staged", project)["digest"] == before["digest"]
    model = next((project / "models" / "marts").glob("*.sql"))
    model.write_text(model.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    assert fingerprint.staged_fingerprint(tmp_path / "staged", project)["digest"] != before["digest"]


def test_a_failed_build_fails_the_bench_loudly_and_keeps_its_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def run_tree(command: list[str], env: dict[str, str], log: Path) -> tuple[float, float, int]:
        failing = "build-warehouse" in command
        log.write_text("dbt says: FAIL 4 unique_combination\n" if failing else "staged\n")
        return 1.0, 100.0, 1 if failing else 0

    monkeypatch.setattr(harness, "_run_tree", run_tree)
    with pytest.raises(harness.BenchFailure, match="exited with code 1; no time recorded"):
        harness.bench_load({"1000": 20, "10000": 30}, 1, tmp_path)
    assert "FAIL 4 unique_combination" in (tmp_path / "load-20" / "dbt.log").read_text()
    assert harness.main(["--scale", "0.001", "--runs", "1", "--only", "load", "--out", str(tmp_path)]) == 1
    assert "FAIL 4 unique_combination" in capsys.readouterr().err
    assert not (tmp_path / "results.json").exists()
    assert (tmp_path / "out" / "load-20" / "dbt.log").exists()


@pytest.mark.e2e
def test_nothing_new_skips_the_build(tmp_path: Path) -> None:
    """The pipeline's build (govreports build-warehouse) on a tiny warehouse: +2 reports build, a
    rerun with nothing new does not run dbt."""
    result = harness.bench_incremental(20, 2, 1, tmp_path, None, options=False)
    assert result["noop_s"]["median"] < 5 < result["full_build_s"]
    assert result["noop_ratio"] < 0.3


def test_only_merges_into_the_existing_results_and_reports_the_task_overhead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--only dag_parse` replaces that suite in results.json and keeps the others; the overhead row
    is in RESULTS.md. The Airflow measurement itself is not run here (it takes minutes)."""
    existing = {
        "date": "2026-01-01T00:00:00+00:00",
        "scale": 1.0,
        "runs": 3,
        "machine": {"cores": 2, "memory_gb": 8, "python": "3.11", "load_avg_at_start": [1.0, 1.0, 1.0]},
        "extraction": {"reports": 10, "reports_per_s": 600.0},
        "dag_parse": {"max_s": 9.9, "mapped_task_overhead_s": None},
        "suite_seconds": {"extraction": 5.0},
    }
    (tmp_path / "results.json").write_text(json.dumps(existing), encoding="utf-8")
    overhead = harness.mapped_task_overhead(wall_a=2.0, wall_b=30.0, startup=8.0, n_task_instances=40)
    assert overhead == pytest.approx(0.5)
    fake = {
        "max_s": 0.1,
        "files": {},
        "mapped_task_overhead_s": overhead,
        "mapped_task_overhead": {
            "n_task_instances": 40,
            "sources": 9,
            **{
                k: harness._stats([v]) for k, v in (("wall_a_s", 2.0), ("wall_b_s", 30.0), ("startup_s", 8.0))
            },
            "overhead_s": harness._stats([overhead]),
        },
    }
    monkeypatch.setattr(harness, "bench_dag_parse", lambda runs, work, mapped_overhead=True: fake)
    assert harness.main(["--runs", "1", "--only", "dag_parse", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["extraction"] == existing["extraction"]
    assert results["date"] == existing["date"]
    assert results["dag_parse"]["mapped_task_overhead_s"] == pytest.approx(0.5)
    assert results["updated"]["dag_parse"]["runs"] == 1
    assert set(results["suite_seconds"]) == {"extraction", "dag_parse"}
    md = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "| dag_parse: Airflow overhead per task instance, s (ingest_reports, 9 sources, 40 task" in md
    assert "| extraction: reports/s" in md


def test_task_instances_are_counted_for_the_latest_run(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "airflow.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE dag_run (id INTEGER PRIMARY KEY, dag_id TEXT, run_id TEXT)")
        con.execute(
            "CREATE TABLE task_instance (dag_id TEXT, run_id TEXT, task_id TEXT, state TEXT, start_date TEXT)"
        )
        con.executemany("INSERT INTO dag_run (dag_id, run_id) VALUES ('d', ?)", [("old",), ("new",)])
        rows = [("old", "a", "failed", None)] + [
            ("new", task, "success", f"2026-11-23 07:00:0{i}.5")
            for i, task in enumerate(["a", "b", "b", "b"])
        ]
        con.executemany("INSERT INTO task_instance VALUES ('d', ?, ?, ?, ?)", rows)
    per_task, states, first = harness._last_run_task_instances(db, "d")
    assert per_task == {"a": 1, "b": 3}
    assert states == {"success": 4}
    assert first is not None and first.isoformat() == "2026-11-23T07:00:00.500000+00:00"
