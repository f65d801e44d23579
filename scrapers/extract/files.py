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
import io
import json
import zipfile
from pathlib import Path
from typing import TextIO
from xml.etree import ElementTree

from scrapers.extract import extract_document
from scrapers.extract.hints import hints_for_page
from scrapers.records import DocumentHints, Extraction


class UnsupportedFile(Exception):
    """A file the extractor cannot read as text (binary Word, WPS, OFD, a damaged DOCX)."""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REFUSED_SUFFIXES = {".doc": "binary Word (.doc)", ".wps": "WPS", ".ofd": "OFD", ".docx": "DOCX"}


def docx_text(body: bytes) -> str:
    """The text of a DOCX: one line per paragraph, one line per table row with TAB-separated cells.

    A cell spanning columns (``w:gridSpan``) is followed by empty cells, so header cells stay above
    their columns; a cell's paragraphs are joined without a separator (Chinese text has no spaces).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            xml = archive.read("word/document.xml")
    except KeyError as exc:
        raise UnsupportedFile("not a valid .docx: no word/document.xml") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsupportedFile(f"not a valid .docx: {exc}") from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise UnsupportedFile(f"not a valid .docx: word/document.xml: {exc}") from exc
    body_el = root.find(f"{_W}body")
    if body_el is None:
        raise UnsupportedFile("not a valid .docx: word/document.xml has no w:body")
    lines: list[str] = []
    _docx_blocks(body_el, lines)
    return "\n".join(lines) + "\n"


def _docx_blocks(parent: ElementTree.Element, lines: list[str]) -> None:
    for child in parent:
        if child.tag == f"{_W}p":
            lines.extend(_docx_paragraph(child).split("\n"))
        elif child.tag == f"{_W}tbl":
            for row in child.findall(f"{_W}tr"):
                cells: list[str] = []
                for cell in row.findall(f"{_W}tc"):
                    text = "".join(_docx_paragraph(p).replace("\n", "").replace("\t", " ")
                                   for p in cell.iter(f"{_W}p")).strip()
                    cells.append(text)
                    span = cell.find(f"{_W}tcPr/{_W}gridSpan")
                    extra = int(span.get(f"{_W}val", "1")) - 1 if span is not None else 0
                    cells.extend([""] * max(0, min(extra, 50)))
                if any(cells):
                    lines.append("\t".join(cells).rstrip("\t"))
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"):
            _docx_blocks(child, lines)  # content controls wrap paragraphs and tables


def _docx_paragraph(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _text_and_hints(path: Path) -> tuple[str, DocumentHints | None]:
    body = path.read_bytes()
    from scrapers.parse import parse_page, pdf_text, sniff_format  # parse pulls in bs4/pdfplumber

    kind = sniff_format(body, None)
    suffix = path.suffix.lower()
    if kind == "pdf":
        return pdf_text(body), None
    if kind == "docx":
        return docx_text(body), None
    if kind in ("doc", "ofd"):
        name = "OFD" if kind == "ofd" else _REFUSED_SUFFIXES.get(suffix, "binary Word (.doc)")
        if name == "DOCX":
            name = "binary Word (.doc)"
        raise UnsupportedFile(f"unsupported format: {name}; convert it to .docx or PDF")
    if kind == "binary":
        raise UnsupportedFile("unsupported format: binary data, not text")
    if suffix in _REFUSED_SUFFIXES and kind != "html":
        if suffix == ".docx":
            raise UnsupportedFile("not a valid .docx (not a ZIP with word/document.xml)")
        raise UnsupportedFile(f"unsupported format: {_REFUSED_SUFFIXES[suffix]}; convert it to .docx or PDF")
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
            message = str(exc) if isinstance(exc, UnsupportedFile) else f"{type(exc).__name__}: {exc}"
            err.write(f"{path}: {message}\n")
            status = 1
            record = {"file": str(path), "error": message}
        if fmt == "table":
            _table(record, out)
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return status
