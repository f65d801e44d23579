"""Short passages written for these tests (not taken from any report), across the four families.

Each passage lists exactly the facts it must yield as (metric, value, unit, qualifier, year);
anything else emitted is a false positive. Traps are phrased so that a proximity-based extractor
would bind them. A passage may start with a title line so that the report year is known.
"""

from __future__ import annotations

from typing import NamedTuple

from scrapers.evaluate import iter_numbers
from scrapers.extract import extract_document

Fact = tuple[str, float, str | None, str, int | None]
REC = "reconsideration"
LIT = "litigation"
MED = "mediation"
HOT = "hotline"


def fx(metric: str, value: float, unit: str | None = None, qualifier: str = "exact",
           year: int | None = None) -> Fact:
    """One expected fact (fx: short, as passages list many), defaulting to exact and the report year."""
    return (metric, value, unit, qualifier, year)


class Passage(NamedTuple):
    id: str
    family: str
    text: str
    expected: tuple[Fact, ...]


def _key(metric: str, value: float, unit: str | None, qualifier: str, year: int | None) -> tuple:
    return (metric, round(float(value), 6), unit, qualifier, year)


def assert_passage(passage: Passage) -> None:
    """The extractor yields exactly the passage's expected facts, each with verbatim evidence."""
    extraction = extract_document(passage.text)
    got = sorted(_key(f.metric, f.value, f.unit, f.qualifier, f.year) for f in extraction.facts)
    want = sorted(_key(*fact) for fact in passage.expected)
    evidence = "\n".join(f"  {f.metric}={f.value:g} «{f.evidence}»" for f in extraction.facts)
    assert got == want, f"{passage.id}:\n got  {got}\n want {want}\n{evidence}\n{extraction.warnings}"
    for fact in extraction.facts:
        assert passage.text[fact.start : fact.end] == fact.evidence


def facts_by_metric(text: str) -> dict[str, float]:
    """The extractor's facts in text as metric → value (the last one of a metric wins)."""
    return {f.metric: f.value for f in extract_document(text).facts}


# --- helpers for the corpora's gold files ----------------------------------------------------


def gold_alternatives(entry: dict) -> list[dict]:
    """A gold fact's accepted readings: its ``any_of`` list, or the fact itself."""
    return entry.get("any_of", [entry])


def written_values(text: str) -> set[float]:
    """Every number written in the text (rounded to 6 places), reading a space both as a thousands
    separator and as a gap between table cells."""
    tokens = [*iter_numbers(text), *iter_numbers(text, space_groups=False)]
    return {round(v, 6) for t in tokens for v in t.values}


# Section 四 of an OGI annual report and the start of section 五 after it.
S4_HEADING = "四、政府信息公开行政复议、行政诉讼情况\n"
S5_NEXT = "\n五、存在的主要问题及改进情况\n本年度无。"
T2022 = "某县人民政府关于2022年度法治政府建设情况的报告\n"
H2022 = "某市12345政务服务便民热线2022年度运行情况报告\n"
M2022 = "某县司法局2022年人民调解工作总结\n"
T2023 = "某市人民政府关于2023年度法治政府建设情况的报告\n"
H2023 = "某市12345政务服务便民热线2023年度运行情况报告\n"
M2023 = "某区司法局2023年人民调解工作总结\n"

PASSAGES: tuple[Passage, ...] = (
    # ------------------------------------------------------------------ reconsideration
    Passage("rec_full_breakdown", REC,
            T2022 + "2022年，县政府共收到行政复议申请86件，依法受理79件，不予受理7件；审结72件，"
                    "其中维持45件，驳回12件，直接纠错率16.7%。",
            (("reconsideration.received", 86, "件", "exact", None),
             ("reconsideration.accepted", 79, "件", "exact", None),
             ("reconsideration.concluded", 72, "件", "exact", None),
             ("reconsideration.upheld", 45, "件", "exact", None),
             ("reconsideration.correction_rate", 16.7, None, "exact", None))),
    Passage("rec_corrected_parts_not_total", REC,
            T2022 + "复议机关审结案件中，撤销8件，确认违法3件，责令履行1件。",
            ()),
    Passage("rec_corrected_combined", REC,
            T2022 + "全年行政复议结果纠正11件，纠错率为14.5%。",
            (("reconsideration.corrected", 11, "件", "exact", None),
             ("reconsideration.correction_rate", 14.5, None, "exact", None))),
    Passage("rec_respondent", REC,
            T2022 + "本年度，县司法局作为被申请人的行政复议案件共5起，均被维持。",
            (("reconsideration.as_respondent", 5, "起", "exact", None),)),
    Passage("rec_zero_in_words", REC,
            "某县农业农村局2022年度法治政府建设工作报告\n全年本局未发生行政复议案件。",
            (("reconsideration.as_respondent", 0, None, "exact", None),)),
    Passage("rec_legal_advisers_trap", REC,
            T2022 + "全年法律顾问参与办理行政复议案件12件、行政诉讼案件20件。",
            ()),
    Passage("rec_comparison_base_trap", REC,
            T2022 + "今年共收到行政复议申请60件，较上年的45件增长33.3%。",
            (("reconsideration.received", 60, "件", "exact", None),)),
    Passage("rec_half_year_trap", REC,
            T2022 + "1-6月，共受理行政复议申请20件。上半年审结15件。",
            ()),
    Passage("rec_cumulative_trap", REC,
            T2022 + "自2018年以来，累计办理行政复议案件300余件。五年来审结行政复议案件280件。",
            ()),
    Passage("rec_chinese_numerals", REC,
            T2022 + "全年共收到行政复议申请一百二十七件，审结一百一十件。",
            (("reconsideration.received", 127, "件", "exact", None),
             ("reconsideration.concluded", 110, "件", "exact", None))),
    Passage("rec_number_before_noun", REC,
            T2022 + "区政府本年度受理了12件行政复议申请。",
            (("reconsideration.accepted", 12, "件", "exact", None),)),
    Passage("rec_other_year", REC,
            T2022 + "2021年，县政府收到行政复议申请48件。",
            (("reconsideration.received", 48, "件", "exact", 2021),)),
    Passage("rec_respectively_paired", REC,
            T2022 + "受理、审结行政复议案件分别为20件、18件。",
            (("reconsideration.accepted", 20, "件", "exact", None),
             ("reconsideration.concluded", 18, "件", "exact", None))),
    Passage("rec_respectively_count_mismatch", REC,
            T2022 + "受理、审结、纠错行政复议案件分别为20件、18件。",
            ()),
    # ------------------------------------------------------------------ litigation
    Passage("lit_full", LIT,
            T2022 + "全年新收行政应诉案件64件，审结58件，其中败诉4件，败诉率6.9%；"
                    "行政机关负责人出庭应诉率达到100%。",
            (("litigation.cases", 64, "件", "exact", None),
             ("litigation.concluded", 58, "件", "exact", None),
             ("litigation.lost", 4, "件", "exact", None),
             ("litigation.loss_rate", 6.9, None, "exact", None),
             ("litigation.head_appearance_rate", 100, None, "exact", None))),
    Passage("lit_zero_lost", LIT,
            T2022 + "全县行政机关作为被告的行政诉讼案件共17件，无败诉案件。",
            (("litigation.cases", 17, "件", "exact", None),
             ("litigation.lost", 0, None, "exact", None))),
    Passage("lit_court_statistics_trap", LIT,
            T2022 + "据县法院统计，全年共受理一审行政诉讼案件156件，行政机关负责人出庭应诉率为92%。",
            ()),
    Passage("lit_legal_aid_trap", LIT,
            T2022 + "共办理法律援助案件230件，其中代理行政诉讼案件5件。",
            ()),
    Passage("lit_money_and_events_trap", LIT,
            T2022 + "行政诉讼案件涉及金额120万元，组织旁听庭审活动6次。",
            ()),
    # ------------------------------------------------------------------ mediation
    Passage("med_full", MED,
            M2022 + "全县共有人民调解委员会356个，人民调解员1820名，全年排查调处矛盾纠纷4,512件，"
                    "调解成功4,480件，调解成功率99.3%。",
            (("mediation.committees", 356, "个", "exact", None),
             ("mediation.mediators", 1820, "名", "exact", None),
             ("mediation.disputes", 4512, "件", "exact", None),
             ("mediation.resolved", 4480, "件", "exact", None),
             ("mediation.success_rate", 99.3, None, "exact", None))),
    Passage("med_wan_scaling", MED,
            M2022 + "全年共化解各类矛盾纠纷2.3万件。",
            (("mediation.disputes", 23000, "件", "exact", None),)),
    Passage("med_petition_trap", MED,
            M2022 + "信访部门全年受理信访事项1200件，化解率95%。",
            ()),
    Passage("med_mediators_at_least", MED,
            M2022 + "专兼职调解员队伍达到3000余人。",
            (("mediation.mediators", 3000, "人", "at_least", None),)),
    # 新建…12个 is the year's additions, not the stock (corpus4 036: 新建人民调解委员会13个 is a trap).
    Passage("med_rooms", MED,
            M2022 + "新建个人品牌调解工作室12个。全县现有个人品牌调解工作室35个。",
            (("mediation.committees", 35, "个", "exact", None),)),
    Passage("med_events_and_admin_mediation_trap", MED,
            M2022 + "开展矛盾纠纷排查320次。行政调解案件150件。",
            ()),
    Passage("med_chinese_numeral_approx", MED,
            M2022 + "全镇共调解纠纷两百余起。",
            (("mediation.disputes", 200, "起", "at_least", None),)),
    # ------------------------------------------------------------------ hotline
    Passage("hot_full", HOT,
            H2022 + "全年12345政务服务便民热线共受理群众诉求36.8万件，同比增长12.5%，按时办结率98.6%，"
                    "群众满意率97.2%。",
            (("hotline.contacts", 368000, "件", "exact", None),
             ("hotline.contacts_yoy_pct", 12.5, None, "exact", None),
             ("hotline.completion_rate", 98.6, None, "exact", None),
             ("hotline.satisfaction_rate", 97.2, None, "exact", None))),
    Passage("hot_calls_fcr", HOT,
            H2022 + "市民热线全年接听来电52,341个，一次性办结率为91%，回访满意率96.5%。",
            (("hotline.contacts", 52341, "个", "exact", None),
             ("hotline.first_contact_resolution_rate", 91, None, "exact", None),
             ("hotline.satisfaction_rate", 96.5, None, "exact", None))),
    Passage("hot_other_hotlines_trap", HOT,
            H2022 + "12333人社服务热线受理咨询8万件。8890便民服务平台受理诉求5000件。",
            ()),
    Passage("hot_month_trap", HOT,
            H2022 + "12月份，热线受理量3.2万件。",
            ()),
    Passage("hot_yoy_negative", HOT,
            H2022 + "热线话务量较上年下降3.4%。",
            (("hotline.contacts_yoy_pct", -3.4, None, "exact", None),)),
    Passage("hot_points_not_rate", HOT,
            H2022 + "热线满意率较上年提高2.3个百分点。",
            ()),
    Passage("hot_at_least_rate", HOT,
            H2022 + "热线办结率100%，满意率99%以上。",
            (("hotline.completion_rate", 100, None, "exact", None),
             ("hotline.satisfaction_rate", 99, None, "at_least", None))),
    Passage("hot_other_service_rate_trap", HOT,
            H2022 + "政务服务好差评满意率99.9%。",
            ()),
    Passage("hot_chinese_percent", HOT,
            H2022 + "群众对热线服务的满意率达到百分之九十八点六。",
            (("hotline.satisfaction_rate", 98.6, None, "exact", None),)),
    Passage("hot_duplicate_rounding", HOT,
            H2022 + "热线满意率24.2%。总的看，热线满意率约24%。",
            (("hotline.satisfaction_rate", 24.2, None, "exact", None),)),
    Passage("hot_fullwidth", HOT,
            H2022 + "热线全年受理来电１２，３４５件，群众满意率９８．５％。",
            (("hotline.contacts", 12345, "件", "exact", None),
             ("hotline.satisfaction_rate", 98.5, None, "exact", None))),
    Passage("hot_rate_change_not_volume", HOT,
            H2022 + "热线受理来电3万件，群众满意率98%，同比提高1.5%。",
            (("hotline.contacts", 30000, "件", "exact", None),
             ("hotline.satisfaction_rate", 98, None, "exact", None))),

    # ------------------------------------------------------------------ 分别 lists
    Passage("resp_actions_and", REC,
            T2022 + "全年行政复议收到和办结分别为52件和50件。",
            (("reconsideration.received", 52, "件", "exact", None),
             ("reconsideration.concluded", 50, "件", "exact", None))),
    Passage("resp_subjects_shared_action", LIT,
            T2022 + "行政复议和行政诉讼分别收到12件和8件。",
            (("reconsideration.received", 12, "件", "exact", None),
             ("litigation.cases", 8, "件", "exact", None))),
    Passage("resp_rates", HOT,
            H2022 + "热线满意率、按时办结率分别达到98.5%、99.2%。",
            (("hotline.satisfaction_rate", 98.5, None, "exact", None),
             ("hotline.completion_rate", 99.2, None, "exact", None))),
    Passage("resp_subject_in_previous_clause", REC,
            T2022 + "全年收到行政复议申请60件，受理、审结分别为55件、50件。",
            (("reconsideration.received", 60, "件", "exact", None),
             ("reconsideration.accepted", 55, "件", "exact", None),
             ("reconsideration.concluded", 50, "件", "exact", None))),
    Passage("resp_mediation", MED,
            M2022 + "全年调解矛盾纠纷、调解成功分别为320件、318件。",
            (("mediation.disputes", 320, "件", "exact", None),
             ("mediation.resolved", 318, "件", "exact", None))),
    Passage("resp_places_trap", REC,
            T2022 + "市、县两级分别受理行政复议案件120件、86件。",
            ()),
    Passage("resp_differences_trap", REC,
            T2022 + "行政复议受理、审结分别同比增加5件、3件。",
            ()),
    Passage("resp_one_item_many_figures_trap", HOT,
            H2022 + "上下半年热线满意率分别为98%和99%。",
            ()),
    Passage("resp_corrected_parts_trap", REC,
            T2022 + "行政复议案件中，撤销、变更分别为3件、2件。",
            ()),
    # ------------------------------------------------------------------ tables written as text
    Passage("tab_subject_rows_action_columns", "tables",
            T2023 + "2023年行政复议、行政诉讼案件情况如下：\n"
                    "类别\t收到\t受理\t审结\t纠错\t败诉\n"
                    "行政复议\t46\t41\t38\t5\t—\n"
                    "行政诉讼\t30\t—\t28\t—\t2\n"
                    "法律援助\t120\t118\t110\t—\t—\n"
                    "全年行政机关负责人出庭应诉率100%。",
            (("reconsideration.received", 46, "件", "exact", None),
             ("reconsideration.accepted", 41, "件", "exact", None),
             ("reconsideration.concluded", 38, "件", "exact", None),
             ("reconsideration.corrected", 5, "件", "exact", None),
             ("litigation.cases", 30, "件", "exact", None),
             ("litigation.concluded", 28, "件", "exact", None),
             ("litigation.lost", 2, "件", "exact", None),
             ("litigation.head_appearance_rate", 100, None, "exact", None))),
    Passage("tab_transposed_empty_corner", "tables",
            T2023 + "行政复议行政诉讼情况统计\n"
                    "行政复议\t行政诉讼\n"
                    "收案数(件)\t46\t30\n"
                    "审结数(件)\t41\t28\n"
                    "败诉(件)\t—\t2\n",
            (("reconsideration.received", 46, "件", "exact", None),
             ("litigation.cases", 30, "件", "exact", None),
             ("reconsideration.concluded", 41, "件", "exact", None),
             ("litigation.concluded", 28, "件", "exact", None),
             ("litigation.lost", 2, "件", "exact", None))),
    Passage("pipe_years_and_change", "tables",
            H2023 + "| 项目 | 2022年 | 2023年 | 同比 |\n"
                    "|---|---|---|---|\n"
                    "| 12345热线受理量(万件) | 32.7 | 36.8 | 12.5% |\n"
                    "| 群众满意率 | 97.5% | 98.2% | 0.7% |\n"
                    "| 话务接通率 | 95% | 96% | 1% |\n",
            (("hotline.contacts", 327000, "件", "exact", 2022),
             ("hotline.contacts", 368000, "件", "exact", None),
             ("hotline.contacts_yoy_pct", 12.5, None, "exact", None),
             ("hotline.satisfaction_rate", 97.5, None, "exact", 2022),
             ("hotline.satisfaction_rate", 98.2, None, "exact", None))),
    Passage("pipe_without_rule_negative_change", "tables",
            H2023 + "| 指标 | 本年 | 同比增减 |\n"
                    "| 热线来电总量(件) | 52341 | -3.4% |\n"
                    "| 一次性办结率 | 91% | 下降1.2% |\n",
            (("hotline.contacts", 52341, "件", "exact", None),
             ("hotline.contacts_yoy_pct", -3.4, None, "exact", None),
             ("hotline.first_contact_resolution_rate", 91, None, "exact", None))),
    Passage("space_half_year_and_money", "tables",
            M2023 + "人民调解工作情况\n"
                    "项目            上半年      全年\n"
                    "调解纠纷(件)    120         260\n"
                    "调解成功(件)    118         255\n"
                    "调解成功率      98.3%       98.1%\n"
                    "涉及金额(万元)  300         800\n",
            (("mediation.disputes", 260, "件", "exact", None),
             ("mediation.resolved", 255, "件", "exact", None),
             ("mediation.success_rate", 98.1, None, "exact", None))),
    Passage("space_places_breakdown_trap", "tables",
            M2023 + "各镇街人民调解情况\n"
                    "镇街      调解纠纷    调解成功\n"
                    "城关镇    120         118\n"
                    "新华街道  80          80\n"
                    "合计      200         198\n",
            (("mediation.disputes", 200, "件", "exact", None),
             ("mediation.resolved", 198, "件", "exact", None))),
    Passage("tab_parts_rows_trap", "tables",
            T2023 + "行政复议办理结果\n"
                    "结果\t件数\n"
                    "维持\t20\n"
                    "撤销\t3\n"
                    "确认违法\t2\n"
                    "其中：责令履行\t1\n",
            (("reconsideration.upheld", 20, "件", "exact", None),)),
    Passage("tab_row_years_with_serial_numbers", "tables",
            T2023 + "近两年行政复议收案情况\n"
                    "序号\t年度\t收到申请\t审结\n"
                    "1\t2022年\t40\t38\n"
                    "2\t2023年\t46\t41\n",
            (("reconsideration.received", 40, "件", "exact", 2022),
             ("reconsideration.concluded", 38, "件", "exact", 2022),
             ("reconsideration.received", 46, "件", "exact", None),
             ("reconsideration.concluded", 41, "件", "exact", None))),
    Passage("tab_spanning_header", "tables",
            T2023 + "2023年案件情况\n"
                    "\t行政复议\t\t行政诉讼\n"
                    "\t收到\t审结\t收到\t审结\n"
                    "合计\t46\t41\t30\t28\n",
            (("reconsideration.received", 46, "件", "exact", None),
             ("reconsideration.concluded", 41, "件", "exact", None),
             ("litigation.cases", 30, "件", "exact", None),
             ("litigation.concluded", 28, "件", "exact", None))),
    Passage("tab_other_hotline_and_cumulative_trap", "tables",
            H2023 + "\t受理量\t满意率\n"
                    "12345热线\t1200件\t98%\n"
                    "12333人社热线\t800件\t95%\n"
                    "累计受理\t9000件\t—\n",
            (("hotline.contacts", 1200, "件", "exact", None),
             ("hotline.satisfaction_rate", 98, None, "exact", None))),

    # ------------------------------------------------------------- general rules met on the blind corpus
    Passage("med_success_alone", MED,
            M2022 + "全镇12个村调委会全年调处纠纷146起，成功142起。",
            (("mediation.committees", 12, "个", "exact", None),
             ("mediation.disputes", 146, "起", "exact", None),
             ("mediation.resolved", 142, "起", "exact", None))),
    Passage("rec_handled_is_accepted", REC,
            T2022 + "县人民政府办理行政复议案件27件，其中维持16件。",
            (("reconsideration.accepted", 27, "件", "exact", None),
             ("reconsideration.upheld", 16, "件", "exact", None))),
    Passage("rec_withdrawal_trap", REC,
            T2022 + "全年我局被申请行政复议案件9件，其中经复议维持6件，申请人撤回申请2件。",
            (("reconsideration.as_respondent", 9, "件", "exact", None),
             ("reconsideration.upheld", 6, "件", "exact", None))),
    Passage("lit_court_statistics_whole_sentence_trap", LIT,
            T2022 + "负责人出庭应诉率100%。据市中级人民法院统计，全市行政机关负责人出庭应诉率为87.6%。",
            (("litigation.head_appearance_rate", 100, None, "exact", None),)),
    Passage("rec_bracketed_breakdown", REC,
            T2022 + "行政复议审结149件，纠错18件（撤销12件、确认违法4件、责令履行2件），调解撤回17件。"
                    "纠错率12.1%。",
            (("reconsideration.concluded", 149, "件", "exact", None),
             ("reconsideration.corrected", 18, "件", "exact", None),
             ("reconsideration.correction_rate", 12.1, None, "exact", None))),
    Passage("med_total_after_parts", MED,
            M2022 + "全县现有乡镇人民调解委员会21个、村（居）人民调解委员会318个，合计339个。",
            (("mediation.committees", 339, "个", "exact", None),)),
    Passage("lit_from_to_level", LIT,
            "某市人民政府2020年度法治政府建设情况报告\n"
            "“十三五”期间，负责人出庭应诉率由2016年的23.5%提高到2020年的95.8%。",
            (("litigation.head_appearance_rate", 95.8, None, "exact", None),)),
    Passage("hot_previous_year_written_out", HOT,
            H2023 + "热线全年受理来电来件38,926件，较2022年增长9.4%。",
            (("hotline.contacts", 38926, "件", "exact", None),
             ("hotline.contacts_yoy_pct", 9.4, None, "exact", None))),
    Passage("hot_two_years_back_is_not_yoy", HOT,
            H2023 + "热线全年受理来电38,926件，较2021年增长19.4%。",
            (("hotline.contacts", 38926, "件", "exact", None),)),
    Passage("hot_rates_without_subject_in_hotline_report", HOT,
            H2022 + "全年共受理群众诉求156.8万件。\n全年诉求按时办结率99.12%，群众满意率97.6%。\n"
                    "全年办理人大建议12件。",
            (("hotline.contacts", 1568000, "件", "exact", None),
             ("hotline.completion_rate", 99.12, None, "exact", None),
             ("hotline.satisfaction_rate", 97.6, None, "exact", None))),
    Passage("rates_without_subject_elsewhere_trap", HOT,
            T2022 + "全年诉求按时办结率99.12%，群众满意率97.6%。",
            ()),
    Passage("hot_other_service_number_trap", HOT,
            T2022 + "12328交通运输服务监督热线受理投诉1,306件，办结率100%。",
            ()),
    Passage("lit_lost_zero_wordings", LIT,
            T2022 + "发生行政诉讼案件5件，均未败诉。",
            (("litigation.cases", 5, "件", "exact", None),
             ("litigation.lost", 0, None, "exact", None))),
    Passage("lit_loss_rate_zero", LIT,
            T2022 + "全区行政机关应诉案件27件，败诉案件为零，行政诉讼败诉率为零。",
            (("litigation.cases", 27, "件", "exact", None),
             ("litigation.lost", 0, None, "exact", None),
             ("litigation.loss_rate", 0, None, "exact", None))),
    Passage("rec_not_respondent_zero", REC,
            "市统计局关于2022年度法治政府建设工作情况的报告\n2022年，本局未被申请行政复议，也未发生行政诉讼案件。",
            (("reconsideration.as_respondent", 0, None, "exact", None),
             ("litigation.cases", 0, None, "exact", None))),
    Passage("hot_space_thousands", HOT,
            H2022 + "区12345热线受理群众诉求128 640件，同比增长3.9%。12月受理11 205件。",
            (("hotline.contacts", 128640, "件", "exact", None),
             ("hotline.contacts_yoy_pct", 3.9, None, "exact", None))),
    Passage("hot_overdue_is_not_volume", HOT,
            H2022 + "| 指标 | 全年 |\n|---|---|\n| 受理诉求 | 约3.2万件 |\n| 超期工单 | 0件 |\n",
            (("hotline.contacts", 32000, "件", "approx", None),)),
    Passage("plan_title_no_facts", HOT,
            "高平市2024年法治政府建设工作要点\n行政机关负责人出庭应诉率达到100%，12345热线群众满意率达到95%以上。",
            ()),
    Passage("monthly_title_no_facts", HOT,
            "2023年6月份12345政务服务便民热线运行情况\n市12345热线共受理群众诉求5.42万件，群众满意率97.1%。",
            ()),
    Passage("summary_and_plan_title_keeps_facts", HOT,
            "某区政务服务中心2022年工作总结和2023年工作计划\n全年12345热线群众满意率97.1%。",
            (("hotline.satisfaction_rate", 97.1, None, "exact", None),)),
    Passage("table_parts_rows_zero_words_and_agents", "tables",
            T2023 + "行政争议化解情况\n"
                    "  事项                          数量\n"
                    "  被申请行政复议案件            无\n"
                    "  审结行政复议案件              30件\n"
                    "  其中：维持                    21件\n"
                    "  其中：审结                    3件\n"
                    "  法律顾问代理诉讼案件          7件\n"
                    "  律师代理行政诉讼案件          9件\n",
            (("reconsideration.as_respondent", 0, None, "exact", None),
             ("reconsideration.concluded", 30, "件", "exact", None),
             ("reconsideration.upheld", 21, "件", "exact", None))),
    Passage("table_parser_spaces_and_commas", "tables",
            M2023 + "2023年全区人民调解主要数据与上年对比如下：\n指标 2022年 2023年\n"
                    "人民调解员（名） 1,842 1,905\n"
                    "调解纠纷（件） 6,215 6,874\n调解成功率 98.2% 98.8%\n",
            (("mediation.mediators", 1842, "名", "exact", 2022),
             ("mediation.mediators", 1905, "名", "exact", None),
             ("mediation.disputes", 6215, "件", "exact", 2022),
             ("mediation.disputes", 6874, "件", "exact", None),
             ("mediation.success_rate", 98.2, None, "exact", 2022),
             ("mediation.success_rate", 98.8, None, "exact", None))),
    Passage("table_categories_and_total_row", "tables",
            M2023 + "全市人民调解组织排查化解矛盾纠纷情况\n类型 件数 调解成功\n婚姻家庭纠纷 320 318\n"
                    "邻里纠纷 210 205\n合计 530 523\n",
            (("mediation.disputes", 530, "件", "exact", None),
             ("mediation.resolved", 523, "件", "exact", None))),
    Passage("table_channels_and_total_column", "tables",
            H2023 + "受理渠道\t电话\t网络\t合计\n受理量(件)\t26000\t10000\t36000\n",
            (("hotline.contacts", 36000, "件", "exact", None),)),
    Passage("table_places_no_total_trap", "tables",
            H2023 + "2023年各区热线办理情况\n区域 受理量 满意率\n东区 12000 97%\n西区 9000 96%\n",
            ()),
)
