"""Generic list pages: a plain list of links, paged with 下一页 / 尾页 links.

Only the 下一页 link is followed (one page at a time), which works whatever the URL scheme of the
pages is (`?page=2`, `index_2.html`, `list-2.htm`). 尾页 only tells us when we are on the last page,
because many templates keep a live 下一页 link there that points back at the same page.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from scrapers.portals.base import ListPage, PortalAdapter, links_as_items, page_base, resolve_link

NEXT_TEXT = re.compile(r"^(?:下一页|下页|后一页|下一頁)\s*[>»›]*$|^[>»›]$")
LAST_TEXT = re.compile(r"^(?:尾页|末页|最后一页|尾頁)\s*[>»›]*$")


def pagination_links(soup: BeautifulSoup, base: str) -> tuple[str | None, str | None]:
    """(next page URL, last page URL) from 下一页 / 尾页 links, either may be None."""
    next_url: str | None = None
    last_url: str | None = None
    for link in soup.find_all("a", href=True):
        text = "".join(link.get_text(strip=True).split()) or str(link.get("title") or "")
        if next_url is None and NEXT_TEXT.match(text):
            next_url = resolve_link(base, str(link["href"]))
        elif last_url is None and LAST_TEXT.match(text):
            last_url = resolve_link(base, str(link["href"]))
    return next_url, last_url


def next_pages(soup: BeautifulSoup, base: str, current: str) -> list[str]:
    next_url, last_url = pagination_links(soup, base)
    if next_url is None or next_url == current or current == last_url:
        return []
    return [next_url]


class GenericAdapter(PortalAdapter):
    platform = "generic"

    def parse_list_page(self, html: str, url: str) -> ListPage:
        soup = BeautifulSoup(html, "lxml")
        base = page_base(soup, url)
        return ListPage(items=links_as_items(soup, base), next_pages=next_pages(soup, base, url))
