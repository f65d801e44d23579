"""Staged Parquet → the `staged` schema of PostgreSQL, for the dbt target `postgres`.

On DuckDB, dbt reads `<staged>/<entity>/*.parquet` directly; PostgreSQL cannot, so before dbt runs
this loads every entity's files (all sources together, like DuckDB's `read_parquet(glob,
union_by_name)`) into one table per entity, `staged.documents`, `staged.facts`, `staged.failures`,
`staged.fetch_log`, the relations dbt's sources resolve to there.

All four tables are replaced in one transaction: each is COPYed into a fresh table first, and only
then swapped in (drop + rename), so a reader (dbt) sees the previous load or the new one, never half
of it, and is held up only for the instant of the swap. Loads are serialized with an advisory lock.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from scrapers.stage import SCHEMAS
from scrapers.warehouse.target import STAGED_SCHEMA, PostgresSettings

# pg_advisory_xact_lock key: one load at a time per database ("govreports staged load").
_LOAD_LOCK = 0x676F7673


class StagedDataError(RuntimeError):
    """The staged Parquet is missing or unreadable."""


class StagedLoadError(RuntimeError):
    """PostgreSQL refused the load (nothing was changed)."""


@dataclass(frozen=True)
class LoadResult:
    database: str
    schema: str
    rows: dict[str, int]
    files: dict[str, int]


def _pg_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_int8(arrow_type) or pa.types.is_int16(arrow_type) or pa.types.is_int32(arrow_type):
        return "integer"
    if pa.types.is_integer(arrow_type):
        return "bigint"
    if pa.types.is_floating(arrow_type):
        return "double precision"
    if pa.types.is_decimal(arrow_type):
        return "numeric"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_timestamp(arrow_type):
        return "timestamp with time zone" if arrow_type.tz else "timestamp"
    return "text"


def read_entity(staged_dir: Path, entity: str) -> tuple[pa.Table, int]:
    """Every source's file of one entity as one table (columns missing from some files are null,
    columns of the staged contract missing from all of them too), and how many files."""
    folder = staged_dir / entity
    files = sorted(folder.glob("*.parquet"))
    if not files:
        raise StagedDataError(
            f"no staged Parquet in {folder}: run the ingest first (`govreports ingest`, or the "
            "ingest_reports DAG), or point GOVREPORTS_STAGED_DIR at the folder that holds "
            "documents/ facts/ failures/ fetch_log/"
        )
    try:
        tables = [pq.read_table(path) for path in files]
        table = pa.concat_tables(tables, promote_options="permissive")
    except (OSError, pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise StagedDataError(
            f"cannot read the staged {entity} files in {folder}: {exc}. Re-stage the source whose file "
            "is damaged (`govreports ingest --source NAME`)"
        ) from exc
    for contract_field in SCHEMAS.get(entity, pa.schema([])):
        if contract_field.name not in table.column_names:
            table = table.append_column(contract_field, pa.nulls(table.num_rows, contract_field.type))
    return table, len(files)


def _rows(table: pa.Table) -> Iterator[tuple[Any, ...]]:
    columns = [column.to_pylist() for column in table.columns]
    yield from zip(*columns, strict=True)


def _copy_value(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.datetime | dt.date | decimal.Decimal | str | int | float | bool) or value is None:
        return value
    return str(value)


def load_staged(staged_dir: Path, postgres: PostgresSettings) -> LoadResult:
    """Replace the `staged` tables with the staged Parquet under `staged_dir`, in one transaction."""
    import psycopg
    from psycopg import sql

    tables = {entity: read_entity(staged_dir, entity) for entity in SCHEMAS}
    schema = sql.Identifier(STAGED_SCHEMA)
    with postgres.connect() as connection:
        try:
            with connection.transaction(), connection.cursor() as cursor:
                cursor.execute("select pg_advisory_xact_lock(%s)", [_LOAD_LOCK])
                cursor.execute(sql.SQL("create schema if not exists {}").format(schema))
                for entity, (table, _) in tables.items():
                    loading = sql.Identifier(f"_loading_{entity}")
                    columns = sql.SQL(", ").join(
                        sql.SQL("{} {}").format(sql.Identifier(f.name), sql.SQL(_pg_type(f.type)))
                        for f in table.schema
                    )
                    cursor.execute(sql.SQL("drop table if exists {}.{}").format(schema, loading))
                    cursor.execute(sql.SQL("create table {}.{} ({})").format(schema, loading, columns))
                    names = sql.SQL(", ").join(sql.Identifier(name) for name in table.column_names)
                    copy = sql.SQL("copy {}.{} ({}) from stdin").format(schema, loading, names)
                    with cursor.copy(copy) as writer:
                        for row in _rows(table):
                            writer.write_row([_copy_value(value) for value in row])
                # The swap, last: the only moment a reader of staged.* waits.
                for entity in tables:
                    target, loading = sql.Identifier(entity), sql.Identifier(f"_loading_{entity}")
                    cursor.execute(sql.SQL("drop table if exists {}.{}").format(schema, target))
                    cursor.execute(sql.SQL("alter table {}.{} rename to {}").format(schema, loading, target))
        except psycopg.errors.DependentObjectsStillExist as exc:
            raise StagedLoadError(
                f"cannot replace the staged tables in {postgres.describe()}: other objects depend on them "
                f"({exc.diag.message_detail or exc}). Keep views off schema {STAGED_SCHEMA} (dbt's staging "
                "models are tables), or drop the dependent views; nothing was changed"
            ) from exc
        except psycopg.Error as exc:
            raise StagedLoadError(
                f"loading the staged Parquet into {postgres.describe()} failed: {exc}. Nothing was changed; "
                f"the user needs CREATE on the database (for schema {STAGED_SCHEMA}) and on that schema"
            ) from exc
    return LoadResult(
        database=postgres.describe(),
        schema=STAGED_SCHEMA,
        rows={entity: table.num_rows for entity, (table, _) in tables.items()},
        files={entity: n_files for entity, (_, n_files) in tables.items()},
    )
