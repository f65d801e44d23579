"""Per-report records → one Parquet file per source and entity, for dbt to read.

Each source's task writes only its own files (`<staged>/<entity>/<source>.parquet`), so mapped tasks
never contend for one DuckDB file, and a source that is rerun simply replaces its files. Schemas are
explicit: an empty source still writes typed, empty files, and dbt's sources never guess a type.
The columns are documented in ARCHITECTURE.md and in dbt_project's source YAML.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from scrapers.atomic import atomic_path
from scrapers.fetch.fetchlog import log_path, read_log
from scrapers.reportstore import ReportStore, read_json
from scrapers.sources import Source

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("report_id", pa.string()),
            ("source", pa.string()),
            ("publisher", pa.string()),
            ("url", pa.string()),
            ("alt_urls", pa.string()),  # JSON list
            ("title", pa.string()),
            ("published", pa.string()),  # YYYY-MM-DD
            ("report_year", pa.int32()),
            ("doc_type", pa.string()),
            ("province", pa.string()),
            ("city", pa.string()),
            ("county", pa.string()),
            ("jurisdiction_code", pa.string()),
            ("is_example", pa.bool_()),
            ("raw_sha256", pa.string()),
            ("text_chars", pa.int64()),
            ("text_source", pa.string()),
            ("first_fetched_at", pa.string()),
            ("last_fetched_at", pa.string()),
            ("extractor_version", pa.string()),
            ("warnings", pa.string()),  # JSON list
        ]
    ),
    "facts": pa.schema(
        [
            ("report_id", pa.string()),
            ("metric", pa.string()),
            ("value", pa.float64()),
            ("unit", pa.string()),
            ("qualifier", pa.string()),
            ("fact_year", pa.int32()),
            ("evidence", pa.string()),
            ("char_start", pa.int64()),
            ("char_end", pa.int64()),
        ]
    ),
    "failures": pa.schema(
        [
            ("source", pa.string()),
            ("url", pa.string()),
            ("stage", pa.string()),
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("occurred_at", pa.string()),
        ]
    ),
    "fetch_log": pa.schema(
        [
            ("source", pa.string()),
            ("url", pa.string()),
            ("requested_at", pa.string()),
            ("status", pa.int32()),
            ("sha256", pa.string()),
            ("content_type", pa.string()),
            ("size", pa.int64()),
            ("elapsed_ms", pa.int64()),
            ("not_modified", pa.bool_()),
            ("error", pa.string()),
        ]
    ),
}


def _write_parquet(path: Path, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    table = pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows], schema)
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)


def _fetch_times(log: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """First and last successful fetch of each URL (ISO strings sort chronologically). A 200 with an
    error (a body cut off as too large) is not a successful fetch."""
    times: dict[str, tuple[str, str]] = {}
    for attempt in log:
        if attempt.get("status") not in (200, 304) or attempt.get("error"):
            continue
        url, at = attempt["url"], attempt["requested_at"]
        first, last = times.get(url, (at, at))
        times[url] = (min(first, at), max(last, at))
    return times


def document_row(record: dict[str, Any], source: Source, times: dict[str, tuple[str, str]]) -> dict[str, Any]:
    document = record["document"]
    place = document["jurisdiction"]
    seen = [times[u] for u in [record["url"], *record["alt_urls"]] if u in times]
    return {
        "report_id": record["report_id"],
        "source": record["source"],
        "publisher": document["publisher"] or source.publisher,
        "url": record["url"],
        "alt_urls": json.dumps(record["alt_urls"], ensure_ascii=False),
        "title": document["title"],
        "published": document["published"],
        "report_year": document["report_year"],
        "doc_type": document["doc_type"],
        "province": place["province"],
        "city": place["city"],
        "county": place["county"],
        "jurisdiction_code": place["code"],
        "is_example": record["is_example"],
        "raw_sha256": record["raw_sha256"],
        "text_chars": record["text_chars"],
        "text_source": record["text_source"],
        "first_fetched_at": min((s[0] for s in seen), default=record["fetched_at"]),
        "last_fetched_at": max((s[1] for s in seen), default=record["fetched_at"]),
        "extractor_version": record["extractor_version"],
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
    }


def fact_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "report_id": record["report_id"],
            "metric": fact["metric"],
            "value": fact["value"],
            "unit": fact["unit"],
            "qualifier": fact["qualifier"],
            "fact_year": fact["year"],
            "evidence": fact["evidence"],
            "char_start": fact["start"],
            "char_end": fact["end"],
        }
        for fact in record["facts"]
    ]


def stage_source(source: Source, data_dir: Path, staged_dir: Path) -> dict[str, int]:
    """Replace this source's staged files with the current state of its reports."""
    log = read_log(log_path(data_dir, source.name))
    times = _fetch_times(log)
    documents: list[dict[str, Any]] = []
    facts: list[dict[str, Any]] = []
    for record in ReportStore(data_dir, source.name):
        documents.append(document_row(record, source, times))
        facts.extend(fact_rows(record))
    work = data_dir / "work" / source.name
    failures = [
        failure
        for step in ("discover", "fetch", "extract")
        for failure in read_json(work / f"failures_{step}.json", [])
    ]
    rows = {"documents": documents, "facts": facts, "failures": failures, "fetch_log": log}
    for entity, schema in SCHEMAS.items():
        _write_parquet(staged_dir / entity / f"{source.name}.parquet", rows[entity], schema)
    return {entity: len(entity_rows) for entity, entity_rows in rows.items()}
