"""Two-column page layouts flattened line by line: put each column back in reading order.

A PDF page set in two columns (a report printed as a leaflet, a bulletin) reaches us as lines that
hold a piece of the left column, a run of spaces, then a piece of the right column:

    （二）推进依法决策。严格落实重大行        申请人的行政复议案件9件。

Read as is, every sentence is cut in two and glued to a piece of another one (收到行政复议申请 /
174件 land on different lines, with the left column's words between). Here a *block* of such lines
is recognised by its shape alone — one gap of spaces per line, the right column starting at the
same display column on every line, both halves running prose — and rewritten as the left column's
lines followed by the right column's. Blocks end at a page's furniture or a blank line, so the
order is page by page, left then right, as a reader reads it.

Every character keeps its origin (``NormalizedText``): a fact's evidence still points into the
text we were given, where it spans the interleaved lines. Display widths are read from the original
characters (full-width brackets are two columns wide there, whatever NFKC made of them).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

from scrapers.extract.normalize import NormalizedText

_GAP = re.compile(r"[ \u3000\xa0]{3,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PUNCT = re.compile(r"[,，。、;；:：]")
_SPLIT_LINE = re.compile(r"(?m)^[ \u3000\xa0]*\S[^\n]*?\S[ \u3000\xa0]{3,}\S")
_MIN_COLUMN = 24  # display columns before the right column starts (a narrower split is a table)
_TOLERANCE = 2  # display columns the right column's start may drift (a justified line, a bracket)
_MIN_ROWS = 3  # two-part lines a block needs
_LEFT_FULL = 0.6  # a left half fills most of its column (label | value tables do not)


@dataclass(frozen=True)
class _Line:
    start: int  # normalized index of the first character of content
    end: int  # normalized index after the last character of content
    kind: str  # both | left | right | blank
    column: int = 0  # display column where the right half starts (both, right)
    width: int = 0  # display width of the left half (both, left)
    gap_start: int = 0  # normalized index where the gap between the halves starts (both)
    right_start: int = 0  # normalized index of the right half's first character (both, right)
    newline: int = -1  # normalized index of the line's newline (-1 at the end of the text)


def split_columns(norm: NormalizedText, start: int = 0) -> NormalizedText:
    """``norm`` with two-column blocks after ``start`` rewritten column by column (origins kept)."""
    text = norm.text
    if len(_SPLIT_LINE.findall(text, start)) < _MIN_ROWS:
        return norm  # most texts: no line holds two pieces apart, nothing to measure
    widths = _Widths(norm)
    lines: list[_Line] = []
    pos = text.rfind("\n", 0, start) + 1
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        lines.append(_shape(text, pos, end, nl, widths))
        if nl == -1:
            break
        pos = nl + 1
    blocks = _blocks(text, lines)
    if not blocks:
        return norm
    return _rewrite(norm, lines, blocks)


class _Widths:
    """Display width of normalized spans, measured on the original characters."""

    def __init__(self, norm: NormalizedText) -> None:
        self.norm = norm

    def of(self, a: int, b: int) -> int:
        origin = self.norm._origin
        original = self.norm.original
        total = 0
        for i in range(a, b):
            char = original[origin[i]] if origin is not None else original[i]
            total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        return total


def _shape(text: str, a: int, b: int, nl: int, widths: _Widths) -> _Line:
    """What a line holds: both halves, only a left or a right one, or nothing."""
    while b > a and text[b - 1] in " \t\r\u3000\xa0":
        b -= 1
    content = a
    while content < b and text[content] in " \u3000\xa0":
        content += 1
    if content >= b or "\t" in text[a:b]:
        return _Line(content, b, "blank", newline=nl)
    lead = widths.of(a, content)
    if lead >= _MIN_COLUMN:
        return _Line(content, b, "right", column=lead, right_start=content, newline=nl)
    gaps = list(_GAP.finditer(text, content, b))
    if len(gaps) > 1:
        return _Line(content, b, "blank", newline=nl)  # three or more cells: a table row
    if not gaps:
        return _Line(content, b, "left", width=widths.of(a, b), newline=nl)
    gap = gaps[0]
    return _Line(content, b, "both", column=widths.of(a, gap.end()), width=widths.of(a, gap.start()),
                 gap_start=gap.start(), right_start=gap.end(), newline=nl)


def _blocks(text: str, lines: list[_Line]) -> list[tuple[int, int]]:
    """Runs [i, j) of lines laid out in two columns (see the module docstring)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        first = lines[i]
        if first.kind != "both" or first.column < _MIN_COLUMN:
            i += 1
            continue
        column = first.column
        j = i + 1
        while j < len(lines) and _fits(lines[j], column):
            j += 1
        if _is_two_columns(text, lines[i:j], column):
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _fits(line: _Line, column: int) -> bool:
    if line.kind in ("both", "right"):
        return abs(line.column - column) <= _TOLERANCE
    if line.kind == "left":
        return line.width <= column - _TOLERANCE
    return False


def _is_two_columns(text: str, block: list[_Line], column: int) -> bool:
    """Enough two-part lines, left halves filling their column, both halves running prose (a
    space-aligned table of labels and values must stay a table: reordering it would part them)."""
    both = [line for line in block if line.kind == "both"]
    if len(both) < _MIN_ROWS:
        return False
    full = sum(1 for line in both if line.width >= _LEFT_FULL * column)
    prose = sum(1 for line in both if len(_CJK.findall(text, line.start, line.gap_start)) >= 4
                and len(_CJK.findall(text, line.right_start, line.end)) >= 2)
    # Wrapped prose carries its punctuation on both sides; a label column (收到行政复议申请 | …) does not.
    punctuated = sum(1 for line in both if _PUNCT.search(text, line.start, line.gap_start))
    # Paragraph ends and headings leave short left halves: a third of the lines full is a column.
    return full * 3 >= len(both) and prose * 2 >= len(both) and punctuated * 3 >= len(both)


def _rewrite(norm: NormalizedText, lines: list[_Line], blocks: list[tuple[int, int]]) -> NormalizedText:
    text = norm.text
    origin = norm._origin

    def origins(a: int, b: int) -> array:
        return array("l", origin[a:b] if origin is not None else range(a, b))

    parts: list[str] = []
    kept = array("l")
    pos = 0
    for i, j in blocks:
        block = lines[i:j]
        begin = block[0].start
        finish = block[-1].end
        parts.append(text[pos:begin])
        kept.extend(origins(pos, begin))
        left = [(line.start, line.gap_start if line.kind == "both" else line.end, line.newline)
                for line in block if line.kind in ("both", "left")]
        right = [(line.right_start, line.end, line.newline)
                 for line in block if line.kind in ("both", "right")]
        pieces = [*left, *right]
        for index, (a, b, nl) in enumerate(pieces):
            while b > a and text[b - 1] in " \u3000\xa0":
                b -= 1
            parts.append(text[a:b])
            kept.extend(origins(a, b))
            if index + 1 < len(pieces):
                parts.append("\n")
                anchor = nl if nl >= 0 else b - 1
                kept.append(origin[anchor] if origin is not None else anchor)
        pos = finish
    parts.append(text[pos:])
    kept.extend(origins(pos, len(text)))
    return NormalizedText(norm.original, "".join(parts), kept)
