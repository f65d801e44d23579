"""Detail page bytes → ParsedPage: decode, read what the page says about itself, keep the report.

The order matters: metadata is read from the whole page before content selection, which may prune
chrome elements from the tree (the metadata block often sits in a table outside the article).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from scrapers.parse.attachments import find_attachments
from scrapers.parse.boilerplate import strip_chrome_lines
from scrapers.parse.content import find_content
from scrapers.parse.encoding import decode_html, header_charset
from scrapers.parse.errors import NOT_HTML, ParseError
from scrapers.parse.lines import render_lines
from scrapers.parse.metadata import extract_metadata
from scrapers.parse.sniff import sniff_format
from scrapers.records import Attachment, ParsedPage

_TITLE_SPLIT = re.compile(r"\s*(?:_|｜|\||--|—|\s-\s)\s*")
# Table cells in the body stay apart as TABs: "合计\t43\t223\t859" must not read as one number
# with space thousands separators, and the extractor's table reader splits rows on them.
CONTENT_CELL_SEP = "\t"


def clean_title(raw: str | None) -> str | None:
    """`<title>` usually reads `报告标题_栏目_网站名`: keep the first meaningful segment."""
    if not raw:
        return None
    text = " ".join(raw.split())
    parts = [p for p in _TITLE_SPLIT.split(text) if p]
    if parts and len(parts[0]) >= 4:
        return parts[0]
    return text or None


def parse_html(html: str, url: str) -> tuple[BeautifulSoup, ParsedPage]:
    """Parse decoded HTML (tests and callers that already have text use this directly)."""
    soup = BeautifulSoup(html, "lxml")
    metadata = extract_metadata(soup, render_lines(soup))
    attachments = [Attachment(url=u, name=n) for u, n in find_attachments(soup, url)]
    title_tag = soup.find("title")
    title = metadata.article_title or clean_title(title_tag.get_text() if title_tag else None)
    content = find_content(soup, html, url)
    lines: list[str] = []
    for root in content.roots:
        lines.extend(render_lines(root, cell_sep=CONTENT_CELL_SEP))
    text = "\n".join(strip_chrome_lines(lines))
    return soup, ParsedPage(url=url, title=title, text=text, metadata=metadata, attachments=attachments)


def parse_page(body: bytes, url: str, content_type: str | None = None) -> ParsedPage:
    """HTML detail page → ParsedPage. Raises ParseError(reason="not_html") for PDFs and the like:
    sniff first (sniff_format) and send those to pdf_text."""
    kind = sniff_format(body, content_type)
    if kind not in ("html", "unknown"):
        raise ParseError(NOT_HTML, f"body is {kind}")
    html, charset = decode_html(body, header_charset(content_type))
    _soup, page = parse_html(html, url)
    page.charset = charset
    return page
