"""What every discovery adapter shares: the walk over list pages, title filters, link resolution,
deduplication, list dates, and turning failed list pages into Failures.

A platform adapter only answers one question: given one list page, which items does it list and
which further list pages does it reveal (`parse_list_page`). The walk (`PortalAdapter.discover`)
does the rest, so the politeness, limits and failure reporting are the same on every platform.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from scrapers.fetch import Fetcher
from scrapers.fetch.netguard import host_allowed
from scrapers.parse.encoding import decode_html, header_charset
from scrapers.records import Candidate, Failure
from scrapers.sources.registry import Source

MAX_PAGES_REACHED = "max_pages_reached"
HOST_NOT_ALLOWED = "host_not_allowed"
UNSUPPORTED_PLATFORM = "unsupported_platform"
# A listed report on a year newer than every year in `report_years`: not fetched, but a Failure,
# so a site's new year shows up in the warehouse instead of vanishing as a skip.
REPORT_YEAR_NOT_CONFIGURED = "report_year_not_configured"

_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_SKIP_HREF = ("javascript:", "mailto:", "tel:", "#")
# A link to a list page (the column itself, its page 2, the site home) is navigation, not a report,
# even when its text ("法治政府建设") passes the title filter.
_LIST_PAGE_NAME = re.compile(
    r"^(?:index|list|default|more)(?:_\d+)?\.(?:s?html?|jsp|php|aspx?)$", re.IGNORECASE
)
_BREADCRUMB_ATTR = re.compile(r"position|crumb|location|dqwz|curpos", re.IGNORECASE)
_ITEM_CONTAINERS = ("li", "tr", "dd", "dt", "p")
# The year a title reports on, read the way the extractor reads it (scrapers/extract/document.py):
# the first 2021年 / 2021年度 (full-width digits too), or 二〇二一年; never a span ("2018年以来").
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年度?")
_TITLE_CN_YEAR = re.compile(r"((?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})\s*年")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0} | {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


@dataclass(frozen=True)
class ListItem:
    url: str  # absolute
    title: str
    listed_date: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A listed link the title filters turned down, and why (`govreports sources check` shows them)."""

    item: ListItem
    why: str


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    pages_seen: list[str] = field(default_factory=list)  # list pages and list API requests
    skipped: list[Skipped] = field(default_factory=list)

    def extend(self, other: Discovery) -> None:
        self.candidates.extend(other.candidates)
        self.failures.extend(other.failures)
        self.pages_seen.extend(other.pages_seen)
        self.skipped.extend(other.skipped)


@dataclass
class ListPage:
    """What one list page yields: items, more list pages, and problems worth reporting."""

    items: list[ListItem] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (reason, detail)
    # Requests the adapter made while reading this page (Hanweb's dataproxy.jsp POSTs): they are
    # recorded in Discovery.pages_seen, never queued.
    extra_requests: list[str] = field(default_factory=list)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalize_date(text: str) -> str | None:
    """The first plausible date in `text` as YYYY-MM-DD (list pages show 2024-03-28, 2024/3/28,
    2024年3月28日, [2024.03.28] ...)."""
    for match in _DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def title_year(title: str) -> int | None:
    """The year `title` reports on (`某区2021年度法治政府建设情况报告` → 2021), or None when the
    title names no year (or only a span: `2018年以来`)."""
    title = title.translate(_WIDE_DIGITS)
    for pattern in (_TITLE_YEAR, _TITLE_CN_YEAR):
        match = pattern.search(title)
        if match and "以来" not in title[match.end() : match.end() + 2]:
            digits = match.group(1)
            return int(digits) if digits.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in digits))
    return None


class TitleFilter:
    """`include`: any pattern matches (a plain string is a substring; a regex is a regex);
    `exclude`: no pattern matches. An empty include list accepts every title."""

    def __init__(self, include: list[str], exclude: list[str]) -> None:
        self.include = [self._compile(p) for p in include]
        self.exclude = [self._compile(p) for p in exclude]

    @staticmethod
    def _compile(pattern: str) -> re.Pattern[str]:
        try:
            return re.compile(pattern)
        except re.error:
            return re.compile(re.escape(pattern))

    def accepts(self, title: str) -> bool:
        return self.rejection(title) is None

    def rejection(self, title: str) -> str | None:
        """Why `title` is turned down (`no title_include pattern matches`, `title_exclude: 通知`),
        or None when it is accepted."""
        if self.include and not any(p.search(title) for p in self.include):
            return "no title_include pattern matches"
        for pattern in self.exclude:
            if pattern.search(title):
                return f"title_exclude: {pattern.pattern}"
        return None

    @classmethod
    def for_source(cls, source: Source) -> TitleFilter:
        return cls(source.title_include, source.title_exclude)


def resolve_link(base: str, href: str | None) -> str | None:
    """Absolute http(s) URL without fragment, or None for javascript:, mailto:, anchors..."""
    if not href:
        return None
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_HREF):
        return None
    absolute = urljoin(base, href).split("#", 1)[0]
    return absolute if absolute.startswith(("http://", "https://")) else None


def link_title(link: Tag) -> str:
    """The fuller of the link text and its title attribute (lists truncate text with "...")."""
    text = " ".join(link.get_text(" ", strip=True).split())
    attr = " ".join(str(link.get("title") or "").split())
    return attr if len(attr) > len(text.rstrip(".…")) else text


def item_date(link: Tag) -> str | None:
    """A date shown next to the link in its list row (the link text itself excluded)."""
    own = normalize_date(link.get_text(" ", strip=True))
    container = link.find_parent(_ITEM_CONTAINERS) or link.parent
    if container is None:
        return None
    text = container.get_text(" ", strip=True)
    date = normalize_date(text.replace(link.get_text(" ", strip=True), " "))
    return date or own


def looks_like_list_page(url: str) -> bool:
    path = urlsplit(url).path
    return path == "" or path.endswith("/") or bool(_LIST_PAGE_NAME.match(path.rsplit("/", 1)[-1]))


def in_breadcrumb(link: Tag) -> bool:
    for parent in link.parents:
        if not isinstance(parent, Tag) or parent.name in ("body", "html"):
            return False
        label = " ".join([*(parent.get("class") or []), str(parent.get("id") or "")])
        if _BREADCRUMB_ATTR.search(label):
            return True
    return False


def links_as_items(soup: BeautifulSoup | Tag, base: str) -> list[ListItem]:
    """Every link that could be an article: resolved, titled, not navigation."""
    items: list[ListItem] = []
    for link in soup.find_all("a", href=True):
        url = resolve_link(base, str(link["href"]))
        if url is None or looks_like_list_page(url) or in_breadcrumb(link):
            continue
        title = link_title(link)
        if url and title:
            items.append(ListItem(url=url, title=title, listed_date=item_date(link)))
    return items


def page_base(soup: BeautifulSoup, url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(url, str(base["href"]).strip()) if base else url


class PortalAdapter(ABC):
    """One platform's list-page reader; `discover` walks a source's entry URLs with it."""

    platform: str = ""
    # Set while `discover` runs, for adapters whose list pages need more requests (Hanweb paging).
    fetcher: Fetcher | None = None
    source: Source | None = None

    @abstractmethod
    def parse_list_page(self, html: str, url: str) -> ListPage:
        """Items and further list pages on one list page (`url` is where it was fetched from)."""

    def discover(self, source: Source, fetcher: Fetcher) -> Discovery:
        self.fetcher, self.source = fetcher, source
        try:
            return self._discover(source, fetcher)
        finally:
            self.fetcher, self.source = None, None

    def _discover(self, source: Source, fetcher: Fetcher) -> Discovery:
        discovery = Discovery()
        collector = Collector(source, discovery)
        for entry_url in source.entry_urls:
            self._walk(entry_url, source, fetcher, collector, discovery)
        return discovery

    def _walk(
        self, entry_url: str, source: Source, fetcher: Fetcher, collector: Collector, discovery: Discovery
    ) -> None:
        queue: deque[str] = deque([entry_url])
        seen: set[str] = set(discovery.pages_seen)
        walked = 0
        while queue:
            url = queue.popleft()
            if url in seen:
                continue
            if walked >= source.max_pages:
                left = len({u for u in queue if u not in seen}) + 1
                discovery.failures.append(
                    failure(source, entry_url, MAX_PAGES_REACHED, f"{left} list page(s) left after {walked}")
                )
                return
            seen.add(url)
            walked += 1
            discovery.pages_seen.append(url)
            result = fetcher.get(url)
            if not result.ok or result.body is None:
                discovery.failures.append(
                    failure(source, url, result.reason or "fetch_failed", result.attempt.error or "")
                )
                continue
            html, _charset = decode_html(result.body, header_charset(result.content_type))
            page = self.parse_list_page(html, result.final_url)
            discovery.pages_seen.extend(page.extra_requests)
            for item in page.items:
                collector.add(item)
            for reason, detail in page.problems:
                discovery.failures.append(failure(source, url, reason, detail))
            queue.extend(u for u in page.next_pages if u not in seen)


class Collector:
    """Filters (titles, then `report_years`), checks hosts and deduplicates items into the
    Discovery's candidates."""

    def __init__(self, source: Source, discovery: Discovery) -> None:
        self.source = source
        self.discovery = discovery
        self.filter = TitleFilter.for_source(source)
        self.seen = {c.url for c in discovery.candidates}
        self.skipped = {s.item.url for s in discovery.skipped}

    def add(self, item: ListItem) -> None:
        if item.url in self.seen:
            return
        year = title_year(item.title) if self.source.report_years else None
        why = self.filter.rejection(item.title) or self._year_rejection(year)
        if why is not None:
            if item.url not in self.skipped:
                self.skipped.add(item.url)
                self.discovery.skipped.append(Skipped(item, why))
            return
        self.seen.add(item.url)
        if year is not None and year > max(self.source.report_years or [year]):
            # Newer than every wanted year: the site has a year the registry does not know yet.
            # Not fetched, but a Failure (it reaches the warehouse), never a quiet skip.
            self.discovery.failures.append(
                failure(
                    self.source,
                    item.url,
                    REPORT_YEAR_NOT_CONFIGURED,
                    f"{item.title} reports on {year}, which is not in report_years; add it to fetch it",
                )
            )
            return
        parts = urlsplit(item.url)
        if not host_allowed(parts.hostname or "", parts.port, self.source.allowed_hosts):
            # A matching report on a host the source does not allow: say so, do not fetch it.
            self.discovery.failures.append(
                failure(self.source, item.url, HOST_NOT_ALLOWED, f"listed as {item.title!r}")
            )
            return
        self.discovery.candidates.append(
            Candidate(source=self.source.name, url=item.url, title=item.title, listed_date=item.listed_date)
        )

    def _year_rejection(self, year: int | None) -> str | None:
        """Why a title on `year` is skipped: a year older than every wanted one, or between them and
        not listed. None for a wanted year, a newer one (a Failure, see `add`) or no year at all
        (the extractor reads the year from the text later)."""
        wanted = self.source.report_years
        if not wanted or year is None or year in wanted or year > max(wanted):
            return None
        return f"report_years: {year} not in {', '.join(str(y) for y in sorted(wanted))}"


def failure(source: Source, url: str, reason: str, detail: str) -> Failure:
    return Failure(
        source=source.name, url=url, stage="discover", reason=reason, detail=detail, occurred_at=now_iso()
    )


def unsupported(source: Source) -> Discovery:
    """A platform without an adapter yet: one Failure per entry URL, nothing fetched."""
    return Discovery(
        failures=[
            failure(source, url, UNSUPPORTED_PLATFORM, f"no discovery adapter for {source.platform!r}")
            for url in source.entry_urls
        ]
    )
