"""The number grammar: values, scaling, qualifiers, kinds, and what is not a figure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrapers.extract.normalize import normalize
from scrapers.extract.numbers import find_figures, parse_chinese_number


def _one(text: str):
    figures = find_figures(normalize(text).text)
    assert len(figures) == 1, f"{text!r}: {figures}"
    return figures[0]


@pytest.mark.parametrize(("text", "value", "kind", "unit", "qualifier"), [
    ("受理32854件。", 32854, "count", "件", "exact"),
    ("受理12,345件。", 12345, "count", "件", "exact"),
    ("受理12，345件。", 12345, "count", "件", "exact"),
    ("受理１２３件。", 123, "count", "件", "exact"),
    ("满意率９８．６％。", 98.6, "percent", None, "exact"),
    ("满意率98.6%。", 98.6, "percent", None, "exact"),
    ("受理3.6万件。", 36000, "count", "件", "exact"),
    ("事项总数14.2万。", 142000, "bare", None, "exact"),
    ("受理14.2 万件。", 142000, "count", "件", "exact"),
    ("共2000多人。", 2000, "count", "人", "at_least"),
    ("服务100余次。", 100, "count", "次", "at_least"),
    ("发布2.5万余条。", 25000, "count", "条", "at_least"),
    ("约300件。", 300, "count", "件", "approx"),
    ("近千次。", 1000, "count", "次", "approx"),
    ("超过500人。", 500, "count", "人", "at_least"),
    ("突破166万。", 1660000, "bare", None, "at_least"),
    ("不足50件。", 50, "count", "件", "at_most"),
    ("不超过50件。", 50, "count", "件", "at_most"),
    ("50件左右。", 50, "count", "件", "approx"),
    ("99%以上。", 99, "percent", None, "at_least"),
    ("一百二十七件。", 127, "count", "件", "exact"),
    ("两千人。", 2000, "count", "人", "exact"),
    ("百余篇。", 100, "count", "篇", "at_least"),
    ("百分之九十八点六。", 98.6, "percent", None, "exact"),
    ("提高2.3个百分点。", 2.3, "points", None, "exact"),
    ("金额855.6万元。", 855.6, "money", None, "exact"),
    ("经费120元。", 120, "money", None, "exact"),
])
def test_figures(text: str, value: float, kind: str, unit: str | None, qualifier: str) -> None:
    figure = _one(text)
    assert (figure.value, figure.kind, figure.unit, figure.qualifier) == (value, kind, unit, qualifier)


@pytest.mark.parametrize("text", [
    "2021年12月31日", "第14343号", "〔2021〕13号", "12345政务服务便民热线", "一次办结", "一网通办",
    "十九届五中全会", "一是梳理", "三张清单", "两集中、两到位", "第三次", "G20", "5G基站", "一件事一次办",
])
def test_not_figures(text: str) -> None:
    figures = [f for f in find_figures(normalize(text).text) if f.kind in ("count", "percent")]
    assert figures == [], f"{text!r} gave {figures}"


@pytest.mark.parametrize(("text", "value"), [
    ("零", 0), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一千零一", 1001),
    ("三万五千", 35000), ("一亿两千万", 120_000_000), ("三点五", 3.5), ("二〇二一", 2021),
])
def test_parse_chinese_number(text: str, value: float) -> None:
    assert parse_chinese_number(text) == value


def test_parse_chinese_number_rejects_garbage() -> None:
    assert parse_chinese_number("一二十") is None
    assert parse_chinese_number("百百") is None
    assert parse_chinese_number("") is None


_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """A straightforward reference spelling (一百零五, 三千零二十, 一万二千三百) for property tests."""
    if n == 0:
        return "零"
    out = []
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")]
    zero_pending = False
    for size, name in units:
        digit, n = divmod(n, size)
        if size == 10000 and digit:
            out.append(_to_chinese(digit) + "万")
            continue
        if digit:
            if zero_pending and out:
                out.append("零")
            out.append(_DIGITS[digit] + name)
            zero_pending = False
        elif out:
            zero_pending = True
    return "".join(out)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_roundtrip(n: int) -> None:
    assert parse_chinese_number(_to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["件", "起", "人", "个"]))
def test_arabic_counts_with_separators(n: int, unit: str) -> None:
    plain = _one(f"共{n}{unit}。")
    grouped = _one(f"共{n:,}{unit}。")
    full_width = _one("共" + "".join(chr(ord(c) + 0xFEE0) for c in str(n)) + unit + "。")
    assert plain.value == grouped.value == full_width.value == n
    assert plain.unit == unit


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=9))
def test_percent_decimal(whole: int, tenth: int) -> None:
    figure = _one(f"满意率{whole}.{tenth}%。")
    assert figure.kind == "percent"
    assert figure.value == pytest.approx(whole + tenth / 10)
