"""robots.txt: fetched once per host (scheme + netloc), parsed with urllib.robotparser, cached.

Interpretation follows RFC 9309 where it can: a 4xx robots.txt (none published) allows everything;
a 5xx means "assume everything is disallowed" for this run, because a server that is struggling is
exactly the one we should not crawl. One deviation: when no response arrives at all (timeout,
refused connection) we allow, so that the page request itself fails and is logged with the real
reason (`timeout`, `connection_error`) instead of a misleading `robots_disallowed`; its own retries
and backoff keep that polite. A Crawl-delay larger than the source's delay is honoured through the
throttle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

ROBOTS_MAX_BYTES = 512 * 1024


@dataclass
class RobotsResponse:
    """What the fetcher got for /robots.txt: a status (None if no response) and the body."""

    status: int | None
    body: bytes | None
    detail: str = ""


@dataclass
class RobotsRules:
    parser: RobotFileParser | None  # None: a blanket rule, see `allow_all`
    allow_all: bool
    detail: str = ""

    def allowed(self, url: str, token: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(token, url)

    def crawl_delay(self, token: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(token)
        return float(delay) if delay is not None else None


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def rules_from_response(response: RobotsResponse) -> RobotsRules:
    status = response.status
    if status is None:
        return RobotsRules(None, allow_all=True, detail=f"robots.txt unreachable ({response.detail})")
    if status >= 500:
        return RobotsRules(None, allow_all=False, detail=f"robots.txt answered http {status}")
    if status >= 400:
        return RobotsRules(None, allow_all=True, detail=f"no robots.txt (http {status})")
    if not 200 <= status < 300 or response.body is None:
        return RobotsRules(None, allow_all=True, detail=f"robots.txt http {status}")
    text = response.body.decode("utf-8", errors="replace")
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return RobotsRules(parser, allow_all=True)


class RobotsCache:
    """One RobotsRules per host, fetched lazily through `fetch_robots` (which goes through the
    fetcher's own guard, throttle and timeouts)."""

    def __init__(self, fetch_robots: Callable[[str], RobotsResponse]) -> None:
        self._fetch = fetch_robots
        self._rules: dict[str, RobotsRules] = {}

    def rules_for(self, url: str) -> RobotsRules:
        key = host_key(url)
        rules = self._rules.get(key)
        if rules is None:
            rules = rules_from_response(self._fetch(robots_url(url)))
            self._rules[key] = rules
        return rules
