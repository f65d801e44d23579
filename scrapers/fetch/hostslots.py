"""Per-host concurrency across processes: at most `Source.concurrency` requests in flight to one
host, whichever process (mapped Airflow task, `govreports ingest`) sends them.

A host has N slots, the lock files `<data_dir>/locks/<host>/slot-0 … slot-<N-1>`. A request holds
one slot, taken with `flock(LOCK_EX | LOCK_NB)` on a file it opened itself (so threads of one
process count separately too); when every slot is taken it polls with a short sleep. The kernel
drops the lock when the file is closed or its process dies, so a crashed task never leaves a slot
taken. Sources sharing a host should agree on N: one with N tries slots 0…N-1 only, so the host
never sees more than the largest N among them.

The slot covers the HTTP request (headers and body), not the politeness delay before it: a
process waiting out its delay does not keep another from the host.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

POLL_S = 0.05
_UNSAFE = re.compile(r"[^a-z0-9.-]")


def host_dir_name(url: str) -> str:
    """The lock directory of `url`'s host: `gov.cn`, `127.0.0.1_8080` (never credentials, never a
    path separator)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    name = _UNSAFE.sub("_", host) + (f"_{port}" if port else "")
    return name if name.strip(".") else "_"


class HostSlots:
    """`hold(url)`: a context manager that waits for one of `limit` slots of the URL's host."""

    def __init__(
        self,
        root: Path,
        limit: int,
        *,
        poll_s: float = POLL_S,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.root = Path(root)
        self.limit = max(1, int(limit))
        self.poll_s = poll_s
        self._sleep = sleep

    def _try(self, directory: Path) -> tuple[int, int] | None:
        """(slot, fd) of a free slot, locked, or None when all are taken."""
        for slot in range(self.limit):
            fd = os.open(directory / f"slot-{slot}", os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            except BaseException:
                os.close(fd)
                raise
            return slot, fd
        return None

    @contextmanager
    def hold(self, url: str) -> Iterator[float]:
        """Hold a slot of `url`'s host while the block runs; yields the seconds waited for it.
        The slot is released however the block ends (an exception included)."""
        directory = self.root / host_dir_name(url)
        directory.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        taken = self._try(directory)
        while taken is None:
            self._sleep(self.poll_s)
            taken = self._try(directory)
        _slot, fd = taken
        try:
            yield time.monotonic() - started
        finally:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
