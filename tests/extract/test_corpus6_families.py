"""Phrasing families met in corpus6 (written blind), each in wordings of our own.

Every rule added for a corpus6 miss, false positive or trap is exercised here in two or three
wordings another clerk would use, beside a trap variant that must not fire: a partial period
opening a sentence scopes all its parts (across ；, and into a 其中 sentence after it), 今年以来 in
a document dated within its year, a head's court appearances, administrative-dispute mediation
centres, PDF lines cut inside a word, reports on other service lines and unit assessments.
Written for these tests, not copied from any report.
"""

from __future__ import annotations

import pytest
from passages import HOT, LIT, MED, REC, T2022, Passage, assert_passage, fx

from scrapers.extract import extract_document

NEWS_2023 = "某市召开2023年行政复议工作推进会\n发布时间：2023-11-08\n"
NEWS_MED_2023 = "某区：调解让矛盾就地化解\n2023-12-20 09:30　来源：某区融媒体中心\n"
SUMMARY_2023 = "某区司法局2023年人民调解工作总结\n发布时间：2024-01-10\n"

PASSAGES: tuple[Passage, ...] = (
    # ---------------------------------------- a partial period opening a sentence scopes its parts
    Passage("partial_opening_across_semicolon", REC,
            NEWS_2023 + "今年1—10月，全市新收行政复议申请4,361件，同比增长22.7%；审结3,988件，"
                        "综合纠错率11.4%。",
            ()),
    Passage("partial_opening_quarters_across_semicolon", LIT,
            T2022 + "前三季度，县政府新收行政应诉案件41件；审结33件，败诉2件。",
            ()),
    Passage("partial_opening_then_qizhong_sentence", REC,
            NEWS_2023 + "1至9月，全市收到行政复议申请812件。其中，市本级收到申请203件。",
            ()),
    Passage("partial_opening_part_with_its_own_year", REC,
            T2022 + "今年1—6月，县政府收到行政复议申请20件；全年收到行政复议申请46件，审结41件。",
            (fx("reconsideration.received", 46, "件"), fx("reconsideration.concluded", 41, "件"))),
    Passage("partial_trap_full_year_opening", REC,
            T2022 + "2022年，县政府收到行政复议申请46件；审结41件，纠错率12.2%。",
            (fx("reconsideration.received", 46, "件"), fx("reconsideration.concluded", 41, "件"),
             fx("reconsideration.correction_rate", 12.2))),
    # ---------------------------------------- 今年以来 in a document dated within its year
    Passage("to_date_news_within_year", MED,
            NEWS_MED_2023 + "今年以来，全区人民调解组织共调解纠纷1,438起，调解成功1,401起。",
            ()),
    Passage("to_date_year_start_within_year", MED,
            NEWS_MED_2023 + "年初以来，街道人民调解委员会共调处矛盾纠纷238件。",
            ()),
    Passage("to_date_trap_summary_dated_next_year", MED,
            SUMMARY_2023 + "今年以来，全区人民调解组织共调解纠纷1,438起，调解成功1,401起。",
            (fx("mediation.disputes", 1438, "起"), fx("mediation.resolved", 1401, "起"))),
    Passage("to_date_trap_annual_report_signed_in_december", REC,
            "某区人民政府2022年度法治政府建设情况报告\n发布日期：2022-12-31\n"
            "今年以来，我区共受理行政复议申请50件，已结案39件。",
            (fx("reconsideration.accepted", 50, "件"), fx("reconsideration.concluded", 39, "件"))),
    # ---------------------------------------- a head's court appearances are not the caseload
    Passage("appearance_cases_not_caseload", LIT,
            T2022 + "县长全年出庭应诉行政案件2件。",
            ()),
    Passage("appearance_hearings_not_caseload", LIT,
            T2022 + "县政府主要负责人出庭应诉行政诉讼案件3件，旁听庭审1次。",
            ()),
    Passage("appearance_trap_caseload_beside_it", LIT,
            T2022 + "全县行政应诉案件58件，县长出庭应诉行政案件2件。",
            (fx("litigation.cases", 58, "件"),)),
    # ---------------------------------------- administrative-dispute mediation is not people's
    Passage("admin_dispute_centre_not_people", MED,
            "某县司法局2022年人民调解工作总结\n县行政争议调解中心全年成功化解诉前行政争议86件。",
            ()),
    Passage("admin_dispute_pre_suit_not_people", MED,
            "某县司法局2022年人民调解工作总结\n"
            "全县化解诉前行政争议41件，调解成功35件。",
            ()),
    Passage("admin_dispute_trap_people_mediation_after", MED,
            "某县司法局2022年人民调解工作总结\n"
            "县行政争议调解中心化解诉前行政争议86件；全县人民调解组织调解矛盾纠纷2,140件。",
            (fx("mediation.disputes", 2140, "件"),)),
    # ---------------------------------------- a PDF line cut inside a word, dense with figures
    Passage("pdf_cut_inside_word_dense_line", REC,
            T2022 + "全年县政府共收到行政复议申请103件，受\n理96件（上年受理81件），审\n"
                    "结91件，其中维持67件，纠错11件。\n",
            (fx("reconsideration.received", 103, "件"), fx("reconsideration.accepted", 96, "件"),
             fx("reconsideration.concluded", 91, "件"), fx("reconsideration.upheld", 67, "件"),
             fx("reconsideration.corrected", 11, "件"))),
    Passage("pdf_cut_inside_word_litigation", LIT,
            T2022 + "全县行政机关作为被告的一审行政诉讼案件158件，审\n结149件，败诉6件。\n",
            (fx("litigation.cases", 158, "件"), fx("litigation.concluded", 149, "件"),
             fx("litigation.lost", 6, "件"))),
    Passage("pdf_cut_trap_heading_stays", REC,
            T2022 + "（四）行政复议\n全年收到行政复议申请30件。\n",
            (fx("reconsideration.received", 30, "件"),)),
    # ---------------------------------------- another service line's own report
    Passage("other_line_12333_summary", HOT,
            "某市12333人社服务热线2022年服务情况\n"
            "2022年，某市12333人力资源社会保障服务热线全年接听来电86万通，同比增长12.4%；"
            "群众满意率98.1%。",
            ()),
    Passage("other_line_12315_summary", HOT,
            "某市12315热线2022年工作情况通报\n"
            "2022年，某市12315市场监管投诉举报热线全年受理诉求5.2万件，办结率99.1%。",
            ()),
)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_corpus6_passage(passage: Passage) -> None:
    assert_passage(passage)


@pytest.mark.parametrize(("title", "doc_type"), [
    ("关于2023年度12345政府服务热线承办单位考核结果的通报", "other"),
    ("某市12345热线2022年度成员单位办理情况排名通报", "other"),
    ("某市12333人社服务热线2022年服务情况", "other"),
    ("某市12345政务服务便民热线2022年度运行情况报告", "hotline_report"),
])
def test_hotline_doc_type(title: str, doc_type: str) -> None:
    """Assessments of units and reports on other lines are not reports on the 12345 line's year."""
    assert extract_document(title + "\n正文。").document.doc_type == doc_type
