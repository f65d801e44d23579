"""Short passages written for these tests (not taken from any report), across the four families.

Each passage lists exactly the facts it must yield as (metric, value, unit, qualifier, year);
anything else emitted is a false positive. Traps are phrased so that a proximity-based extractor
would bind them. A passage may start with a title line so that the report year is known.
"""

from __future__ import annotations

from typing import NamedTuple


class Passage(NamedTuple):
    id: str
    family: str
    text: str
    expected: tuple[tuple[str, float, str | None, str, int | None], ...]


T2022 = "某县人民政府关于2022年度法治政府建设情况的报告\n"
H2022 = "某市12345政务服务便民热线2022年度运行情况报告\n"
M2022 = "某县司法局2022年人民调解工作总结\n"

PASSAGES: tuple[Passage, ...] = (
    # ------------------------------------------------------------------ reconsideration
    Passage("rec_full_breakdown", "reconsideration",
            T2022 + "2022年，县政府共收到行政复议申请86件，依法受理79件，不予受理7件；审结72件，"
                    "其中维持45件，驳回12件，直接纠错率16.7%。",
            (("reconsideration.received", 86, "件", "exact", None),
             ("reconsideration.accepted", 79, "件", "exact", None),
             ("reconsideration.concluded", 72, "件", "exact", None),
             ("reconsideration.upheld", 45, "件", "exact", None),
             ("reconsideration.correction_rate", 16.7, None, "exact", None))),
    Passage("rec_corrected_parts_not_total", "reconsideration",
            T2022 + "复议机关审结案件中，撤销8件，确认违法3件，责令履行1件。",
            ()),
    Passage("rec_corrected_combined", "reconsideration",
            T2022 + "全年行政复议结果纠正11件，纠错率为14.5%。",
            (("reconsideration.corrected", 11, "件", "exact", None),
             ("reconsideration.correction_rate", 14.5, None, "exact", None))),
    Passage("rec_respondent", "reconsideration",
            T2022 + "本年度，县司法局作为被申请人的行政复议案件共5起，均被维持。",
            (("reconsideration.as_respondent", 5, "起", "exact", None),)),
    Passage("rec_zero_in_words", "reconsideration",
            "某县农业农村局2022年度法治政府建设工作报告\n全年本局未发生行政复议案件。",
            (("reconsideration.as_respondent", 0, None, "exact", None),)),
    Passage("rec_legal_advisers_trap", "reconsideration",
            T2022 + "全年法律顾问参与办理行政复议案件12件、行政诉讼案件20件。",
            ()),
    Passage("rec_comparison_base_trap", "reconsideration",
            T2022 + "今年共收到行政复议申请60件，较上年的45件增长33.3%。",
            (("reconsideration.received", 60, "件", "exact", None),)),
    Passage("rec_half_year_trap", "reconsideration",
            T2022 + "1-6月，共受理行政复议申请20件。上半年审结15件。",
            ()),
    Passage("rec_cumulative_trap", "reconsideration",
            T2022 + "自2018年以来，累计办理行政复议案件300余件。五年来审结行政复议案件280件。",
            ()),
    Passage("rec_chinese_numerals", "reconsideration",
            T2022 + "全年共收到行政复议申请一百二十七件，审结一百一十件。",
            (("reconsideration.received", 127, "件", "exact", None),
             ("reconsideration.concluded", 110, "件", "exact", None))),
    Passage("rec_number_before_noun", "reconsideration",
            T2022 + "区政府本年度受理了12件行政复议申请。",
            (("reconsideration.accepted", 12, "件", "exact", None),)),
    Passage("rec_other_year", "reconsideration",
            T2022 + "2021年，县政府收到行政复议申请48件。",
            (("reconsideration.received", 48, "件", "exact", 2021),)),
    Passage("rec_respectively_not_guessed", "reconsideration",
            T2022 + "受理、审结行政复议案件分别为20件、18件。",
            ()),
    # ------------------------------------------------------------------ litigation
    Passage("lit_full", "litigation",
            T2022 + "全年新收行政应诉案件64件，审结58件，其中败诉4件，败诉率6.9%；"
                    "行政机关负责人出庭应诉率达到100%。",
            (("litigation.cases", 64, "件", "exact", None),
             ("litigation.concluded", 58, "件", "exact", None),
             ("litigation.lost", 4, "件", "exact", None),
             ("litigation.loss_rate", 6.9, None, "exact", None),
             ("litigation.head_appearance_rate", 100, None, "exact", None))),
    Passage("lit_zero_lost", "litigation",
            T2022 + "全县行政机关作为被告的行政诉讼案件共17件，无败诉案件。",
            (("litigation.cases", 17, "件", "exact", None),
             ("litigation.lost", 0, None, "exact", None))),
    Passage("lit_court_statistics_trap", "litigation",
            T2022 + "据县法院统计，全年共受理一审行政诉讼案件156件，行政机关负责人出庭应诉率为92%。",
            ()),
    Passage("lit_legal_aid_trap", "litigation",
            T2022 + "共办理法律援助案件230件，其中代理行政诉讼案件5件。",
            ()),
    Passage("lit_money_and_events_trap", "litigation",
            T2022 + "行政诉讼案件涉及金额120万元，组织旁听庭审活动6次。",
            ()),
    # ------------------------------------------------------------------ mediation
    Passage("med_full", "mediation",
            M2022 + "全县共有人民调解委员会356个，人民调解员1820名，全年排查调处矛盾纠纷4,512件，"
                    "调解成功4,480件，调解成功率99.3%。",
            (("mediation.committees", 356, "个", "exact", None),
             ("mediation.mediators", 1820, "名", "exact", None),
             ("mediation.disputes", 4512, "件", "exact", None),
             ("mediation.resolved", 4480, "件", "exact", None),
             ("mediation.success_rate", 99.3, None, "exact", None))),
    Passage("med_wan_scaling", "mediation",
            M2022 + "全年共化解各类矛盾纠纷2.3万件。",
            (("mediation.disputes", 23000, "件", "exact", None),)),
    Passage("med_petition_trap", "mediation",
            M2022 + "信访部门全年受理信访事项1200件，化解率95%。",
            ()),
    Passage("med_mediators_at_least", "mediation",
            M2022 + "专兼职调解员队伍达到3000余人。",
            (("mediation.mediators", 3000, "人", "at_least", None),)),
    Passage("med_rooms", "mediation",
            M2022 + "新建个人品牌调解工作室12个。",
            (("mediation.committees", 12, "个", "exact", None),)),
    Passage("med_events_and_admin_mediation_trap", "mediation",
            M2022 + "开展矛盾纠纷排查320次。行政调解案件150件。",
            ()),
    Passage("med_chinese_numeral_approx", "mediation",
            M2022 + "全镇共调解纠纷两百余起。",
            (("mediation.disputes", 200, "起", "at_least", None),)),
    # ------------------------------------------------------------------ hotline
    Passage("hot_full", "hotline",
            H2022 + "全年12345政务服务便民热线共受理群众诉求36.8万件，同比增长12.5%，按时办结率98.6%，"
                    "群众满意率97.2%。",
            (("hotline.contacts", 368000, "件", "exact", None),
             ("hotline.contacts_yoy_pct", 12.5, None, "exact", None),
             ("hotline.completion_rate", 98.6, None, "exact", None),
             ("hotline.satisfaction_rate", 97.2, None, "exact", None))),
    Passage("hot_calls_fcr", "hotline",
            H2022 + "市民热线全年接听来电52,341个，一次性办结率为91%，回访满意率96.5%。",
            (("hotline.contacts", 52341, "个", "exact", None),
             ("hotline.first_contact_resolution_rate", 91, None, "exact", None),
             ("hotline.satisfaction_rate", 96.5, None, "exact", None))),
    Passage("hot_other_hotlines_trap", "hotline",
            H2022 + "12333人社服务热线受理咨询8万件。8890便民服务平台受理诉求5000件。",
            ()),
    Passage("hot_month_trap", "hotline",
            H2022 + "12月份，热线受理量3.2万件。",
            ()),
    Passage("hot_yoy_negative", "hotline",
            H2022 + "热线话务量较上年下降3.4%。",
            (("hotline.contacts_yoy_pct", -3.4, None, "exact", None),)),
    Passage("hot_points_not_rate", "hotline",
            H2022 + "热线满意率较上年提高2.3个百分点。",
            ()),
    Passage("hot_at_least_rate", "hotline",
            H2022 + "热线办结率100%，满意率99%以上。",
            (("hotline.completion_rate", 100, None, "exact", None),
             ("hotline.satisfaction_rate", 99, None, "at_least", None))),
    Passage("hot_other_service_rate_trap", "hotline",
            H2022 + "政务服务好差评满意率99.9%。",
            ()),
    Passage("hot_chinese_percent", "hotline",
            H2022 + "群众对热线服务的满意率达到百分之九十八点六。",
            (("hotline.satisfaction_rate", 98.6, None, "exact", None),)),
    Passage("hot_duplicate_rounding", "hotline",
            H2022 + "热线满意率24.2%。总的看，热线满意率约24%。",
            (("hotline.satisfaction_rate", 24.2, None, "exact", None),)),
    Passage("hot_fullwidth", "hotline",
            H2022 + "热线全年受理来电１２，３４５件，群众满意率９８．５％。",
            (("hotline.contacts", 12345, "件", "exact", None),
             ("hotline.satisfaction_rate", 98.5, None, "exact", None))),
    Passage("hot_rate_change_not_volume", "hotline",
            H2022 + "热线受理来电3万件，群众满意率98%，同比提高1.5%。",
            (("hotline.contacts", 30000, "件", "exact", None),
             ("hotline.satisfaction_rate", 98, None, "exact", None))),
)
