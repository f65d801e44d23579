"""Progress of a long crawl, for a person at a terminal.

Every Fetcher announces each attempt it logs to the listeners registered here (`listening`);
`ProgressDisplay` is such a listener: one status line on stderr, redrawn in place, per source
(`[3/8] deqing  14 requests, 1 failed  …/art/2023/3/28/art_1229515_6570466.html`), then one
summary line when the source is done. It draws only when its stream is a terminal: piped into a
file or run by Airflow, `govreports ingest` stays quiet.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from scrapers.records import FetchAttempt

Listener = Callable[[FetchAttempt], None]
_listeners: list[Listener] = []
_lock = threading.Lock()


def notify(attempt: FetchAttempt) -> None:
    """Called by the Fetcher for every attempt it logs; a listener's error never breaks a fetch."""
    for listener in list(_listeners):
        with contextlib.suppress(Exception):  # progress is cosmetic
            listener(attempt)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    with _lock:
        _listeners.append(listener)
    try:
        yield
    finally:
        with _lock:
            _listeners.remove(listener)


def _shorten(url: str, width: int) -> str:
    return url if len(url) <= width else "…" + url[-(width - 1) :]


class ProgressDisplay:
    """Per-source progress on a terminal; does nothing on anything else."""

    def __init__(self, stream: TextIO, *, min_interval: float = 0.1, width: int = 100) -> None:
        self.stream = stream
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self.width = width
        self._label = ""
        self._requests = self._failed = 0
        self._started = 0.0
        self._drawn_at = 0.0
        self._line_len = 0

    # -- what the CLI calls ------------------------------------------------------------------

    def start_source(self, index: int, total: int, name: str) -> None:
        self._label = f"[{index}/{total}] {name}"
        self._requests = self._failed = 0
        self._started = time.monotonic()
        self._draw(f"{self._label}  starting", force=True)

    def finish_source(self, summary: dict[str, Any]) -> None:
        def count(step: str, key: str) -> int:
            return int(summary.get(step, {}).get(key, 0))

        failed = count("discover", "failed") + count("fetch", "failed") + count("extract", "failed")
        candidates, fetched = count("discover", "candidates"), count("fetch", "fetched")
        text = (
            f"{self._label}  {candidates} candidates, {fetched} fetched,"
            f" {count('extract', 'new')} new, {failed} failed"
            f"  ({self._requests} requests, {time.monotonic() - self._started:.1f} s)"
        )
        self._draw(text, force=True, final=True)

    @contextmanager
    def attached(self) -> Iterator[ProgressDisplay]:
        """Listen to the fetchers while the block runs (only when drawing)."""
        if not self.enabled:
            yield self
            return
        with listening(self.on_attempt):
            yield self

    # -- fetch events ------------------------------------------------------------------------

    def on_attempt(self, attempt: FetchAttempt) -> None:
        self._requests += 1
        if attempt.error:
            self._failed += 1
        failed = f", {self._failed} failed" if self._failed else ""
        head = f"{self._label}  {self._requests} requests{failed}  "
        self._draw(head + _shorten(attempt.url, max(20, self.width - len(head))))

    # -- drawing -----------------------------------------------------------------------------

    def _draw(self, text: str, *, force: bool = False, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn_at < self.min_interval:
            return
        self._drawn_at = now
        padding = " " * max(0, self._line_len - len(text))
        self.stream.write("\r" + text + padding + ("\n" if final else ""))
        self.stream.flush()
        self._line_len = 0 if final else len(text)
