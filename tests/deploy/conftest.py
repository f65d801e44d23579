"""Fixtures of the deployment tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.pg_cluster import PostgresCluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL on 127.0.0.1 (tests/support/pg_cluster.py), removed at the end."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
