"""Publish the marts where BI tools read them, so that readers never block a build and a build never
blocks (or half-updates) a reader.

DuckDB allows one writing process per file and blocks other processes while it writes, so BI tools
do not open the warehouse dbt writes. After each build, the marts (the models of dbt's marts layer,
per the manifest, and any table named `fct_*`, `dim_*` or `mart_*`; on PostgreSQL, every table of
the `marts` schema) are copied to

    <published>/marts.duckdb               one read-only DuckDB database with every mart
    <published>/parquet/<mart>.parquet     one Parquet file per mart

(<published> is GOVREPORTS_PUBLISHED_DIR, default <data>/published). Each file is written under a
temporary name in the same folder and renamed over the old one (os.replace, atomic on one file
system): a reader that has the old file open keeps reading that snapshot, consistent to the end, and
sees the new one when it reconnects; nobody waits for anybody. The DuckDB copy is written in the
storage format of DuckDB 1.0, so BI drivers bundling an older DuckDB 1.x can open it.

The marts are read from the DuckDB warehouse, or from the PostgreSQL `marts` schema when the dbt
target is `postgres`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from scrapers import settings
from scrapers.summary import MART_PREFIXES
from scrapers.warehouse.target import MARTS_SCHEMA, PostgresSettings

DATABASE_NAME = "marts.duckdb"
PARQUET_DIR = "parquet"
STORAGE_VERSION = "v1.0.0"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class PublishError(RuntimeError):
    """The marts could not be published (the previous published copy is left as it was)."""


@dataclass(frozen=True)
class PublishResult:
    database: Path
    parquet_dir: Path
    rows: dict[str, int]
    source: str
    published_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))


def published_dir() -> Path:
    return Path(os.environ.get("GOVREPORTS_PUBLISHED_DIR", settings.data_dir() / "published")).resolve()


def published_database() -> Path:
    return published_dir() / DATABASE_NAME


def _quoted(path: Path) -> str:
    """A path as an SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def _mart_models(manifest: Path) -> set[str]:
    """The models of dbt's marts layer (models/marts), from the manifest when there is one."""
    if not manifest.exists():
        return set()
    try:
        nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"].values()
    except (OSError, ValueError, KeyError) as exc:
        raise PublishError(
            f"cannot read dbt's manifest {manifest}: {exc}. Regenerate it with `govreports dbt parse`"
        ) from exc
    return {
        node["name"]
        for node in nodes
        if node.get("resource_type") == "model" and node["fqn"][1:2] == ["marts"]
    }


def _is_mart(name: str, layer: set[str]) -> bool:
    """On DuckDB every model shares one schema: a mart is a model of the marts layer, or (without a
    manifest, or for a mart it does not know yet) a table named like one (fct_, dim_, mart_)."""
    return bool(_IDENTIFIER.match(name)) and (name in layer or name.startswith(MART_PREFIXES))


@contextmanager
def _temporary_beside(path: Path) -> Iterator[Path]:
    """A fresh name beside `path` (not created), removed unless the block renamed it away."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    tmp = Path(name)
    tmp.unlink()  # DuckDB creates its database file itself
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


@contextmanager
def _warehouse_connection(path: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, str]]:
    """A connection that can read the warehouse and write a new database file, and the warehouse's
    catalog name in it. Normally an in-memory database with the warehouse attached read-only; but
    where this process already holds the warehouse open read-write (dbt's in-process runner under
    `airflow dags test`), DuckDB refuses a second configuration for that file, and the process's own
    read-write instance is used instead (as scrapers.summary does)."""
    try:
        probe = duckdb.connect(str(path), read_only=True)
    except duckdb.ConnectionException as exc:
        if "different configuration" not in str(exc):
            raise
        with duckdb.connect(str(path)) as con:
            yield con, con.execute("select current_database()").fetchone()[0]
        return
    probe.close()
    with duckdb.connect() as con:
        con.execute(f"attach {_quoted(path)} as warehouse (read_only)")
        yield con, "warehouse"


def _copy_from_duckdb(warehouse: Path, manifest: Path) -> Callable[[Path], None]:
    if not warehouse.exists():
        raise PublishError(
            f"no warehouse at {warehouse}: build it first (`govreports dbt build`, or the build_warehouse "
            "DAG), or set GOVREPORTS_WAREHOUSE to where it is"
        )

    layer = _mart_models(manifest)

    def copy(tmp: Path) -> None:
        with _warehouse_connection(warehouse) as (con, catalog):
            marts = [
                name
                for (name,) in con.execute(
                    "select table_name from information_schema.tables where table_catalog = ? "
                    "and table_schema = 'main' order by table_name",
                    [catalog],
                ).fetchall()
                if _is_mart(name, layer)
            ]
            con.execute(f"attach {_quoted(tmp)} as published (storage_version '{STORAGE_VERSION}')")
            try:
                con.execute("begin")  # every mart from one snapshot of the warehouse
                for name in marts:
                    con.execute(f'create table published."{name}" as select * from "{catalog}".main."{name}"')
                con.execute("commit")
            finally:
                con.execute("detach published")

    return copy


_PG_TO_ARROW: dict[str, pa.DataType] = {
    "text": pa.string(),
    "character varying": pa.string(),
    "character": pa.string(),
    "integer": pa.int32(),
    "smallint": pa.int16(),
    "bigint": pa.int64(),
    "double precision": pa.float64(),
    "real": pa.float32(),
    "numeric": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "timestamp without time zone": pa.timestamp("us"),
    "timestamp with time zone": pa.timestamp("us", tz="UTC"),
}


def _copy_from_postgres(postgres: PostgresSettings) -> Callable[[Path], None]:
    def copy(tmp: Path) -> None:
        import psycopg

        try:
            with postgres.connect() as con, con.transaction(), duckdb.connect() as target:
                # One snapshot for every mart, as a reader of the warehouse would see it.
                con.execute("set transaction isolation level repeatable read, read only")
                columns: dict[str, list[tuple[str, str]]] = {}
                for table, column, data_type in con.execute(
                    "select c.table_name, c.column_name, c.data_type from information_schema.columns c "
                    "join information_schema.tables t using (table_schema, table_name) "
                    "where c.table_schema = %s "
                    "order by c.table_name, c.ordinal_position",
                    [MARTS_SCHEMA],
                ).fetchall():
                    if _IDENTIFIER.match(table):  # the marts schema holds the marts layer only
                        columns.setdefault(table, []).append((column, data_type))
                target.execute(f"attach {_quoted(tmp)} as published (storage_version '{STORAGE_VERSION}')")
                for table, table_columns in columns.items():
                    schema = pa.schema(
                        [(name, _PG_TO_ARROW.get(kind, pa.string())) for name, kind in table_columns]
                    )
                    rows = con.execute(f'select * from {MARTS_SCHEMA}."{table}"').fetchall()
                    data = pa.Table.from_pylist([_arrow_row(schema, row) for row in rows], schema=schema)
                    target.register("mart_rows", data)
                    target.execute(f'create table published."{table}" as select * from mart_rows')
                    target.unregister("mart_rows")
                target.execute("detach published")
        except psycopg.Error as exc:
            raise PublishError(
                f"reading the marts from {postgres.describe()} failed: {exc}. "
                "Has the build run (`GOVREPORTS_DBT_TARGET=postgres govreports dbt build`)?"
            ) from exc

    return copy


def _arrow_row(schema: pa.Schema, row: tuple[Any, ...]) -> dict[str, Any]:
    values = {}
    for arrow_field, value in zip(schema, row, strict=True):
        if value is not None and pa.types.is_floating(arrow_field.type):
            value = float(value)
        elif value is not None and pa.types.is_string(arrow_field.type) and not isinstance(value, str):
            value = str(value)
        values[arrow_field.name] = value
    return values


def publish_marts(
    *, source: str = "duckdb", warehouse: Path | None = None, manifest: Path | None = None
) -> PublishResult:
    """Copy every mart to the published DuckDB database and Parquet files, replacing each atomically.

    `source` is the dbt target the marts were built on (duckdb or postgres)."""
    if source == "postgres":
        copy = _copy_from_postgres(PostgresSettings.from_env())
        described = PostgresSettings.from_env().describe() + f" (schema {MARTS_SCHEMA})"
    else:
        path = warehouse or settings.warehouse_path()
        copy = _copy_from_duckdb(path, manifest or settings.DBT_PROJECT_DIR / "target" / "manifest.json")
        described = str(path)
    database = published_database()
    parquet_dir = database.parent / PARQUET_DIR
    with _temporary_beside(database) as tmp:
        copy(tmp)
        with duckdb.connect() as con:
            if tmp.exists():
                con.execute(f"attach {_quoted(tmp)} as published (read_only)")
            marts = [
                name
                for (name,) in con.execute(
                    "select table_name from information_schema.tables where table_catalog = 'published'"
                ).fetchall()
            ]
            if not marts:
                raise PublishError(
                    f"no mart (a model of models/marts, or a table named fct_*, dim_* or mart_*) "
                    f"in {described}: run the dbt build first; the published copy was left as it was"
                )
            rows = {
                name: con.execute(f'select count(*) from published."{name}"').fetchone()[0] for name in marts
            }
            _write_parquet(con, parquet_dir, marts)
            con.execute("detach published")
        os.chmod(tmp, 0o444)  # a published copy is read, never written
        os.replace(tmp, database)
    return PublishResult(
        database=database, parquet_dir=parquet_dir, rows=dict(sorted(rows.items())), source=described
    )


def _write_parquet(con: duckdb.DuckDBPyConnection, parquet_dir: Path, marts: list[str]) -> None:
    parquet_dir.mkdir(parents=True, exist_ok=True)
    for name in marts:
        final = parquet_dir / f"{name}.parquet"
        with _temporary_beside(final) as tmp:
            con.execute(f'copy published."{name}" to {_quoted(tmp)} (format parquet, compression zstd)')
            os.chmod(tmp, 0o444)
            os.replace(tmp, final)
    # A mart that no longer exists is no longer published.
    for stale in parquet_dir.glob("*.parquet"):
        if stale.stem not in marts:
            stale.unlink(missing_ok=True)
