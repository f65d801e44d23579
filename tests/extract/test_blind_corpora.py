"""The corpora written blind, one held-out set after another (``corpus4`` … ``corpus10``, ``heldout8``).

Each was written by someone who never saw the extractor, measured once while held out (its
README says how it scored), then, except the latest, used for development. These tests check only
that the gold is well formed and true to its text, and that whatever the extractor emits points
at the words it claims. Scores are reported by ``python -m scrapers.evaluate tests/extract/<set>``
and never asserted here: a bar in a test invites tuning the extractor (or the gold) to the set.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from passages import gold_alternatives, written_values

from scrapers.evaluate import CorpusDocument, load_corpus, trap_in_text
from scrapers.records import DocType, Qualifier
from scrapers.vocabulary import metric_keys, metrics

HERE = Path(__file__).parent
# set → (documents, at least this many documents without an in-scope figure)
SETS = {
    "corpus4": (40, 5),
    "corpus5": (45, 6),
    "corpus6": (50, 7),
    "corpus7": (50, 6),
    "corpus8": (40, 6),
    "corpus9": (40, 6),
    "corpus10": (40, 6),
    "heldout8": (40, 6),
}
CORPORA = {name: load_corpus(HERE / name) for name in SETS}
DOCS = [doc for docs in CORPORA.values() for doc in docs]
IDS = [f"{name}/{doc.name}" for name, docs in CORPORA.items() for doc in docs]
DOC_TYPES = set(typing.get_args(DocType))
QUALIFIERS = set(typing.get_args(Qualifier))
# Zero stated in words: 未发生 / 无败诉 / 均胜诉.
ZERO_WORDS = re.compile(r"无|未|没有|零|均未|均胜诉|全部胜诉")


def _entries(gold: dict) -> list[dict]:
    """Every gold figure: facts (each any_of alternative) and also_fine."""
    out = []
    for raw in gold.get("facts", []):
        out.extend(gold_alternatives(raw))
    out.extend(gold.get("also_fine", []))
    return out


def _written(value: float, text: str) -> bool:
    value = abs(value)  # 同比下降3.4% is written 3.4
    written = written_values(text)
    if round(value, 6) in written:
        return True
    if value == 0 and ZERO_WORDS.search(text):
        return True
    # a count in a column headed 万件 is written in units of 10 000
    return "万件" in text and round(value / 10_000, 6) in written


@pytest.mark.parametrize("name", SETS)
def test_set_has_its_promised_shape(name: str) -> None:
    docs = CORPORA[name]
    count, without_figures = SETS[name]
    assert len(docs) == count
    assert sum(1 for d in docs if not d.gold["facts"]) >= without_figures
    assert {d.gold["document"]["doc_type"] for d in docs} == DOC_TYPES
    families = {metrics()[e["metric"]].family for d in docs for e in _entries(d.gold)}
    assert families == {"reconsideration", "litigation", "mediation", "hotline"}


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_gold_is_well_formed(doc: CorpusDocument) -> None:
    gold = doc.gold
    assert set(gold) == {"document", "facts", "also_fine", "traps"}
    document = gold["document"]
    assert document["doc_type"] in DOC_TYPES
    assert isinstance(document["report_year"], int) and 2015 <= document["report_year"] <= 2025
    code = document["jurisdiction"]["code"]
    assert code is None or re.fullmatch(r"\d{6}", code)
    for raw in gold["facts"]:
        if "any_of" in raw:
            assert set(raw) == {"any_of"} and len(raw["any_of"]) >= 2
    for entry in _entries(gold):
        assert entry["metric"] in metric_keys(), entry
        assert isinstance(entry["value"], int | float) and not isinstance(entry["value"], bool), entry
        assert entry.get("qualifier", "exact") in QUALIFIERS, entry
        assert entry.get("unit") is None or isinstance(entry["unit"], str), entry
        if "year" in entry:
            assert isinstance(entry["year"], int) and entry["year"] != document["report_year"], entry
        if metrics()[entry["metric"]].unit_kind != "count":
            assert entry.get("unit") in (None, "%"), entry
    assert all(isinstance(t, str) and t for t in gold["traps"])


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_gold_numbers_are_written(doc: CorpusDocument) -> None:
    """Required figures only: also_fine may hold derived totals that no line of the text states."""
    required = [a for raw in doc.gold["facts"] for a in gold_alternatives(raw)]
    for entry in required:
        assert _written(float(entry["value"]), doc.text), f"{entry} not written in {doc.name}"


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_traps_occur(doc: CorpusDocument) -> None:
    for trap in doc.gold["traps"]:
        assert trap_in_text(trap, doc.text), f"trap {trap!r} not in {doc.name}"


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_evidence_offsets(doc: CorpusDocument) -> None:
    from scrapers.extract import extract_document

    extraction = extract_document(doc.text, doc.hints)
    for fact in extraction.facts:
        assert 0 <= fact.start <= fact.end <= len(doc.text), fact
        assert doc.text[fact.start : fact.end] == fact.evidence, fact
