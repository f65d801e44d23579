"""Tables written as text (``text_tables``): HTML through the parser, section 四, offsets, layouts.

The passages in ``passages.py`` (ids ``tab_*``, ``pipe_*``, ``space_*``) hold the exact expected
facts of each layout and its traps; these tests cover what passages cannot: real parser output,
the section-4 table not read twice, and offsets on arbitrary table-like text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from passages import T2023

from scrapers.extract import extract_document
from scrapers.extract.normalize import normalize
from scrapers.extract.text_tables import cell_value, find_text_tables
from scrapers.parse import parse_page


def _facts(text: str) -> set[tuple]:
    extraction = extract_document(text)
    for fact in extraction.facts:
        assert text[fact.start:fact.end] == fact.evidence
    return {(f.metric, f.value, f.year) for f in extraction.facts}


def test_html_table_through_the_parser() -> None:
    html = ("<html><head><meta name='ArticleTitle' content='某市人民政府关于2023年度法治政府建设情况的报告'>"
            "</head><body><div class='TRS_Editor'><p>某市人民政府关于2023年度法治政府建设情况的报告</p>"
            "<p>2023年行政复议、行政诉讼案件情况见下表：</p><table>"
            "<tr><td></td><th colspan=2>行政复议</th><th colspan=2>行政诉讼</th></tr>"
            "<tr><td></td><td>收到</td><td>审结</td><td>收到</td><td>审结</td></tr>"
            "<tr><td>2022年</td><td>40</td><td>38</td><td>25</td><td>25</td></tr>"
            "<tr><td>2023年</td><td>46</td><td>41</td><td>30</td><td>28</td></tr>"
            "<tr><td>法律援助</td><td>9</td><td>9</td><td>9</td><td>9</td></tr>"
            "</table><p>全年无败诉案件。</p></div></body></html>")
    page = parse_page(html.encode(), "http://example.org/a.html", "text/html")
    assert _facts(page.text) == {
        ("reconsideration.received", 40, 2022), ("reconsideration.concluded", 38, 2022),
        ("litigation.cases", 25, 2022), ("litigation.concluded", 25, 2022),
        ("reconsideration.received", 46, None), ("reconsideration.concluded", 41, None),
        ("litigation.cases", 30, None), ("litigation.concluded", 28, None),
        ("litigation.lost", 0, None),
    }


def test_section_four_table_in_tab_cells_is_read_once_by_position() -> None:
    text = ("某县交通运输局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t复议后起诉\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            + "\t".join(str(n) for n in [4, 2, 0, 0, 6, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0])
            + "\n五、存在的主要问题及改进情况\n无。")
    assert _facts(text) == {("reconsideration.upheld", 4, None), ("reconsideration.corrected", 2, None),
                            ("reconsideration.as_respondent", 6, None), ("litigation.cases", 2, None)}


def test_prose_around_a_table_is_still_read() -> None:
    text = (T2023 + "全年共收到行政复议申请46件。\n类别\t满意率\n热线\t98%\n"
            "全年审结行政复议案件41件。")
    assert _facts(text) == {("reconsideration.received", 46, None), ("reconsideration.concluded", 41, None),
                            ("hotline.satisfaction_rate", 98, None)}


def test_layout_rows_of_prose_are_not_a_table() -> None:
    text = T2023 + "全年受理行政复议申请46件\t审结41件\n"
    assert find_text_tables(normalize(text).text) == []
    assert _facts(text) == {("reconsideration.accepted", 46, None), ("reconsideration.concluded", 41, None)}


def test_spaced_prose_from_a_pdf_is_not_a_table() -> None:
    text = T2023 + "全年 受理 行政复议 申请 46 件\n审结 41 件\n"
    assert find_text_tables(normalize(text).text) == []


def test_money_and_bare_rates_need_their_unit_or_a_rate_word() -> None:
    text = (T2023 + "行政诉讼情况\n项目\t2023年\n应诉案件\t30\n败诉率(%)\t6.7\n涉案金额(万元)\t120\n"
            "负责人出庭应诉\t25\n")
    assert _facts(text) == {("litigation.cases", 30, None), ("litigation.loss_rate", 6.7, None)}


def test_last_year_column_needs_the_report_year() -> None:
    with_year = T2023 + "\t本年\t上年\n行政复议收案\t46\t40\n"
    assert _facts(with_year) == {("reconsideration.received", 46, None),
                                 ("reconsideration.received", 40, 2022)}
    without_year = "工作情况\n\t本年\t上年\n行政复议收案\t46\t40\n"
    assert ("reconsideration.received", 40, None) not in _facts(without_year)


def test_cell_values() -> None:
    assert cell_value("46").figure.value == 46
    assert cell_value("36.8万件").figure.value == 368000
    assert cell_value("-3.4%").negative
    assert cell_value("下降1.2%").negative
    assert cell_value("2023年") is None
    assert cell_value("2023") is None
    assert cell_value("审结41件") is None
    assert cell_value("—") is None


_TABLE_ALPHABET = st.sampled_from(
    list("受理行政复议热线满意率调解纠纷合计上半年同比万元(件)%12345.-—\t| \u3000１２％\n"))


@given(st.text(alphabet=_TABLE_ALPHABET, max_size=160))
@settings(max_examples=300, deadline=None)
def test_arbitrary_table_like_text_never_breaks_offsets(text: str) -> None:
    for fact in extract_document(T2023 + text).facts:
        full = T2023 + text
        assert 0 <= fact.start < fact.end <= len(full)
        assert full[fact.start:fact.end] == fact.evidence
