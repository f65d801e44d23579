"""Hand-written passages (``passages.py``): exact expected facts, traps included."""

from __future__ import annotations

import pytest
from passages import PASSAGES, Passage, assert_passage


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_passage(passage: Passage) -> None:
    assert_passage(passage)
