"""Section 四 of the 政府信息公开工作年度报告, read by position."""

from __future__ import annotations

from passages import S4_HEADING, S5_NEXT, facts_by_metric

from scrapers.extract import extract_document

PDF_HEADERS = (
    "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
    "结果维 结果纠 其他结 尚未审\n总计\n持 正 果 结\n"
)


def test_pdf_row_of_fifteen_numbers() -> None:
    text = S4_HEADING + PDF_HEADERS + "6 1 2 1 10 3 0 1 1 5 2 0 0 0 2" + S5_NEXT
    assert facts_by_metric(text) == {
        "reconsideration.upheld": 6,
        "reconsideration.corrected": 1,
        "reconsideration.as_respondent": 10,
    }


def test_html_cells_one_per_line() -> None:
    cells = "\n".join(str(n) for n in [4, 2, 0, 0, 6, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0])
    text = S4_HEADING + "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n" + cells + S5_NEXT
    assert facts_by_metric(text)["reconsideration.corrected"] == 2
    assert facts_by_metric(text)["reconsideration.as_respondent"] == 6


def test_evidence_is_the_row_itself() -> None:
    row = "6 1 2 1 10 3 0 1 1 5 2 0 0 0 2"
    facts = extract_document(S4_HEADING + PDF_HEADERS + row + S5_NEXT).facts
    assert {f.evidence for f in facts} == {row}


def test_all_zero_row_gives_zeros() -> None:
    text = S4_HEADING + PDF_HEADERS + " ".join(["0"] * 15) + S5_NEXT
    assert facts_by_metric(text) == {
        "reconsideration.upheld": 0,
        "reconsideration.corrected": 0,
        "reconsideration.as_respondent": 0,
        "litigation.cases": 0,
    }


def test_one_lawsuit_group_gives_the_caseload() -> None:
    text = S4_HEADING + PDF_HEADERS + "0 1 0 0 1 0 0 0 0 0 2 0 0 0 2" + S5_NEXT
    assert facts_by_metric(text)["litigation.cases"] == 2


def test_two_lawsuit_groups_state_no_caseload() -> None:
    text = S4_HEADING + PDF_HEADERS + "0 1 0 0 1 1 0 0 0 1 2 0 0 0 2" + S5_NEXT
    assert "litigation.cases" not in facts_by_metric(text)


def test_pipe_row_is_read_by_position() -> None:
    header = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
    text = S4_HEADING + header + "| " + " | ".join(["0"] * 15) + " |" + S5_NEXT
    facts = facts_by_metric(text)
    assert facts["reconsideration.as_respondent"] == 0 and facts["litigation.cases"] == 0


def test_row_split_by_a_page_break_with_running_title() -> None:
    text = (S4_HEADING + PDF_HEADERS + "18 4 3 2 27\n— 5 —\n某区人民政府2022年政府信息公开工作年度报告\n"
            "11 2 1 5 19 3 0 0 1 4" + S5_NEXT)
    assert facts_by_metric(text) == {"reconsideration.upheld": 18, "reconsideration.corrected": 4,
                            "reconsideration.as_respondent": 27}


def test_a_run_of_another_length_is_not_the_table() -> None:
    text = S4_HEADING + PDF_HEADERS + "6 1 2 1 10 3 0 1 1 5" + S5_NEXT
    assert facts_by_metric(text) == {}


def test_a_total_smaller_than_its_cells_is_not_the_table() -> None:
    text = S4_HEADING + PDF_HEADERS + "6 1 2 1 3 3 0 1 1 5 2 0 0 0 2" + S5_NEXT
    assert facts_by_metric(text) == {}


def test_numbers_outside_section_four_are_ignored() -> None:
    before = "三、收到和处理政府信息公开申请情况\n" + " ".join(["1"] * 15) + "\n"
    text = before + S4_HEADING + "本年度无相关情况。"
    assert facts_by_metric(text) == {}
