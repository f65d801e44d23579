"""DOCX → text with the standard library: one line per paragraph, one line per table row.

Table cells are TAB-separated, as in HTML after parsing, so the extractor reads Word tables and
web tables the same way. DOC, WPS and OFD are not read (see sniff_format): they are kept in the
raw zone and recorded as unsupported_format.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from scrapers.parse.errors import CORRUPT_DOCX, ParseError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(body: bytes) -> str:
    """The text of a DOCX: one line per paragraph, one line per table row with TAB-separated cells.

    A cell spanning columns (``w:gridSpan``) is followed by empty cells, so header cells stay above
    their columns; a cell's paragraphs are joined without a separator (Chinese text has no spaces).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            xml = archive.read("word/document.xml")
    except KeyError as exc:
        raise ParseError(CORRUPT_DOCX, "not a valid .docx: no word/document.xml") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(CORRUPT_DOCX, f"not a valid .docx: {exc}") from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ParseError(CORRUPT_DOCX, f"not a valid .docx: word/document.xml: {exc}") from exc
    body_el = root.find(f"{_W}body")
    if body_el is None:
        raise ParseError(CORRUPT_DOCX, "not a valid .docx: word/document.xml has no w:body")
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
