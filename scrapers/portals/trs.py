"""TRS WCM list pages: `index.html`, `index_1.html`, … announced by an inline
`createPageHTML(pageCount, currentPage, "index", "html")` call.

The call's arguments give every page at once (prefix and extension vary: `list`, `htm`,
`shtml`); newer templates add an element id in front and a record count at the end, and some pass
variables (`createPageHTML(countPage, currentPage, …)` with `var countPage = 7`). Without the call,
the page falls back to generic 下一页 links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from scrapers.portals.base import ListPage, PortalAdapter, links_as_items, page_base
from scrapers.portals.generic import next_pages as generic_next_pages

_ARG = r"""\s*([A-Za-z_$][\w$]*|\d+)\s*"""
_STR = r"""\s*["']([^"']+)["']\s*"""
CREATE_PAGE = re.compile(rf"createPageHTML\(\s*(?:[\"'][^\"']*[\"']\s*,)?{_ARG},{_ARG},{_STR},{_STR}[,)]")


@dataclass(frozen=True)
class TrsPaging:
    count: int
    current: int
    prefix: str
    extension: str

    def page_url(self, base: str, index: int) -> str:
        name = f"{self.prefix}.{self.extension}" if index == 0 else f"{self.prefix}_{index}.{self.extension}"
        return urljoin(base, name)

    def all_pages(self, base: str) -> list[str]:
        return [self.page_url(base, i) for i in range(self.count)]


def _value(token: str, script: str) -> int | None:
    if token.isdigit():
        return int(token)
    match = re.search(rf"(?:var|let|const)?\s*\b{re.escape(token)}\s*=\s*(\d+)", script)
    return int(match.group(1)) if match else None


def parse_paging(html: str) -> TrsPaging | None:
    match = CREATE_PAGE.search(html)
    if match is None:
        return None
    count = _value(match.group(1), html)
    current = _value(match.group(2), html)
    if count is None:
        return None
    prefix, extension = match.group(3), match.group(4)
    return TrsPaging(count=max(count, 1), current=current or 0, prefix=prefix, extension=extension)


class TrsAdapter(PortalAdapter):
    platform = "trs"

    def parse_list_page(self, html: str, url: str) -> ListPage:
        soup = BeautifulSoup(html, "lxml")
        base = page_base(soup, url)
        items = links_as_items(soup, base)
        paging = parse_paging(html)
        if paging is None:
            return ListPage(items=items, next_pages=generic_next_pages(soup, base, url))
        # Every page at once; later pages announce the same list and the walk skips seen ones.
        # The current page is left out: it may have been reached as `…/column/` rather than
        # `…/column/index.html`.
        pages = [u for i, u in enumerate(paging.all_pages(base)) if i != paging.current]
        return ListPage(items=items, next_pages=pages)
