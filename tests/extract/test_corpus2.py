"""Sanity of the second development corpus (tests/extract/corpus2): the gold is well-formed, every
gold figure and every trap is written in its document, and the extractor's evidence is verbatim.

No precision/recall assertion here: the corpus is for development, scored by
``python -m scrapers.evaluate tests/extract/corpus2``.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from passages import gold_alternatives, written_values

from scrapers.evaluate import iter_numbers, load_corpus, trap_in_text
from scrapers.vocabulary import metrics

CORPUS = Path(__file__).parent / "corpus2"
DOCS = load_corpus(CORPUS)
IDS = [d.name for d in DOCS]
DOC_TYPES = {"rule_of_law_report", "ogi_annual_report", "hotline_report", "mediation_report", "other"}
QUALIFIERS = {"exact", "at_least", "approx", "at_most"}
ZERO_WORDS = re.compile(r"未发生|未有|没有|无|未被|零|0|〇")
# a column headed (万件) holds the value divided by 10 000
WAN_COLUMN = re.compile(r"[（(]万件[)）]")


def _is_written(value: float, text: str, values: set[float]) -> bool:
    value = abs(value)
    if value == 0:
        return ZERO_WORDS.search(text) is not None
    if any(math.isclose(value, v, abs_tol=1e-6) for v in values):
        return True
    in_wan = any(math.isclose(value / 10_000, v, abs_tol=1e-6) for v in values)
    return bool(WAN_COLUMN.search(text)) and in_wan


def test_corpus_size_and_coverage():
    assert len(DOCS) >= 45
    types = {d.gold["document"]["doc_type"] for d in DOCS}
    assert types == DOC_TYPES
    families = {a["metric"].split(".")[0]
                for d in DOCS for f in d.gold["facts"] for a in gold_alternatives(f)}
    assert {"reconsideration", "litigation", "mediation", "hotline"} <= families
    assert sum(1 for d in DOCS if not d.gold["facts"]) >= 5


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_gold_validates(doc):
    keys = set(metrics())
    document = doc.gold["document"]
    assert document["doc_type"] in DOC_TYPES
    assert isinstance(document["report_year"], int)
    assert set(doc.gold) >= {"document", "facts", "also_fine", "traps"}
    for fact in doc.gold["facts"]:
        alternatives = gold_alternatives(fact)
        assert alternatives, fact
        if "any_of" in fact:
            assert len(alternatives) >= 2, fact
        for alt in alternatives:
            assert alt["metric"] in keys, alt
            assert isinstance(alt["value"], (int, float)) and not isinstance(alt["value"], bool), alt
            assert alt.get("qualifier", "exact") in QUALIFIERS, alt
            if "year" in alt:
                assert isinstance(alt["year"], int) and alt["year"] != document["report_year"], alt
    for alt in doc.gold["also_fine"]:
        assert alt["metric"] in keys, alt
        assert isinstance(alt["value"], (int, float)), alt
    for trap in doc.gold["traps"]:
        assert isinstance(trap, str) and list(iter_numbers(trap)), trap


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_gold_numbers_are_written(doc):
    values = written_values(doc.text)
    for fact in doc.gold["facts"]:
        for alt in gold_alternatives(fact):
            assert _is_written(alt["value"], doc.text, values), (doc.name, alt)


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_traps_occur_in_text(doc):
    for trap in doc.gold["traps"]:
        assert trap_in_text(trap, doc.text), (doc.name, trap)


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_evidence_is_verbatim(doc):
    from scrapers.extract import extract_document

    extraction = extract_document(doc.text, doc.hints)
    for fact in extraction.facts:
        assert 0 <= fact.start <= fact.end <= len(doc.text), fact
        assert doc.text[fact.start : fact.end] == fact.evidence, fact
