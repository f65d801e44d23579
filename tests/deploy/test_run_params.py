"""ingest_reports' run params applied to the registry (scrapers/run_params.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.portals.base import REPORT_YEAR_NOT_CONFIGURED
from scrapers.run_params import (
    RunParamsError,
    drop_restriction_failures,
    report_years,
    restrict,
    select_sources,
)
from scrapers.sources import Source


def _source(years: list[int] | None) -> Source:
    return Source.model_validate(
        {
            "name": "xx",
            "publisher": "某某县司法局",
            "jurisdiction": {"name": "某某县", "code": "330521"},
            "platform": "generic",
            "entry_urls": ["https://www.xx.gov.cn/list/index.html"],
            "allowed_hosts": ["xx.gov.cn"],
            "report_years": years,
        }
    )


def test_select_sources() -> None:
    a, b, c = (_source(None).model_copy(update={"name": n}) for n in "abc")
    assert select_sources([a, b, c], []) == ["a", "b", "c"]
    assert select_sources([a, b, c], ["c", "a"]) == ["a", "c"]
    with pytest.raises(RunParamsError, match="unknown or disabled"):
        select_sources([a], ["zz"])


def test_select_sources_skips_sources_configured_for_none_of_the_years() -> None:
    old = _source([2018, 2019]).model_copy(update={"name": "old"})
    new = _source([2023]).model_copy(update={"name": "new"})
    every = _source(None).model_copy(update={"name": "every"})
    assert select_sources([old, new, every], [], [2019]) == ["old", "every"]
    assert select_sources([old, new, every], [], []) == ["old", "new", "every"]


def test_report_years_param() -> None:
    assert report_years(None) == [] and report_years([2023, "2022", 2023]) == [2022, 2023]
    with pytest.raises(RunParamsError):
        report_years([23])


def test_restrict_keeps_the_configured_years_asked_for() -> None:
    assert restrict(_source([2021, 2022, 2023]), [2022, 2024]).report_years == [2022]
    assert restrict(_source(None), [2020, 2021]).report_years == [2020, 2021]
    assert restrict(_source([2023]), []).report_years == [2023]
    with pytest.raises(RunParamsError, match="none of the run's"):
        restrict(_source([2023]), [2019])


def _failure(year: int, reason: str = REPORT_YEAR_NOT_CONFIGURED) -> dict:
    return {
        "source": "xx",
        "url": f"https://www.xx.gov.cn/{year}.html",
        "stage": "discover",
        "reason": reason,
        "detail": f"某某县{year}年度法治政府建设报告 reports on {year}, which is not in report_years; add it",
        "occurred_at": "2026-11-23T00:00:00+00:00",
    }


@pytest.mark.parametrize(
    ("configured", "kept_years"),
    [([2021, 2022, 2023], [2024]), (None, [])],
)
def test_only_failures_the_restriction_caused_are_dropped(
    tmp_path: Path, configured: list[int] | None, kept_years: list[int]
) -> None:
    rows = [_failure(2023), _failure(2024), _failure(2022, reason="http_404")]
    (tmp_path / "failures_discover.json").write_text(json.dumps(rows), encoding="utf-8")
    remaining = drop_restriction_failures(_source(configured), tmp_path)
    kept = json.loads((tmp_path / "failures_discover.json").read_text(encoding="utf-8"))
    assert remaining == len(kept)
    assert [r["url"] for r in kept if r["reason"] == REPORT_YEAR_NOT_CONFIGURED] == [
        f"https://www.xx.gov.cn/{y}.html" for y in kept_years
    ]
    assert any(r["reason"] == "http_404" for r in kept)
