"""Per-host politeness: at least `delay_s` seconds between two requests to the same host.

Government portals are often small servers behind strict WAFs; hammering them gets the crawler
blocked and is rude. The delay covers retries and robots.txt too, since they hit the same host.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class HostThrottle:
    def __init__(
        self,
        delay_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay_s = delay_s
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_min_delay(self, host: str, delay_s: float) -> None:
        """Raise the delay for one host (robots.txt Crawl-delay); never lowers the source's."""
        self._delays[host] = max(self.delay_s, delay_s)

    def mark(self, host: str) -> None:
        """The request to `host` starts now (after a wait for a host slot): count the delay from
        here, not from the end of the sleep."""
        self._last[host] = self._clock()

    def wait(self, host: str) -> float:
        """Sleep until `host` may be asked again, mark the request, return the time slept."""
        delay = self._delays.get(host, self.delay_s)
        now = self._clock()
        last = self._last.get(host)
        slept = 0.0
        if last is not None and delay > 0:
            remaining = last + delay - now
            if remaining > 0:
                self._sleep(remaining)
                slept = remaining
        self._last[host] = self._clock()
        return slept
