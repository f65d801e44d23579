"""Hand-written passages (``passages.py``): exact expected facts, traps included."""

from __future__ import annotations

import pytest
from passages import PASSAGES, Passage

from scrapers.extract import extract_document


def _key(metric: str, value: float, unit: str | None, qualifier: str, year: int | None) -> tuple:
    return (metric, round(float(value), 6), unit, qualifier, year)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_passage(passage: Passage) -> None:
    extraction = extract_document(passage.text)
    got = sorted(_key(f.metric, f.value, f.unit, f.qualifier, f.year) for f in extraction.facts)
    want = sorted(_key(*fact) for fact in passage.expected)
    evidence = "\n".join(f"  {f.metric}={f.value:g} «{f.evidence}»" for f in extraction.facts)
    assert got == want, f"{passage.id}:\n got  {got}\n want {want}\n{evidence}\n{extraction.warnings}"
    for fact in extraction.facts:
        assert passage.text[fact.start:fact.end] == fact.evidence
