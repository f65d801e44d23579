"""The fetch log: one JSON line per HTTP attempt, per source, append-only.

It is both the audit trail (what was asked, when, with what outcome; failures included) and the
memory that makes the next run cheap: the last successful attempt for a URL gives the validators
(ETag / Last-Modified) for a conditional GET and the sha256 to compare new bytes against.

A line is `FetchAttempt` as a dict plus one extra key, `"http"`, holding what FetchAttempt has no
field for (validators, final URL after redirects, attempt number). Readers that only want
FetchAttempt fields drop that key.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from scrapers.records import FetchAttempt

EXTRA_KEY = "http"
_ATTEMPT_FIELDS = {f.name for f in fields(FetchAttempt)}


def log_path(data_dir: Path, source_name: str) -> Path:
    return Path(data_dir) / "raw" / "fetch_log" / f"{source_name}.jsonl"


def read_log(path: Path) -> list[dict[str, Any]]:
    """Every complete line of a fetch log, read-only. A line torn by a killed run (the last one,
    before the next FetchLog opens the file and cuts it) is skipped, never fatal."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    rows = []
    for line in text.splitlines():
        try:
            data = json.loads(line) if line.strip() else None
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict):
            rows.append(data)
    return rows


@dataclass
class LoggedAttempt:
    attempt: FetchAttempt
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def etag(self) -> str | None:
        return self.extra.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.extra.get("last_modified")


class FetchLog:
    """Appends attempts for one source and remembers each URL's last successful one."""

    def __init__(self, data_dir: Path, source_name: str) -> None:
        self.path = log_path(data_dir, source_name)
        self._last_ok: dict[str, LoggedAttempt] = {}
        self._load()

    def _load(self) -> None:
        self._drop_torn_tail()
        try:
            handle = self.path.open(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return
        with handle:
            for line in handle:
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a torn last line after a crash: the attempt is lost, not the log
                if not isinstance(data, dict):
                    continue
                extra = data.get(EXTRA_KEY) or {}
                try:
                    attempt = FetchAttempt(**{k: v for k, v in data.items() if k in _ATTEMPT_FIELDS})
                except TypeError:
                    continue
                self._remember(LoggedAttempt(attempt, extra))

    def _drop_torn_tail(self) -> None:
        """A process killed inside `os.write` can leave a last line without its newline. The next
        append would glue a good line onto it (losing both) and every reader of the log would
        meet a line that is not JSON: cut the file back to its last complete line. One source's
        log has one writer at a time (the source's task), so this cannot cut a concurrent write."""
        try:
            with self.path.open("rb+") as handle:
                size = handle.seek(0, os.SEEK_END)
                if size == 0:
                    return
                handle.seek(size - 1)
                if handle.read(1) == b"\n":
                    return
                keep = size - 1
                step = 64 * 1024
                while keep > 0:  # find the last newline, reading backwards
                    start = max(0, keep - step)
                    handle.seek(start)
                    chunk = handle.read(keep - start)
                    index = chunk.rfind(b"\n")
                    if index >= 0:
                        keep = start + index + 1
                        break
                    keep = start
                handle.truncate(keep)
        except FileNotFoundError:
            return

    def _remember(self, logged: LoggedAttempt) -> None:
        attempt = logged.attempt
        if attempt.error is None and attempt.sha256 is not None:
            self._last_ok[attempt.url] = logged

    def append(self, attempt: FetchAttempt, extra: dict[str, Any] | None = None) -> None:
        """Write one line with a single `write` on an O_APPEND descriptor (no interleaving)."""
        logged = LoggedAttempt(attempt, dict(extra or {}))
        record = asdict(attempt)
        record[EXTRA_KEY] = logged.extra
        line = (json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
        self._remember(logged)

    def last_success(self, url: str) -> LoggedAttempt | None:
        return self._last_ok.get(url)

    def read_all(self) -> list[dict[str, Any]]:
        """Every line as a dict (tests read the log this way)."""
        return read_log(self.path)
