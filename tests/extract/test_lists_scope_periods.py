"""Phrasing families added for unseen reports: each rule with passages in several wordings and a trap.

Written for these tests (not copied from any report): numbered lists under a lead-in ending with a
colon, label lines, partial periods after a year word, titles reporting a part *and* the whole
year, dedicated sub-lines of the hotline, tickets passed on to a department, additions versus
stocks, counts of places, bracketed rate names and breakdowns, spaced thousands in table cells,
and document fields (report year of speeches, news and 政府工作报告; headings broken in two).
"""

from __future__ import annotations

import pytest
from passages import H2023, HOT, LIT, M2023, MED, REC, T2023, Fact, Passage, assert_passage, fx

from scrapers.extract import extract_document


def _h(metric: str, value: float, unit: str | None = None, qualifier: str = "exact",
       year: int | None = None) -> Fact:
    return fx(f"hotline.{metric}", value, unit, qualifier, year)


def _m(metric: str, value: float, unit: str | None = None, qualifier: str = "exact",
       year: int | None = None) -> Fact:
    return fx(f"mediation.{metric}", value, unit, qualifier, year)


NEWS = "热线2023年度运行情况发布\n2024-01-08 来源：某市融媒体中心\n\n"
DEPT = "某县统计局2023年法治政府建设年度报告\n"

PASSAGES: tuple[Passage, ...] = (
    # -------------------------------------- a lead-in ending with a colon carries its subject
    Passage("circled_list_under_lead_in", HOT,
            NEWS + "据市12345热线中心介绍，2023年主要指标如下：\n①全年接听群众来电112.6万通，同比增长9.8%；\n"
                   "②一次办结率达80.3%；\n③群众满意率97.1%。",
            (_h("contacts", 1126000, "通"), _h("contacts_yoy_pct", 9.8),
             _h("first_contact_resolution_rate", 80.3),
             _h("satisfaction_rate", 97.1))),
    Passage("numbered_list_under_lead_in", HOT,
            NEWS + "全年热线运行情况：\n1.受理来电来信共计45.2万件；\n2.按时办结率99.3%。",
            (_h("contacts", 452000, "件"), _h("completion_rate", 99.3))),
    Passage("label_lines_under_lead_in", HOT,
            "某市数据资源局2023年工作总结\n（二）12345热线：\n受理量：全年受理来电来件64.3万件；\n"
            "一次办结率：71.2%；\n满意率：96.9%。",
            (_h("contacts", 643000, "件"), _h("first_contact_resolution_rate", 71.2),
             _h("satisfaction_rate", 96.9))),
    # Trap: after a blank line the list is over; a bare rate there names no subject.
    Passage("list_ends_at_blank_line", HOT,
            "某市数据资源局2023年工作总结\n12345热线主要指标：\n(1)受理诉求52.1万件。\n\n(2)好评率99.9%。",
            (_h("contacts", 521000, "件"),)),
    # Trap: a lead-in about another subject carries nothing to the hotline.
    Passage("lead_in_of_another_subject", HOT,
            "某市数据资源局2023年工作总结\n政务服务大厅运行情况：\n①全年办件量212.6万件；\n②满意率99.9%。",
            ()),
    # -------------------------------------- months after a year word are still part of the year
    Passage("months_after_jinnian_are_partial", HOT,
            H2023 + "全年受理诉求152万件。今年1-2月，热线受理诉求21.4万件。",
            (_h("contacts", 1520000, "件"),)),
    Passage("months_after_year_are_partial", MED,
            M2023 + "2023年1—11月，全区共调解矛盾纠纷2917件。",
            ()),
    Passage("one_to_twelve_months_is_the_year", MED,
            M2023 + "2023年1—12月，全区共调解矛盾纠纷3105件。",
            (_m("disputes", 3105, "件"),)),
    # -------------------------------------- a title naming a part and the whole year
    Passage("month_and_whole_year_title", HOT,
            "某市12345热线2023年12月份暨全年运行情况通报\n12月份，全市12345热线共受理4 102件。\n"
            "2023年全年累计受理群众诉求46 830件，按时办结率99.0%，群众满意率96.2%。",
            (_h("contacts", 46830, "件"), _h("completion_rate", 99.0), _h("satisfaction_rate", 96.2))),
    Passage("quarter_and_whole_year_title", HOT,
            "某市12345热线2023年第四季度及全年运行分析\n第四季度受理诉求12.7万件，满意率96.1%。\n"
            "全年受理诉求48.35万件，同比下降3.7%；满意率95.6%。",
            (_h("contacts", 483500, "件"), _h("contacts_yoy_pct", -3.7), _h("satisfaction_rate", 95.6))),
    Passage("quarter_only_title_is_not_the_year", HOT,
            "某市12345热线2023年第四季度运行分析\n第四季度受理诉求12.7万件，满意率96.1%。",
            ()),
    # -------------------------------------- dedicated sub-lines and tickets passed on
    Passage("enterprise_subline_is_a_part", HOT,
            T2023 + "12345热线全年受理诉求64.3万件。12345企业服务专线受理涉企诉求1.8万件。",
            (_h("contacts", 643000, "件"),)),
    Passage("business_environment_subline", HOT,
            T2023 + "开通12345营商环境专线，全年接听企业来电3621个。",
            ()),
    Passage("department_handles_passed_on_tickets", HOT,
            DEPT + "（三）推进政务公开。办理12345热线转办工单9件，均按时办结。",
            ()),
    Passage("department_receives_hotline_tickets", HOT,
            "某县住房和城乡建设局2023年法治政府建设年度报告\n全年承办热线交办诉求312件，满意率98.5%。",
            ()),
    # A hotline sub-centre's own report: the tickets passed on by the city hotline are its volume.
    Passage("subcentre_volume_is_its_own", HOT,
            "某区12345热线分中心2023年工作总结\n全区共承办市12345热线转办工单12,456件，按时办结率99.5%。",
            (_h("contacts", 12456, "件"), _h("completion_rate", 99.5))),
    # -------------------------------------- additions are not the stock; counts of places
    Passage("new_committees_are_not_the_stock", MED,
            M2023 + "新建人民调解委员会13个，全区现有人民调解委员会186个。",
            (_m("committees", 186, "个"),)),
    Passage("new_committees_before_the_number", MED,
            M2023 + "年内新设13个行业性专业性人民调解委员会。",
            ()),
    Passage("new_mediators_and_trainees", MED,
            M2023 + "新增调解员120名，培训调解员300人，全区共有调解员1560名。",
            (_m("mediators", 1560, "名"),)),
    Passage("villages_with_committees_are_places", MED,
            M2023 + "全镇18个村（社区）均建立人民调解委员会，共有调解员96名，全年共调处矛盾纠纷237起。",
            (_m("mediators", 96, "名"), _m("disputes", 237, "起"))),
    Passage("departments_counted_are_places", HOT,
            H2023 + "将全区58个部门纳入热线承办体系，全年受理诉求8.6万件。",
            (_h("contacts", 86000, "件"),)),
    Passage("heading_is_not_joined_to_the_line_below", MED,
            M2023 + "一、依法化解矛盾纠纷\n全镇12个村均设立调解室，全年调处纠纷85起。",
            (_m("disputes", 85, "起"),)),
    # -------------------------------------- brackets: a rate's name, a breakdown in 〔〕
    Passage("rate_named_in_a_bracket", HOT,
            H2023 + "由坐席直接解答办结的诉求占比（一次办结率）为68.4%。",
            (_h("first_contact_resolution_rate", 68.4),)),
    Passage("rate_named_in_a_bracket_satisfaction", HOT,
            H2023 + "回访群众中表示满意的比例（满意率）达97.2%。",
            (_h("satisfaction_rate", 97.2),)),
    Passage("breakdown_in_tortoise_brackets", REC,
            T2023 + "办结行政复议案件65件（维持41件，纠错7件〔撤销4件、变更1件、确认违法2件〕，驳回17件）。",
            (("reconsideration.concluded", 65, "件", "exact", None),
             ("reconsideration.upheld", 41, "件", "exact", None),
             ("reconsideration.corrected", 7, "件", "exact", None))),
    Passage("breakdown_in_square_brackets", REC,
            T2023 + "全年行政复议纠错9件【撤销6件、确认违法3件】。",
            (("reconsideration.corrected", 9, "件", "exact", None),)),
    # -------------------------------------- PDF text setting figures apart with spaces
    Passage("space_before_unit_pdf", MED,
            M2023 + "全区现有各类人民调解组织 418 个，人民调解员 2 316 人。",
            (_m("committees", 418, "个"), _m("mediators", 2316, "人"))),
    Passage("spaced_figures_across_a_line_break", MED,
            M2023 + "全年共开展排查 75 次，调解各类纠纷 5 862 \n件，成功 5 794 件，成功率 98.8%。",
            (_m("disputes", 5862, "件"), _m("resolved", 5794, "件"), _m("success_rate", 98.8))),
    # Trap: numbers of a table row with single spaces are not one spaced number.
    Passage("row_numbers_are_not_spaced_thousands", MED,
            M2023 + "调解员 12 340人次参加培训。",
            ()),
    # -------------------------------------- 均已审结: the caseload is also the concluded count
    Passage("all_concluded_litigation", LIT,
            T2023 + "作为被告的行政诉讼案件2件，均已审结，未发生败诉案件。",
            (("litigation.cases", 2, "件", "exact", None), ("litigation.concluded", 2, "件", "exact", None),
             ("litigation.lost", 0, None, "exact", None))),
    Passage("all_concluded_reconsideration", REC,
            T2023 + "全年受理行政复议案件36件，已全部办结。",
            (("reconsideration.accepted", 36, "件", "exact", None),
             ("reconsideration.concluded", 36, "件", "exact", None))),
    # Trap: a figure between (维持3件) makes 均已审结 speak of something else.
    Passage("all_concluded_after_another_figure", LIT,
            T2023 + "行政诉讼案件12件，其中维持3件，均已审结。",
            (("litigation.cases", 12, "件", "exact", None),)),
    # -------------------------------------- reconsideration closed by 调解、和解; zeros with a cause
    Passage("mediation_and_settlement_inside_reconsideration", REC,
            T2023 + "行政复议：新收申请212件；审结183件；其中调解、和解结案57件；纠错：21件。",
            (("reconsideration.received", 212, "件", "exact", None),
             ("reconsideration.concluded", 183, "件", "exact", None),
             ("reconsideration.corrected", 21, "件", "exact", None))),
    Passage("no_lawsuit_with_its_cause", LIT,
            "某街道办事处2023年法治政府建设情况报告\n街道未发生因行政行为引发的行政复议和行政诉讼。",
            (("litigation.cases", 0, None, "exact", None),
             ("reconsideration.as_respondent", 0, None, "exact", None))),
    # -------------------------------------- spaced thousands in a table cell; a blank remark cell
    Passage("blank_remark_cell_is_the_last", HOT,
            "某县12345热线2023年工作总结\n指标\t2023年\t同比\t备注\n按期办结率\t98.94%\t+0.5个百分点\n"
            "群众满意率\t97.12%\t+1.0个百分点\t回访抽样\n",
            (_h("completion_rate", 98.94), _h("satisfaction_rate", 97.12))),
    Passage("spaced_thousands_in_table_cell", HOT,
            "某县12345热线2023年度工作报告\n指标名称                2023年        2022年\n"
            "受理总量（件）          98 412        91 037\n满意率                  97.8%         97.2%\n",
            (_h("contacts", 98412, "件"), _h("contacts", 91037, "件", year=2022),
             _h("satisfaction_rate", 97.8),
             _h("satisfaction_rate", 97.2, year=2022))),
)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_passage(passage: Passage) -> None:
    assert_passage(passage)


@pytest.mark.parametrize(("text", "year"), [
    # A speech early in a year reviews the last one (去年全年 …, dated by its date line).
    ("在全市政务服务工作会议上的讲话\n（2024年2月21日）\n\n同志们：\n"
     "去年全年，热线受理群众诉求152万余件。", 2023),
    ("在全县人民调解工作推进会上的讲话\n2023年3月2日\n\n去年，全县调解矛盾纠纷4600件。", 2022),
    # A news item speaks of 今年 as of its date.
    ("某区：三级调解让矛盾就地化解\n2023-12-20 10:12　来源：某区融媒体中心\n"
     "今年以来，街道调委会共调解纠纷438起。", 2023),
    ("上半年我区热线受理诉求12.6万件\n\n2023-07-12 来源：某发布\n\n"
     "今年上半年，我区共受理群众诉求12.6万件。", 2023),
    # A 政府工作报告 is named by its session's year and reviews the year before.
    ("2024年某县人民政府工作报告（摘要）\n一、2023年工作回顾\n调处矛盾纠纷1200件。", 2023),
    ("政府工作报告（某县，2024年1月9日）\n——2024年1月9日在某县第十八届人民代表大会第四次会议上\n各位代表：\n"
     "过去一年，全县收到行政复议申请52件。2024年，我们将继续努力。", 2023),
    # A report to a people's congress session in the first half of the year reviews the year before.
    ("关于全区行政复议和行政应诉工作情况的报告\n——2024年4月25日在某区人民代表大会常务委员会会议上\n"
     "2021年收到行政复议申请156件，2022年131件，2023年128件。", 2023),
    # A report on months of a year names the year with them.
    ("某区司法局关于1—11月人民调解工作进展情况的报告\n\n区委、区政府：\n"
     "2023年1—11月，全区共排查矛盾纠纷2917件。", 2023),
    # A year in the title still wins over any date.
    ("某县2022年度法治政府建设情况报告\n——2023年3月在县人大常委会会议上\n去年全年收到复议申请12件。", 2022),
])
def test_report_year_of_speeches_news_and_session_reports(text: str, year: int) -> None:
    assert extract_document(text).document.report_year == year


@pytest.mark.parametrize(("text", "doc_type"), [
    ("首页 > 政务公开\n\n德清县人民政府关于2022年度法治政府建设\n工作情况的报告\n\n2022年，县政府…",
     "rule_of_law_report"),
    ("某县人民政府关于2023年度人民调解\n工作情况的报告\n\n2023年，全县…", "mediation_report"),
    ("某县2022年度人民调解工作统计分析\n\n2022年，全县调解矛盾纠纷320件。", "mediation_report"),
    # A column name above a heading is still not part of the title.
    ("政府信息公开\n某县司法局2023年政府信息公开工作年度报告\n\n一、总体情况", "ogi_annual_report"),
])
def test_doc_type_of_broken_headings(text: str, doc_type: str) -> None:
    assert extract_document(text).document.doc_type == doc_type


def test_broken_heading_is_joined_into_the_title() -> None:
    text = "德清县人民政府关于2022年度法治政府建设\n工作情况的报告\n\n2022年，县政府…"
    assert extract_document(text).document.title == "德清县人民政府关于2022年度法治政府建设工作情况的报告"


def test_circled_numerals_keep_their_offsets() -> None:
    text = NEWS + "主要指标如下：\n①全年接听群众来电112.6万通；"
    (fact,) = extract_document(text).facts
    assert fact.evidence == text[fact.start:fact.end] and fact.evidence.startswith("①")
