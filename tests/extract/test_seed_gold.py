"""The five seed reports against ../shared/spec/seed_gold.json, read in place.

Two cases per seed: the text alone (``govreports extract FILE.txt``) and the pipeline case (the
leading metadata lines removed from the text and passed as ``DocumentHints`` instead). Both must
give every gold fact, no trap, nothing else of the vocabulary except ``also_fine``, and the gold
document fields.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from scrapers.extract import extract_document
from scrapers.extract.numbers import find_figures
from scrapers.records import DocumentHints, Extraction, Fact

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GOVREPORTS_SHARED", REPO.parent / "shared"))
GOLD_PATH = SHARED / "spec" / "seed_gold.json"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not GOLD_PATH.exists(), reason=f"shared folder not found at {SHARED}")


def _gold_documents() -> list[dict]:
    if not GOLD_PATH.exists():
        return []
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))["documents"]


GOLD = _gold_documents()
IDS = [doc["file"][:3] for doc in GOLD]

# What a page parser would have lifted off the top of the page (and what the test removes).
_META_LINE = re.compile(
    r"^\s*(?:•|当前位置|索\s*引\s*号|发布机构|名\s*称|公开方式|时间\s*:|字号|政府信息公开$)")
_LABEL_VALUE = re.compile(r"(发文日期|文件成文日期|时间|名\s*称|索\s*引\s*号)\s*[:：]\s*(\S+)")


def _read(doc: dict) -> str:
    return (SEEDS / doc["file"]).read_text(encoding="utf-8")


def _fact_matches(fact: Fact, want: dict) -> bool:
    if fact.metric != want["metric"] or abs(fact.value - float(want["value"])) > 1e-9:
        return False
    if "unit" in want and fact.unit != want["unit"]:
        return False
    return not ("qualifier" in want and fact.qualifier != want["qualifier"])


def _describe(facts: list[Fact]) -> str:
    return "\n".join(f"  {f.metric}={f.value:g} {f.unit or ''} {f.qualifier} year={f.year} «{f.evidence}»"
                     for f in facts) or "  (none)"


def _trap_value(trap: str) -> float | None:
    figures = find_figures(trap)
    if not figures:
        return None
    return figures[-1].value


def check_against_gold(extraction: Extraction, doc: dict) -> None:
    facts = extraction.facts
    expected_hits: set[int] = set()
    for want in doc["facts"]:
        alternatives = want.get("any_of", [want])
        hit = [i for i, f in enumerate(facts) if any(_fact_matches(f, alt) for alt in alternatives)]
        assert hit, f"{doc['file']}: gold fact not found: {want}\nemitted:\n{_describe(facts)}"
        expected_hits.update(hit)
    for trap in doc["traps"]:
        value = _trap_value(trap)
        for fact in facts:
            same_value = value is not None and abs(abs(fact.value) - value) < 1e-9
            assert not (trap in fact.evidence and same_value), (
                f"{doc['file']}: trap {trap!r} emitted as {fact.metric}={fact.value:g} «{fact.evidence}»")
    for index, fact in enumerate(facts):
        if index in expected_hits:
            continue
        fine = any(fact.metric == ok["metric"] and fact.value == ok["value"] for ok in doc["also_fine"])
        assert fine, (f"{doc['file']}: unexpected fact {fact.metric}={fact.value:g} «{fact.evidence}»\n"
                      f"emitted:\n{_describe(facts)}")
    got = asdict(extraction.document)
    for key, value in doc["document"].items():
        assert got[key] == value, f"{doc['file']}: document.{key} is {got[key]!r}, gold {value!r}"


def _pipeline_case(doc: dict) -> tuple[str, DocumentHints]:
    """Remove the leading metadata lines and turn them into hints, as the parser would."""
    lines = _read(doc).splitlines(keepends=True)
    kept_from = 0
    labels: dict[str, str] = {}
    for index, line in enumerate(lines[:25]):
        if not line.strip():
            continue
        if _META_LINE.match(line):
            for label, value in _LABEL_VALUE.findall(line):
                labels.setdefault(re.sub(r"\s+", "", label), value)
            kept_from = index + 1
        elif index > 6:
            break
    # Keep the title line(s) that sat between metadata lines.
    head = "".join(line for line in lines[:kept_from] if not _META_LINE.match(line))
    text = head + "".join(lines[kept_from:])
    gold = doc["document"]
    raw_date = labels.get("发文日期") or labels.get("文件成文日期") or labels.get("时间")
    published = None
    if raw_date:
        y, m, d = re.findall(r"\d+", raw_date)[:3]
        published = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    hints = DocumentHints(
        title=labels.get("名称"),
        publisher=gold["publisher"],
        published=published,
        index_no=labels.get("索引号"),
        jurisdiction_name=gold["jurisdiction"]["county"] or gold["jurisdiction"]["city"],
    )
    return text, hints


def _assert_offsets(extraction: Extraction, text: str) -> None:
    for fact in extraction.facts:
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.evidence, f"evidence mismatch for {fact}"


@pytest.mark.parametrize("doc", GOLD, ids=IDS)
def test_seed_text_only(doc: dict) -> None:
    text = _read(doc)
    extraction = extract_document(text)
    _assert_offsets(extraction, text)
    check_against_gold(extraction, doc)


@pytest.mark.parametrize("doc", GOLD, ids=IDS)
def test_seed_pipeline_with_hints(doc: dict) -> None:
    text, hints = _pipeline_case(doc)
    extraction = extract_document(text, hints)
    _assert_offsets(extraction, text)
    check_against_gold(extraction, doc)
    plain = extract_document(_read(doc))
    key = [(f.metric, f.value, f.unit, f.qualifier, f.year) for f in plain.facts]
    assert [(f.metric, f.value, f.unit, f.qualifier, f.year) for f in extraction.facts] == key, (
        f"{doc['file']}: facts differ between the text-only and the pipeline case")


@pytest.mark.parametrize("doc", GOLD, ids=IDS)
def test_seed_pipeline_strips_something_or_nothing_to_strip(doc: dict) -> None:
    """Guard the helper: the pipeline case really is a different text where metadata existed."""
    text, _ = _pipeline_case(doc)
    original = _read(doc)
    assert len(text) <= len(original)
    assert not re.search(r"索\s*引\s*号|发文机关", text[:300])
