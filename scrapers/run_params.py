"""A DAG run's own restrictions (the ingest_reports params `sources` and `report_years`), applied to
the registry without changing it.

`report_years` narrows which reports a run discovers: a source keeps the requested years it is
configured for (all of them when it names none). The registry's rule that a listed year newer than
every configured one is a `report_year_not_configured` failure still holds; what a narrower run
leaves out on purpose (a configured year, or any year of a source that takes every year) is not a
failure, and is dropped from that step's failure list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scrapers.portals.base import REPORT_YEAR_NOT_CONFIGURED
from scrapers.reportstore import read_json, write_json
from scrapers.sources import Source

_LISTED_YEAR = re.compile(r" reports on (\d{4}), which is not in report_years")


class RunParamsError(ValueError):
    """A run's params name something the registry does not have."""


def covers(source: Source, years: list[int]) -> bool:
    """Whether a run restricted to `years` has anything to discover on `source`."""
    return not years or not source.report_years or bool(set(years) & set(source.report_years))


def select_sources(
    enabled: Iterable[Source], wanted: Iterable[str] | None, years: list[int] | None = None
) -> list[str]:
    """The enabled sources a run covers: those named in `wanted` (all when it is empty), less those
    configured for none of the run's `years`."""
    sources = list(enabled)
    wanted_set = set(wanted or [])
    unknown = wanted_set - {s.name for s in sources}
    if unknown:
        raise RunParamsError(f"unknown or disabled sources: {sorted(unknown)}")
    return [s.name for s in sources if (not wanted_set or s.name in wanted_set) and covers(s, years or [])]


def report_years(value: Any) -> list[int]:
    """The `report_years` param as sorted ints (empty: as configured)."""
    years = sorted({int(year) for year in (value or [])})
    bad = [year for year in years if not 1990 <= year <= 2100]
    if bad:
        raise RunParamsError(f"report_years out of range: {bad}")
    return years


def restrict(source: Source, years: list[int]) -> Source:
    """The source as a run restricted to `years` sees it (unchanged when `years` is empty)."""
    if not years:
        return source
    configured = set(source.report_years or [])
    keep = sorted(set(years) & configured) if configured else sorted(years)
    if not keep:
        raise RunParamsError(
            f"source {source.name} is configured for report_years {sorted(configured)}, "
            f"none of the run's {years}"
        )
    return source.model_copy(update={"report_years": keep})


def drop_restriction_failures(source: Source, work_dir: Path) -> int:
    """Remove from `failures_discover.json` the `report_year_not_configured` failures only the run's
    restriction caused (years the registry itself takes); returns how many remain."""
    path = work_dir / "failures_discover.json"
    rows = read_json(path, [])
    configured = source.report_years

    def caused_by_run(row: dict) -> bool:
        if row.get("reason") != REPORT_YEAR_NOT_CONFIGURED:
            return False
        match = _LISTED_YEAR.search(row.get("detail", ""))
        return not configured or (match is not None and int(match.group(1)) <= max(configured))

    kept = [row for row in rows if not caused_by_run(row)]
    if len(kept) != len(rows):
        write_json(path, kept)
    return len(kept)


def discover_for_run(source: Source, years: list[int], data_dir: Path | None = None) -> dict[str, Any]:
    """`pipeline.discover_step` for a run restricted to `years` (the registry's years when empty)."""
    from scrapers import settings
    from scrapers.pipeline import discover_step

    data_dir = data_dir or settings.data_dir()
    result = discover_step(restrict(source, years), data_dir)
    if years:
        result["failed"] = drop_restriction_failures(source, data_dir / "work" / source.name)
        result["report_years"] = restrict(source, years).report_years
    return result
