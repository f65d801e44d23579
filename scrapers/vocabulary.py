"""The metric vocabulary (../shared/spec/metrics.md) as data.

The single source of truth is the dbt seed `dbt_project/seeds/metric_vocabulary.csv`: dbt builds
`dim_metric` and its accepted-values tests from it, and Python reads the same file, so the
extractor can never emit a key the warehouse does not know.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VOCABULARY_CSV = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "metric_vocabulary.csv"


@dataclass(frozen=True)
class Metric:
    key: str
    family: str  # reconsideration | litigation | mediation | hotline
    fact_table: str  # the wide dbt fact table this metric becomes a column of
    fact_column: str  # ... and that column's name
    unit_kind: str  # count | rate | pct_change
    description_zh: str
    description_en: str


@cache
def metrics() -> dict[str, Metric]:
    with VOCABULARY_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["metric"]: Metric(
            key=row["metric"],
            family=row["family"],
            fact_table=row["fact_table"],
            fact_column=row["fact_column"],
            unit_kind=row["unit_kind"],
            description_zh=row["description_zh"],
            description_en=row["description_en"],
        )
        for row in rows
    }


def metric_keys() -> frozenset[str]:
    return frozenset(metrics())
