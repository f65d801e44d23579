"""General rules (PDF line breaks, plans, brackets and labels, other systems, section-4 variants).

Passages are in ``general_passages.py``; section-4 table variants are written here.
"""

from __future__ import annotations

import pytest
from general_passages import PASSAGES_GENERAL
from passages import S4_HEADING, S5_NEXT, Passage, assert_passage, facts_by_metric

from scrapers.extract import extract_document


@pytest.mark.parametrize("passage", PASSAGES_GENERAL, ids=[p.id for p in PASSAGES_GENERAL])
def test_general_passage(passage: Passage) -> None:
    assert_passage(passage)


def test_evidence_spans_the_line_break_verbatim() -> None:
    text = "某县人民政府关于2023年度法治政府建设情况的报告\n全年共收到行政复议\n— 2 —\n申请52件。"
    (fact,) = extract_document(text).facts
    assert fact.metric == "reconsideration.received" and fact.value == 52
    assert fact.evidence == text[fact.start:fact.end]
    assert "\n" in fact.evidence and fact.evidence.endswith("52件")


def test_full_width_text_with_line_breaks_keeps_offsets() -> None:
    text = ("某县人民政府关于２０２３年度法治政府建设情况的报告\n"
            "全年办理行政应诉案件３７件，行政机关负责人出庭应诉率达\n第２页 共５页\n到１００％。")
    facts = {f.metric: f for f in extract_document(text).facts}
    assert facts["litigation.head_appearance_rate"].value == 100
    for fact in facts.values():
        assert text[fact.start:fact.end] == fact.evidence


# --- section 四 of OGI reports -----------------------------------------------------------------

OGI = "某市自然资源局2023年政府信息公开工作年度报告\n"
HEADERS = "行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉\n"
ROW = [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 0, 0, 0, 0, 0]


def _want(row: list[int]) -> dict[str, float]:
    want = {"reconsideration.upheld": row[0], "reconsideration.corrected": row[1],
            "reconsideration.as_respondent": row[4]}
    if min(row[9], row[14]) == 0:
        want["litigation.cases"] = row[9] + row[14]  # one lawsuit group (or none) holds the caseload
    return want


def test_s4_one_number_per_line() -> None:
    assert facts_by_metric(OGI + S4_HEADING + HEADERS + "\n".join(map(str, ROW)) + S5_NEXT) == _want(ROW)


def test_s4_one_number_per_line_with_blank_lines() -> None:
    assert facts_by_metric(OGI + S4_HEADING + HEADERS + "\n\n".join(map(str, ROW)) + S5_NEXT) == _want(ROW)


@pytest.mark.parametrize("footer", ["— 5 —", "- 5 -", "第 5 页 共 8 页", "第5页", "5 / 8"])
def test_s4_page_footer_between_numbers(footer: str) -> None:
    cells = [str(n) for n in ROW]
    body = "\n".join(cells[:7]) + f"\n\n{footer}\n\n" + "\n".join(cells[7:])
    assert facts_by_metric(OGI + S4_HEADING + HEADERS + body + S5_NEXT) == _want(ROW)


def test_s4_page_footer_inside_a_flat_row() -> None:
    body = " ".join(map(str, ROW[:10])) + "\n— 6 —\n" + " ".join(map(str, ROW[10:]))
    assert facts_by_metric(OGI + S4_HEADING + HEADERS + body + S5_NEXT) == _want(ROW)


def test_s4_all_zero_row() -> None:
    assert facts_by_metric(OGI + S4_HEADING + HEADERS + " ".join(["0"] * 15) + S5_NEXT) == _want([0] * 15)
    assert facts_by_metric(OGI + S4_HEADING + HEADERS + "\n".join(["0"] * 15) + S5_NEXT) == _want([0] * 15)


def test_s4_html_rowspan_colspan_header_rows() -> None:
    html = (
        "<html><head><meta charset='utf-8'><title>某市自然资源局2023年政府信息公开工作年度报告</title>"
        "</head><body><!--ZJEG_RSS.content.begin--><p>一、总体情况</p><p>2023年，本局收到政府信息公开申请41件。</p>"
        "<p>四、政府信息公开行政复议、行政诉讼情况</p><table>"
        "<tr><td colspan='5' rowspan='2'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
        "<tr><td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
        "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
        "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
        "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
        "<tr>" + "".join(f"<td>{n}</td>" for n in ROW) + "</tr></table>"
        "<p>五、存在的主要问题及改进情况</p><p>本年度无。</p><!--ZJEG_RSS.content.end--></body></html>"
    )
    from scrapers.parse import parse_page

    text = parse_page(html.encode(), "https://example.gov.cn/a.html", "text/html").text
    assert facts_by_metric(text) == _want(ROW)


def test_s4_year_below_the_row_is_not_a_cell() -> None:
    body = " ".join(map(str, ROW)) + "\n2023年度，本机关政府信息公开工作总体平稳。"
    assert facts_by_metric(OGI + S4_HEADING + HEADERS + body + S5_NEXT) == _want(ROW)
