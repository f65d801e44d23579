"""Run the bench suites and write ``bench/results.json`` and ``bench/RESULTS.md``.

``python -m scrapers.bench.harness [--scale 0.05] [--runs 3] [--only extraction,crawl] [--out bench]``

``--only`` merges the suites it runs into the existing ``<out>/results.json`` (the other suites are
kept) and rewrites RESULTS.md from the merged results.

Every figure is the median of ``--runs`` runs, with min and max (``--largest-runs`` for the largest
load size). The load and incremental suites time ``govreports build-warehouse``, what the pipeline
runs (fingerprint check, then dbt build + publish unless the warehouse is current). A stage or build
that fails stops the bench (exit 1, the tail of its log printed; results files left as they were)
and its folder under ``<out>/out/`` is kept. ``--scale`` shrinks every size
(reports, pages, load sizes) for a quick run; 1 is the full bench. Generated data goes under
``<out>/out/`` (gitignored), never under ``data/``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapers import settings

TARGETS = {
    "extraction.reports_per_s": (">=", 500),
    "extraction.ratio_to_floor": ("<=", 10),
    "extraction_accuracy.precision": (">=", 0.99),
    "extraction_accuracy.recall": (">=", 0.99),
    "crawl.pages_per_s": (">=", 100),
    "load.100000.wall_s": ("<=", 600),
    "load.max_peak_rss_mb": ("<=", 2048),
    "incremental.ratio": ("<=", 0.1),
    "incremental.noop_ratio": ("<=", 0.05),
    "dag_parse.max_s": ("<", 0.5),
}
BIN = Path(sys.executable).parent
SUITES = ("extraction", "extraction_accuracy", "crawl", "load", "incremental", "dag_parse")


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def _scaled(n: int, scale: float, floor: int) -> int:
    return max(floor, round(n * scale))


# ---------------------------------------------------------------------------------------------
# extraction: one core, text already decoded; the floor is one pass of a digit regex
# ---------------------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def bench_extraction(n: int, runs: int) -> tuple[dict[str, Any], dict[str, Any]]:
    from scrapers.bench.corpus import generate
    from scrapers.evaluate import Report, score_document
    from scrapers.extract import extract_document

    reports = generate(n, jurisdictions=max(1, n // 12))
    items = [(r.text, r.hints) for r in reports]
    chars = sum(len(t) for t, _ in items)
    extract_document(*items[0])  # rules loaded and compiled once, as in a long-running task
    times, floors, extractions = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        extractions = [extract_document(text, hints) for text, hints in items]
        times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for text, _ in items:
            for _match in _DIGITS.finditer(text):
                pass
        floors.append(time.perf_counter() - started)
    rps = [n / t for t in times]
    ratios = [t / f for t, f in zip(times, floors, strict=True)]
    extraction = {
        "reports": n,
        "chars": chars,
        "avg_chars": chars / n,
        "reports_per_s": statistics.median(rps),
        "chars_per_s": chars / statistics.median(times),
        "ratio_to_floor": statistics.median(ratios),
        "seconds": _stats(times),
        "floor_seconds": _stats(floors),
        "reports_per_s_stats": _stats(rps),
        "ratio_to_floor_stats": _stats(ratios),
    }
    report = Report()
    by_phrasing: dict[str, Report] = {}
    by_doc_type: dict[str, Report] = {}
    for r, ex in zip(reports, extractions, strict=True):
        score = score_document(r.gold, ex, r.text, r.key)
        report.documents.append(score)
        by_phrasing.setdefault(r.phrasing, Report()).documents.append(score)
        by_doc_type.setdefault(r.doc_type, Report()).documents.append(score)
    accuracy = _accuracy(report) | {
        "documents": n,
        "by_phrasing": {k: _pr(v) for k, v in sorted(by_phrasing.items())},
        "by_doc_type": {k: _pr(v) for k, v in sorted(by_doc_type.items())},
    }
    return extraction, accuracy


def _pr(report: Any) -> dict[str, float]:
    c = report.overall
    return {
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
    }


def _accuracy(report: Any) -> dict[str, Any]:
    c = report.overall
    return {
        "precision": c.precision,
        "recall": c.recall,
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "per_family": {k: _pr_counts(v) for k, v in report.per_family.items()},
        "trap_violations": len(report.trap_violations),
        "evidence_ok": report.evidence_ok,
        "document_field_mismatches": len(report.document_mismatches),
        "sample_misses": [f"{m.document}: {m.expected}" for m in report.misses[:10]],
        "sample_false_positives": [f"{f.document}: {f.describe()}" for f in report.false_positives[:10]],
    }


def _pr_counts(c: Any) -> dict[str, float]:
    return {
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
    }


def bench_files(n: int, work: Path) -> dict[str, Any]:
    """Accuracy through the parsers: the same generator's reports as txt, HTML (UTF-8, GBK) and PDF files."""
    from scrapers.bench.corpus import generate, write_corpus
    from scrapers.evaluate import Report, load_text, score_document
    from scrapers.extract import extract_document
    from scrapers.parse import pdf_text
    from scrapers.records import DocumentHints

    folder = work / "files"
    shutil.rmtree(folder, ignore_errors=True)
    reports = generate(n, jurisdictions=max(1, n // 12), seed=4242)
    paths = write_corpus(reports, folder)
    by_format: dict[str, Report] = {}
    overall = Report()
    for report, path in zip(reports, paths, strict=True):
        if path.suffix == ".pdf":
            text, hints = pdf_text(path.read_bytes()), None
        else:
            text, hints = load_text(path)
        if hints is None:  # as the pipeline knows them from the list page and the registry
            hints = DocumentHints(title=report.title, publisher=report.publisher, published=report.published)
        score = score_document(report.gold, extract_document(text, hints), text, path.name)
        overall.documents.append(score)
        by_format.setdefault(report.format, Report()).documents.append(score)
    return _accuracy(overall) | {
        "documents": n,
        "by_format": {k: _pr(v) for k, v in sorted(by_format.items())},
    }


# ---------------------------------------------------------------------------------------------
# crawl: the generated portal in a server process, the crawl in another
# ---------------------------------------------------------------------------------------------


def bench_crawl(pages: int, runs: int, work: Path) -> dict[str, Any]:
    url_file = work / "portal.url"
    url_file.unlink(missing_ok=True)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scrapers.bench.portal",
            "serve",
            "--pages",
            str(pages),
            "--url-file",
            str(url_file),
        ]
    )
    try:
        deadline = time.monotonic() + 300
        while not (url_file.exists() and url_file.read_text().strip()):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the generated portal did not start")
            time.sleep(0.2)
        url = url_file.read_text().strip()
        results = []
        for run in range(runs):
            data = work / f"crawl-{run}"
            shutil.rmtree(data, ignore_errors=True)
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "scrapers.bench.portal",
                    "crawl",
                    "--url",
                    url,
                    "--pages",
                    str(pages),
                    "--data-dir",
                    str(data),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
            shutil.rmtree(data, ignore_errors=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    pps = [r["pages_per_s"] for r in results]
    rss = [r["peak_rss_mb"] for r in results]
    return {
        "pages": results[0]["requests"],
        "reports": results[0]["fetched"],
        "sources": results[0]["sources"],
        "pages_per_s": statistics.median(pps),
        "peak_rss_mb": statistics.median(rss),
        "pages_per_s_stats": _stats(pps),
        "peak_rss_mb_stats": _stats(rss),
        "seconds": _stats([r["seconds"] for r in results]),
        "delay_s": 0,
        "concurrency": 1,
    }


# ---------------------------------------------------------------------------------------------
# load: staged Parquet + dbt build (+ publish), peak RSS of the whole process tree
# ---------------------------------------------------------------------------------------------


def _run_tree(command: list[str], env: dict[str, str], log: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) summed over the process and its children, exit code."""
    import psutil

    started = time.perf_counter()
    with log.open("ab") as handle:
        process = subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT)
        root = psutil.Process(process.pid)
        peak = 0.0
        while process.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.05)
    return time.perf_counter() - started, peak, process.returncode


class BenchFailure(RuntimeError):
    """A step the bench times failed: no figure is recorded for it, its folder and logs are kept."""


def _tail(log: Path, lines: int = 30) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""
    keep = [line for line in text.splitlines() if line.strip()][-lines:]
    return "\n".join(re.sub(r"\x1b\[[0-9;]*m", "", line) for line in keep)


def _checked(step: str, result: tuple[float, float, int], log: Path) -> tuple[float, float]:
    """Wall s and peak RSS of a step that exited 0; a non-zero exit raises BenchFailure."""
    wall, rss, code = result
    if code != 0:
        raise BenchFailure(
            f"{step} exited with code {code}; no time recorded. Folder and logs kept: {log.parent}\n"
            f"--- last lines of {log} ---\n{_tail(log)}"
        )
    return wall, rss


def _data_vars(work: Path) -> dict[str, str]:
    """The pipeline's data settings pointed at ``work`` (never the checkout's data/)."""
    return {
        "GOVREPORTS_DATA_DIR": str(work),
        "GOVREPORTS_STAGED_DIR": str(work / "staged"),
        "GOVREPORTS_WAREHOUSE": str(work / "warehouse.duckdb"),
        "GOVREPORTS_PUBLISHED_DIR": str(work / "published"),
    }


def _dbt_env(work: Path) -> dict[str, str]:
    """The pipeline's settings pointed at ``work``; dbt's target and log paths there too (dbt reads
    DBT_TARGET_PATH / DBT_LOG_PATH), so partial parsing reuses the manifest of the previous build in
    the same folder, as it does in a deployment."""
    return {
        **os.environ,
        **_data_vars(work),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "DBT_TARGET_PATH": str(work / "dbt-target"),
        "DBT_LOG_PATH": str(work / "dbt-logs"),
        "DBT_QUIET": "True",
    }


def _build_warehouse(work: Path, step: str, *, force: bool = False) -> tuple[float, float]:
    """What the pipeline does: `govreports build-warehouse` = the fingerprint check (nothing to do
    when the staged data, project and target are as at the last successful build), else dbt build
    + publish + the fingerprint recorded. Fails loudly."""
    command = [str(BIN / "govreports"), "build-warehouse", *(["--force"] if force else [])]
    log = work / "dbt.log"
    return _checked(step, _run_tree(command, _dbt_env(work), log), log)


def _dbt(work: Path, step: str, *dbt_args: str) -> tuple[float, float]:
    """`govreports dbt ARGS` (dbt build is followed by publish), for the option comparisons."""
    log = work / "dbt.log"
    command = [str(BIN / "govreports"), "dbt", *dbt_args]
    return _checked(step, _run_tree(command, _dbt_env(work), log), log)


def _stage(n: int, work: Path) -> tuple[float, float]:
    command = [sys.executable, "-m", "scrapers.bench.staged", str(n), str(work / "staged")]
    log = work / "stage.log"
    return _checked(f"staging {n} reports", _run_tree(command, dict(os.environ), log), log)


def bench_load(
    sizes: dict[str, int], runs: int, work: Path, largest_runs: int | None = None
) -> dict[str, Any]:
    """``sizes``: nominal size (the results key) → reports loaded (the nominal size × the scale).
    The largest size runs ``largest_runs`` times (default ``runs``). A failed stage or build raises
    BenchFailure and leaves its folder (staged data, warehouse, dbt logs) in place."""
    out: dict[str, Any] = {}
    largest = max(sizes.values())
    for key, n in sizes.items():
        walls, rsss, stage_s, dbt_s = [], [], [], []
        for run in range(largest_runs or runs if n == largest else runs):
            folder = work / f"load-{n}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            s_wall, s_rss = _stage(n, folder)
            d_wall, d_rss = _build_warehouse(folder, f"load {key} ({n} reports), run {run + 1}: dbt build")
            walls.append(s_wall + d_wall)
            rsss.append(max(s_rss, d_rss))
            stage_s.append(s_wall)
            dbt_s.append(d_wall)
            print(
                f"bench: load {n} run {run + 1}: stage {s_wall:.1f} s + build {d_wall:.1f} s", file=sys.stderr
            )
        if n == largest:
            shutil.rmtree(work / f"load-{n}", ignore_errors=True)
        out[key] = {
            "reports": n,
            "wall_s": statistics.median(walls),
            "peak_rss_mb": statistics.median(rsss),
            "wall_s_stats": _stats(walls),
            "peak_rss_mb_stats": _stats(rsss),
            "stage_s": _stats(stage_s),
            "dbt_build_s": _stats(dbt_s),
        }
    keys = list(sizes)
    out["growth_exponent"] = {
        f"{a}->{b}": round(math.log(out[b]["wall_s"] / out[a]["wall_s"]) / math.log(sizes[b] / sizes[a]), 3)
        for a, b in itertools.pairwise(keys)
    }
    out["dbt_growth_exponent"] = {
        f"{a}->{b}": round(
            math.log(out[b]["dbt_build_s"]["median"] / out[a]["dbt_build_s"]["median"])
            / math.log(sizes[b] / sizes[a]),
            3,
        )
        for a, b in itertools.pairwise(keys)
    }
    out["max_peak_rss_mb"] = max(out[k]["peak_rss_mb"] for k in keys)
    out["sizes"] = keys
    return out


# A dbt process's start: the interpreter, dbt and its adapter imported (what any invocation pays).
_DBT_IMPORTS = "import dbt.cli.main, dbt.adapters.duckdb, scrapers.warehouse.publish"

# dbt options for a build with a few new reports, each compared with the pipeline's plain build.
# Each is legitimate only where stated; none drops a data test.
DBT_OPTIONS = {
    "baseline": (),  # dbt build, partial parse on (dbt_project.yml), manifest of the last build reused
    "no_partial_parse": ("--no-partial-parse",),  # what partial parsing saves
    "seeds_excluded": ("--exclude", "resource_type:seed"),  # only valid when the seeds are unchanged
    "threads_2": ("--threads", "2"),  # two nodes at a time on the one DuckDB connection
}


def bench_incremental(
    n: int, added: int, runs: int, work: Path, full_wall: float | None, options: bool = True
) -> dict[str, Any]:
    """A full load of ``n`` reports, then ``runs`` times: ``added`` new reports and the pipeline's
    build (``govreports build-warehouse``), then the same with nothing new (the fingerprint says
    current: no dbt at all). Then the dbt options of DBT_OPTIONS, each on ``added`` new reports."""
    from scrapers.bench.staged import add_reports

    folder = work / f"incremental-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _stage(n, folder)
    full_s, _ = _build_warehouse(folder, f"incremental: full build of {n} reports")
    increments, noops = [], []
    seed = 777
    for run in range(runs):
        add_reports(folder / "staged", added, seed=seed)
        seed += 1
        wall, _ = _build_warehouse(folder, f"incremental: +{added} reports, run {run + 1}")
        increments.append(wall)
        wall, _ = _build_warehouse(folder, f"incremental: nothing new, run {run + 1}")
        noops.append(wall)
    result: dict[str, Any] = {
        "reports": n,
        "added": added,
        "full_build_s": full_s,
        "load_wall_s": full_wall,
        "incremental_s": _stats(increments),
        "noop_s": _stats(noops),
        "ratio": statistics.median(increments) / full_s,
        "noop_ratio": statistics.median(noops) / full_s,
        "note": "ratios against the full build of the same warehouse (fingerprint + dbt build + publish); "
        "both runs are `govreports build-warehouse`, as the pipeline runs it",
    }
    if options:
        fixed: dict[str, list[float]] = {"process_start_s": [], "parse_s": []}
        timings: dict[str, list[float]] = {name: [] for name in DBT_OPTIONS}
        for _ in range(runs):
            log = folder / "dbt.log"
            started = _run_tree([sys.executable, "-c", _DBT_IMPORTS], _dbt_env(folder), log)
            fixed["process_start_s"].append(_checked("dbt imports", started, log)[0])
            fixed["parse_s"].append(_dbt(folder, "dbt parse", "parse")[0])
            for name, flags in DBT_OPTIONS.items():
                add_reports(folder / "staged", added, seed=seed)
                seed += 1
                timings[name].append(_dbt(folder, f"dbt build {' '.join(flags)}", "build", *flags)[0])
        base = statistics.median(timings["baseline"])
        result["fixed_cost"] = {k: _stats(v) for k, v in fixed.items()}
        result["dbt_options"] = {
            name: _stats(values) | {"saves_s": base - statistics.median(values)}
            for name, values in timings.items()
        }
    shutil.rmtree(folder, ignore_errors=True)
    return result


# ---------------------------------------------------------------------------------------------
# dag_parse: each DAG file in a fresh interpreter, airflow already imported (as the DAG processor)
# ---------------------------------------------------------------------------------------------

_PARSE = """
import json, os, sys, time
from airflow.dag_processing.dagbag import DagBag
sys.path.insert(0, os.path.dirname(sys.argv[1]))  # the DAGs folder is on sys.path, as in Airflow
started = time.perf_counter()
bag = DagBag(dag_folder=sys.argv[1], safe_mode=False)
seconds = time.perf_counter() - started
print(json.dumps({"s": seconds, "dags": len(bag.dags), "errors": len(bag.import_errors)}))
"""


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``values`` for the duration (scrapers.local_airflow reads AIRFLOW_HOME and
    the data paths from it, and writes its JWT secret under that AIRFLOW_HOME)."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _airflow_env(home: Path, data: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The embedded Airflow's environment (scrapers.local_airflow) with its home and data in ``work``."""
    from scrapers.local_airflow import airflow_env

    home.mkdir(parents=True, exist_ok=True)
    values = {"AIRFLOW_HOME": str(home), **_data_vars(data), **(extra or {})}
    with _environ(values):
        return airflow_env(values)


def bench_dag_parse(runs: int, work: Path, mapped_overhead: bool = True) -> dict[str, Any]:
    home = work / "airflow"
    env = _airflow_env(home, work / "dag-parse-data")
    files: dict[str, Any] = {}
    for path in sorted((settings.REPO_ROOT / "dags").glob("*.py")):
        if path.name == "common.py":
            continue
        values, info = [], {}
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", _PARSE, str(path)], env=env, capture_output=True, text=True
            )
            if done.returncode != 0:
                info = {"error": done.stderr[-500:]}
                break
            info = json.loads(done.stdout.strip().splitlines()[-1])
            values.append(info["s"])
        files[path.name] = ({"seconds": _stats(values)} if values else {}) | {
            k: v for k, v in info.items() if k != "s"
        }
    medians = [f["seconds"]["median"] for f in files.values() if "seconds" in f and not f.get("errors")]
    result: dict[str, Any] = {"files": files, "max_s": max(medians) if medians else None}
    if mapped_overhead:
        overhead = bench_mapped_task_overhead(max(2, runs), work / "mapped-overhead")
        result["mapped_task_overhead_s"] = overhead["overhead_s"]["median"]
        result["mapped_task_overhead"] = overhead
    return result


# ---------------------------------------------------------------------------------------------
# dag_parse, mapped-task overhead: the same ingest with and without Airflow, on the bundled portal
# ---------------------------------------------------------------------------------------------

_NOOP_DAG = """
import pendulum
from airflow.sdk import dag


@dag(dag_id="bench_noop", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False)
def bench_noop():
    pass


bench_noop()
"""


def _timed(step: str, command: list[str], env: dict[str, str], log: Path) -> float:
    """Wall seconds of a command that must exit 0 (its output in ``log``); BenchFailure otherwise."""
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with log.open("wb") as handle:
        code = subprocess.run(command, env=env, stdout=handle, stderr=subprocess.STDOUT).returncode
    wall = time.perf_counter() - started
    if code != 0:
        raise BenchFailure(
            f"{step} exited with code {code}; no time recorded. Folder and logs kept: {log.parent}\n"
            f"--- last lines of {log} ---\n{_tail(log)}"
        )
    return wall


def _last_run_task_instances(db: Path, dag_id: str) -> tuple[dict[str, int], dict[str, int], datetime | None]:
    """Of the DAG's latest run in the SQLite metadata DB: task instances per task (mapped ones
    included), per state, and the first task's start (UTC)."""
    with contextlib.closing(sqlite3.connect(db)) as con:
        rows = con.execute(
            "SELECT task_id, state, start_date FROM task_instance WHERE dag_id = ? AND run_id = "
            "(SELECT run_id FROM dag_run WHERE dag_id = ? ORDER BY id DESC LIMIT 1)",
            (dag_id, dag_id),
        ).fetchall()
    per_task: dict[str, int] = {}
    states: dict[str, int] = {}
    for task_id, state, _ in rows:
        per_task[task_id] = per_task.get(task_id, 0) + 1
        states[str(state)] = states.get(str(state), 0) + 1
    starts = [datetime.fromisoformat(str(r[2])).replace(tzinfo=UTC) for r in rows if r[2]]
    return per_task, states, min(starts) if starts else None


def mapped_task_overhead(wall_a: float, wall_b: float, startup: float, n_task_instances: int) -> float:
    """Seconds Airflow adds per task instance: (wall_b - startup - wall_a) / n."""
    return (wall_b - startup - wall_a) / n_task_instances


def bench_mapped_task_overhead(runs: int, work: Path) -> dict[str, Any]:
    """The end-to-end overhead Airflow adds per (mapped) task instance of ``ingest_reports``.

    With the bundled portal on 127.0.0.1, each run times, from an empty data dir each: (a) ``govreports
    ingest`` as a subprocess (discover, fetch, extract, stage for every enabled source, then the
    summary: the functions the DAG's tasks call, without Airflow); (b) ``airflow dags test
    ingest_reports`` (AIRFLOW_HOME under ``work``, SQLite, migrated once before the runs); and
    Airflow's start-up, ``airflow dags test`` of a DAG without tasks. The task instances of (b) are
    counted in the metadata DB. Overhead per task instance = (b - start-up - a) / task instances."""
    from scrapers import local_airflow
    from scrapers.archive.server import ArchiveServer

    shutil.rmtree(work, ignore_errors=True)
    home = work / "airflow"
    noop_dags = work / "noop_dags"
    noop_dags.mkdir(parents=True)
    (noop_dags / "bench_noop.py").write_text(_NOOP_DAG, encoding="utf-8")
    logs = work / "logs"
    raw: dict[str, list[float]] = {
        k: [] for k in ("wall_a_s", "wall_b_s", "startup_s", "first_task_s", "ingest_startup_s", "overhead_s")
    }
    counts: list[int] = []
    per_task: dict[str, int] = {}
    with ArchiveServer() as archive:
        portal = {"GOVREPORTS_ARCHIVE_URL": archive.url}
        with _environ({"AIRFLOW_HOME": str(home), **_data_vars(work / "prepare"), **portal}):
            try:
                local_airflow.prepare(_airflow_env(home, work / "prepare", portal))
            except RuntimeError as exc:
                raise BenchFailure(f"airflow db migrate / pools set failed: {exc}") from exc
        for run in range(runs):
            data_a, data_b = work / f"data-a-{run}", work / f"data-b-{run}"
            env_a = {**os.environ, **_data_vars(data_a), **portal}
            wall_a = _timed(
                "govreports ingest", [str(BIN / "govreports"), "ingest"], env_a, logs / f"ingest-{run}.log"
            )
            raw["ingest_startup_s"].append(
                _timed(
                    "govreports ingest (no source)",
                    [str(BIN / "govreports"), "ingest", "--source", "(none)"],
                    {**os.environ, **_data_vars(work / f"data-0-{run}"), **portal},
                    logs / f"ingest-none-{run}.log",
                )
            )
            noop_env = _airflow_env(
                home, work / f"data-0-{run}", portal | {"AIRFLOW__CORE__DAGS_FOLDER": str(noop_dags)}
            )
            startup = _timed(
                "airflow dags test bench_noop",
                [str(local_airflow.AIRFLOW_BIN), "dags", "test", "bench_noop"],
                noop_env,
                logs / f"noop-{run}.log",
            )
            env_b = _airflow_env(home, data_b, portal)
            launched = datetime.now(UTC)
            wall_b = _timed(
                "airflow dags test ingest_reports",
                [str(local_airflow.AIRFLOW_BIN), "dags", "test", "ingest_reports"],
                env_b,
                logs / f"dags-test-{run}.log",
            )
            per_task, states, first = _last_run_task_instances(home / "airflow.db", "ingest_reports")
            n = sum(per_task.values())
            if not n or set(states) != {"success"}:
                raise BenchFailure(f"ingest_reports run {run + 1}: task instance states {states}; see {logs}")
            counts.append(n)
            raw["wall_a_s"].append(wall_a)
            raw["wall_b_s"].append(wall_b)
            raw["startup_s"].append(startup)
            raw["first_task_s"].append((first - launched).total_seconds() if first else math.nan)
            raw["overhead_s"].append(mapped_task_overhead(wall_a, wall_b, startup, n))
            print(
                f"bench: mapped-task overhead run {run + 1}: ingest {wall_a:.1f} s, "
                f"dags test {wall_b:.1f} s, start-up {startup:.1f} s, {n} task instances",
                file=sys.stderr,
                flush=True,
            )
            for folder in (data_a, data_b, work / f"data-0-{run}"):
                shutil.rmtree(folder, ignore_errors=True)
    if len(set(counts)) != 1:
        raise BenchFailure(f"ingest_reports ran a different number of task instances per run: {counts}")
    shutil.rmtree(work, ignore_errors=True)
    return {
        "n_task_instances": counts[0],
        "task_instances": per_task,
        "sources": per_task.get("discover", 0),
        **{k: _stats(v) for k, v in raw.items()},
        "method": "median over runs of (wall_b - startup_s - wall_a) / n_task_instances, each run from "
        "empty data dirs, bundled portal on 127.0.0.1: wall_a = `govreports ingest` (subprocess, all "
        "enabled sources, no Airflow); wall_b = `airflow dags test ingest_reports` (temporary "
        "AIRFLOW_HOME, SQLite, migrated before the runs); startup_s = `airflow dags test` of a DAG "
        "without tasks; n_task_instances counted in the metadata DB (mapped ones included). "
        "first_task_s: from launching (b) to its first task's start; ingest_startup_s: `govreports "
        "ingest` with no source (its fixed cost, inside wall_a)",
    }


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def _get(results: dict[str, Any], dotted: str) -> Any:
    node: Any = results
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _machine() -> dict[str, Any]:
    memory = None
    try:
        import psutil

        memory = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        "# Bench results",
        "",
        f"{results['date']} · scale {results['scale']} · {results['runs']} run(s) each (median, min–max) · "
        f"{m['cores']} cores, {m['memory_gb']} GB, Python {m['python']} · load average at start "
        f"{', '.join(str(x) for x in m['load_avg_at_start'])}"
        + (f", at end {', '.join(str(x) for x in m['load_avg_at_end'])}" if m.get("load_avg_at_end") else "")
        + (f" · whole run {results['total_seconds'] / 60:.1f} min" if results.get("total_seconds") else ""),
        "",
        "| figure | value | min – max | target | met |",
        "|---|---|---|---|---|",
    ]

    def row(label: str, key: str, stats_key: str | None = None, fmt: str = "{:.3g}") -> None:
        value = _get(results, key)
        if value is None:
            return
        stats = _get(results, stats_key) if stats_key else None
        spread = f"{fmt.format(stats['min'])} – {fmt.format(stats['max'])}" if stats else ""
        target = TARGETS.get(key)
        met = ""
        if target:
            op, bound = target
            ok = value >= bound if op == ">=" else value <= bound if op == "<=" else value < bound
            met = "yes" if ok else "**no**"
        lines.append(
            f"| {label} | {fmt.format(value)} | {spread} | {' '.join(map(str, target or ()))} | {met} |"
        )

    ex = results.get("extraction", {})
    row(
        f"extraction: reports/s (1 core, {ex.get('reports', '?')} reports)",
        "extraction.reports_per_s",
        "extraction.reports_per_s_stats",
        "{:.0f}",
    )
    row("extraction: chars/s", "extraction.chars_per_s", None, "{:.3g}")
    row(
        "extraction: ratio to a digit-regex pass",
        "extraction.ratio_to_floor",
        "extraction.ratio_to_floor_stats",
        "{:.0f}",
    )
    row("accuracy: precision (generated texts)", "extraction_accuracy.precision", None, "{:.4f}")
    row("accuracy: recall (generated texts)", "extraction_accuracy.recall", None, "{:.4f}")
    row(
        "accuracy: precision (files: txt, HTML UTF-8/GBK, PDF)",
        "extraction_accuracy.files.precision",
        None,
        "{:.4f}",
    )
    row("accuracy: recall (files)", "extraction_accuracy.files.recall", None, "{:.4f}")
    cr = results.get("crawl", {})
    row(
        f"crawl: pages/s ({cr.get('pages', '?')} pages, delay 0, concurrency 1)",
        "crawl.pages_per_s",
        "crawl.pages_per_s_stats",
        "{:.0f}",
    )
    row("crawl: peak RSS MB", "crawl.peak_rss_mb", "crawl.peak_rss_mb_stats", "{:.0f}")
    for n in _get(results, "load.sizes") or []:
        reports = _get(results, f"load.{n}.reports")
        runs = _get(results, f"load.{n}.wall_s_stats.runs")
        row(
            f"load {n} ({reports} reports, {runs} run(s)): wall s (stage + dbt build + publish)",
            f"load.{n}.wall_s",
            f"load.{n}.wall_s_stats",
            "{:.1f}",
        )
        row(f"load {n}: of which staging s", f"load.{n}.stage_s.median", f"load.{n}.stage_s", "{:.1f}")
        row(
            f"load {n}: of which build-warehouse s",
            f"load.{n}.dbt_build_s.median",
            f"load.{n}.dbt_build_s",
            "{:.1f}",
        )
        row(
            f"load {n}: peak RSS MB (process tree)",
            f"load.{n}.peak_rss_mb",
            f"load.{n}.peak_rss_mb_stats",
            "{:.0f}",
        )
    for pair, exponent in (_get(results, "load.growth_exponent") or {}).items():
        lines.append(f"| load growth exponent {pair} | {exponent} |  | ≈ 1 |  |")
    for pair, exponent in (_get(results, "load.dbt_growth_exponent") or {}).items():
        lines.append(f"| build-warehouse growth exponent {pair} | {exponent} |  |  |  |")
    row("load: max peak RSS MB", "load.max_peak_rss_mb", None, "{:.0f}")
    inc = results.get("incremental", {})
    row(
        f"incremental: full build of {inc.get('reports', '?')} reports, s",
        "incremental.full_build_s",
        None,
        "{:.1f}",
    )
    row(
        f"incremental: +{inc.get('added', '?')} reports, s",
        "incremental.incremental_s.median",
        "incremental.incremental_s",
        "{:.1f}",
    )
    row(f"incremental: +{inc.get('added', '?')} reports / full build", "incremental.ratio", None, "{:.2f}")
    row("incremental: nothing new, s", "incremental.noop_s.median", "incremental.noop_s", "{:.2f}")
    row("incremental: nothing new / full build", "incremental.noop_ratio", None, "{:.3f}")
    for name, label in (
        ("process_start_s", "python + dbt + adapter imports"),
        ("parse_s", "govreports dbt parse, whole process (partial parse)"),
    ):
        row(
            f"fixed cost: {label}, s",
            f"incremental.fixed_cost.{name}.median",
            f"incremental.fixed_cost.{name}",
            "{:.1f}",
        )
    for name in _get(results, "incremental.dbt_options") or {}:
        row(
            f"dbt build +{inc.get('added', '?')} reports, option {name}, s "
            f"(saves {_get(results, f'incremental.dbt_options.{name}.saves_s'):+.1f})",
            f"incremental.dbt_options.{name}.median",
            f"incremental.dbt_options.{name}",
            "{:.1f}",
        )
    row("dag_parse: slowest DAG file, s", "dag_parse.max_s", None, "{:.2f}")
    for name, info in (_get(results, "dag_parse.files") or {}).items():
        if "seconds" in info:
            s = info["seconds"]
            lines.append(
                f"| dag_parse {name} s | {s['median']:.2f} | {s['min']:.2f} – {s['max']:.2f} |  |  |"
            )
    mto = _get(results, "dag_parse.mapped_task_overhead") or {}
    if mto:
        row(
            f"dag_parse: Airflow overhead per task instance, s (ingest_reports, {mto.get('sources', '?')} "
            f"sources, {mto.get('n_task_instances', '?')} task instances; (b − start-up − a) / n)",
            "dag_parse.mapped_task_overhead_s",
            "dag_parse.mapped_task_overhead.overhead_s",
            "{:.3f}",
        )
        for key, label in (
            ("wall_b_s", "(b) airflow dags test ingest_reports, s"),
            ("startup_s", "airflow start-up (dags test of a DAG without tasks), s"),
            ("wall_a_s", "(a) govreports ingest, no Airflow (subprocess), s"),
            ("first_task_s", "(b) launch to its first task, s"),
        ):
            row(
                f"dag_parse: {label}",
                f"dag_parse.mapped_task_overhead.{key}.median",
                f"dag_parse.mapped_task_overhead.{key}",
                "{:.1f}",
            )
    for name, info in (results.get("updated") or {}).items():
        lines.append(
            f"| ({name} re-run alone on {info['date']}, {info['runs']} run(s), load average at start "
            f"{', '.join(str(x) for x in info['load_avg_at_start'])}) |  |  |  |  |"
        )
    lines += [
        "",
        "Reproduce: `make bench` (full) or `make bench BENCH_SCALE=0.05` (quick); details in "
        "`bench/results.json`.",
        "",
    ]
    return "\n".join(lines)


def _merged(path: Path, fresh: dict[str, Any], suites: list[str]) -> dict[str, Any]:
    """``--only``: the suites just run replace theirs in the existing results (the other suites, the
    date, scale and machine of the run that produced them are kept); each re-run suite is listed
    under ``updated`` with its own date, runs and load. No existing results: ``fresh`` as is."""
    try:
        merged = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return fresh
    keys = {"extraction": ("extraction", "extraction_accuracy")}
    for suite in suites:
        for key in keys.get(suite, (suite,)):
            if key in fresh:
                merged[key] = fresh[key]
        if suite in fresh.get("suite_seconds", {}):
            merged.setdefault("suite_seconds", {})[suite] = fresh["suite_seconds"][suite]
        merged.setdefault("updated", {})[suite] = {
            "date": fresh["date"],
            "scale": fresh["scale"],
            "runs": fresh["runs"],
            "load_avg_at_start": fresh["machine"]["load_avg_at_start"],
            "load_avg_at_end": fresh["machine"]["load_avg_at_end"],
        }
    merged.get("updated", {}).pop("extraction_accuracy", None)
    return merged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scrapers.bench.harness", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1")))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--only", default="", help="comma-separated suites (default: all)")
    parser.add_argument(
        "--largest-runs",
        type=int,
        default=int(os.environ.get("BENCH_LARGEST_RUNS", "0")) or None,
        help="runs of the largest load size (default: --runs)",
    )
    parser.add_argument(
        "--no-dbt-options",
        action="store_true",
        help="skip the dbt option comparisons of the incremental suite",
    )
    parser.add_argument(
        "--no-mapped-overhead",
        action="store_true",
        help="skip the Airflow per-task overhead measurement of the dag_parse suite",
    )
    parser.add_argument("--out", type=Path, default=settings.REPO_ROOT / "bench")
    args = parser.parse_args(argv)
    suites = [s for s in args.only.split(",") if s] or list(SUITES)
    work = (args.out / "out").resolve()
    work.mkdir(parents=True, exist_ok=True)
    scale, runs = args.scale, args.runs
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "scale": scale,
        "runs": runs,
        "largest_runs": args.largest_runs or runs,
        "machine": _machine(),
        "targets": {k: f"{op} {v}" for k, (op, v) in TARGETS.items()},
    }
    steps: list[tuple[str, Callable[[], None]]] = []

    def extraction() -> None:
        results["extraction"], results["extraction_accuracy"] = bench_extraction(
            _scaled(10_000, scale, 40), runs
        )
        results["extraction_accuracy"]["files"] = bench_files(_scaled(400, scale, 16), work)

    def crawl() -> None:
        results["crawl"] = bench_crawl(_scaled(5_000, scale, 60), runs, work)

    def load() -> None:
        sizes: dict[str, int] = {}
        for nominal in (1_000, 10_000, 100_000):
            sizes[str(nominal)] = max(_scaled(nominal, scale, 20), max(sizes.values(), default=0) + 10)
        results["load"] = bench_load(sizes, runs, work, args.largest_runs)

    def incremental() -> None:
        full = _get(results, "load.10000.wall_s")
        results["incremental"] = bench_incremental(
            _scaled(10_000, scale, 20), 10, runs, work, full, options=not args.no_dbt_options
        )

    def dag_parse() -> None:
        results["dag_parse"] = bench_dag_parse(runs, work, mapped_overhead=not args.no_mapped_overhead)

    table = {
        "extraction": extraction,
        "extraction_accuracy": lambda: None,
        "crawl": crawl,
        "load": load,
        "incremental": incremental,
        "dag_parse": dag_parse,
    }
    steps = [(s, table[s]) for s in SUITES if s in suites]
    began = time.perf_counter()
    for name, step in steps:
        started = time.perf_counter()
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            step()
        except BenchFailure as exc:
            print(f"bench: FAILED in {name}: {exc}", file=sys.stderr, flush=True)
            print("bench: results.json and RESULTS.md left as they were", file=sys.stderr, flush=True)
            return 1
        seconds = time.perf_counter() - started
        results.setdefault("suite_seconds", {})[name] = round(seconds, 1)
        print(f"bench: {name} done in {seconds:.0f} s", file=sys.stderr, flush=True)
    results["total_seconds"] = round(time.perf_counter() - began, 1)
    results["machine"]["load_avg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    if args.only:
        results = _merged(args.out / "results.json", results, [name for name, _ in steps])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (args.out / "RESULTS.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
