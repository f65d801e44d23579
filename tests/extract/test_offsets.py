"""Every fact's evidence is text[start:end] of the text given, whatever normalization did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from passages import PASSAGES

from scrapers.extract import extract_document
from scrapers.extract.normalize import normalize

_WIDEN = {c: chr(ord(c) + 0xFEE0) for c in "0123456789%,.:;()!?"}


def _assert_invariant(text: str) -> None:
    extraction = extract_document(text)
    for fact in extraction.facts:
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.evidence


@given(st.sampled_from(PASSAGES), st.data())
@settings(max_examples=150, deadline=None)
def test_evidence_is_verbatim_under_width_changes(passage, data) -> None:
    chars = list(passage.text)
    for index, char in enumerate(chars):
        if char in _WIDEN and data.draw(st.booleans(), label=f"widen {index}"):
            chars[index] = _WIDEN[char]
    noise = data.draw(st.lists(st.tuples(st.integers(0, len(chars)), st.sampled_from(
        ["\u3000", "\xa0", "①", "㎡", "ﬁ", "\u2028", "Ⅻ"])), max_size=4))
    for position, inserted in sorted(noise, reverse=True):
        chars.insert(position, inserted)
    _assert_invariant("".join(chars))


@given(st.sampled_from(PASSAGES))
@settings(max_examples=40, deadline=None)
def test_full_width_text_gives_the_same_facts(passage) -> None:
    wide = "".join(_WIDEN.get(c, c) for c in passage.text)
    narrow = extract_document(passage.text)
    widened = extract_document(wide)
    assert [(f.metric, f.value, f.unit, f.qualifier) for f in widened.facts] == [
        (f.metric, f.value, f.unit, f.qualifier) for f in narrow.facts]


@given(st.text(alphabet=st.sampled_from(list("受理行政复议申请热线满意率调解纠纷1234567890.,%万件起个，。；１２％\u3000①")),
               max_size=120))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_breaks_offsets(text: str) -> None:
    _assert_invariant(text)


def test_normalize_maps_back() -> None:
    original = "满意率９８．６％，共１２，３４５件"
    norm = normalize(original)
    assert norm.text == "满意率98.6%,共12,345件"
    start = norm.text.index("98.6%")
    assert norm.to_original(start, start + 5) == (3, 8)
