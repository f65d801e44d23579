"""Which dbt target the pipeline builds, and how to reach PostgreSQL when it is `postgres`.

Read from the environment, like every other setting (scrapers/settings.py): the same variables feed
dbt's profile (dbt_project/profiles.yml), the staged-data loader and the publisher.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import psycopg

Target = Literal["duckdb", "postgres"]
TARGETS: tuple[Target, ...] = ("duckdb", "postgres")

# Schemas on PostgreSQL (dbt_project/macros/generate_schema_name.sql builds the three model layers).
STAGED_SCHEMA = "staged"
MARTS_SCHEMA = "marts"


class TargetError(ValueError):
    """GOVREPORTS_DBT_TARGET names no target of the dbt profile."""


class PostgresConnectionError(RuntimeError):
    """PostgreSQL could not be reached with the configured settings."""


def dbt_target(env: Mapping[str, str] | None = None) -> Target:
    """GOVREPORTS_DBT_TARGET (default duckdb), checked against the profile's targets."""
    value = (env if env is not None else os.environ).get(
        "GOVREPORTS_DBT_TARGET", "duckdb"
    ).strip() or "duckdb"
    for target in TARGETS:
        if value == target:
            return target
    raise TargetError(
        f"GOVREPORTS_DBT_TARGET={value!r} is not a target of dbt_project/profiles.yml: "
        f"use one of {', '.join(TARGETS)} (or unset it for duckdb)"
    )


@dataclass(frozen=True)
class PostgresSettings:
    """Where the `postgres` target lives (the variables dbt_project/profiles.yml reads)."""

    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "govreports"
    password: str = ""
    database: str = "govreports"
    sslmode: str = "prefer"
    bi_role: str = "govreports_bi"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> PostgresSettings:
        env = env if env is not None else os.environ
        port = env.get("GOVREPORTS_PG_PORT", "5432")
        if not port.isdigit():
            raise PostgresConnectionError(
                f"GOVREPORTS_PG_PORT={port!r} is not a port number: set it to e.g. 5432"
            )
        bi_role = env.get("GOVREPORTS_PG_BI_ROLE", cls.bi_role)
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", bi_role):
            raise PostgresConnectionError(
                f"GOVREPORTS_PG_BI_ROLE={bi_role!r} is not a lower-case SQL identifier: "
                "pick a name like govreports_bi"
            )
        return cls(
            host=env.get("GOVREPORTS_PG_HOST", cls.host),
            port=int(port),
            user=env.get("GOVREPORTS_PG_USER", cls.user),
            password=env.get("GOVREPORTS_PG_PASSWORD", cls.password),
            database=env.get("GOVREPORTS_PG_DATABASE", cls.database),
            sslmode=env.get("GOVREPORTS_PG_SSLMODE", cls.sslmode),
            bi_role=bi_role,
        )

    def describe(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    def connect(self, *, autocommit: bool = False) -> psycopg.Connection:
        import psycopg

        try:
            return psycopg.connect(
                host=self.host,
                port=self.port,
                user=self.user,
                password=self.password or None,
                dbname=self.database,
                sslmode=self.sslmode,
                connect_timeout=10,
                autocommit=autocommit,
                application_name="govreports",
            )
        except psycopg.OperationalError as exc:
            raise PostgresConnectionError(
                f"cannot connect to PostgreSQL at {self.describe()}: {exc}".rstrip()
                + "\nCheck GOVREPORTS_PG_HOST, GOVREPORTS_PG_PORT, GOVREPORTS_PG_USER, "
                "GOVREPORTS_PG_PASSWORD and GOVREPORTS_PG_DATABASE, "
                "or unset GOVREPORTS_DBT_TARGET to build the DuckDB warehouse."
            ) from exc
