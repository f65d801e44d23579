"""The per-report folder: `data/reports/<source>/<report_id>/{report.json,report.txt}`.

A report is kept as the text its facts point into plus one JSON record, so every figure can be
traced to its sentence without re-running anything, and an unchanged page is never re-processed.
Files are written atomically (temporary file + rename): a killed run leaves the old version or the
new one, never half of either.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scrapers.atomic import write_atomic

_SPACE = re.compile(r"\s+")


def report_id_for(text: str) -> str:
    """Same text (whitespace aside) → same id, whichever URL or page chrome it came with."""
    normalized = _SPACE.sub(" ", text).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def write_json(path: Path, payload: Any) -> None:
    write_atomic(path, json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


def read_json(path: Path, default: Any = None) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default


class ReportStore:
    """The reports of one source."""

    def __init__(self, data_dir: Path, source: str) -> None:
        self.root = data_dir / "reports" / source
        self.source = source

    def folder(self, report_id: str) -> Path:
        return self.root / report_id

    def load(self, report_id: str) -> dict[str, Any] | None:
        return read_json(self.folder(report_id) / "report.json")

    def text(self, report_id: str) -> str:
        return (self.folder(report_id) / "report.txt").read_text(encoding="utf-8")

    def save(self, record: dict[str, Any], text: str) -> None:
        folder = self.folder(record["report_id"])
        # The text first: a record on disk always has its text beside it.
        write_atomic(folder / "report.txt", text.encode("utf-8"))
        write_json(folder / "report.json", record)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("*/report.json")):
            yield json.loads(path.read_text(encoding="utf-8"))

    # url → report_id, so that a page answered 304 is matched to its report without parsing it.
    def url_index(self) -> dict[str, str]:
        return read_json(self.root / "url_index.json", {})

    def save_url_index(self, index: dict[str, str]) -> None:
        write_json(self.root / "url_index.json", index)
