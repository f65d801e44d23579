"""Fixtures of the dbt tests: a private PostgreSQL cluster for the whole session (started on first
use only, so DuckDB-only runs never start one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.pg_cluster import PostgresCluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL on 127.0.0.1 (tests/support/pg_cluster.py); stopped and removed at the end
    of the session, whether the tests passed or not."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
