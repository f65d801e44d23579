"""Airflow DAG `ingest_reports`: discover → fetch → extract → stage, mapped per source.

Thin by design: every step is a function of `scrapers.pipeline`, testable without Airflow; tasks
pass only counts through XCom (documents go through files under data/). Importing this file does
no work: the registry is read inside the first task.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import Param, dag, get_current_context, task
from common import DEFAULT_ARGS, STAGED_REPORTS


def _label(source: str) -> None:
    """Name the mapped task instance after its source in the UI."""
    get_current_context()["source_label"] = source


@dag(
    dag_id="ingest_reports",
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["govreports", "ingest"],
    params={"sources": Param([], type="array", description="Source names to run; empty runs all enabled.")},
    doc_md=__doc__,
)
def ingest_reports() -> None:
    @task
    def select_sources(params: dict | None = None) -> list[str]:
        from scrapers.sources import load_sources

        wanted = set((params or {}).get("sources") or [])
        names = [s.name for s in load_sources() if not wanted or s.name in wanted]
        if wanted - set(names):
            raise ValueError(f"unknown or disabled sources: {sorted(wanted - set(names))}")
        return names

    @task(map_index_template="{{ source_label }}")
    def discover(source: str) -> dict:
        from scrapers.pipeline import discover_step
        from scrapers.sources import source_named

        _label(source)
        return {"source": source, "discover": discover_step(source_named(source))}

    @task(map_index_template="{{ source_label }}")
    def fetch(run: dict) -> dict:
        from scrapers.pipeline import fetch_step
        from scrapers.sources import source_named

        _label(run["source"])
        return {**run, "fetch": fetch_step(source_named(run["source"]))}

    @task(map_index_template="{{ source_label }}")
    def extract(run: dict) -> dict:
        from scrapers.pipeline import extract_step
        from scrapers.sources import source_named

        _label(run["source"])
        return {**run, "extract": extract_step(source_named(run["source"]))}

    @task(map_index_template="{{ source_label }}")
    def stage(run: dict) -> dict:
        from scrapers import settings
        from scrapers.sources import source_named
        from scrapers.stage import stage_source

        _label(run["source"])
        staged = stage_source(source_named(run["source"]), settings.data_dir(), settings.staged_dir())
        return {**run, "stage": staged}

    @task(outlets=[STAGED_REPORTS])
    def summarize(per_source: list[dict]) -> dict:
        from scrapers.summary import write_ingest_summary

        return write_ingest_summary(list(per_source))

    discovered = discover.expand(source=select_sources())
    summarize(stage.expand(run=extract.expand(run=fetch.expand(run=discovered))))


ingest_reports()
