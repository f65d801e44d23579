"""Parsing: bytes → ParsedPage (HTML) or text (PDF).

    kind = sniff_format(body, content_type)          # by magic bytes
    page = parse_page(body, url, content_type)       # HTML: text, metadata, attachments
    text = pdf_text(body)                            # PDF; ParseError(reason="needs_ocr"|...)

Modules: `sniff`, `encoding`, `lines` (DOM → lines), `metadata` (meta tags, 信息公开 block),
`content` (main-content selection), `boilerplate`, `attachments`, `html` (parse_page), `pdf`.
"""

from scrapers.parse.docx import docx_text
from scrapers.parse.encoding import decode_html
from scrapers.parse.errors import ParseError
from scrapers.parse.html import parse_page
from scrapers.parse.pdf import pdf_text
from scrapers.parse.sniff import sniff_format

__all__ = ["ParseError", "decode_html", "docx_text", "parse_page", "pdf_text", "sniff_format"]
