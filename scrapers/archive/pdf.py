"""Render an example report as a real PDF with a CJK text layer.

Reports published as PDF attachments are common, and the section-四 table of an 政府信息公开工作年度报告
is the case where position matters (its headers break across lines when flattened). The PDF is
drawn with reportlab's built-in CID font STSong-Light (no font file needed) so pdfplumber gets the
text back, and with `invariant=True` so the bytes are the same on every build (a re-crawl must see
nothing changed).
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from scrapers.archive.examples import OGI_GROUPS, OGI_RESULTS, ExampleReport, OgiTable

FONT = "STSong-Light"
_SECTION = re.compile(r"^[一二三四五六七八九十]+、")
_SIGNATURE_MAX_CHARS = 30


def _styles() -> dict[str, ParagraphStyle]:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    base = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    return {
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontSize=16,
            leading=24,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=12,
        ),
        "body": base,
        "section": ParagraphStyle("section", parent=base, spaceBefore=6),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT, firstLineIndent=0),
        "cell": ParagraphStyle(
            "cell", fontName=FONT, fontSize=9, leading=11, alignment=TA_CENTER, wordWrap="CJK"
        ),
    }


def _ogi_table(table: OgiTable, cell: ParagraphStyle) -> Table:
    """The standard section-四 table: narrow columns, so 结果维持 wraps to 结果/维持 as in real PDFs."""
    blank = ""
    header1 = [OGI_GROUPS[0]] + [blank] * 4 + ["行政诉讼"] + [blank] * 9
    header2 = list(OGI_RESULTS) + [OGI_GROUPS[1]] + [blank] * 4 + [OGI_GROUPS[2]] + [blank] * 4
    header3 = [blank] * 5 + list(OGI_RESULTS) * 2
    numbers = [str(n) for n in table.numbers]
    data = [
        [Paragraph(escape(text), cell) if text else blank for text in row]
        for row in (header1, header2, header3, numbers)
    ]
    width = (A4[0] - 40 * mm) / 15
    grid = Table(data, colWidths=[width] * 15)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("SPAN", (0, 0), (4, 0)),
                ("SPAN", (5, 0), (14, 0)),
                ("SPAN", (5, 1), (9, 1)),
                ("SPAN", (10, 1), (14, 1)),
                *[("SPAN", (col, 1), (col, 2)) for col in range(5)],
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return grid


def render_pdf(report: ExampleReport) -> bytes:
    """The report as PDF bytes: title, paragraphs (sections, signature right-aligned), tables."""
    styles = _styles()
    story: list = [Paragraph(escape(report.meta.title), styles["title"])]
    blocks = list(report.blocks)
    last_long = max(
        (i for i, b in enumerate(blocks) if not isinstance(b, str) or len(b) > _SIGNATURE_MAX_CHARS),
        default=-1,
    )
    for index, block in enumerate(blocks):
        if isinstance(block, OgiTable):
            story += [Spacer(1, 4), _ogi_table(block, styles["cell"]), Spacer(1, 6)]
        elif index > last_long:
            story.append(Paragraph(escape(block), styles["right"]))
        else:
            story.append(Paragraph(escape(block), styles["section" if _SECTION.match(block) else "body"]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        title=report.meta.title,
        author=report.meta.publisher,
        creator="",
        producer="",
        invariant=True,
    )
    document.build(story)
    return buffer.getvalue()
