"""NFKC normalization that remembers where every normalized character came from.

Rules are written once, for half-width digits, ``%`` and ASCII punctuation; reports arrive with
full-width digits (１２３), ``％``, ideographic spaces and full-width commas. Normalizing first keeps
the rules small, but facts must point into the text we were *given* (the stored ``report.txt``), so
every normalized index maps back to an original index.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

# Circled numerals (①…⑳) number list items; NFKC makes them bare digits, which would glue the item
# number to the text (①全年受理… → 1全年受理…). Written as (1) … (20), they stay list markers.
_LIST_NUMERALS = {chr(0x2460 + n): f"({n + 1})" for n in range(20)}


@dataclass(frozen=True)
class NormalizedText:
    """The normalized text and, per normalized character, the original index it came from."""

    original: str
    text: str
    # None when normalization changed nothing (the common case): indexes are then identical.
    _origin: array | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized half-open span [start, end) to the original text's span."""
        if self._origin is None:
            return start, end
        origin = self._origin
        o_start = origin[start] if start < len(origin) else len(self.original)
        if end <= start:
            return o_start, o_start
        # The end is one past the original index of the last normalized character, extended over
        # every original character that produced it (a ligature expands, never the reverse here).
        last = origin[end - 1]
        if last < o_start:
            # Columns put back in reading order (``columns``): the span's characters are not in
            # the original's order, so its evidence covers all of them.
            span = origin[start:end]
            return min(span), max(span) + 1
        o_end = last + 1
        return o_start, o_end


def normalize(text: str) -> NormalizedText:
    """NFKC-normalize character by character so offsets stay mappable.

    Per-character NFKC equals whole-string NFKC for everything that matters here (width forms,
    compatibility digits and punctuation); combining sequences are rare in government prose.
    """
    if unicodedata.is_normalized("NFKC", text):
        return NormalizedText(text, text, None)
    # Only the distinct characters that NFKC changes need work; the runs between them are copied.
    changing = _changing(text)
    if not changing:
        return NormalizedText(text, text, None)
    pattern = re.compile("[" + "".join(re.escape(c) for c in changing) + "]")
    if all(len(mapped) == 1 for mapped in changing.values()):
        # One character for one (width forms, the common case): the origin is the identity, copied
        # from a shared array instead of extended run by run.
        return NormalizedText(text, pattern.sub(lambda m: changing[m.group()], text), _identity(len(text)))
    parts: list[str] = []
    origin = array("l")
    pos = 0
    for match in pattern.finditer(text):
        index = match.start()
        if index > pos:
            parts.append(text[pos:index])
            origin.extend(range(pos, index))
        mapped = changing[text[index]]
        parts.append(mapped)
        origin.extend([index] * len(mapped))
        pos = index + 1
    if pos < len(text):
        parts.append(text[pos:])
        origin.extend(range(pos, len(text)))
    return NormalizedText(text, "".join(parts), origin)


# Characters seen before, by whether NFKC changes them: a document's distinct characters are
# mostly known after the first few reports, so a set difference (C speed) leaves few to look up.
# Both stay small: bounded by the characters government reports use.
_STABLE: set[str] = set()
_CHANGED: dict[str, str] = {}
# ASCII and CJK unified ideographs (most of a report) are NFKC-stable: only the other characters are
# collected (C speed), where ``set(text)`` would make a string object per character.
_CANDIDATE = re.compile(r"[^\x00-\x7f\u4e00-\u9fff]")


def _changing(text: str) -> dict[str, str]:
    """The distinct characters of ``text`` that NFKC changes, each with its replacement."""
    unseen = set(_CANDIDATE.findall(text)) - _STABLE
    for c in unseen.difference(_CHANGED):
        if (m := unicodedata.normalize("NFKC", c)) == c:
            _STABLE.add(c)
        else:
            _CHANGED[c] = _LIST_NUMERALS.get(c) or m
    return {c: _CHANGED[c] for c in unseen if c in _CHANGED}


_IDENTITY = array("l")


def _identity(n: int) -> array:
    """A fresh array 0, 1, …, n-1 (a slice of a shared one: a copy, so callers may keep it)."""
    global _IDENTITY
    if len(_IDENTITY) < n:
        _IDENTITY = array("l", range(max(n, 2 * len(_IDENTITY))))
    return _IDENTITY[:n]
