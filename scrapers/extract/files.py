"""``govreports extract FILE…``: run the extractor on files on disk (the no-Airflow, no-portal case).

Plain text is extracted as is (UTF-8, else GB18030); HTML goes through ``scrapers.parse`` so its
metadata block becomes ``DocumentHints``; PDF through its text layer; DOCX through its
``word/document.xml`` (standard library only: paragraphs become lines, table rows TAB-separated
cells, as HTML tables render). Binary Word (.doc), WPS, OFD and anything that claims to be a DOCX
but is not are refused with a clear reason for that file; the others are still processed and the
exit status is 1. One JSON line per file (or a readable table), so a reviewer can check a report's
figures against its evidence at a glance.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TextIO

from scrapers.extract import extract_document
from scrapers.extract.hints import hints_for_page
from scrapers.parse import ParseError
from scrapers.parse.docx import docx_text
from scrapers.records import DocumentHints, Extraction


class UnsupportedFile(Exception):
    """A file the extractor cannot read as text (binary Word, WPS, OFD, a damaged DOCX)."""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Formats named by suffix where the bytes cannot tell them apart (WPS and DOC are both OLE files).
_UNREADABLE_SUFFIXES = {".doc": "binary Word (.doc)", ".wps": "WPS", ".ofd": "OFD"}


def _unsupported(name: str) -> UnsupportedFile:
    return UnsupportedFile(f"unsupported format: {name}; convert it to .docx or PDF")


def _text_and_hints(path: Path) -> tuple[str, DocumentHints | None]:
    body = path.read_bytes()
    from scrapers.parse import parse_page, pdf_text, sniff_format  # parse pulls in bs4/pdfplumber

    kind = sniff_format(body, None)
    suffix = path.suffix.lower()
    if kind == "pdf":
        return pdf_text(body), None
    if kind == "docx":
        return docx_text(body), None
    if kind == "ofd":
        raise _unsupported("OFD")
    if kind == "doc":
        raise _unsupported(_UNREADABLE_SUFFIXES.get(suffix, "binary Word (.doc)"))
    if kind == "binary":
        raise UnsupportedFile("unsupported format: binary data, not text")
    if kind != "html" and suffix == ".docx":
        raise UnsupportedFile("not a valid .docx (not a ZIP with word/document.xml)")
    if kind != "html" and suffix in _UNREADABLE_SUFFIXES:
        raise _unsupported(_UNREADABLE_SUFFIXES[suffix])
    if kind == "html" or path.suffix.lower() in (".html", ".htm", ".shtml"):
        page = parse_page(body, path.resolve().as_uri(), "text/html")
        return page.text, hints_for_page(page)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return body.decode(encoding), None
        except UnicodeDecodeError:
            continue
    return body.decode("utf-8", errors="replace"), None


def _record(path: Path, extraction: Extraction) -> dict:
    return {
        "file": str(path),
        "document": dataclasses.asdict(extraction.document),
        "facts": [dataclasses.asdict(f) for f in extraction.facts],
        "warnings": extraction.warnings,
    }


def _table(record: dict, out: TextIO) -> None:
    if "error" in record:
        out.write(f"== {record['file']}\n   ! cannot extract: {record['error']}\n")
        return
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
    """Extract each file: exactly one record per file, in order. A file that cannot be read gets a
    message on ``err`` and a record with an ``error`` field; the others are still processed; the
    status is 1 when any file failed, else 0."""
    status = 0
    for path in files:
        try:
            text, hints = _text_and_hints(path)
            record = _record(path, extract_document(text, hints))
        except Exception as exc:  # one unreadable file must not hide the others' results
            if isinstance(exc, UnsupportedFile):
                message = str(exc)
            elif isinstance(exc, ParseError):
                message = exc.detail or exc.reason
            else:
                message = f"{type(exc).__name__}: {exc}"
            err.write(f"{path}: {message}\n")
            status = 1
            record = {"file": str(path), "error": message}
        if fmt == "table":
            _table(record, out)
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return status
