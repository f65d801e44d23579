"""A programmable HTTP server on 127.0.0.1 (port 0) and helpers shared by the crawl tests.

Routes map a path (with query string, if any) to a `Reply`, a list of replies served in turn (the
last one repeats: handy for "500 then 200"), or a callable taking the request handler. Every
request is recorded so tests can look at the headers the fetcher sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from localserver import LocalServer, Reply, Request, _make_source

from scrapers.fetch import Fetcher
from scrapers.sources.registry import Source

FIXTURES = Path(__file__).parent / "fixtures"

__all__ = ["LocalServer", "Reply", "Request"]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def fetcher_factory(tmp_path: Path) -> Iterator[Callable[..., Fetcher]]:
    """Fetchers with fast waits; close them all at the end."""
    made: list[Fetcher] = []

    def make(source: Source | None = None, **kwargs: Any) -> Fetcher:
        options: dict[str, Any] = {"timeout": (2, 2), "retries": 2, "backoff_base": 0.01, "max_wait": 0.2}
        options.update(kwargs)
        fetcher = Fetcher(source or _make_source(), tmp_path / "data", **options)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@pytest.fixture
def make_source() -> Callable[..., Source]:
    """A Source for the local server: 127.0.0.1 allowed, private network allowed, no delay."""
    return _make_source


@pytest.fixture
def fixture_text() -> Callable[[str], str]:
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read
