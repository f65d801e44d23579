"""One source's way through the pipeline, as four steps: discover → fetch → extract → stage.

Each step reads the file the previous step wrote under `data/work/<source>/` and writes its own,
so any step can be rerun alone, an Airflow task maps over sources without passing documents
through XCom (it returns only counts), and the CLI runs the same code without Airflow.
Every item that does not become a report leaves a `Failure` with its reason.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapers import settings
from scrapers.extract import EXTRACTOR_VERSION, extract_document
from scrapers.extract.hints import hints_for_page
from scrapers.fetch import Fetcher, FetchResult, RawStore
from scrapers.parse import ParseError, docx_text, parse_page, pdf_text, sniff_format
from scrapers.portals import discover
from scrapers.records import Candidate, DocumentHints, Failure, ParsedPage
from scrapers.reportstore import ReportStore, read_json, report_id_for, write_json
from scrapers.sources import Source
from scrapers.stage import stage_source

# A detail page whose own text is shorter than this is a cover for its attachment.
MIN_PAGE_TEXT = 200
# Formats (by magic bytes) whose text a report can be read from, besides HTML.
READERS = {"pdf": pdf_text, "docx": docx_text}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _work(data_dir: Path, source: str) -> Path:
    return data_dir / "work" / source


def _record_failures(work: Path, step: str, items: list[Failure]) -> None:
    """Replace the step's failure list, keeping when each still-failing item first failed, so a
    rerun that meets the same 404 reports the same failure rather than a new one."""
    path = work / f"failures_{step}.json"
    first_seen = {(f["url"], f["stage"], f["reason"]): f["occurred_at"] for f in read_json(path, [])}
    rows = []
    for failure in items:
        row = dataclasses.asdict(failure)
        row["occurred_at"] = first_seen.get((failure.url, failure.stage, failure.reason), failure.occurred_at)
        rows.append(row)
    write_json(path, rows)


def discover_step(source: Source, data_dir: Path | None = None) -> dict[str, Any]:
    data_dir = data_dir or settings.data_dir()
    with Fetcher(source, data_dir) as fetcher:
        found = discover(source, fetcher)
    work = _work(data_dir, source.name)
    write_json(work / "candidates.json", [dataclasses.asdict(c) for c in found.candidates])
    _record_failures(work, "discover", found.failures)
    return {
        "source": source.name,
        "list_pages": len(found.pages_seen),
        "candidates": len(found.candidates),
        "failed": len(found.failures),
    }


def _fetched(result: FetchResult) -> dict[str, Any]:
    return {
        "url": result.url,
        "final_url": result.final_url,
        "sha256": result.sha256,
        "content_type": result.content_type,
        "not_modified": result.not_modified,
        "fetched_at": result.attempt.requested_at,
    }


def fetch_step(source: Source, data_dir: Path | None = None) -> dict[str, Any]:
    """Fetch every candidate, and the attachments its page links to (a report may be the PDF)."""
    data_dir = data_dir or settings.data_dir()
    work = _work(data_dir, source.name)
    candidates = [Candidate(**c) for c in read_json(work / "candidates.json", [])]
    documents: list[dict[str, Any]] = []
    failures: list[Failure] = []
    with Fetcher(source, data_dir) as fetcher:
        for candidate in candidates:
            result = fetcher.get(candidate.url)
            if not result.ok:
                failures.append(_fetch_failure(source, candidate.url, result))
                continue
            document = _fetched(result) | {"title": candidate.title, "listed_date": candidate.listed_date}
            document["attachments"] = []
            if sniff_format(result.body or b"", result.content_type) == "html":
                page = parse_page(result.body or b"", result.final_url, result.content_type)
                for attachment in page.attachments:
                    fetched = fetcher.get(attachment.url)
                    if fetched.ok:
                        document["attachments"].append(_fetched(fetched) | {"name": attachment.name})
                    else:
                        failures.append(_fetch_failure(source, attachment.url, fetched))
            documents.append(document)
    write_json(work / "fetched.json", documents)
    _record_failures(work, "fetch", failures)
    unchanged = sum(
        1 for d in documents if d["not_modified"] and all(a["not_modified"] for a in d["attachments"])
    )
    return {
        "source": source.name,
        "fetched": len(documents),
        "unchanged": unchanged,
        "changed": len(documents) - unchanged,
        "failed": len(failures),
    }


def _fetch_failure(source: Source, url: str, result: FetchResult) -> Failure:
    error = result.attempt.error or ""
    return Failure(
        source=source.name,
        url=url,
        stage="fetch",
        reason=result.reason or f"http_{result.attempt.status}",
        detail=error.split(":", 1)[1].strip() if ":" in error else f"HTTP status {result.attempt.status}",
        occurred_at=result.attempt.requested_at,
    )


class _NoText(Exception):
    """A fetched document that yields no report text; `reason` says why."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _read_body(store: RawStore, sha256: str) -> bytes:
    body = store.get(sha256)
    if body is None:
        raise _NoText("raw_object_missing", f"raw object {sha256} is not in the raw zone (refetch)")
    return body


def document_text(document: dict[str, Any], store: RawStore) -> tuple[str, str, ParsedPage | None]:
    """The text a report's facts will point into: the page's body, or its PDF attachment's text
    when the page is only a cover for it. Returns (text, text_source, page)."""
    body = _read_body(store, document["sha256"])
    kind = sniff_format(body, document["content_type"])
    if kind in READERS:
        return READERS[kind](body), kind, None
    if kind != "html":
        raise _NoText("unsupported_format", f"document is {kind}, not HTML, PDF or DOCX")
    page = parse_page(body, document["final_url"], document["content_type"])
    if len(page.text.strip()) >= MIN_PAGE_TEXT:
        return page.text, "html", page
    if not document["attachments"]:
        if page.text.strip():
            return page.text, "html", page  # a short report, not a cover
        raise _NoText("no_text", "page has no text and no attachment")
    # A cover page: the report is its attachment. If none yields text, the failure carries the
    # attachment's own reason (unsupported_format, needs_ocr, encrypted …); its bytes stay in the
    # raw zone. The cover's one line ("附件：….doc") is never taken for the report.
    reasons: list[str] = []
    problems: list[str] = []
    for attachment in document["attachments"]:
        attachment_body = _read_body(store, attachment["sha256"])
        attachment_kind = sniff_format(attachment_body, attachment["content_type"])
        if attachment_kind not in READERS:
            reasons.append("unsupported_format")
            problems.append(f"{attachment['url']}: {attachment_kind} is not supported (PDF and DOCX are)")
            continue
        try:
            return READERS[attachment_kind](attachment_body), attachment_kind, page
        except ParseError as exc:
            reasons.append(exc.reason)
            problems.append(f"{attachment['url']}: {exc.reason}: {exc.detail}")
    raise _NoText(reasons[0], "; ".join(problems))


def _hints(source: Source, document: dict[str, Any], page: ParsedPage | None) -> DocumentHints:
    return hints_for_page(
        page,
        publisher=source.publisher,
        jurisdiction_name=source.jurisdiction.name,
        jurisdiction_code=source.jurisdiction.code,
        fallback_title=document.get("title"),
    )


def extract_step(source: Source, data_dir: Path | None = None) -> dict[str, Any]:
    """Parse and extract every fetched document that is new or changed since the last run."""
    data_dir = data_dir or settings.data_dir()
    work = _work(data_dir, source.name)
    raw = RawStore(data_dir)
    store = ReportStore(data_dir, source.name)
    index = store.url_index()
    failures: list[Failure] = []
    new = unchanged = 0
    for document in read_json(work / "fetched.json", []):
        url = document["url"]
        known = index.get(url)
        record = store.load(known) if known else None
        all_unchanged = document["not_modified"] and all(a["not_modified"] for a in document["attachments"])
        if record and all_unchanged and record.get("extractor_version") == EXTRACTOR_VERSION:
            unchanged += 1
            continue
        try:
            text, text_source, page = document_text(document, raw)
        except ParseError as exc:
            failures.append(Failure(source.name, url, "parse", exc.reason, exc.detail, _now()))
            continue
        except _NoText as exc:
            failures.append(Failure(source.name, url, "parse", exc.reason, exc.detail, _now()))
            continue
        report_id = report_id_for(text)
        previous = store.load(report_id)
        if previous and previous.get("extractor_version") == EXTRACTOR_VERSION:
            # The same report under another URL, or a re-served page: one report, every URL kept.
            urls = sorted({previous["url"], *previous["alt_urls"], url} - {previous["url"]})
            if urls != previous["alt_urls"]:
                previous["alt_urls"] = urls
                store.save(previous, store.text(report_id))
            index[url] = report_id
            unchanged += 1
            continue
        try:
            extraction = extract_document(text, _hints(source, document, page))
        except Exception as exc:  # an extractor bug must not lose the other reports
            failures.append(Failure(source.name, url, "extract", "extractor_error", repr(exc), _now()))
            continue
        record = {
            "report_id": report_id,
            "source": source.name,
            "is_example": source.example,
            "url": url,
            "alt_urls": previous["alt_urls"] if previous else [],
            "raw_sha256": document["sha256"],
            "text_source": text_source,
            "text_chars": len(text),
            "fetched_at": document["fetched_at"],
            "extractor_version": EXTRACTOR_VERSION,
            "page": dataclasses.asdict(page.metadata) if page else None,
            "document": dataclasses.asdict(extraction.document),
            "facts": [dataclasses.asdict(f) for f in extraction.facts],
            "warnings": extraction.warnings,
        }
        store.save(record, text)
        index[url] = report_id
        new += 1
    store.save_url_index(index)
    _record_failures(work, "extract", failures)
    return {"source": source.name, "new": new, "unchanged": unchanged, "failed": len(failures)}


def run_source(source: Source, data_dir: Path | None = None) -> dict[str, Any]:
    """All four steps for one source, in one process: what the CLI runs without Airflow."""
    data_dir = data_dir or settings.data_dir()
    summary: dict[str, Any] = {"source": source.name}
    summary["discover"] = discover_step(source, data_dir)
    summary["fetch"] = fetch_step(source, data_dir)
    summary["extract"] = extract_step(source, data_dir)
    summary["stage"] = stage_source(source, data_dir, settings.staged_dir())
    return summary
