"""`report_years` in discovery: wanted years are candidates, older or unlisted ones are skipped
(with their reason), a year newer than all of them is a loud `report_year_not_configured` Failure,
and a title without a year is kept for the extractor to decide."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from scrapers.pipeline import discover_step
from scrapers.portals import discover
from scrapers.portals.base import REPORT_YEAR_NOT_CONFIGURED, Collector, Discovery, ListItem, title_year
from scrapers.sources.check import check_source, format_check
from scrapers.stage import stage_source

LIST_PAGE = """<html><body><ul>
<li><a href="/r2024.html">某区2024年度法治政府建设情况报告</a> 2025-03-01</li>
<li><a href="/r2023.html">某区2023年度法治政府建设情况报告</a> 2024-03-01</li>
<li><a href="/r2022.html">某区２０２２年法治政府建设情况报告</a> 2023-03-01</li>
<li><a href="/r2021.html">某区二〇二一年度法治政府建设情况报告</a> 2022-03-01</li>
<li><a href="/r2019.html">某区2019年法治政府建设情况报告</a> 2020-03-01</li>
<li><a href="/plain.html">某区法治政府建设情况报告</a> 2021-03-01</li>
<li><a href="/n2025.html">关于2025年法治政府建设考核的通知</a> 2025-01-05</li>
</ul></body></html>"""


def collect(make_source, titles: list[str], report_years: list[int] | None) -> Discovery:
    """Each title listed under its own URL, except repeated titles (the same link listed twice)."""
    source = make_source(report_years=report_years)
    discovery = Discovery()
    collector = Collector(source, discovery)
    for title in titles:
        collector.add(ListItem(url=f"http://127.0.0.1/r{titles.index(title)}.html", title=title))
    return discovery


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("某区2021年度法治政府建设情况报告", 2021),
        ("某区2021年法治政府建设情况报告", 2021),
        ("某区２０２１年度法治政府建设情况报告", 2021),  # full-width digits
        ("某区 2021 年度法治政府建设情况报告", 2021),
        ("关于二〇二一年度法治政府建设情况的报告", 2021),
        ("某区法治政府建设情况报告", None),
        ("2018年以来法治政府建设情况", None),  # a span, not the year reported on
        ("第12021年", None),
    ],
)
def test_title_year(title, year):
    assert title_year(title) == year


def test_wanted_year_is_a_candidate(make_source):
    found = collect(make_source, ["某区2022年度法治政府建设情况报告"], [2021, 2022])
    assert [c.title for c in found.candidates] == ["某区2022年度法治政府建设情况报告"]
    assert not found.skipped and not found.failures


def test_older_year_is_skipped_with_its_reason(make_source):
    found = collect(make_source, ["某区2019年法治政府建设情况报告"], [2022, 2021])
    assert not found.candidates and not found.failures
    assert [(s.item.title, s.why) for s in found.skipped] == [
        ("某区2019年法治政府建设情况报告", "report_years: 2019 not in 2021, 2022")
    ]


def test_unlisted_year_between_wanted_ones_is_skipped(make_source):
    found = collect(make_source, ["某区２０２２年度法治政府建设情况报告"], [2021, 2023])
    assert not found.candidates and not found.failures
    assert [s.why for s in found.skipped] == ["report_years: 2022 not in 2021, 2023"]


def test_newer_year_is_a_failure_not_a_candidate(make_source):
    found = collect(make_source, ["某区2024年度法治政府建设情况报告"] * 2, [2022, 2023])
    assert not found.candidates and not found.skipped
    [failure] = found.failures  # listed twice: one failure (the URL is the same)
    assert (failure.stage, failure.reason) == ("discover", REPORT_YEAR_NOT_CONFIGURED)
    assert failure.detail == (
        "某区2024年度法治政府建设情况报告 reports on 2024, which is not in report_years; add it to fetch it"
    )


def test_title_without_a_year_is_kept(make_source):
    found = collect(make_source, ["某区法治政府建设情况报告", "2018年以来法治政府建设情况报告"], [2023])
    assert len(found.candidates) == 2 and not found.skipped and not found.failures


def test_without_report_years_every_year_is_kept(make_source):
    found = collect(make_source, ["某区2019年法治政府建设情况报告", "某区2030年法治政府建设情况报告"], None)
    assert len(found.candidates) == 2 and not found.skipped and not found.failures


def test_title_filters_come_before_the_year(make_source):
    """A notice about a future year is a title-filter skip, not a new-year alarm."""
    found = collect(make_source, ["关于2025年法治政府建设考核的通知"], [2023])
    assert not found.failures and [s.why for s in found.skipped] == ["title_exclude: 通知"]


def test_discovery_on_a_list_page(server, make_source, fetcher_factory):
    entry = server.html("/list.html", LIST_PAGE)
    source = make_source(entry_urls=[entry], report_years=[2021, 2023])
    found = discover(source, fetcher_factory(source))
    assert [c.url.rsplit("/", 1)[1] for c in found.candidates] == ["r2023.html", "r2021.html", "plain.html"]
    assert {s.item.url.rsplit("/", 1)[1]: s.why for s in found.skipped} == {
        "r2022.html": "report_years: 2022 not in 2021, 2023",
        "r2019.html": "report_years: 2019 not in 2021, 2023",
        "n2025.html": "title_exclude: 通知",
    }
    assert [(f.url.rsplit("/", 1)[1], f.reason) for f in found.failures] == [
        ("r2024.html", REPORT_YEAR_NOT_CONFIGURED)
    ]
    assert not server.hits("/r2024.html")  # not fetched


def test_sources_check_shows_year_skips_and_the_new_year(server, make_source):
    entry = server.html("/list.html", LIST_PAGE)
    check = check_source(make_source(entry_urls=[entry], report_years=[2021, 2023]))
    text = format_check(check)
    assert "report_years: [2021, 2023]" in text
    assert "skipped by the title filters and report_years (3):" in text
    assert "某区2019年法治政府建设情况报告  [report_years: 2019 not in 2021, 2023]" in text
    failures = text.split("failures (1):")[1]
    assert REPORT_YEAR_NOT_CONFIGURED in failures and "/r2024.html" in failures
    assert "reports on 2024, which is not in report_years; add it to fetch it" in failures
    assert not check.ok and "the portal lists reports on 2024: add to report_years" in text


def test_new_year_failure_reaches_the_staged_failures(server, make_source, tmp_path):
    entry = server.html("/list.html", LIST_PAGE)
    source = make_source(entry_urls=[entry], report_years=[2021, 2023])
    data_dir, staged = tmp_path / "data", tmp_path / "staged"
    assert discover_step(source, data_dir)["failed"] == 1
    stage_source(source, data_dir, staged)
    rows = pq.read_table(staged / "failures" / f"{source.name}.parquet").to_pylist()
    assert [(r["stage"], r["reason"]) for r in rows] == [("discover", REPORT_YEAR_NOT_CONFIGURED)]
    assert rows[0]["detail"].startswith("某区2024年度法治政府建设情况报告 reports on 2024")
