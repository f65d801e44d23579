"""Crash safety: `govreports ingest` killed with SIGKILL half-way, then run again to completion,
leaves the same data as a run that was never interrupted (fetch times excepted).

Both runs crawl the bundled portal (slowed down a little per request, so the kill lands
mid-crawl) in a subprocess with their own data directory. Compared: the raw objects, the set of
URLs the fetch log has a success for, every report.json / report.txt, and the staged Parquet
row sets (documents, facts, failures; the fetch_log table by its successful URLs and bodies).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

server_module = pytest.importorskip("scrapers.archive.server")

REPO = Path(__file__).resolve().parents[2]
SHA = re.compile(r"^[0-9a-f]{64}$")
VOLATILE = {
    "documents": {"first_fetched_at", "last_fetched_at"},
    "failures": {"occurred_at"},
    "facts": set(),
}


def _ingest(data_dir: Path, archive_url: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVREPORTS_")}
    env |= {
        "GOVREPORTS_DATA_DIR": str(data_dir),
        "GOVREPORTS_ARCHIVE_URL": archive_url,
        "PYTHONPATH": str(REPO),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "scrapers.cli", "ingest"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _finish(process: subprocess.Popen) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode(errors="replace")[-3000:]


def _objects(data_dir: Path) -> set[str]:
    root = data_dir / "raw" / "objects"
    return {p.name for p in root.rglob("*") if p.is_file() and SHA.match(p.name)} if root.exists() else set()


def _successes(data_dir: Path) -> set[tuple[str, str]]:
    found = set()
    for path in (data_dir / "raw" / "fetch_log").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            attempt = json.loads(line)  # every line must parse: no torn line may survive a rerun
            if attempt["error"] is None and attempt["sha256"]:
                found.add((attempt["url"], attempt["sha256"]))
    return found


def _reports(data_dir: Path) -> dict[str, Any]:
    reports = {}
    for path in sorted((data_dir / "reports").glob("*/*/report.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record.pop("fetched_at", None)
        text = (path.parent / "report.txt").read_text(encoding="utf-8")
        reports[str(path.relative_to(data_dir))] = (record, text)
    return reports


def _staged(data_dir: Path) -> dict[str, list]:
    tables = {}
    for entity, volatile in VOLATILE.items():
        rows = []
        for path in sorted((data_dir / "staged" / entity).glob("*.parquet")):
            for row in pq.read_table(path).to_pylist():
                rows.append(tuple(sorted((k, repr(v)) for k, v in row.items() if k not in volatile)))
        tables[entity] = sorted(rows)
    fetched = set()
    for path in (data_dir / "staged" / "fetch_log").glob("*.parquet"):
        for row in pq.read_table(path).to_pylist():
            if row["error"] is None and row["sha256"]:
                fetched.add((row["url"], row["sha256"]))
    tables["fetch_log"] = sorted(fetched)
    return tables


def _staged_files(data_dir: Path) -> int:
    return len(list((data_dir / "staged").glob("*/*.parquet")))


# When to kill: a third of the raw objects fetched (mid-fetch), or some sources already staged
# (later sources still discovering, fetching, extracting).
KILL_POINTS = {
    "mid-fetch": lambda data_dir, total: len(_objects(data_dir)) >= total // 3,
    "mid-run": lambda data_dir, total: _staged_files(data_dir) >= 12,
}


@pytest.fixture(scope="module", params=sorted(KILL_POINTS))
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("crash")
    reference, crashed = root / "reference", root / "crashed"
    with server_module.ArchiveServer(delay_s=0.05) as archive:
        _finish(_ingest(reference, archive.url))
        total = len(_objects(reference))
        process = _ingest(crashed, archive.url)
        deadline = time.monotonic() + 120
        while not KILL_POINTS[request.param](crashed, total):
            assert process.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "the crawl did not get going"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        at_kill = len(_objects(crashed))
        _finish(_ingest(crashed, archive.url))
    return {"reference": reference, "crashed": crashed, "total": total, "at_kill": at_kill}


def test_the_kill_landed_mid_crawl(runs):
    assert 0 < runs["at_kill"] < runs["total"]


def test_same_raw_objects(runs):
    assert _objects(runs["crashed"]) == _objects(runs["reference"])


def test_same_successful_fetches(runs):
    assert _successes(runs["crashed"]) == _successes(runs["reference"])


def test_same_reports(runs):
    assert _reports(runs["crashed"]) == _reports(runs["reference"])


def test_same_staged_rows(runs):
    crashed, reference = _staged(runs["crashed"]), _staged(runs["reference"])
    for entity in reference:
        assert crashed[entity] == reference[entity], entity
