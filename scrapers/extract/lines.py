"""Line breaks of PDF text: rejoin a sentence split across lines, drop page furniture.

Text taken from a PDF breaks lines where the page ends, in the middle of a sentence and even of a
word (行政复\\n议). Read as is, the break ends the sentence and the figure loses its subject. Here a
line is joined to the next when it is running prose that does not end with sentence punctuation
and the next line does not open a heading, a list item or a table row; page furniture lines
(— 3 —, - 3 -, 第 3 页 共 8 页, 3/8, and a lone page number between two halves of a sentence) are
dropped. Everything is a deletion on the normalized text, so every character left keeps its
origin: a fact's evidence is mapped back to the original text, where it simply spans the break.
The one move: a sentence's tail set below whole paragraphs a layout dropped into it goes back after
the line it completes first (``_restore_displaced``), its characters keeping their origins.

Lines before ``start`` (the title and metadata block) are never touched; table rows (tabs, pipes,
aligned columns) and lines of bare numbers (section 四 of OGI reports) are never joined.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter

from scrapers.extract.normalize import NormalizedText

# Page furniture that can never be content: a page number between dashes, 第N页(共M页), N/M.
_FURNITURE = re.compile(
    r"[-—–―~﹣]{1,3}\s*\d{1,4}\s*[-—–―~﹣]{1,3}"
    r"|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,/]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)
# A lone page number: dropped only between two halves of a sentence.
_LONE_NUMBER = re.compile(r"\d{1,3}")
# Sentence punctuation at a line's end (possibly before closing quotes or brackets), or a colon.
_TERMINAL = re.compile(r"[。!?;…:][\"'”’」』)\]】》]*$")
# A line opening a heading, a list item, a note or a table caption.
_OPENER = re.compile(
    r"(?:[一二三四五六七八九十]+\s*[、.]"
    r"|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)"
    r"|\d{1,2}\s*[、.](?!\d)"
    r"|第[一二三四五六七八九十\d]+[部分章节条项]"
    r"|(?:其)?[一二三四五六七八九十]+是"
    r"|附件|附表|注\s*:|表\s*\d|[●■◆▪•※★☆→-])"
)
_TABLE_ROW = re.compile(r"\t|\||\S {2,}\S|\u3000")
# A label and its value (调解员：563人, 满意率：96.3%): a list line, complete in itself.
_LABEL_VALUE = re.compile(r":\s*[\d.,]+\s*[^\d\s]{0,3}$")
_PROSE_PUNCT = re.compile(r"[,，。;:、]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEAD_MAX = 40  # characters of a running header or footer line
_HEAD_MIN_CJK = 6  # Chinese characters it holds at least (a title, an organ's name)
_MIN_OPEN = 8  # characters of a line that continues on the next one (headings and labels are shorter)


def unwrap_lines(norm: NormalizedText, start: int = 0) -> NormalizedText:
    """``norm`` with soft line breaks and page furniture after ``start`` deleted (origins kept)."""
    norm = _restore_displaced(norm, start)
    text = norm.text
    if "\n" not in text[start:]:
        return norm
    lines: list[tuple[int, int, str]] = []  # (start, end without the newline, stripped content)
    pos = text.rfind("\n", 0, start) + 1
    while pos <= len(text):
        end = text.find("\n", pos)
        if end == -1:
            end = len(text)
        lines.append((pos, end, text[pos:end].strip(" \t\r\xa0")))
        pos = end + 1
    removed = [bool(c) and _FURNITURE.fullmatch(c) is not None for _a, _b, c in lines]
    _drop_running_heads(text, lines, removed)
    for i, (_a, _b, content) in enumerate(lines):
        if _LONE_NUMBER.fullmatch(content):
            before = _neighbour(lines, removed, i, -1)
            after = _neighbour(lines, removed, i, 1)
            if before is not None and after is not None and _is_open(lines[before][2]) and _continues(
                    lines[after][2]):
                removed[i] = True
    deletions: list[tuple[int, int]] = []
    previous: int | None = None  # the last kept non-blank line
    gap_removed = gap_blank = False
    for i, (a, b, content) in enumerate(lines):
        if removed[i]:
            gap_removed = True
            continue
        if not content:
            gap_blank = True
            continue
        if previous is not None:
            p_start, p_end, p_content = lines[previous]
            paragraph_break = gap_blank and not gap_removed
            if not paragraph_break and _is_open(p_content) and _continues(content):
                cut = p_start + text[p_start:p_end].rstrip(" \t\r\xa0").__len__()
                deletions.append((cut, a + (len(text[a:b]) - len(text[a:b].lstrip(" \t\r\xa0")))))
            elif gap_removed:
                deletions.append((p_end + 1, a))  # the furniture and blank lines between them
        previous, gap_removed, gap_blank = i, False, False
    if gap_removed and previous is not None:
        deletions.append((lines[previous][1], len(text)))
    if not deletions:
        return norm
    return _delete(norm, deletions)


def _drop_running_heads(text: str, lines: list[tuple[int, int, str]], removed: list[bool]) -> None:
    """Mark running headers and footers: a short line repeated in the text, next to a page number.

    西湖区2022年度法治政府建设报告 printed atop every page lands between the halves of a sentence
    cut by the page break (全区223个人 / — 1 — / 西湖区…报告 / 民调解组织…): it goes like the page
    number, so the sentence is joined again. A line met once, or far from page furniture, stays.
    """
    if not any(removed):
        return
    counts = Counter(line.strip() for line in text.split("\n") if 0 < len(line.strip()) <= _HEAD_MAX)
    for i, (_a, _b, content) in enumerate(lines):
        if removed[i] or len(_CJK.findall(content)) < _HEAD_MIN_CJK or counts.get(content, 0) < 2 or (
                "。" in content):
            continue  # a table's cells (0, 结果) repeat too: a header names the document
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j][2]:
                j += step
            if 0 <= j < len(lines) and removed[j] and _FURNITURE.fullmatch(lines[j][2]):
                removed[i] = True
                break


# How many whole paragraphs a layout may drop between a line and its displaced continuation.
_DISPLACED_MAX = 15
_INDENT = re.compile(r"[ \t\u3000\xa0]{2,}")
_FIGURE_START = re.compile(r"\d")


def _restore_displaced(norm: NormalizedText, start: int) -> NormalizedText:
    """Move a paragraph's displaced tail back after the line it completes (origins kept).

    In indented prose a page layout sometimes drops whole paragraphs (a text box, a boxed aside)
    between a line that stops mid-word (…其中维持) and the rest of its sentence, which then stands
    unindented after them (148件，撤销…39件，纠错率16.3%。): every paragraph between is indented
    and complete, the tail is not indented and opens with a figure. Read in place, the figure loses
    its subject and the line before it runs into another paragraph. The tail is moved right after
    the open line (the ordinary unwrap then joins them); nothing else changes. The origins follow
    the moved characters, so an evidence spanning the move covers the text between in the original.
    """
    text = norm.text
    lines: list[tuple[int, int]] = []
    pos = text.rfind("\n", 0, start) + 1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        if text[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    moves: list[tuple[int, int]] = []  # (open line index, tail line index)
    i = 0
    while i < len(lines):
        a, b = lines[i]
        content = text[a:b].strip(" \t\r\xa0\u3000")
        if not (_INDENT.match(text, a) and _is_open(content) and _CJK.match(content[-1])):
            i += 1
            continue
        k = i + 1
        while k < len(lines) and k - i <= _DISPLACED_MAX + 1:
            ka, kb = lines[k]
            inner = text[ka:kb].strip(" \t\r\xa0\u3000")
            if not _INDENT.match(text, ka):
                break
            if not _TERMINAL.search(inner) or _OPENER.match(inner) or _table_like(inner):
                k = len(lines)
                break
            k += 1
        if (i + 1 < k < len(lines) and k - i <= _DISPLACED_MAX + 1
                and _FIGURE_START.match(text, lines[k][0]) and _PROSE_PUNCT.search(text, *lines[k])
                and _TERMINAL.search(text[lines[k][0]:lines[k][1]].rstrip())):
            moves.append((i, k))
            i = k + 1
            continue
        i += 1
    if not moves:
        return norm
    origin = norm._origin

    def origins(x: int, y: int) -> array:
        return array("l", origin[x:y] if origin is not None else range(x, y))

    parts: list[str] = []
    kept = array("l")
    pos = 0
    for i, k in moves:
        open_end = lines[i][1]
        tail_start, tail_end = lines[k]
        parts.append(text[pos:open_end] + "\n" + text[tail_start:tail_end])
        kept.extend(origins(pos, open_end))
        kept.append(origin[open_end] if origin is not None else open_end)
        kept.extend(origins(tail_start, tail_end))
        parts.append(text[open_end:tail_start - 1])  # the paragraphs between, without their last newline
        kept.extend(origins(open_end, tail_start - 1))
        pos = tail_end
    parts.append(text[pos:])
    kept.extend(origins(pos, len(text)))
    return NormalizedText(norm.original, "".join(parts), kept)


def _neighbour(lines: list[tuple[int, int, str]], removed: list[bool], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and (removed[j] or not lines[j][2]):
        j += step
    return j if 0 <= j < len(lines) else None


def _is_open(content: str) -> bool:
    """Running prose that stops mid-sentence at the line's end."""
    if len(content) < _MIN_OPEN or _TERMINAL.search(content):
        return False
    opener = _OPENER.match(content)
    if opener and not _PROSE_PUNCT.search(content, opener.end()):
        # A heading on its own line (the 、 of 一、 is its marker); （三）畅通渠道。全年受理… runs on.
        return False
    if _table_like(content) or _LABEL_VALUE.search(content):
        return False
    if content[-1] in ",、":
        return True  # 174件,受理161件,办结158件, — figures, but the sentence runs on past the comma
    if _CJK.match(content[-1]) and _PROSE_PUNCT.search(content):
        # 理96件（2018年同期受理81件），审 / 结91件: prose dense with figures, cut inside a word.
        return True
    return len(_CJK.findall(content)) * 2 >= len(content)


def _continues(content: str) -> bool:
    """A line that may continue the previous one: not a heading, list item, table row or bare number."""
    if _OPENER.match(content) or _table_like(content):
        return False
    return not re.fullmatch(r"[\d.,%\s]+", content)


def _table_like(content: str) -> bool:
    """A table row: tabs, pipes, aligned columns, or short words and numbers split by single spaces."""
    if _TABLE_ROW.search(content):
        return True
    if " " not in content or _PROSE_PUNCT.search(content):
        return False
    return all(len(token) <= 12 for token in content.split())


def _delete(norm: NormalizedText, deletions: list[tuple[int, int]]) -> NormalizedText:
    text = norm.text
    segments: list[tuple[int, int]] = []
    pos = 0
    for a, b in deletions:
        if a > pos:
            segments.append((pos, a))
        pos = max(pos, b)
    segments.append((pos, len(text)))
    origin = norm._origin
    kept = array("l")
    for a, b in segments:
        kept.extend(origin[a:b] if origin is not None else range(a, b))
    return NormalizedText(norm.original, "".join(text[a:b] for a, b in segments), kept)
