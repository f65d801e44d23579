"""Phrasing families met in corpus10 (held-out set 7, written blind), each in wordings of our own.

corpus10's false positives were other actors' and parts' figures: a court named with words between
its name and its verb (市中级人民法院2022年审结…, 全省法院一审审结…, 市法院去年受理的…), a part under 其中
with a long 涉及…的 qualifier, another kind of unit added with 另有 (调解工作站1个), rooms built within
the year (年内建成调解室100个), the government's own level as respondent (县政府本级作为被申请人), a
total with the previous year's carry-over (加上上年结转12件，共办理225件). Its misses included figures
after a comparison whose yardstick names another subject (首次超过同期一审行政诉讼案件数；受理…). Every
rule added for them is exercised here in two or three wordings, beside trap variants that must not
fire. Written for these tests, not copied from any report.
"""

from __future__ import annotations

import pytest
from passages import HOT, LIT, M2023, MED, REC, T2022, T2023, Passage, assert_passage, fx

from scrapers.extract import extract_document

H2024 = "某区12345政务服务便民热线2024年度运行情况报告\n"

PASSAGES: tuple[Passage, ...] = (
    # ------------------------------------------------ a court, whatever stands before its verb
    Passage("court_year_between", LIT,
            T2023 + "全市行政机关办理行政应诉案件312件，败诉11件。市中级人民法院2023年审结行政案件3,870件。",
            (fx("litigation.cases", 312, "件"), fx("litigation.lost", 11, "件"))),
    Passage("court_instance_between", LIT,
            T2023 + "全市行政机关负责人出庭应诉率达到98.2%。全省法院一审审结行政案件1.8万件。",
            (fx("litigation.head_appearance_rate", 98.2),)),
    Passage("court_last_year_between", LIT,
            T2023 + "全市发生行政诉讼案件205件。市法院今年受理的一审行政案件980件中，涉及征收的占三成。",
            (fx("litigation.cases", 205, "件"),)),
    # ------------------------------------------------ 其中，涉及…的诉求: a part, however long
    Passage("part_long_qualifier", HOT,
            H2024 + "全年共受理群众诉求21.5万件。其中，涉及跨区域协调办理的诉求4210件。",
            (fx("hotline.contacts", 215000, "件"),)),
    Passage("part_long_qualifier_tickets", HOT,
            H2024 + "热线全年受理工单9.8万件，其中涉及老旧小区加装电梯的工单1 260件。",
            (fx("hotline.contacts", 98000, "件"),)),
    # 涉及 without 其中 and without 的…诉求 is the ordinary subject wording, still the total.
    Passage("not_part_plain", HOT,
            H2024 + "全年热线受理涉及民生的各类诉求12.3万件。",
            (fx("hotline.contacts", 123000, "件"),)),
    # ------------------------------------------------ 另有…工作站N个: a unit, not disputes
    Passage("another_station", MED,
            M2023 + "街道调委会下设社区调委会9个，另有婚姻家庭纠纷调解工作站2个，共有调解员51人。"
                    "2023年全街道共调解纠纷388件。",
            (fx("mediation.committees", 9, "个"), fx("mediation.mediators", 51, "人"),
             fx("mediation.disputes", 388, "件"))),
    Passage("another_station_after", MED,
            M2023 + "全区共调解矛盾纠纷1 206件，另有物业纠纷调解工作站3个。",
            (fx("mediation.disputes", 1206, "件"),)),
    # ------------------------------------------------ rooms built within the year: an addition
    Passage("built_this_year", MED,
            M2023 + "年内在全区建成标准化调解室60个。全区共调解纠纷2 310件。",
            (fx("mediation.disputes", 2310, "件"),)),
    Passage("built_stock", MED,
            M2023 + "全区建成人民调解委员会146个，今年新建成品牌调解工作室12个。",
            (fx("mediation.committees", 146, "个"),)),
    # ------------------------------------------------ 本级 as respondent: a part
    Passage("own_level_respondent", REC,
            T2022 + "县行政复议局全年收到行政复议申请240件，受理221件。县政府本级作为被申请人的案件31件，"
                    "由市政府审理。",
            (fx("reconsideration.received", 240, "件"), fx("reconsideration.accepted", 221, "件"))),
    Passage("own_level_respondent_city", REC,
            T2023 + "市本级为被申请人的行政复议案件18件。全市行政机关被申请行政复议案件共143件。",
            (fx("reconsideration.as_respondent", 143, "件"),)),
    # ------------------------------------------------ a total with the carry-over
    Passage("carry_over_total", REC,
            T2023 + "全年新收行政复议申请150件，加上上年结转9件，共办理159件；决定受理141件。",
            (fx("reconsideration.received", 150, "件"), fx("reconsideration.accepted", 141, "件"))),
    Passage("carry_over_total_then_concluded", REC,
            T2023 + "全年新收行政复议申请150件，加上年结转9件，共办理159件，审结140件。",
            (fx("reconsideration.received", 150, "件"), fx("reconsideration.concluded", 140, "件"))),
    # ------------------------------------------------ the yardstick of a comparison
    Passage("compared_yardstick", REC,
            T2023 + "全省行政复议机构全年新收行政复议申请12,418件，首次超过同期一审行政诉讼案件数；"
                    "受理11,905件，审结10,740件。",
            (fx("reconsideration.received", 12418, "件"), fx("reconsideration.accepted", 11905, "件"),
             fx("reconsideration.concluded", 10740, "件"))),
    # ------------------------------------------------ a service number inside a label
    Passage("label_with_service_number", HOT,
            H2024 + "2024年，区热线工作专班承办市12345热线转办诉求：全年共计十二万四千件，"
                    "同比增长百分之三点一。",
            (fx("hotline.contacts", 124000, "件"), fx("hotline.contacts_yoy_pct", 3.1))),
    Passage("label_with_service_number_digits", HOT,
            H2024 + "区分中心办理12345平台派发工单：全年共计58 600件。",
            (fx("hotline.contacts", 58600, "件"),)),
    # A figure inside the label is still not a label (受理12345件：…).
    Passage("label_with_figure_not_label", HOT,
            H2024 + "全年受理群众诉求3.2万件，满意率96.4%。",
            (fx("hotline.contacts", 32000, "件"), fx("hotline.satisfaction_rate", 96.4))),
    # ------------------------------------------------ 调处 names disputes on its own
    Passage("settled_label", MED,
            M2023 + "三级人民调解组织：88个；调解员：302人；全年调处：1 406件；调解成功率：97.2%。",
            (fx("mediation.committees", 88, "个"), fx("mediation.mediators", 302, "人"),
             fx("mediation.disputes", 1406, "件"), fx("mediation.success_rate", 97.2))),
    Passage("settled_plain", MED,
            M2023 + "全区各级人民调解组织全年共调处1 950件。",
            (fx("mediation.disputes", 1950, "件"),)),
    # 调解 alone (调解员, 调解场次) still needs a dispute word.
    Passage("mediate_without_disputes", MED,
            M2023 + "全区开展调解业务培训12场次，调解员参训640人次。",
            ()),
    # ------------------------------------------------ a streak ending in the year
    Passage("streak_rate", LIT,
            T2023 + "全市行政机关负责人出庭应诉率连续三年保持100%。",
            (fx("litigation.head_appearance_rate", 100),)),
    Passage("streak_rate_digits", MED,
            M2023 + "全区人民调解成功率连续5年稳定在98%以上。",
            (fx("mediation.success_rate", 98, None, "at_least"),)),
    # A streak of counts over several years is not the year's figure.
    Passage("streak_count_not", LIT,
            T2023 + "全市连续三年行政诉讼败诉案件累计下降，三年来共审结行政应诉案件986件。",
            ()),
    # ------------------------------------------------ the OGI report's section 4 in prose
    Passage("ogi_prose_respondent", REC,
            "某区人民政府办公室2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
            "本年度因政府信息公开引发的行政复议案件共三件；未发生因政府信息公开引起的行政诉讼案件。",
            (fx("reconsideration.as_respondent", 3, "件"), fx("litigation.cases", 0))),
    Passage("ogi_prose_respondent_short", REC,
            "某县人民政府2023年政府信息公开工作年度报告\n全年因信息公开引起的行政复议案件4件。",
            (fx("reconsideration.as_respondent", 4, "件"),)),
    Passage("compared_yardstick_higher", REC,
            T2023 + "全市新收行政复议申请2 604件，高于行政诉讼案件数量；审结2 511件。",
            (fx("reconsideration.received", 2604, "件"), fx("reconsideration.concluded", 2511, "件"))),
)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_corpus10_family(passage: Passage) -> None:
    assert_passage(passage)


# A plan (工作要点) opening with a review of the year before: that section's figures are the reviewed
# year's results, the plan's own targets are not, and the report year is the reviewed one.
_PLAN_WITH_REVIEW = ("某市司法局2025年工作要点\n\n一、2024年工作回顾\n"
                     "2024年，市政府行政复议机构收到行政复议申请1,204件，审结1,130件；"
                     "全市人民调解组织调处矛盾纠纷1.6万件。\n\n二、2025年工作要点\n"
                     "（一）行政复议。全年行政复议审结率不低于95%。\n（二）人民调解。新培育品牌调解室30个。\n")
_PLAN_ONLY = ("某市司法局2025年工作要点\n\n一、行政复议\n全年行政复议审结率不低于95%，"
              "受理行政复议申请1 300件以上。\n二、人民调解\n调解矛盾纠纷1.7万件。\n")


def test_plan_review_section_is_results() -> None:
    extraction = extract_document(_PLAN_WITH_REVIEW)
    assert extraction.document.report_year == 2024
    assert sorted((f.metric, f.value) for f in extraction.facts) == [
        ("mediation.disputes", 16000), ("reconsideration.concluded", 1130),
        ("reconsideration.received", 1204)]


def test_plan_without_review_has_no_facts() -> None:
    extraction = extract_document(_PLAN_ONLY)
    assert extraction.document.report_year == 2025
    assert extraction.facts == []


@pytest.mark.parametrize(("title", "doc_type"), [
    ("关于西宁市基层人民调解工作的调研报告", "other"),
    ("关于全市行政复议工作情况的调研报告", "other"),
    ("某区司法局2023年人民调解工作总结", "mediation_report"),
])
def test_research_report_is_other(title: str, doc_type: str) -> None:
    assert extract_document(title + "\n全年调解纠纷120件。\n").document.doc_type == doc_type
