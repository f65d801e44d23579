"""The Fetcher: one per source task; polite, logged, content-addressed, and it never raises for
network or HTTP problems.

Each `get` is one or more attempts (retries on 429 / 5xx / timeouts / dropped connections, with
exponential backoff and jitter, honouring Retry-After). Each HTTP request (every attempt, every
redirect hop, robots.txt) holds one of its host's `Source.concurrency` slots (`hostslots`), shared
with every process crawling into the same data directory. Every attempt is one line in the fetch log;
every body is stored in the raw zone. Callers look at `FetchResult.ok` and `attempt.error` instead
of catching exceptions, so a dead portal becomes a row in `failures`, not a crashed DAG task.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import ReadTimeoutError

from scrapers.fetch import errors, progress
from scrapers.fetch.errors import BlockedURL
from scrapers.fetch.fetchlog import FetchLog, LoggedAttempt
from scrapers.fetch.hostslots import HostSlots
from scrapers.fetch.netguard import check_url
from scrapers.fetch.rawstore import RawStore
from scrapers.fetch.robots import ROBOTS_MAX_BYTES, RobotsCache, RobotsResponse
from scrapers.fetch.session import default_user_agent, make_session, robots_token
from scrapers.fetch.throttle import HostThrottle
from scrapers.records import FetchAttempt
from scrapers.sources.registry import Source

MAX_REDIRECTS = 10
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024


@dataclass
class FetchResult:
    url: str
    final_url: str
    attempt: FetchAttempt  # the last attempt (all attempts are in the fetch log)
    body: bytes | None  # for a 304, read back from the raw store; None on failure
    not_modified: bool  # a 304, or the same sha256 as this URL's previous successful fetch
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.body is not None and self.attempt.error is None

    @property
    def sha256(self) -> str | None:
        return self.attempt.sha256

    @property
    def content_type(self) -> str | None:
        """The Content-Type header as sent (charset parameter included, for decoding)."""
        return self.attempt.content_type

    @property
    def reason(self) -> str | None:
        """The reason code part of `attempt.error` (`http_404`, `timeout`, ...)."""
        if self.attempt.error is None:
            return None
        return self.attempt.error.split(":", 1)[0]


@dataclass
class _Outcome:
    """One attempt's raw result, before it becomes a FetchAttempt."""

    final_url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    error: str | None = None  # reason code
    detail: str = ""
    redirects: list[str] = field(default_factory=list)
    retry_after: float | None = None

    @property
    def retryable(self) -> bool:
        if self.error in errors.RETRYABLE:
            return True
        return self.status is not None and errors.is_retryable_status(self.status)


class TooLarge(Exception):
    """The body grew past max_bytes while streaming."""


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _classify_exception(exc: requests.RequestException) -> tuple[str, str]:
    if isinstance(exc, requests.Timeout):
        return errors.TIMEOUT, str(exc)
    if isinstance(exc, requests.ConnectionError) and any(
        isinstance(arg, ReadTimeoutError) for arg in exc.args
    ):
        # requests reports a read timeout *while streaming the body* as a ConnectionError.
        return errors.TIMEOUT, str(exc)
    if isinstance(exc, requests.ConnectionError | requests.exceptions.ChunkedEncodingError):
        return errors.CONNECTION_ERROR, str(exc)
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return errors.CONNECTION_ERROR, f"content decoding: {exc}"
    return errors.CONNECTION_ERROR, f"{type(exc).__name__}: {exc}"


class Fetcher:
    """Polite HTTP for one source. Use as a context manager, or call `close()`."""

    def __init__(
        self,
        source: Source,
        data_dir: Path,
        *,
        timeout: tuple[float, float] = (5, 30),
        max_bytes: int = 50 * 2**20,
        retries: int = 3,
        user_agent: str | None = None,
        backoff_base: float = 1.0,
        max_wait: float = 30.0,
        max_seconds: float = 300.0,
        respect_robots: bool = True,
    ) -> None:
        """`retries` are extra attempts after the first. Waits between attempts are
        `backoff_base * 2**n` with jitter, or Retry-After, and never longer than `max_wait`
        (tests set both small). `max_seconds` bounds one body download in wall-clock time, since
        the read timeout only bounds the gap between two packets."""
        self.source = source
        self.data_dir = Path(data_dir)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = max(0, retries)
        self.backoff_base = backoff_base
        self.max_wait = max_wait
        self.max_seconds = max_seconds
        self.user_agent = user_agent or default_user_agent()
        self.store = RawStore(self.data_dir)
        self.log = FetchLog(self.data_dir, source.name)
        self.throttle = HostThrottle(source.delay_s)
        self.slots = HostSlots(self.data_dir / "locks", source.concurrency)
        self.session = make_session(self.user_agent)
        self.respect_robots = respect_robots
        self._robots = RobotsCache(self._fetch_robots)
        self._token = robots_token(self.user_agent)

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- public ----------------------------------------------------------------------------

    def get(self, url: str, *, conditional: bool = True) -> FetchResult:
        """Fetch `url`; never raises for network/HTTP trouble (see FetchResult.ok)."""
        return self._request(url, conditional=conditional)

    def post(self, url: str, data: dict[str, str]) -> FetchResult:
        """POST a form (Hanweb's dataproxy.jsp) with the same guard, robots check, throttle,
        retries, size limits, raw store and fetch log as `get`; never conditional. The log keys
        the attempt by `url`, so a paging endpoint should carry its paging in the query string."""
        return self._request(url, conditional=False, data=data)

    def _request(self, url: str, *, conditional: bool, data: dict[str, str] | None = None) -> FetchResult:
        previous = self.log.last_success(url)
        blocked = self._precheck(url)
        if blocked is not None:
            return self._record(
                url,
                blocked,
                previous,
                started=time.monotonic(),
                at=_now_iso(),
                attempt_no=1,
                method="POST" if data is not None else "GET",
            )

        headers: dict[str, str] = {}
        if conditional and previous is not None and previous.attempt.sha256 in self.store:
            if previous.etag:
                headers["If-None-Match"] = previous.etag
            if previous.last_modified:
                headers["If-Modified-Since"] = previous.last_modified

        result: FetchResult | None = None
        for attempt_no in range(1, self.retries + 2):
            started, at = time.monotonic(), _now_iso()
            outcome = self._send(url, headers, data=data)
            if outcome.status == 304 and (previous is None or previous.attempt.sha256 not in self.store):
                # We did not ask conditionally (or lost the object): a 304 is useless, ask plainly.
                headers = {}
                outcome = self._send(url, headers, data=data)
            result = self._record(
                url,
                outcome,
                previous,
                started=started,
                at=at,
                attempt_no=attempt_no,
                method="POST" if data is not None else "GET",
            )
            if not outcome.retryable or attempt_no > self.retries:
                break
            time.sleep(self._backoff(attempt_no, outcome.retry_after))
        assert result is not None
        return result

    # -- internals -------------------------------------------------------------------------

    def _precheck(self, url: str) -> _Outcome | None:
        """Policy checks that need no request to the URL itself: guard, then robots.txt."""
        try:
            check_url(url, self.source)
        except BlockedURL as exc:
            return _Outcome(final_url=url, error=exc.reason, detail=exc.detail)
        if self.respect_robots:
            rules = self._robots.rules_for(url)
            delay = rules.crawl_delay(self._token)
            if delay:
                self.throttle.set_min_delay(urlsplit(url).netloc, delay)
            if not rules.allowed(url, self._token):
                return _Outcome(
                    final_url=url,
                    error=errors.ROBOTS_DISALLOWED,
                    detail=rules.detail or f"robots.txt disallows {urlsplit(url).path} for {self._token}",
                )
        return None

    def _backoff(self, attempt_no: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(self.max_wait, retry_after)
        ceiling = min(self.max_wait, self.backoff_base * 2 ** (attempt_no - 1))
        return random.uniform(ceiling / 2, ceiling)

    def _send(
        self,
        url: str,
        headers: dict[str, str],
        *,
        max_bytes: int | None = None,
        data: dict[str, str] | None = None,
    ) -> _Outcome:
        """One attempt: follow redirects by hand (each hop re-checked), stream the body. With
        `data`, the first request is a form POST; a 301/302/303 turns it into a GET (as browsers
        do), a 307/308 repeats the POST."""
        limit = self.max_bytes if max_bytes is None else max_bytes
        current = url
        redirects: list[str] = []
        for _hop in range(MAX_REDIRECTS + 1):
            if current != url:
                try:
                    check_url(current, self.source)
                except BlockedURL as exc:
                    return _Outcome(
                        final_url=current,
                        error=exc.reason,
                        detail=f"redirect refused: {exc.detail}",
                        redirects=redirects,
                    )
            netloc = urlsplit(current).netloc
            self.throttle.wait(netloc)
            # One of the host's `concurrency` slots (shared by every process on this data dir) for
            # the request and its body; the politeness sleep above and the backoff between
            # attempts happen without it.
            with self.slots.hold(current):
                self.throttle.mark(netloc)  # the delay counts from the request, not the slot wait
                try:
                    response = self.session.request(
                        "POST" if data is not None else "GET",
                        current,
                        headers=headers,
                        data=data,
                        stream=True,
                        allow_redirects=False,
                        timeout=self.timeout,
                    )
                except requests.RequestException as exc:
                    code, detail = _classify_exception(exc)
                    return _Outcome(final_url=current, error=code, detail=detail, redirects=redirects)
                with response:
                    status = response.status_code
                    response_headers = dict(response.headers)
                    location = response.headers.get("Location")
                    if status in REDIRECT_STATUSES and location:
                        redirects.append(current)
                        current = urljoin(current, location.strip())
                        if status in (301, 302, 303):
                            data = None
                        continue
                    outcome = _Outcome(
                        final_url=current, status=status, headers=response_headers, redirects=redirects
                    )
                    if status in REDIRECT_STATUSES:
                        outcome.error, outcome.detail = errors.BAD_REDIRECT, "redirect without Location"
                    elif 200 <= status < 300:
                        self._read_body(response, limit, outcome)
                    elif status != 304:
                        outcome.error = errors.http_code(status)
                        outcome.detail = response.reason or ""
                        outcome.retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    return outcome
        return _Outcome(
            final_url=current,
            error=errors.TOO_MANY_REDIRECTS,
            detail=f"more than {MAX_REDIRECTS} redirects",
            redirects=redirects,
        )

    def _read_body(self, response: requests.Response, limit: int, outcome: _Outcome) -> None:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            outcome.error, outcome.detail = errors.TOO_LARGE, f"Content-Length {declared} > {limit}"
            return
        deadline = time.monotonic() + self.max_seconds
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"body exceeds {limit} bytes")
                if time.monotonic() > deadline:
                    raise requests.Timeout(f"body took longer than {self.max_seconds}s")
                chunks.append(chunk)
        except TooLarge as exc:
            outcome.error, outcome.detail = errors.TOO_LARGE, str(exc)
            return
        except requests.RequestException as exc:
            outcome.error, outcome.detail = _classify_exception(exc)
            return
        outcome.body = b"".join(chunks)

    def _record(
        self,
        url: str,
        outcome: _Outcome,
        previous: LoggedAttempt | None,
        *,
        started: float,
        at: str,
        attempt_no: int,
        method: str = "GET",
    ) -> FetchResult:
        """Turn an outcome into a logged FetchAttempt (and a stored body) and a FetchResult."""
        requested_at = at
        elapsed_ms = int((time.monotonic() - started) * 1000)
        headers = outcome.headers
        content_type = headers.get("Content-Type")
        extra: dict[str, Any] = {"attempt": attempt_no, "final_url": outcome.final_url}
        if method != "GET":
            extra["method"] = method
        if outcome.redirects:
            extra["redirects"] = outcome.redirects
        body: bytes | None = None
        sha: str | None = None
        not_modified = False
        error = f"{outcome.error}: {outcome.detail}" if outcome.error else None

        if outcome.error is None and outcome.status == 304 and previous is not None:
            sha = previous.attempt.sha256
            body = self.store.get(sha) if sha else None
            if body is None:
                error = f"{errors.STORE_MISSING}: 304 for an object not in the raw store"
                sha = None
            else:
                not_modified = True
                content_type = content_type or previous.attempt.content_type
                # Keep the validators alive for the next conditional GET.
                extra["etag"] = headers.get("ETag") or previous.etag
                extra["last_modified"] = headers.get("Last-Modified") or previous.last_modified
        elif outcome.error is None and outcome.body is not None:
            body = outcome.body
            sha = self.store.put(body)
            not_modified = previous is not None and previous.attempt.sha256 == sha
            extra["etag"] = headers.get("ETag")
            extra["last_modified"] = headers.get("Last-Modified")
        elif outcome.error is None:
            error = f"{errors.http_code(outcome.status or 0)}: unexpected response without body"

        attempt = FetchAttempt(
            source=self.source.name,
            url=url,
            requested_at=requested_at,
            status=outcome.status,
            sha256=sha,
            content_type=content_type,
            size=len(body) if body is not None else None,
            elapsed_ms=elapsed_ms,
            not_modified=not_modified,
            error=error,
        )
        self.log.append(attempt, {k: v for k, v in extra.items() if v is not None})
        progress.notify(attempt)
        return FetchResult(
            url=url,
            final_url=outcome.final_url,
            attempt=attempt,
            body=body if error is None else None,
            not_modified=not_modified,
            headers=headers,
        )

    def _fetch_robots(self, robots_url: str) -> RobotsResponse:
        """robots.txt shares the page's scheme and host (already through the guard); redirects are
        re-checked and the throttle applies. It is not logged or stored: it is not a document."""
        outcome = self._send(robots_url, {}, max_bytes=ROBOTS_MAX_BYTES)
        if outcome.status is None:
            return RobotsResponse(None, None, f"{outcome.error}: {outcome.detail}")
        return RobotsResponse(outcome.status, outcome.body, outcome.error or "")
