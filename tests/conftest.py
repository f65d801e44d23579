"""Shared fixtures: every test runs against its own data directory, never the user's `data/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers import settings


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory, wired through the environment like a deployment would be."""
    root = tmp_path / "data"
    monkeypatch.setenv("GOVREPORTS_DATA_DIR", str(root))
    monkeypatch.delenv("GOVREPORTS_STAGED_DIR", raising=False)
    monkeypatch.delenv("GOVREPORTS_WAREHOUSE", raising=False)
    return root


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = settings.shared_dir()
    assert path.is_dir(), f"the shared folder is expected beside the checkout at {path}"
    return path
