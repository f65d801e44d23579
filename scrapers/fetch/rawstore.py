"""The raw zone: every body fetched, stored once under its sha256.

Content addressing makes re-fetches free (same bytes, same file) and lets any later stage be
re-run from what was fetched, without the network. Writes go to a temporary file in the same
directory and are renamed into place, so a reader never sees a half-written object even when
several source tasks run at once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from scrapers.atomic import write_atomic


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class RawStore:
    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / "raw" / "objects"

    def path(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def put(self, body: bytes) -> str:
        """Store `body` (if not already there) and return its sha256."""
        sha = sha256_hex(body)
        target = self.path(sha)
        if target.exists():
            return sha
        write_atomic(target, body)
        return sha

    def get(self, sha: str) -> bytes | None:
        try:
            return self.path(sha).read_bytes()
        except FileNotFoundError:
            return None

    def __contains__(self, sha: str) -> bool:
        return self.path(sha).exists()
