"""Held-out set 8: written blind, measured once (0.995 / 0.900); gold checks only, never a score.

The same gold checks as corpus 4 (``test_corpus4``): the gold is well formed and true to its text,
and whatever the extractor emits points at the words it claims. The score is reported by
``python -m scrapers.evaluate tests/extract/heldout8``, never asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.evaluate import CorpusDocument, load_corpus
from tests.extract import test_corpus4 as checks

HERE = Path(__file__).parent / "heldout8"
DOCS = load_corpus(HERE)
IDS = [d.name for d in DOCS]


def test_corpus_shape() -> None:
    assert len(DOCS) == 40
    assert sum(1 for d in DOCS if not d.gold["facts"]) >= 6
    assert {d.gold["document"]["doc_type"] for d in DOCS} == checks.DOC_TYPES


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_gold_is_well_formed(doc: CorpusDocument) -> None:
    checks.test_gold_is_well_formed(doc)


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_gold_numbers_are_written(doc: CorpusDocument) -> None:
    checks.test_gold_numbers_are_written(doc)


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_traps_occur(doc: CorpusDocument) -> None:
    checks.test_traps_occur(doc)


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_evidence_offsets(doc: CorpusDocument) -> None:
    checks.test_evidence_offsets(doc)
