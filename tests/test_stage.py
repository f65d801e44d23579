"""Staging: per-report records become typed Parquet files, one per source and entity."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from scrapers.reportstore import ReportStore, write_json
from scrapers.sources import Source
from scrapers.stage import SCHEMAS, stage_source

SOURCE = Source(
    name="demo",
    publisher="示例区人民政府",
    platform="generic",
    entry_urls=["http://127.0.0.1/demo/list.html"],
    allowed_hosts=["127.0.0.1"],
)


def _record(report_id: str, url: str, facts: list[dict]) -> dict:
    return {
        "report_id": report_id,
        "source": "demo",
        "is_example": False,
        "url": url,
        "alt_urls": [],
        "raw_sha256": "0" * 64,
        "text_source": "html",
        "text_chars": 100,
        "fetched_at": "2026-01-01T00:00:00+00:00",
        "extractor_version": "test",
        "page": None,
        "document": {
            "title": "2023年度法治政府建设情况报告",
            "publisher": None,
            "published": "2024-02-01",
            "report_year": 2023,
            "doc_type": "rule_of_law_report",
            "jurisdiction": {"province": "山东省", "city": "潍坊市", "county": None, "code": "370700"},
        },
        "facts": facts,
        "warnings": ["a warning"],
    }


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    data, out = tmp_path / "data", tmp_path / "staged"
    store = ReportStore(data, "demo")
    fact = {
        "metric": "litigation.cases",
        "value": 93.0,
        "unit": "件",
        "qualifier": "exact",
        "year": None,
        "evidence": "行政应诉案件93件",
        "start": 10,
        "end": 19,
    }
    store.save(_record("r1", "http://127.0.0.1/demo/1.html", [fact]), "x" * 100)
    store.save(_record("r2", "http://127.0.0.1/demo/2.html", []), "y" * 100)
    log = data / "raw" / "fetch_log" / "demo.jsonl"
    log.parent.mkdir(parents=True)
    attempts = [
        {
            "source": "demo",
            "url": "http://127.0.0.1/demo/1.html",
            "requested_at": "2026-01-02T00:00:00+00:00",
            "status": 200,
            "sha256": "0" * 64,
            "content_type": "text/html",
            "size": 10,
            "elapsed_ms": 3,
            "not_modified": False,
            "error": None,
            "etag": "x",
        },
        {
            "source": "demo",
            "url": "http://127.0.0.1/demo/1.html",
            "requested_at": "2026-01-03T00:00:00+00:00",
            "status": 304,
            "sha256": None,
            "content_type": None,
            "size": None,
            "elapsed_ms": 2,
            "not_modified": True,
            "error": None,
        },
        {
            "source": "demo",
            "url": "http://127.0.0.1/demo/9.html",
            "requested_at": "2026-01-03T00:00:01+00:00",
            "status": 404,
            "sha256": None,
            "content_type": "text/html",
            "size": 0,
            "elapsed_ms": 2,
            "not_modified": False,
            "error": "http_404",
        },
    ]
    log.write_text("".join(json.dumps(a) + "\n" for a in attempts), encoding="utf-8")
    write_json(
        data / "work" / "demo" / "failures_fetch.json",
        [
            {
                "source": "demo",
                "url": "http://127.0.0.1/demo/9.html",
                "stage": "fetch",
                "reason": "http_404",
                "detail": "HTTP status 404",
                "occurred_at": "2026-01-03T00:00:01+00:00",
            }
        ],
    )
    counts = stage_source(SOURCE, data, out)
    assert counts == {"documents": 2, "facts": 1, "failures": 1, "fetch_log": 3}
    return out


def test_every_entity_file_has_its_declared_schema(staged: Path) -> None:
    for entity, schema in SCHEMAS.items():
        assert pq.read_schema(staged / entity / "demo.parquet").equals(schema), entity


def test_facts_keep_their_evidence_and_offsets(staged: Path) -> None:
    (fact,) = pq.read_table(staged / "facts" / "demo.parquet").to_pylist()
    assert fact == {
        "report_id": "r1",
        "metric": "litigation.cases",
        "value": 93.0,
        "unit": "件",
        "qualifier": "exact",
        "fact_year": None,
        "evidence": "行政应诉案件93件",
        "char_start": 10,
        "char_end": 19,
    }


def test_document_fetch_times_come_from_the_fetch_log(staged: Path) -> None:
    rows = {r["report_id"]: r for r in pq.read_table(staged / "documents" / "demo.parquet").to_pylist()}
    assert rows["r1"]["first_fetched_at"] == "2026-01-02T00:00:00+00:00"
    assert rows["r1"]["last_fetched_at"] == "2026-01-03T00:00:00+00:00"
    # never seen in the log: falls back to the time the report was processed
    assert rows["r2"]["first_fetched_at"] == "2026-01-01T00:00:00+00:00"


def test_publisher_falls_back_to_the_registry(staged: Path) -> None:
    rows = pq.read_table(staged / "documents" / "demo.parquet").to_pylist()
    assert {r["publisher"] for r in rows} == {"示例区人民政府"}


def test_failures_are_staged_with_their_reason(staged: Path) -> None:
    (failure,) = pq.read_table(staged / "failures" / "demo.parquet").to_pylist()
    assert (failure["stage"], failure["reason"]) == ("fetch", "http_404")


def test_an_empty_source_still_writes_typed_empty_files(tmp_path: Path) -> None:
    counts = stage_source(SOURCE, tmp_path / "data", tmp_path / "staged")
    assert counts == {"documents": 0, "facts": 0, "failures": 0, "fetch_log": 0}
    for entity, schema in SCHEMAS.items():
        table = pq.read_table(tmp_path / "staged" / entity / "demo.parquet")
        assert table.num_rows == 0 and table.schema.equals(schema)


def test_a_torn_last_fetch_log_line_does_not_break_staging(tmp_path: Path) -> None:
    """A run killed mid-append leaves half a line; staging keeps every complete attempt."""
    log = tmp_path / "data" / "raw" / "fetch_log" / "demo.jsonl"
    log.parent.mkdir(parents=True)
    whole = {
        "source": "demo",
        "url": "http://127.0.0.1/demo/1.html",
        "requested_at": "2026-01-02T00:00:00+00:00",
        "status": 200,
        "sha256": None,
        "content_type": None,
        "size": 1,
        "elapsed_ms": 1,
        "not_modified": False,
        "error": None,
    }
    log.write_text(json.dumps(whole) + "\n" + '{"source": "demo", "url": "http://127.0', encoding="utf-8")
    counts = stage_source(SOURCE, tmp_path / "data", tmp_path / "staged")
    assert counts["fetch_log"] == 1
