"""Phrasing families and layouts met in corpus5 (written blind), each in wordings of our own.

Every rule added for a corpus5 miss, false positive or trap is exercised here in two or three
wordings another clerk would use, beside a trap variant that must not fire: totals rows named with
their scope, unit lists, screened vs mediated disputes, court-referred mediation, two-column pages,
running headers, restated vs different figures, baselines, disclaimers, agents, zeros in words,
tickets passed on by the hotline, specialised committees, the 2008–2019 OGI table. Written for
these tests, not copied from any report.
"""

from __future__ import annotations

import unicodedata

import pytest
from passages import H2022, HOT, LIT, M2022, MED, REC, T2022, Passage, assert_passage, fx

from scrapers.extract import extract_document

BUREAU = "某市市场监督管理局2022年度法治政府建设情况报告\n"
OGI2018 = "某市卫生健康委员会2018年政府信息公开工作年度报告\n"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def two_columns(left: list[str], right: list[str], column: int = 42) -> str:
    """A page set in two columns as a PDF text layer flattens it: left piece, spaces, right piece."""
    lines = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        lines.append((a + " " * (column - _width(a)) + b).rstrip())
    return "\n".join(lines)


FAMILIES: tuple[Passage, ...] = (
    # ------------------------------------------------ a total row naming its scope (全区合计)
    Passage("total_row_with_scope", MED,
            M2022 + "类别\t调委会(个)\t调解员(人)\t调解纠纷(件)\t调解成功(件)\t成功率\n"
            "乡镇调委会\t12\t88\t1,020\t1,001\t98.1%\n"
            "村(社区)调委会\t150\t540\t2,300\t2,260\t98.3%\n"
            "全县合计\t162\t628\t3,320\t3,261\t98.2%\n",
            (fx("mediation.committees", 162, "个"), fx("mediation.mediators", 628, "人"),
             fx("mediation.disputes", 3320, "件"), fx("mediation.resolved", 3261, "件"),
             fx("mediation.success_rate", 98.2))),
    Passage("total_row_scope_first_column_words", MED,
            M2022 + "单位\t调解纠纷(件)\t调解成功(件)\n"
            "甲街道\t410\t402\n"
            "乙镇\t380\t371\n"
            "全市总计\t790\t773\n",
            (fx("mediation.disputes", 790, "件"), fx("mediation.resolved", 773, "件"))),
    Passage("total_row_trap_place_rows_only", MED,
            M2022 + "单位\t调解纠纷(件)\t调解成功(件)\n"
            "甲街道\t410\t402\n"
            "乙镇\t380\t371\n",
            ()),
    # ------------------------------------------------ a list of units (单位：个、人、件)
    Passage("unit_list_row", MED,
            M2022 + "2022年人民调解工作统计表\n单位：个、人、件\n项目\t2022年\n"
            "人民调解委员会\t305\n人民调解员\t1,288\n调解纠纷\t6,410\n调解成功\t6,322\n",
            (fx("mediation.committees", 305, "个"), fx("mediation.mediators", 1288, "人"),
             fx("mediation.disputes", 6410, "件"), fx("mediation.resolved", 6322, "件"))),
    Passage("unit_list_in_caption_brackets", MED,
            M2022 + "全县人民调解主要数据（单位：件、个、名）\n指标\t数量\n"
            "调委会\t97\n调解员\t402\n调处矛盾纠纷\t2,105\n",
            (fx("mediation.committees", 97, "个"), fx("mediation.mediators", 402, "名"),
             fx("mediation.disputes", 2105, "件"))),
    # ------------------------------------------------ screened (排查) vs mediated disputes
    Passage("screened_then_mediated_prose", MED,
            M2022 + "全年排查矛盾纠纷3,120件，调解矛盾纠纷2,980件，调解成功2,941件。",
            (fx("mediation.disputes", 2980, "件"), fx("mediation.resolved", 2941, "件"))),
    Passage("screened_row_in_table", MED,
            M2022 + "项目\t2022年\n排查纠纷(件)\t1,500\n调处纠纷(件)\t1,320\n调处成功(件)\t1,300\n",
            (fx("mediation.disputes", 1320, "件"), fx("mediation.resolved", 1300, "件"))),
    Passage("screened_only_is_the_figure", MED,
            M2022 + "各级调委会全年排查化解矛盾纠纷865件。",
            (fx("mediation.disputes", 865, "件"),)),
    # ------------------------------------------------ court-referred mediation (委派调解) is the court's
    Passage("court_referred_trap", MED,
            M2022 + "全年调解矛盾纠纷4,200件。诉调对接工作室接收法院委派调解案件960件。",
            (fx("mediation.disputes", 4200, "件"),)),
    Passage("court_referred_only_trap", MED,
            M2022 + "人民调解组织承接委派调解纠纷315件。",
            ()),
    # ------------------------------------------------ restated vs another figure in a conflict
    Passage("approx_total_then_exact_part", MED,
            M2022 + "全县人民调解员队伍达到3200余名，专职人民调解员186名。",
            (fx("mediation.mediators", 3200, "名", "at_least"),)),
    Passage("approx_stock_then_brand_rooms", MED,
            M2022 + "全市共有人民调解组织近600个。全市品牌调解室达到31个。",
            (fx("mediation.committees", 600, "个", "approx"),)),
    Passage("approx_then_precise_restatement", MED,
            M2022 + "全年调解纠纷约2.4万件。经统计，全县调解纠纷23,860件。",
            (fx("mediation.disputes", 23860, "件"),)),
    Passage("approx_rate_then_precise_rate", MED,
            M2022 + "调解成功率约98%。全年调解成功率98.2%。",
            (fx("mediation.success_rate", 98.2),)),
    # ------------------------------------------------ a specialised committee's share is a part
    Passage("specialised_committee_trap", MED,
            M2022 + "全年调解矛盾纠纷5,100件。市医疗纠纷人民调解委员会受理医患纠纷240件。",
            (fx("mediation.disputes", 5100, "件"),)),
    Passage("traffic_committee_trap", MED,
            M2022 + "道路交通事故纠纷人民调解委员会调处纠纷610起，县物业纠纷调委会化解纠纷88件。",
            ()),
    # ------------------------------------------------ a baseline (从2015年的N发展到M)
    Passage("baseline_developed_to", MED,
            "在全县人民调解工作会议上的讲话\n（2021年3月2日）\n"
            "人民调解员队伍从2015年的2,100人发展到3,050人。",
            (fx("mediation.mediators", 3050, "人"),)),
    # ------------------------------------------------ disclaimers in the clause after a figure
    Passage("disclaimer_clause_not_ours", REC,
            BUREAU + "本局未被申请行政复议。"
            "市行政复议办公室全年办理行政复议案件210件，不属于本局被申请情况。",
            (fx("reconsideration.as_respondent", 0),)),
    Passage("disclaimer_clause_not_counted", MED,
            M2022 + "全年调解纠纷1,820件；劳动争议调解组织调解案件95件，未计入上述数据。",
            (fx("mediation.disputes", 1820, "件"),)),
    Passage("not_a_disclaimer_clause_trap", REC,
            T2022 + "县政府受理行政复议案件45件，不予受理3件。",
            (fx("reconsideration.accepted", 45, "件"),)),
    # ------------------------------------------------ agents' counts (代理…应诉)
    Passage("agent_for_body_and_departments_trap", LIT,
            T2022 + "法律顾问团审核合同83份，代理县政府及所属部门应诉案件7件。"
            "县政府作为被告的行政诉讼案件共9件。",
            (fx("litigation.cases", 9, "件"),)),
    Passage("lawyer_agent_trap", LIT,
            T2022 + "公职律师代理各部门行政诉讼案件14件。",
            ()),
    # ------------------------------------------------ zeros in words
    Passage("zero_no_respondent_case_occurred", REC,
            "某开发区管委会2022年度法治政府建设情况报告\n2022年，管委会未发生被申请行政复议的案件。",
            (fx("reconsideration.as_respondent", 0),)),
    Passage("zero_none_respondent_received", REC,
            T2022 + "县政府全年未出现被提起行政复议的情形。",
            (fx("reconsideration.as_respondent", 0),)),
    Passage("zero_all_won", LIT,
            BUREAU + "本局作为被告的行政诉讼案件6件，已审结5件，均胜诉。",
            (fx("litigation.cases", 6, "件"), fx("litigation.concluded", 5, "件"), fx("litigation.lost", 0))),
    Passage("zero_all_won_quanbu", LIT,
            BUREAU + "审结的行政诉讼案件全部胜诉。",
            (fx("litigation.lost", 0),)),
    Passage("zero_all_won_target_trap", LIT,
            BUREAU + "下一步，力争行政诉讼案件全部胜诉。",
            ()),
    # ------------------------------------------------ tickets passed on by the hotline (a department)
    Passage("department_tickets_from_hotline_trap", HOT,
            BUREAU + "全年受理投诉举报6.1万件，其中转自12345热线的工单2.2万件，按期办结率100%。",
            ()),
    Passage("department_tickets_from_line_trap", HOT,
            BUREAU + "来自市长热线的诉求4,300件，由12345热线转办的工单1,900件。",
            ()),
    Passage("hotline_own_volume_kept", HOT,
            H2022 + "全年受理群众诉求41.2万件，按期办结率99.3%。",
            (fx("hotline.contacts", 412000, "件"), fx("hotline.completion_rate", 99.3))),
    # ------------------------------------------------ the 2008–2019 OGI table and wording
    Passage("ogi2018_letter_spaced_table", REC,
            OGI2018 + "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
            "项  目                  数  量（件）\n"
            "行政复议                  2\n"
            "   其中：维持             2\n"
            "         纠正             0\n"
            "行政诉讼                  零\n",
            (fx("reconsideration.as_respondent", 2, "件"), fx("reconsideration.upheld", 2, "件"),
             fx("reconsideration.corrected", 0, "件"), fx("litigation.cases", 0))),
    Passage("ogi2018_prose_fuyi_and_request_trap", REC,
            OGI2018 + "全年收到政府信息公开申请56件。因政府信息公开申请复议1件，未发生行政诉讼。",
            (fx("reconsideration.as_respondent", 1, "件"), fx("litigation.cases", 0))),
    Passage("ogi2018_prose", REC,
            OGI2018 + "本年度因政府信息公开申请行政复议3件，提起行政诉讼1件。",
            (fx("reconsideration.as_respondent", 3, "件"), fx("litigation.cases", 1, "件"))),
)


@pytest.mark.parametrize("passage", FAMILIES, ids=[p.id for p in FAMILIES])
def test_corpus5_family(passage: Passage) -> None:
    assert_passage(passage)


# ---------------------------------------------------------------------------------------- layouts

def test_two_column_page_is_read_column_by_column() -> None:
    """Each column's sentences come back whole; the other column's words do not land in them."""
    page = two_columns(
        ["一、2022年主要工作", "（一）推进依法决策。全年审查县政府",
         "合同96份，提出法律意见310条，开", "展执法检查1.2万次。"],
        ["（二）化解行政争议。县政府全年收到", "行政复议申请88件，受理80件，审结",
         "76件。全县行政机关发生行政应诉案", "件41件，败诉2件。"])
    text = T2022 + page + "\n                                          - 1 -\n"
    facts = {(f.metric, f.value) for f in extract_document(text).facts}
    assert facts == {("reconsideration.received", 88), ("reconsideration.accepted", 80),
                     ("reconsideration.concluded", 76), ("litigation.cases", 41), ("litigation.lost", 2)}


def test_two_column_pages_with_short_lines() -> None:
    """Headings and paragraph ends leave short left halves; the right column still starts in line."""
    page = two_columns(
        ["（三）规范执法行为。开展执法案卷", "评查，评查案卷146卷。", "二、存在的不足",
         "基层法治力量仍较薄弱。"],
        ["（四）化解矛盾纠纷。全县218个人", "民调解组织共调处矛盾纠纷2,760件，", "调解成功2,731件。", ""])
    text = T2022 + page + "\n"
    facts = {(f.metric, f.value) for f in extract_document(text).facts}
    assert facts == {("mediation.committees", 218), ("mediation.disputes", 2760),
                     ("mediation.resolved", 2731)}


def test_space_aligned_table_is_not_two_columns() -> None:
    """A label | value table has short labels and numeric right halves: it stays a table."""
    text = (T2022 + "行政复议情况如下：\n"
            "收到行政复议申请                          52件\n"
            "受理行政复议案件                          47件\n"
            "审结行政复议案件                          44件\n")
    facts = {(f.metric, f.value) for f in extract_document(text).facts}
    assert facts == {("reconsideration.received", 52), ("reconsideration.accepted", 47),
                     ("reconsideration.concluded", 44)}


def test_running_header_between_halves_of_a_sentence() -> None:
    """A page's running title after its page number goes with it: the sentence is joined again."""
    title = "某县2022年度法治政府建设报告"
    text = (title + "\n某县人民政府关于2022年度法治政府建设情况的报告\n"
            "坚持和发展新时代“枫桥经验”，全县196个人\n— 1 —\n\n" + title + "\n"
            "民调解组织共调处各类矛盾纠纷3,015件，调解成功2,990件。\n— 2 —\n")
    facts = {(f.metric, f.value) for f in extract_document(text).facts}
    assert facts == {("mediation.committees", 196), ("mediation.disputes", 3015),
                     ("mediation.resolved", 2990)}


def test_repeated_line_away_from_page_breaks_stays() -> None:
    """A line met twice but not beside a page number is content (a repeated heading), not furniture."""
    text = (T2022 + "行政复议工作情况统计说明\n县政府全年收到行政复议申请\n64件。\n"
            "行政复议工作情况统计说明\n审结行政复议案件58件。\n")
    facts = {(f.metric, f.value) for f in extract_document(text).facts}
    assert facts == {("reconsideration.received", 64), ("reconsideration.concluded", 58)}


def test_line_ending_with_a_comma_runs_on() -> None:
    """174件,受理161件,办结158件, — mostly figures, but the comma says the sentence goes on."""
    text = (T2022 + "县政府全年收到行政复议申请\n"
            "120件，受理112件，办结105件，\n"
            "其中维持80件，纠错12件。\n")
    facts = {(f.metric, f.value) for f in extract_document(text).facts}
    assert ("reconsideration.upheld", 80) in facts
    assert ("reconsideration.corrected", 12) in facts


def test_dated_item_without_year_is_about_its_date() -> None:
    """A reply to a proposal or a news item with no year of its own reports on the year it is dated."""
    text = ("某市司法局关于市政协第二次会议第118号提案的答复\n\n张委员：\n"
            "您的提案收悉。我局将研究完善人民调解补贴办法，到2025年底实现全覆盖。\n\n某市司法局\n2023年7月20日\n")
    assert extract_document(text).document.report_year == 2023


def test_baseline_year_is_not_the_report_year() -> None:
    """从2015年的…发展到…: a starting point; the speech's own date decides its year."""
    text = ("在全市调解工作会议上的讲话\n（2021年3月12日）\n\n同志们：\n"
            "人民调解员队伍从2015年的9,800人发展到1.2万余人，今年要再上台阶。\n")
    assert extract_document(text).document.report_year == 2021


def test_label_and_prose_table_is_not_two_columns() -> None:
    """Labels with prose values, aligned by spaces: each label keeps its value (no reordering)."""
    text = (T2022 + "主要工作数据\n"
            "行政复议受理情况                    县政府全年受理行政复议申请52件\n"
            "行政复议审结情况                    县政府全年审结行政复议案件47件\n"
            "行政应诉办理情况                    全县行政机关发生行政应诉案件31件\n")
    facts = {(f.metric, f.value) for f in extract_document(text).facts}
    assert facts == {("reconsideration.accepted", 52), ("reconsideration.concluded", 47),
                     ("litigation.cases", 31)}
