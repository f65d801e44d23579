"""Airflow DAG `ingest_reports`: discover → fetch → extract → stage, mapped per source.

Thin by design: every step is a function of `scrapers.pipeline`, testable without Airflow; tasks
pass only counts through XCom (documents go through files under data/). Importing this file does
no work: the registry is read inside the first task.

Schedule: reports appear from January to April, so the crawl runs weekly then (Mondays 03:00
Beijing time) and monthly otherwise (the 1st, 03:00); no catch-up (a new deployment runs the latest
slot once), one run at a time; GOVREPORTS_INGEST_SCHEDULE overrides it (`none`, or a cron). Params
restrict a run: `sources` (names; empty: every enabled source) and `report_years` (years; empty: as
each source is configured). Backfill past years with one run that names them, e.g.
`airflow backfill create --dag-id ingest_reports --from-date 2026-01-04 --to-date 2026-01-05
--dag-run-conf '{"report_years": [2021, 2022]}' --reprocess-behavior completed` (dates in UTC: one
slot, Monday 03:00 Beijing = Sunday 19:00 UTC; README, "Schedules, backfills, alerts").

Politeness across parallel tasks and workers: per-host request slots (file locks under data/locks/,
scrapers/fetch/hostslots.py) on the data volume every worker shares. A task that fails for good
raises an alert naming its source (scrapers/alerts.py, GOVREPORTS_ALERT_WEBHOOK).
"""

from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow.sdk import MultipleCronTriggerTimetable, Param, dag, get_current_context, task
from common import DEFAULT_ARGS, STAGED_REPORTS

# Weekly in the publication season (January to April), monthly the rest of the year.
PUBLICATION_CALENDAR = MultipleCronTriggerTimetable(
    "0 3 * 1-4 MON",
    "0 3 1 5-12 *",
    timezone="Asia/Shanghai",
)


def _schedule(value: str | None) -> MultipleCronTriggerTimetable | str | None:
    """GOVREPORTS_INGEST_SCHEDULE: unset or `calendar` for the publication calendar above, `none`
    for triggered runs only (API, CLI; a backfill needs a schedule), or a cron expression of your own."""
    value = (value or "").strip()
    if value in ("", "calendar"):
        return PUBLICATION_CALENDAR
    return None if value.lower() in ("none", "manual") else value


SCHEDULE = _schedule(os.environ.get("GOVREPORTS_INGEST_SCHEDULE"))


def _label(source: str) -> None:
    """Name the mapped task instance after its source in the UI."""
    get_current_context()["source_label"] = source


@dag(
    dag_id="ingest_reports",
    schedule=SCHEDULE,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["govreports", "ingest"],
    params={
        "sources": Param(
            [],
            type="array",
            items={"type": "string"},
            description="Source names to run; empty runs all enabled.",
        ),
        "report_years": Param(
            [],
            type="array",
            items={"type": "integer"},
            description="Report years to discover (e.g. a backfill of past years); empty: as configured.",
        ),
    },
    doc_md=__doc__,
)
def ingest_reports() -> None:
    @task(execution_timeout=timedelta(minutes=5))
    def select_sources(params: dict | None = None) -> list[str]:
        from scrapers.run_params import report_years, select_sources
        from scrapers.sources import load_sources

        params = params or {}
        years = report_years(params.get("report_years"))  # a bad value fails here, once
        return select_sources(load_sources(), params.get("sources"), years)

    @task(map_index_template="{{ source_label }}", execution_timeout=timedelta(minutes=30))
    def discover(source: str, params: dict | None = None) -> dict:
        from scrapers.run_params import discover_for_run, report_years
        from scrapers.sources import source_named

        _label(source)
        years = report_years((params or {}).get("report_years"))
        return {"source": source, "discover": discover_for_run(source_named(source), years)}

    @task(map_index_template="{{ source_label }}", execution_timeout=timedelta(hours=2))
    def fetch(run: dict) -> dict:
        from scrapers.pipeline import fetch_step
        from scrapers.sources import source_named

        _label(run["source"])
        return {**run, "fetch": fetch_step(source_named(run["source"]))}

    @task(map_index_template="{{ source_label }}", execution_timeout=timedelta(minutes=45))
    def extract(run: dict) -> dict:
        from scrapers.pipeline import extract_step
        from scrapers.sources import source_named

        _label(run["source"])
        return {**run, "extract": extract_step(source_named(run["source"]))}

    @task(map_index_template="{{ source_label }}", execution_timeout=timedelta(minutes=15))
    def stage(run: dict) -> dict:
        from scrapers import settings
        from scrapers.sources import source_named
        from scrapers.stage import stage_source

        _label(run["source"])
        staged = stage_source(source_named(run["source"]), settings.data_dir(), settings.staged_dir())
        return {**run, "stage": staged}

    @task(outlets=[STAGED_REPORTS], execution_timeout=timedelta(minutes=5))
    def summarize(per_source: list[dict]) -> dict:
        from scrapers.summary import write_ingest_summary

        return write_ingest_summary(list(per_source))

    discovered = discover.expand(source=select_sources())
    summarize(stage.expand(run=extract.expand(run=fetch.expand(run=discovered))))


ingest_reports()
