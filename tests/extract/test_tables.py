"""Section 四 of the 政府信息公开工作年度报告, read by position."""

from __future__ import annotations

from scrapers.extract import extract_document

HEADING = "四、政府信息公开行政复议、行政诉讼情况\n"
NEXT = "\n五、存在的主要问题及改进情况\n本年度无。"
PDF_HEADERS = (
    "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
    "结果维 结果纠 其他结 尚未审\n总计\n持 正 果 结\n"
)


def _facts(text: str) -> dict[str, float]:
    return {f.metric: f.value for f in extract_document(text).facts}


def test_pdf_row_of_fifteen_numbers() -> None:
    text = HEADING + PDF_HEADERS + "6 1 2 1 10 3 0 1 1 5 2 0 0 0 2" + NEXT
    assert _facts(text) == {
        "reconsideration.upheld": 6,
        "reconsideration.corrected": 1,
        "reconsideration.as_respondent": 10,
    }


def test_html_cells_one_per_line() -> None:
    cells = "\n".join(str(n) for n in [4, 2, 0, 0, 6, 1, 1, 0, 0, 2, 0, 0, 0, 0, 0])
    text = HEADING + "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n" + cells + NEXT
    assert _facts(text)["reconsideration.corrected"] == 2
    assert _facts(text)["reconsideration.as_respondent"] == 6


def test_evidence_is_the_row_itself() -> None:
    row = "6 1 2 1 10 3 0 1 1 5 2 0 0 0 2"
    facts = extract_document(HEADING + PDF_HEADERS + row + NEXT).facts
    assert {f.evidence for f in facts} == {row}


def test_all_zero_row_gives_zeros() -> None:
    text = HEADING + PDF_HEADERS + " ".join(["0"] * 15) + NEXT
    assert _facts(text) == {
        "reconsideration.upheld": 0,
        "reconsideration.corrected": 0,
        "reconsideration.as_respondent": 0,
        "litigation.cases": 0,
    }


def test_one_lawsuit_group_gives_the_caseload() -> None:
    text = HEADING + PDF_HEADERS + "0 1 0 0 1 0 0 0 0 0 2 0 0 0 2" + NEXT
    assert _facts(text)["litigation.cases"] == 2


def test_two_lawsuit_groups_state_no_caseload() -> None:
    text = HEADING + PDF_HEADERS + "0 1 0 0 1 1 0 0 0 1 2 0 0 0 2" + NEXT
    assert "litigation.cases" not in _facts(text)


def test_pipe_row_is_read_by_position() -> None:
    header = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
    text = HEADING + header + "| " + " | ".join(["0"] * 15) + " |" + NEXT
    assert _facts(text)["reconsideration.as_respondent"] == 0 and _facts(text)["litigation.cases"] == 0


def test_row_split_by_a_page_break_with_running_title() -> None:
    text = (HEADING + PDF_HEADERS + "18 4 3 2 27\n— 5 —\n某区人民政府2022年政府信息公开工作年度报告\n"
            "11 2 1 5 19 3 0 0 1 4" + NEXT)
    assert _facts(text) == {"reconsideration.upheld": 18, "reconsideration.corrected": 4,
                            "reconsideration.as_respondent": 27}


def test_a_run_of_another_length_is_not_the_table() -> None:
    text = HEADING + PDF_HEADERS + "6 1 2 1 10 3 0 1 1 5" + NEXT
    assert _facts(text) == {}


def test_a_total_smaller_than_its_cells_is_not_the_table() -> None:
    text = HEADING + PDF_HEADERS + "6 1 2 1 3 3 0 1 1 5 2 0 0 0 2" + NEXT
    assert _facts(text) == {}


def test_numbers_outside_section_four_are_ignored() -> None:
    before = "三、收到和处理政府信息公开申请情况\n" + " ".join(["1"] * 15) + "\n"
    text = before + HEADING + "本年度无相关情况。"
    assert _facts(text) == {}
