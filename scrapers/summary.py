"""What a run did, in numbers a data engineer checks first: per source, per step, per mart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapers import settings
from scrapers.reportstore import read_json, write_json

# Every model under dbt_project/models/marts starts with one of these (data_quality_issues is
# named as the warehouse issue asks).
MART_PREFIXES = ("fct_", "dim_", "mart_", "data_quality_")


def _summary_path() -> Path:
    return settings.data_dir() / "work" / "ingest_summary.json"


def write_ingest_summary(per_source: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals over the mapped sources' results (as returned by the ingest DAG's stage tasks)."""

    def total(step: str, key: str) -> int:
        return sum(int(run.get(step, {}).get(key, 0)) for run in per_source)

    summary = {
        "sources": sorted(run["source"] for run in per_source),
        "candidates": total("discover", "candidates"),
        "fetched": total("fetch", "fetched"),
        "new": total("extract", "new"),
        "unchanged": total("extract", "unchanged"),
        "failed": total("discover", "failed") + total("fetch", "failed") + total("extract", "failed"),
        "facts": total("stage", "facts"),
        "documents": total("stage", "documents"),
        "per_source": sorted(per_source, key=lambda run: run["source"]),
    }
    write_json(_summary_path(), summary)
    return summary


def read_ingest_summary() -> dict[str, Any] | None:
    return read_json(_summary_path())


def _connect_for_reading(path: Path):
    """A read-only connection, except where this process already holds the file open read-write:
    `airflow dags test` runs dbt's in-process runner in the same process, and DuckDB refuses a
    second connection to one file with a different configuration."""
    import duckdb

    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.ConnectionException as exc:
        if "different configuration" not in str(exc):
            raise
        return duckdb.connect(str(path))


def warehouse_summary(warehouse: Path | None = None) -> dict[str, int]:
    """Rows per mart (dbt has finished writing)."""
    path = warehouse or settings.warehouse_path()
    with _connect_for_reading(path) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables order by table_name"
        ).fetchall()
        return {
            name: con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0]
            for schema, name in tables
            if name.startswith(MART_PREFIXES)
        }


def format_summary(ingest: dict[str, Any] | None, marts: dict[str, int], warehouse: Path) -> str:
    lines = []
    if ingest:
        lines.append(f"sources crawled:   {len(ingest['sources'])} ({', '.join(ingest['sources'])})")
        lines.append(
            f"documents:         {ingest['fetched']} fetched, {ingest['new']} new, "
            f"{ingest['unchanged']} unchanged, {ingest['failed']} failed"
        )
        lines.append(f"reports staged:    {ingest['documents']}")
        lines.append(f"facts extracted:   {ingest['facts']}")
    lines.append("rows per mart:")
    lines.extend(f"  {name:<28} {count}" for name, count in sorted(marts.items()))
    lines.append(f"warehouse:         {warehouse}")
    lines.append(
        "try:               .venv/bin/govreports query "
        '"select jurisdiction_code, publisher, metric, report_year, value, prior_year_value, abs_change '
        "from mart_metric_yoy where prior_year_value is not null and doc_type = 'rule_of_law_report' "
        'order by 1, 3, 4"'
    )
    return "\n".join(lines)
