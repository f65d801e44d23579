"""Which period a figure refers to: the report year, another full year, or something else.

A figure for a month, a half-year, 1–N月, a cumulative stretch (自2016年以来, 五年来) or a
comparison base (较上年的N件) must never be stored as the report year's value. Such figures are
dropped; a figure stated for another *full* year (2020年受理…) keeps that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Partial-year periods in the text before a figure (same sentence); 1—12月 is the whole year, and a
# year before the months does not make them whole (今年1-2月, 2023年1—11月).
_PARTIAL = re.compile(
    r"上半年|下半年|[一二三四1-4]季度|前三季度|(?<!\d)(?!1\s?[-—~至到]\s?12月)(?:1[0-2]|[1-9])\s?[-—~至到]\s?(?:1[0-2]|[1-9])月"
    r"|(?<![\d至到\-—~])(?:1[0-2]|[1-9]|[一二三四五六七八九十]|十[一二])月份"
    r"|(?<![\d至到\-—~])(?:1[0-2]|[1-9])月(?![\d底末份]|\s?\d{1,2}日)"
    r"|截至(?:\d{4}年)?(?:[1-9]|1[01])月(?:底|末|\d{1,2}日)?"
    r"|本月|当月|上月|同月"
)
# Several years at once.
_MULTI_YEAR = re.compile(
    r"(?:\d{4}年[^,。;]{0,8}?|[一二三四五六七八九十两几多]+年|十[二三四]五|建区|建市|成立|开展|实施|开通)以来"
    r"|(?<!\d)(?:[一二三四五六七八九十两几多近]+|\d{1,2})年(?:来|间)|历年|多年来|近年来"
    r"|\d{4}(?:年度?)?\s?[-—~至到]\s?\d{4}年"
    r"|十[二三四]五[\"”」』]?\s*期间"
)
# A comparison base right before the figure: the previous year's level, not this year's.
_COMPARISON = re.compile(r"较上年|比上年|上年同期|去年同期|较去年|比去年|上一年度?|上年度|较\d{4}年|比\d{4}年"
                         r"|同比(?:增加|减少|增长|下降|上升|提高|降低|缩减|多|少)|环比")
# Since the start of this year: the whole year only once the year is over, so a document dated within
# its report year (a news item of 11月) reports part of it (今年以来，共调解纠纷438起).
# 今年已办结…58件 in such an item is the same stretch: the year so far.
_TO_DATE = re.compile(r"今年以来|今年来|年初以来|入年以来|本年以来|本年度以来|今年(?:已|共|累计|截至)")
# 去年 in a document dated within its report year: the year before (去年全年，全区共调解…2,480件).
_LAST_YEAR = re.compile(r"去年|上一年度?|上年度?")
# A part of a sentence naming its own period (…；全年受理…, …；2023年审结…) is not scoped by the opening.
_OWN_PERIOD = re.compile(r"(?<!\d)(?:19|20)\d{2}\s?年|全年")
_OPENING_END = re.compile(r"[,，:：]")
_YEAR = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})\s?年(?!\d)")
_TITLE = re.compile(r"《[^》]*》|〔[^〕]*〕")
# A full year written right before the figure (提高到2020年的95.8%): it names the figure's period
# even inside a multi-year sentence (“十三五”期间，…由2016年的23.5%提高到2020年的95.8%).
_YEAR_RIGHT_BEFORE = re.compile(
    r"(?<![\d〔\[(\-—~较比与于])(?<!\d[至到])(?<!年[至到])((?:19|20)\d{2})\s?年度?(?:的|底|末|为|是)?\s*$")


@dataclass(frozen=True)
class Period:
    """The year of a figure (None = the report year) or a reason to drop it."""

    year: int | None
    drop_reason: str | None = None


def sentence_scope(text: str, context_start: int, end: int, to_date_partial: bool) -> str:
    """The partial period opening a sentence (今年1—10月，…；审结…), to scope all its parts.

    A period stated once at the head of a sentence governs every clause after it, across 、 and ；
    (今年1—10月，全市新收…；审结…，综合纠错率…), so each semicolon part reads it as its own.
    Returns the opening clause when it names a partial period, else "".
    """
    stop = _OPENING_END.search(text, context_start, end)
    opening = text[context_start:stop.start() if stop else end]
    if _PARTIAL.search(opening) or (to_date_partial and _TO_DATE.search(opening)):
        return opening
    return ""


def scoped_left(scope: str, sentence_left: str) -> str:
    """The text a figure's period is read from: its own sentence part, under the sentence's scope."""
    if not scope or _OWN_PERIOD.search(sentence_left):
        return sentence_left
    return f"{scope} {sentence_left}"


def period_of(sentence_left: str, local: str, report_year: int | None,
              comparison_ok: bool = False, to_date_partial: bool = False) -> Period:
    """Decide the period of a figure from the sentence text before it.

    ``sentence_left`` is the sentence up to the figure, ``local`` the figure's own local segment
    (its clause after any previous figure). Comparisons only count in the local segment: the base
    of a comparison is the figure right after 较上年. A year-on-year change (``comparison_ok``) is
    itself a comparison and is only checked for its period. ``to_date_partial``: the document is
    dated within its report year, so 今年以来 is part of the year.
    """
    if not comparison_ok and _COMPARISON.search(local):
        return Period(None, "comparison")
    right_before = _YEAR_RIGHT_BEFORE.search(local)
    if right_before:
        year = int(right_before.group(1))
        return Period(None if year == report_year else year)
    # Titles blanked out; most sentences hold none, and testing for the brackets is far cheaper.
    text = (_TITLE.sub(lambda m: " " * len(m.group(0)), sentence_left)
            if "《" in sentence_left or "〔" in sentence_left else sentence_left)
    if _MULTI_YEAR.search(text):
        return Period(None, "multi_year")
    if _PARTIAL.search(text) or (to_date_partial and _TO_DATE.search(text)):
        return Period(None, "partial_year")
    last_year = _LAST_YEAR.search(text) if to_date_partial and report_year is not None else None
    if last_year is not None and report_year is not None and not _YEAR.search(text, last_year.start()):
        return Period(report_year - 1)  # dated within the report year, 去年 is the year before
    years = [int(m.group(1)) for m in _YEAR.finditer(text)
             if text[max(0, m.start() - 1):m.start()] not in ("较", "比", "与", "于", "由", "从")]
    if years:
        year = years[-1]
        if report_year is None or year == report_year:
            return Period(None if report_year == year else year)
        return Period(year)
    return Period(None)
