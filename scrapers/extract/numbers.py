"""The number grammar: how figures are written in Chinese government prose.

Finds every *figure* in NFKC-normalized text (see ``normalize``) with its value, unit, qualifier
and kind, and nothing that merely looks like one: dates (2021年, 5月7日), document numbers
(〔2021〕13号, 第14343号), hotline names (12345热线), ordinals (第三) and slogans (一次办好, 一网通办)
are not figures. Whether a figure belongs to a metric is decided later (``metrics``); this module
only reads numbers.

Values are the number written, scaled by 万/亿 (``3.6万件`` → 36000): ``2000多人`` is 2000 with
qualifier ``at_least``. A percentage is kind ``percent``; ``个百分点`` is kind ``points`` (a
difference, never a rate); 元/万元 is kind ``money`` (never a count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from scrapers.records import Qualifier

Kind = Literal["count", "percent", "points", "money", "bare"]

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

# Count units, longest first so 人次 wins over 人. Anything else after a number is not a count unit.
COUNT_UNITS = ("人次", "件次", "余件", "件", "起", "宗", "个", "人", "名", "位", "次", "通", "处", "家",
               "条", "份", "项", "单", "例", "场", "所", "间", "篇", "批", "户", "元")
_UNIT_RE = "人次|件次|件|起|宗|个|人|名|位|次|通|处|家|条|份|项|单|例|场|所|间|篇|批|户"

_PREFIX_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("差不多", "approx"), ("大约", "approx"), ("将近", "approx"), ("接近", "approx"),
    ("约", "approx"), ("近", "approx"),
    ("超过", "at_least"), ("突破", "at_least"), ("逾", "at_least"), ("超", "at_least"),
    ("多于", "at_least"), ("不少于", "at_least"),
    ("不足", "at_most"), ("不到", "at_most"), ("不超过", "at_most"), ("少于", "at_most"),
)
_SUFFIX_QUALIFIERS: dict[str, Qualifier] = {
    "余": "at_least", "多": "at_least", "以上": "at_least", "左右": "approx", "以内": "at_most",
    "以下": "at_most",
}

# Thousands separated by a comma, or by a space when a unit follows (128 640件, 5 200余人; 调解员
# 2 316 人 in PDF text that sets figures apart; never in a row of table cells "120 260", which a
# digit precedes).
_ARABIC = (r"(?:\d{1,3}(?:[,，]\d{3})+(?!\d)"
           r"|(?:(?<![\d ])|(?<=[\u4e00-\u9fff] ))"
           r"\d{1,3}(?: \d{3})+(?=\s?[万亿]?(?:余|多)?(?:件|个|人|名|次|通|起|宗|条|例|%))"
           r"|\d+)(?:[.·]\d+)?")
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"

# One figure: prefix 百分之, the number, an optional scale, 余/多, a unit or a percent sign, a suffix.
_FIGURE_RE = re.compile(
    r"(?P<pct_cn>百分之)?"
    r"(?:(?P<arabic>" + _ARABIC + r")|(?P<chinese>" + _CHINESE + r"))"
    r"(?P<scale> ?[万亿](?![元]))?"
    r"(?P<approx1>余|多)?"
    # A space may stand before the unit, as before %: PDF text sets figures apart (组织 418 个).
    r"(?:(?P<percent> ?%)|(?P<points>个百分点)|(?P<money>(?:万|亿|千)?元)|(?: ?(?P<unit>" + _UNIT_RE + r")))?"
    r"(?P<suffix>以上|左右|以内|以下)?"
)

# What may not precede or follow a figure for it to be one.
_DATE_OR_CODE_AFTER = re.compile(r"\s?(?:年|月|日|号|时|点(?!\d)|周年|周岁|岁|分钟|小时|天|届|期|版|"
                                 r"政务|便民|热线|市民|平台|专线|服务热线|G|K|米|平方|公里|吨|亩|度|级|星)")
_SLOGAN_AFTER = re.compile(r"(?:办|窗|网|链|门|站|证|表|单|码|岗|村|标|次性|事一|张清单|统一|公开|"
                           r"集中|到位|项制度|个清单|个一|大|中全会|五|三五|四五)")


@dataclass(frozen=True)
class Figure:
    """A number as written: ``start``/``end`` cover it with its unit and qualifier words."""

    value: float
    kind: Kind
    unit: str | None
    qualifier: Qualifier
    start: int
    end: int
    number_start: int  # where the digits begin (after any prefix qualifier)


def parse_chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral (一百二十七, 两千, 三点五, 十, 2万 is not handled here).

    Returns None when the characters do not form a well-formed numeral.
    """
    if not text:
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        whole_value = parse_chinese_number(whole) if whole else 0.0
        if whole_value is None or not frac or any(c not in _CN_DIGITS for c in frac):
            return None
        digits = "".join(str(_CN_DIGITS[c]) for c in frac)
        return whole_value + float("0." + digits)
    # Plain digit strings (二〇二一) read digit by digit.
    if all(c in _CN_DIGITS for c in text):
        if len(text) == 1:
            return float(_CN_DIGITS[text])
        return float("".join(str(_CN_DIGITS[c]) for c in text))
    total = 0
    section = 0  # below 万
    digit: int | None = None
    last_small = 10_000
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[char] != 0 and digit != 0:
                return None  # two digits in a row (一二十) is not a numeral
            digit = _CN_DIGITS[char]
        elif char in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[char]
            if unit >= last_small:
                return None
            section += (digit if digit not in (None, 0) else 1) * unit
            digit = None
            last_small = unit
        elif char in _CN_BIG_UNITS:
            big = _CN_BIG_UNITS[char]
            section += digit or 0
            if section == 0:
                section = 1
            total = (total + section) * big if big > 10_000 else total + section * big
            section = 0
            digit = None
            last_small = 10_000
        else:
            return None
    return float(total + section + (digit or 0))


def _arabic_value(raw: str) -> float:
    return float(raw.replace(",", "").replace("，", "").replace(" ", "").replace("·", "."))


def _prefix_qualifier(text: str, start: int) -> tuple[Qualifier | None, int]:
    window = text[max(0, start - 3):start]
    for word, qualifier in _PREFIX_QUALIFIERS:
        if window.endswith(word):
            # 不超过 ends with 超过: the longer word is listed later only when it must win.
            if word == "超过" and window.endswith("不超过"):
                return "at_most", start - 3
            return qualifier, start - len(word)
    return None, start


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` (NFKC-normalized), in order, non-overlapping."""
    figures: list[Figure] = []
    for match in _FIGURE_RE.finditer(text):
        if match.group("chinese") is not None and match.group("unit") is None and (
                match.group("pct_cn") is None):
            continue  # Chinese numerals count only as counts or percentages (most matches: 一是, 两个)
        figure = _figure_from_match(text, match)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure_from_match(text: str, match: re.Match[str]) -> Figure | None:
    start, end = match.span()
    arabic, chinese = match.group("arabic"), match.group("chinese")
    before = text[start - 1] if start > 0 else ""
    after = text[end:end + 6]
    pct_cn = match.group("pct_cn") is not None
    scale = (match.group("scale") or "").strip()
    unit = match.group("unit")
    approx_word = match.group("approx1")
    if arabic is not None:
        if before.isascii() and (before.isalnum() or before in "._-/") and before != "":
            return None  # part of a code, URL, version or a damaged longer number
        if before in "〔[第(（" and before != "" and not _looks_like_count(match):
            return None  # document numbers and ordinals
        if before == "第":
            return None
        if not scale and not match.group("percent") and not unit and _DATE_OR_CODE_AFTER.match(
                text, match.end("arabic")):
            return None
        value = _arabic_value(arabic)
    else:
        assert chinese is not None
        # Chinese numerals are figures only as counts or percentages; slogans use them freely.
        if before and before in "第周星":
            return None
        if chinese.endswith(("万", "亿")) and not scale:
            scale = chinese[-1]
            chinese = chinese[:-1]
            if not chinese:
                chinese = "一"
        value_cn = parse_chinese_number(chinese)
        if value_cn is None:
            return None
        if not pct_cn and not unit:
            return None
        if unit and not pct_cn:
            single = len(match.group("chinese")) == 1
            if single and _SLOGAN_AFTER.match(text, end):
                return None
            if single and after[:1] and ("\u4e00" <= after[:1] <= "\u9fff") and not approx_word:
                return None  # 一件事, 两个责任: a one-character numeral followed by a noun
        value = value_cn
    if scale:
        value *= 10_000 if scale == "万" else 100_000_000
    qualifier: Qualifier = "exact"
    prefix_qualifier, figure_start = _prefix_qualifier(text, start)
    if approx_word:
        qualifier = _SUFFIX_QUALIFIERS[approx_word]
    suffix = match.group("suffix")
    if suffix:
        qualifier = _SUFFIX_QUALIFIERS[suffix]
    if prefix_qualifier is not None:
        qualifier = prefix_qualifier
    else:
        figure_start = start
    kind: Kind
    if match.group("percent") or pct_cn:
        kind = "percent"
    elif match.group("points"):
        kind = "points"
    elif match.group("money"):
        kind = "money"
    elif unit:
        kind = "count"
    else:
        kind = "bare"
    number_start = start + (3 if pct_cn else 0)
    unit_out = unit if kind == "count" else None
    if kind == "percent" and arabic is None and not pct_cn:
        return None
    return Figure(value=_clean(value), kind=kind, unit=unit_out, qualifier=qualifier,
                  start=figure_start, end=end, number_start=number_start)


def _looks_like_count(match: re.Match[str]) -> bool:
    return bool(match.group("unit") or match.group("percent"))


def _clean(value: float) -> float:
    """Round away float noise (0.1 + 0.2) without losing written precision."""
    return round(value, 6)
