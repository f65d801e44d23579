"""Sentences and clauses, with offsets into the (normalized) text.

A figure is read in the context of its sentence: the subject (行政复议, 热线 …) is often stated once
and then carried across commas (受理行政复议申请50件，已结案39件), but never across a full stop. Lists
written as 一是…二是… or (一)… are split at the marker, because each item starts a new subject.
Clauses (split on commas and colons) are the unit of evidence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

# Sentence ends: full stops, semicolons, exclamation/question marks, line breaks, and list markers
# that open a new item in running prose (一是 / 二是 …, （三）, 3.).
_SENTENCE_END = re.compile(r"[。!?\n\r]+")
_SEMICOLON = re.compile(r";+")
_LIST_MARKER = re.compile(
    r"(?:(?<=[,:，：])|(?<=^))\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]是)"
    r"|\((?:[一二三四五六七八九十]+)\)"
)
# A comma between digits that is followed by exactly three digits is a thousands separator (4,512).
_CLAUSE_END = re.compile(r"(?<!\d)[,，]|[,，](?!\d{3}(?!\d))|[:：]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str = field(repr=False, compare=False)
    # Where the subject may come from: the full sentence for a part after a semicolon
    # (受理…50件；审结45件 still speaks of 复议), the sentence itself otherwise.
    context_start: int = 0

    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        """The sentence's clauses, computed on first use (most sentences hold no figure)."""
        return _clauses(self.text, self.start, self.end)

    def clause_at(self, pos: int) -> Span:
        """The clause containing normalized position ``pos`` (the last one if past the end)."""
        for clause in self.clauses:
            if clause.start <= pos < clause.end:
                return clause
        return self.clauses[-1]


def split_sentences(text: str) -> list[Sentence]:
    """Split normalized text into sentences (with their clauses), dropping blank stretches."""
    sentences: list[Sentence] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        _add_parts(text, pos, match.start(), sentences)
        pos = match.end()
    _add_parts(text, pos, len(text), sentences)
    return sentences


def _add_parts(text: str, start: int, end: int, out: list[Sentence]) -> None:
    pos = start
    for match in _SEMICOLON.finditer(text, start, end):
        _add_sentence(text, pos, match.start(), out, start)
        pos = match.end()
    _add_sentence(text, pos, end, out, start)


def _add_sentence(text: str, start: int, end: int, out: list[Sentence], context: int) -> None:
    first = _LIST_MARKER.search(text, start, end)
    if first is None or (first.start() == start and _LIST_MARKER.search(text, first.end(), end) is None):
        # No list marker inside (the common case): one sentence, as the loop below would make it.
        a, b = _strip(text, start, end)
        if a < b:
            out.append(Sentence(a, b, text, min(context, a)))
        return
    cuts = [start]
    for marker in _LIST_MARKER.finditer(text, start, end):
        if marker.start() > start:
            cuts.append(marker.start())
    cuts.append(end)
    for index, (a, b) in enumerate(itertools.pairwise(cuts)):
        a, b = _strip(text, a, b)
        if a < b:
            # A list item (一是…, （二）…) opens a new subject; the text before the first marker
            # keeps the enclosing sentence as its context.
            out.append(Sentence(a, b, text, min(context, a) if index == 0 else a))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u3000\xa0,，":
        start += 1
    while end > start and text[end - 1] in " \t\u3000\xa0,，":
        end -= 1
    return start, end


def _clauses(text: str, start: int, end: int) -> tuple[Span, ...]:
    spans: list[Span] = []
    pos = start
    for match in _CLAUSE_END.finditer(text, start, end):
        a, b = _strip(text, pos, match.start())
        if a < b:
            spans.append(Span(a, b))
        pos = match.end()
    a, b = _strip(text, pos, end)
    if a < b:
        spans.append(Span(a, b))
    if not spans:
        spans.append(Span(start, end))
    return tuple(spans)
