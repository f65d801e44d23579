"""Staged Parquet written directly for the load bench (``scrapers.stage.SCHEMAS`` is the contract).

``write_staged(n, staged_dir)`` writes ``n`` generated reports as ``documents``, ``facts``,
``failures`` and ``fetch_log`` files, ``REPORTS_PER_SOURCE`` reports per source file (as many
sources crawl into one data directory), with the true facts of each report as its facts (about 17 a
report, evidence and offsets included). ``extra`` adds a source of new reports (the incremental run).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from scrapers.bench.corpus import GeneratedReport, iter_reports
from scrapers.stage import SCHEMAS, _write_parquet

REPORTS_PER_SOURCE = 100
EXTRACTOR_VERSION = "bench"


def _rows(
    report: GeneratedReport, source: str
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    report_id = hashlib.sha256(report.key.encode()).hexdigest()[:16]
    url = f"http://127.0.0.1/{source}/{report.key}.html"
    at = f"{report.published}T02:00:00+00:00"
    document = {
        "report_id": report_id,
        "source": source,
        "publisher": report.publisher,
        "url": url,
        "alt_urls": "[]",
        "title": report.title,
        "published": report.published,
        "report_year": report.year,
        "doc_type": report.doc_type,
        "province": report.place.province,
        "city": report.place.city,
        "county": report.place.county,
        "jurisdiction_code": report.place.code,
        "is_example": True,
        "raw_sha256": hashlib.sha256(url.encode()).hexdigest(),
        "text_chars": 1800 + len(report.facts) * 120,
        "text_source": "html",
        "first_fetched_at": at,
        "last_fetched_at": at,
        "extractor_version": EXTRACTOR_VERSION,
        "warnings": "[]",
    }
    facts = []
    offset = 300
    for fact in report.facts:
        value = fact["value"]
        evidence = f"{fact['metric'].split('.')[-1]}{value:g}{fact.get('unit', '%')}"
        facts.append(
            {
                "report_id": report_id,
                "metric": fact["metric"],
                "value": float(value),
                "unit": fact.get("unit"),
                "qualifier": fact.get("qualifier", "exact"),
                "fact_year": None,
                "evidence": evidence,
                "char_start": offset,
                "char_end": offset + len(evidence),
            }
        )
        offset += 97
    log = {
        "source": source,
        "url": url,
        "requested_at": at,
        "status": 200,
        "sha256": document["raw_sha256"],
        "content_type": "text/html; charset=utf-8",
        "size": 24000,
        "elapsed_ms": 12,
        "not_modified": False,
        "error": None,
    }
    return document, facts, log


def write_source(staged_dir: Path, source: str, reports: list[GeneratedReport]) -> int:
    documents: list[dict[str, Any]] = []
    facts: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    for report in reports:
        document, report_facts, log = _rows(report, source)
        documents.append(document)
        facts.extend(report_facts)
        logs.append(log)
    rows = {"documents": documents, "facts": facts, "failures": [], "fetch_log": logs}
    for entity, schema in SCHEMAS.items():
        _write_parquet(staged_dir / entity / f"{source}.parquet", rows[entity], schema)
    return len(facts)


def write_staged(
    n: int, staged_dir: Path, *, seed: int = 20261123, jurisdictions: int | None = None
) -> dict[str, int]:
    """``n`` reports in ``ceil(n / REPORTS_PER_SOURCE)`` sources; returns the row counts."""
    jurisdictions = jurisdictions or max(1, n // 12)
    batch: list[GeneratedReport] = []
    sources = facts = 0
    for report in iter_reports(n, jurisdictions=jurisdictions, seed=seed):
        batch.append(report)
        if len(batch) == REPORTS_PER_SOURCE:
            facts += write_source(staged_dir, f"bench-{sources:05d}", batch)
            sources, batch = sources + 1, []
    if batch:
        facts += write_source(staged_dir, f"bench-{sources:05d}", batch)
        sources += 1
    return {"reports": n, "sources": sources, "facts": facts}


def add_reports(staged_dir: Path, k: int, *, seed: int = 777) -> dict[str, int]:
    """``k`` new reports (new places, so new series) in a source of their own: the incremental run."""
    reports = list(iter_reports(k, jurisdictions=max(1, k), seed=seed))
    for report in reports:
        report.key = f"new-{report.key}"
    facts = write_source(staged_dir, f"bench-new-{seed}", reports)
    return {"reports": k, "facts": facts}


if __name__ == "__main__":  # python -m scrapers.bench.staged N DIR
    import sys

    print(json.dumps(write_staged(int(sys.argv[1]), Path(sys.argv[2]))))
