"""Example reports: gold that can be found in the text, a year-over-year story, a PDF that reads back."""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict

import pdfplumber
import pytest

from scrapers.archive.examples import ExampleReport, gold_documents, load_examples
from scrapers.archive.pdf import render_pdf
from scrapers.archive.site import Resource

EXAMPLES = load_examples()
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?")


def _written_values(evidence: str) -> set[float]:
    """Numbers as written in a phrase, 万 scaled (21.4万 → 214000), signs from 下降/减少."""
    values = set()
    for digits, wan in _NUMBER.findall(evidence):
        value = float(digits) * (10_000 if wan else 1)
        values.add(round(value, 6))
        if re.search(r"(下降|减少|缩减)" + re.escape(digits), evidence):
            values.add(-value)
    return values


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_gold_facts_are_written_in_the_text(key: str) -> None:
    report = EXAMPLES[key]
    for fact in report.meta.facts:
        assert fact.evidence in report.text, (key, fact.evidence)
        assert round(fact.value, 6) in _written_values(fact.evidence), (key, fact.metric, fact.evidence)
    for trap in report.meta.traps:
        assert trap in report.text, (key, trap)
        assert not any(trap in fact.evidence or fact.evidence in trap for fact in report.meta.facts)


def test_examples_look_real() -> None:
    for report in EXAMPLES.values():
        assert "示例" not in report.text and "示例" not in report.meta.title


def test_three_jurisdictions_over_three_consecutive_years_with_the_same_metrics() -> None:
    series: dict[str, dict[int, ExampleReport]] = defaultdict(dict)
    for report in EXAMPLES.values():
        if report.meta.doc_type == "rule_of_law_report":
            series[report.meta.jurisdiction.code][report.meta.report_year] = report
    complete = {code: years for code, years in series.items() if len(years) >= 3}
    assert len(complete) >= 3
    for code, years in complete.items():
        ordered = sorted(years)
        assert ordered == list(range(ordered[0], ordered[0] + len(ordered))), code
        metric_sets = [{f.metric for f in years[y].meta.facts} for y in ordered]
        assert all(m == metric_sets[0] for m in metric_sets), f"{code}: metrics differ between years"
        families = {m.split(".")[0] for m in metric_sets[0]}
        assert families == {"reconsideration", "litigation", "mediation", "hotline"}, code


def test_pdf_report_extracts_with_its_figures(site: dict[str, Resource]) -> None:
    pdf_examples = [r for r in EXAMPLES.values() if r.meta.format == "pdf"]
    assert pdf_examples
    for report in pdf_examples:
        body = render_pdf(report)
        assert body in {r.body for r in site.values()}, "the served PDF is the rendered one"
        with pdfplumber.open(io.BytesIO(body)) as pdf:
            text = "".join(page.extract_text() or "" for page in pdf.pages)
        flat = re.sub(r"\s+", "", text)
        assert all(word in flat for word in ("行政复议", "未经复议直接起诉", "复议后起诉", "结果维", "总计"))
        for fact in report.meta.facts:
            assert re.sub(r"\s+", "", fact.evidence) in flat, fact.evidence
        row = next(line for line in text.splitlines() if re.fullmatch(r"(\d+ ){14}\d+", line.strip()))
        assert len(row.split()) == 15


def test_gold_documents_have_the_seed_gold_shape(shared_dir) -> None:
    seed_shape = json.loads((shared_dir / "spec" / "seed_gold.json").read_text())["documents"][0]
    documents = gold_documents()
    assert len(documents) == len(EXAMPLES)
    for document in documents:
        assert set(document) == set(seed_shape)
        assert set(document["document"]) == set(seed_shape["document"])
