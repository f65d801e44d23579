"""``govreports extract FILE…``: run the extractor on files on disk (the no-Airflow, no-portal case).

Plain text is extracted as is (UTF-8, else GB18030); HTML goes through ``scrapers.parse`` so its
metadata block becomes ``DocumentHints``; PDF through its text layer. One JSON line per file (or a
readable table), so a reviewer can check a report's figures against its evidence at a glance.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TextIO

from scrapers.extract import EXTRACTOR_VERSION, extract_document
from scrapers.records import DocumentHints, Extraction


def _text_and_hints(path: Path) -> tuple[str, DocumentHints | None]:
    body = path.read_bytes()
    from scrapers.parse import parse_page, pdf_text, sniff_format  # parse pulls in bs4/pdfplumber

    kind = sniff_format(body, None)
    if kind == "pdf":
        return pdf_text(body), None
    if kind == "html" or path.suffix.lower() in (".html", ".htm", ".shtml"):
        page = parse_page(body, path.resolve().as_uri(), "text/html")
        meta = page.metadata
        published = next((raw.strip() for raw in (meta.pub_date, meta.publish_date, meta.doc_date)
                          if raw and raw.strip()), None)
        return page.text, DocumentHints(title=meta.article_title or page.title, publisher=meta.issuing_org,
                                        published=published, site_id_code=meta.site_id_code,
                                        index_no=meta.index_no)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return body.decode(encoding), None
        except UnicodeDecodeError:
            continue
    return body.decode("utf-8", errors="replace"), None


def _record(path: Path, extraction: Extraction) -> dict:
    return {
        "file": str(path),
        "extractor_version": EXTRACTOR_VERSION,
        "document": dataclasses.asdict(extraction.document),
        "facts": [dataclasses.asdict(f) for f in extraction.facts],
        "warnings": extraction.warnings,
    }


def _table(record: dict, out: TextIO) -> None:
    doc = record["document"]
    place = doc["jurisdiction"]
    out.write(f"== {record['file']}\n")
    out.write(f"   {doc['title']} | {doc['publisher']} | published {doc['published']} | "
              f"year {doc['report_year']} | {doc['doc_type']} | "
              f"{place['province']} {place['city']} {place['county']} {place['code']}\n")
    for fact in record["facts"]:
        year = "" if fact["year"] is None else f" [{fact['year']}]"
        unit = fact["unit"] or ("%" if fact["metric"].endswith(("rate", "pct")) else "")
        out.write(f"   {fact['metric']:<40} {fact['value']:>12g}{unit} {fact['qualifier']}{year}"
                  f"  «{fact['evidence']}»\n")
    for warning in record["warnings"]:
        out.write(f"   ! {warning}\n")


def extract_files(files: list[Path], fmt: str, out: TextIO, err: TextIO) -> int:
    """Extract each file; 0 when all were read, 1 when any could not be (reported on ``err``)."""
    status = 0
    for path in files:
        try:
            text, hints = _text_and_hints(path)
        except Exception as exc:  # one unreadable file must not hide the others' results
            err.write(f"{path}: {type(exc).__name__}: {exc}\n")
            status = 1
            continue
        record = _record(path, extract_document(text, hints))
        if fmt == "table":
            _table(record, out)
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return status
