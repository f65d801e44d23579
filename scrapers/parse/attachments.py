"""Links to report files on a detail page (the report is often only in the attached PDF)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".wps", ".ofd")
DOWNLOAD_MARKERS = ("downfile.jsp", "download.jsp")  # Hanweb's /module/download/downfile.jsp?…
_FILENAME_PARAMS = ("filename", "fileName", "name", "file")
_GENERIC_NAMES = re.compile(r"^(?:附件\s*\d*\s*[:：]?|下载|点击下载|\s*)$")


def is_attachment_url(url: str) -> bool:
    parts = urlsplit(url)
    path = unquote(parts.path).lower()
    if path.endswith(ATTACHMENT_EXTENSIONS):
        return True
    return any(marker in path for marker in DOWNLOAD_MARKERS)


def _name(link_text: str, url: str) -> str | None:
    text = " ".join(link_text.split())
    if text and not _GENERIC_NAMES.match(text):
        return text
    query = parse_qs(urlsplit(url).query)
    for key in _FILENAME_PARAMS:
        if query.get(key):
            return query[key][0]
    base = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return base or (text or None)


def base_url(soup: BeautifulSoup, url: str) -> str:
    """The URL relative links resolve against (`<base href>` if present)."""
    base = soup.find("base", href=True)
    return urljoin(url, str(base["href"]).strip()) if base else url


def find_attachments(soup: BeautifulSoup, url: str) -> list[tuple[str, str | None]]:
    """(absolute URL, name) for each distinct attachment link, in page order."""
    base = base_url(soup, url)
    seen: set[str] = set()
    found: list[tuple[str, str | None]] = []
    for link in soup.find_all("a", href=True):
        href = str(link["href"]).strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        absolute = urljoin(base, href).split("#", 1)[0]
        if not absolute.startswith(("http://", "https://")) or not is_attachment_url(absolute):
            continue
        if absolute in seen:
            continue
        seen.add(absolute)
        label = link.get_text(" ", strip=True) or str(link.get("title") or "")
        found.append((absolute, _name(label, absolute)))
    return found
