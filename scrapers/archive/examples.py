"""Load the example reports: texts the project wrote itself, with their gold facts beside them.

Each file in `examples/` is YAML front matter (document fields, the page's metadata block, gold
facts, traps) between `---` lines, then the body: one paragraph per line. A line
`[[ogi_section4: n1 … n15]]` stands for the standard table of section 四 of an 政府信息公开工作年度报告
(行政复议 / 未经复议直接起诉 / 复议后起诉, each 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计), which the
PDF renderer draws as a table and `text` flattens the way a PDF text layer does.

Gold lives with the text it describes so that editing a figure and its gold is one change; the
front matter is validated (metric keys come from the vocabulary seed) so a typo fails loudly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from scrapers.vocabulary import metric_keys

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"

OGI_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
OGI_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_TABLE_LINE = re.compile(r"^\[\[ogi_section4:\s*((?:\d+\s*){15})\]\]$")


class GoldFact(BaseModel):
    """A figure the extractor must find; `evidence` is the verbatim phrase that states it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    value: float
    unit: str | None = None
    qualifier: Literal["exact", "at_least", "approx", "at_most"] = "exact"
    evidence: str
    # "information_disclosure": an OGI section-四 figure, counting disclosure cases only.
    scope: str | None = None

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, metric: str) -> str:
        if metric not in metric_keys():
            raise ValueError(f"unknown metric key {metric!r} (see dbt_project/seeds/metric_vocabulary.csv)")
        return metric


class JurisdictionGold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    province: str
    city: str | None = None
    county: str | None = None
    code: str = Field(pattern=r"^\d{6}$")


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    publisher: str
    published: date
    report_year: int
    doc_type: Literal[
        "rule_of_law_report", "ogi_annual_report", "hotline_report", "mediation_report", "other"
    ]
    jurisdiction: JurisdictionGold
    format: Literal["html", "pdf"] = "html"
    content_source: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)  # the page's 信息公开 block, label → value
    facts: list[GoldFact] = Field(min_length=1)
    traps: list[str] = Field(default_factory=list)  # phrases whose figures must NOT be emitted

    @field_validator("metadata", mode="before")
    @classmethod
    def _as_written(cls, metadata: object) -> object:
        """YAML reads 2023-01-20 as a date; the page shows the value as written."""
        if isinstance(metadata, dict):
            return {str(k): "" if v is None else str(v) for k, v in metadata.items()}
        return metadata


@dataclass(frozen=True)
class OgiTable:
    """Section 四 of an OGI annual report: 15 counts in the standard order."""

    numbers: tuple[int, ...]

    def text_lines(self) -> list[str]:
        """The table as a PDF text layer flattens it: headers, then one row of bare numbers."""
        return [
            "行政复议 行政诉讼",
            " ".join(OGI_RESULTS) + " 未经复议直接起诉 复议后起诉",
            " ".join(OGI_RESULTS * 2),
            " ".join(str(n) for n in self.numbers),
        ]


Block = str | OgiTable


@dataclass(frozen=True)
class ExampleReport:
    key: str  # file stem, e.g. deqing-2022
    meta: FrontMatter
    blocks: tuple[Block, ...]

    @cached_property
    def text(self) -> str:
        """The report's text, one paragraph per line (what the gold's evidence is found in)."""
        lines: list[str] = []
        for block in self.blocks:
            lines.extend(block.text_lines() if isinstance(block, OgiTable) else [block])
        return "\n".join(lines)

    @property
    def paragraphs(self) -> list[str]:
        return [block for block in self.blocks if isinstance(block, str)]


class ExampleError(ValueError):
    """An example file is malformed or its gold is invalid."""


def parse_example(key: str, raw: str) -> ExampleReport:
    parts = raw.split("\n---\n", 1)
    if not raw.startswith("---\n") or len(parts) != 2:
        raise ExampleError(f"{key}: expected YAML front matter between '---' lines")
    try:
        meta = FrontMatter.model_validate(yaml.safe_load(parts[0][4:]))
    except Exception as exc:  # yaml or validation: say which file
        raise ExampleError(f"{key}: {exc}") from exc
    blocks: list[Block] = []
    for line in parts[1].splitlines():
        line = line.strip()
        if not line:
            continue
        table = _TABLE_LINE.match(line)
        blocks.append(OgiTable(tuple(int(n) for n in table.group(1).split())) if table else line)
    return ExampleReport(key=key, meta=meta, blocks=tuple(blocks))


def load_examples(directory: Path = EXAMPLES_DIR) -> dict[str, ExampleReport]:
    """Every example under `directory`, by key (file stem), in name order."""
    return {
        path.stem: parse_example(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.txt"))
    }


def gold_documents(directory: Path = EXAMPLES_DIR) -> list[dict[str, object]]:
    """The examples' gold in the shape of ../shared/spec/seed_gold.json, so one scorer reads both."""
    documents: list[dict[str, object]] = []
    for key, report in load_examples(directory).items():
        meta = report.meta
        documents.append(
            {
                "file": f"{key}.txt",
                "document": {
                    "title": meta.title,
                    "publisher": meta.publisher,
                    "published": meta.published.isoformat(),
                    "report_year": meta.report_year,
                    "doc_type": meta.doc_type,
                    "jurisdiction": meta.jurisdiction.model_dump(),
                },
                "facts": [fact.model_dump(exclude_none=True) for fact in meta.facts],
                "also_fine": [],
                "traps": list(meta.traps),
            }
        )
    return documents
