"""Development corpus 3 (``tests/extract/corpus3``, written blind as the first held-out set, used for
development since its misses informed rules): its gold is well-formed and honest.

The set measures the extractor on report styles it was not tuned on, so these tests check the gold
and the click-through evidence only. The precision/recall score is reported by
``python -m scrapers.evaluate tests/extract/corpus3``, never asserted here: a bar in a test invites
tuning the extractor (or the gold) against this set, which would stop it from being held out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest
from passages import gold_alternatives, written_values

from scrapers.evaluate import iter_numbers, load_corpus, load_text, run_corpus, trap_in_text
from scrapers.records import DocType, Qualifier
from scrapers.vocabulary import metric_keys

HELDOUT = Path(__file__).parent / "corpus3"
GOLD_FILES = sorted(HELDOUT.glob("*.gold.json"))
DOC_TYPES = set(get_args(DocType))
QUALIFIERS = set(get_args(Qualifier))
# Wordings that state a zero without writing the digit (没有发生 / 无 / 未有败诉 / 未发生 …).
ZERO_WORDS = re.compile(r"没有|未有|未发生|未收到|无|未败诉|0")
TEN_THOUSANDS_HEADER = re.compile(r"[（(]万(?:件|个|人|次)[）)]")


def _document_path(gold_path: Path) -> Path:
    stem = gold_path.name.removesuffix(".gold.json")
    found = [p for p in HELDOUT.glob(f"{stem}.*") if p.suffix in (".txt", ".html", ".htm")]
    assert len(found) == 1, f"expected one document beside {gold_path.name}, found {found}"
    return found[0]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.name: load_text(_document_path(p))[0] for p in GOLD_FILES}


def test_the_set_has_the_promised_shape() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    assert len(golds) == 50
    doc_types = Counter(g["document"]["doc_type"] for g in golds)
    assert set(doc_types) == DOC_TYPES, doc_types
    assert sum(1 for g in golds if not g["facts"]) >= 6
    families = Counter(a["metric"].split(".")[0]
                       for g in golds for e in g["facts"] for a in gold_alternatives(e))
    assert set(families) == {"reconsideration", "litigation", "mediation", "hotline"}
    assert sum(1 for g in golds if g["traps"]) >= 40


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_is_well_formed(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert set(gold) <= {"document", "facts", "also_fine", "traps"}
    document = gold["document"]
    assert isinstance(document["report_year"], int) and 2015 <= document["report_year"] <= 2030
    assert document["doc_type"] in DOC_TYPES
    keys = metric_keys()
    seen: set[tuple[str, float, int | None]] = set()
    for entry in gold["facts"]:
        alternatives = gold_alternatives(entry)
        assert alternatives, entry
        if "any_of" in entry:
            assert len(alternatives) >= 2, entry
        for fact in alternatives:
            assert fact["metric"] in keys, fact
            assert isinstance(fact["value"], int | float) and not isinstance(fact["value"], bool), fact
            assert fact.get("qualifier", "exact") in QUALIFIERS, fact
            if fact.get("year") is not None:
                assert fact["year"] != document["report_year"], "year only when another full year"
            identity = (fact["metric"], float(fact["value"]), fact.get("year"))
            assert identity not in seen, f"duplicate gold fact {identity}"
            seen.add(identity)
            if fact["metric"].endswith(("_rate", "_yoy_pct")):
                assert "unit" not in fact or fact["unit"] in ("%", None), fact
                if fact["metric"].endswith("_rate"):
                    assert 0 <= fact["value"] <= 100, fact
            else:
                assert fact["value"] >= 0, fact
    for fact in gold["also_fine"]:
        assert fact["metric"] in keys, fact
        assert isinstance(fact["value"], int | float), fact
    assert all(isinstance(t, str) and t.strip() for t in gold["traps"])


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_every_gold_number_is_written_in_the_document(gold_path: Path, texts: dict[str, str]) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = texts[gold_path.name]
    written = written_values(text)
    for entry in gold["facts"]:
        for fact in gold_alternatives(entry):
            value = abs(float(fact["value"]))  # 同比下降3.4% is written 3.4
            if value == 0 and ZERO_WORDS.search(text):
                continue
            if TEN_THOUSANDS_HEADER.search(text) and round(value / 10_000, 6) in written:
                continue  # a table column headed 受理量（万件）: 11.48 there is 114 800
            assert round(value, 6) in written, f"{fact} not written in {gold_path.name}"


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_every_trap_occurs_in_its_document(gold_path: Path, texts: dict[str, str]) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = texts[gold_path.name]
    for trap in gold["traps"]:
        assert list(iter_numbers(trap)), f"trap without a number: {trap!r}"
        assert trap_in_text(trap, text), f"trap {trap!r} not in {gold_path.name}"


def test_load_corpus_reads_the_whole_set() -> None:
    docs = load_corpus(HELDOUT)
    assert len(docs) == len(GOLD_FILES) == 50
    assert all(d.text.strip() for d in docs)


def test_extractor_evidence_is_the_text_it_points_at() -> None:
    """Every emitted fact: ``text[start:end] == evidence`` (the scorer's ``evidence_ok``)."""
    report = run_corpus(HELDOUT)
    assert len(report.documents) == 50
    assert report.evidence_ok, [e.__dict__ for e in report.evidence_errors[:10]]
