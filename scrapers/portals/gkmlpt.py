"""Guangdong's 政府信息公开目录平台 (gkmlpt): `/gkmlpt/index`, lists served by a JSON API.

The index page is an empty shell: a script renders the list from
`GET /gkmlpt/api/all/<category>?page=N&sid=<SID>`, which answers
`{"articles": [{"title", "url", "first_publish_time" | "date" | …}, …], "total": N}`.
The SID (the site's id on the platform) sits in the index page's inline JS (`SID = '123'`,
`"sid": 123`); the category comes from the entry URL's fragment (`/gkmlpt/index#2345`, the
platform's hash routing) and is `0` (everything) without one. An entry URL may also be an API URL
(`…/gkmlpt/api/all/2345?sid=123`), which skips the index page.

Pages are walked from 1 until the announced total is covered or a page comes back empty, within
the source's `max_pages` (the index page counts as one).
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from scrapers.fetch import Fetcher
from scrapers.parse.encoding import decode_html, header_charset
from scrapers.portals.base import (
    MAX_PAGES_REACHED,
    Collector,
    Discovery,
    ListItem,
    ListPage,
    PortalAdapter,
    failure,
    normalize_date,
    resolve_link,
)
from scrapers.portals.detect import GKMLPT_SID
from scrapers.portals.generic import GenericAdapter
from scrapers.sources.registry import Source

SID_NOT_FOUND = "sid_not_found"
BAD_API_RESPONSE = "bad_api_response"
CHINA = timezone(timedelta(hours=8))
_API = re.compile(r"/gkmlpt/api/all/(\d+)")
_DATE_KEYS = ("first_publish_time", "publish_time", "date", "display_publish_time", "created_at")


def api_url(entry_url: str, category: str, page: int, sid: str) -> str:
    """`…/gkmlpt/api/all/<category>?page=N&sid=SID`, next to the entry's `/gkmlpt/` folder."""
    path = urlsplit(entry_url).path
    root = path[: path.index("/gkmlpt/") + len("/gkmlpt/")] if "/gkmlpt/" in path else "/gkmlpt/"
    return urljoin(entry_url, f"{root}api/all/{category}") + "?" + urlencode({"page": page, "sid": sid})


def entry_category(entry_url: str) -> str:
    parts = urlsplit(entry_url)
    api = _API.search(parts.path)
    if api:
        return api.group(1)
    fragment = re.search(r"\d+", parts.fragment or "")
    return fragment.group(0) if fragment else "0"


def find_sid(html: str) -> str | None:
    match = GKMLPT_SID.search(html) or re.search(r"""["']sid["']\s*:\s*["']?(\d+)""", html, re.I)
    return match.group(1) if match else None


def article_date(article: dict[str, Any]) -> str | None:
    """YYYY-MM-DD from epoch seconds / milliseconds (China time) or a date string."""
    for key in _DATE_KEYS:
        value = article.get(key)
        if value in (None, "", 0):
            continue
        if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
            seconds = float(value)
            if seconds > 1e11:  # milliseconds
                seconds /= 1000
            try:
                return datetime.fromtimestamp(seconds, UTC).astimezone(CHINA).date().isoformat()
            except (OverflowError, OSError, ValueError):
                continue
        date = normalize_date(str(value))
        if date:
            return date
    return None


def parse_api_page(body: bytes, content_type: str | None, url: str) -> tuple[list[ListItem], int | None]:
    """(items, announced total); raises ValueError when the body is not the API's JSON."""
    text, _ = decode_html(body, header_charset(content_type))
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ValueError("no 'articles' list in the answer")
    items: list[ListItem] = []
    for article in data["articles"]:
        if not isinstance(article, dict):
            continue
        link = resolve_link(url, str(article.get("url") or ""))
        title = " ".join(str(article.get("title") or "").split())
        if link and title:
            items.append(ListItem(url=link, title=title, listed_date=article_date(article)))
    total = data.get("total")
    return items, int(total) if isinstance(total, int | float | str) and str(total).isdigit() else None


class GkmlptAdapter(PortalAdapter):
    platform = "gkmlpt"

    def parse_list_page(self, html: str, url: str) -> ListPage:
        """A gkmlpt page read as HTML holds no list (the API does); a static fallback page, if a
        site serves one, is read like any link list."""
        return GenericAdapter().parse_list_page(html, url)

    def _walk(
        self, entry_url: str, source: Source, fetcher: Fetcher, collector: Collector, discovery: Discovery
    ) -> None:
        category = entry_category(entry_url)
        budget = source.max_pages
        sid = parse_qs(urlsplit(entry_url).query).get("sid", [None])[0]
        if sid is None:
            budget -= 1
            index_url = entry_url.split("#", 1)[0]
            discovery.pages_seen.append(index_url)
            result = fetcher.get(index_url)
            if not result.ok or result.body is None:
                discovery.failures.append(
                    failure(source, index_url, result.reason or "fetch_failed", result.attempt.error or "")
                )
                return
            html, _ = decode_html(result.body, header_charset(result.content_type))
            sid = find_sid(html)
            if sid is None:
                discovery.failures.append(
                    failure(source, index_url, SID_NOT_FOUND, "no SID in the index page's inline scripts")
                )
                return
        page, pages = 1, 1
        while page <= pages:
            if budget <= 0:
                discovery.failures.append(
                    failure(
                        source, entry_url, MAX_PAGES_REACHED, f"API pages {page}-{pages} left unrequested"
                    )
                )
                return
            budget -= 1
            url = api_url(entry_url, category, page, sid)
            discovery.pages_seen.append(url)
            result = fetcher.get(url)
            if not result.ok or result.body is None:
                discovery.failures.append(
                    failure(source, url, result.reason or "fetch_failed", result.attempt.error or "")
                )
                return
            try:
                items, total = parse_api_page(result.body, result.content_type, result.final_url)
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                discovery.failures.append(failure(source, url, BAD_API_RESPONSE, str(exc)[:200]))
                return
            if not items:
                return
            for item in items:
                collector.add(item)
            if page == 1 and total is not None:
                pages = math.ceil(total / len(items))
            page += 1
