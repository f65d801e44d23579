"""Other actors, awards, subsets, cumulative figures, disclaimers and lists (generalization rules).

Each rule of ``metric_rules.yaml`` added for unseen reports gets several phrasings here, with traps.
The passages are written for these tests, not copied from any report.
"""

from __future__ import annotations

import pytest
from passages import H2023, HOT, LIT, M2023, MED, REC, T2023, Passage, assert_passage

PASSAGES: tuple[Passage, ...] = (
    # foreign_documents: a court's, procuratorate's or labour arbitration's own document.
    Passage("court_whitepaper", LIT,
            "某市中级人民法院2023年度行政审判白皮书\n2023年，全市法院共受理行政诉讼案件1200件，审结1150件，"
            "行政机关败诉率9.2%，负责人出庭应诉率96%。", ()),
    Passage("procuratorate_notice", LIT,
            "某区人民检察院2023年行政检察工作通报\n全年受理行政诉讼监督案件35件，行政机关负责人出庭率为90.1%；"
            "向12345热线移送诉求线索9条。", ()),
    Passage("labour_arbitration_summary", MED,
            "某县劳动人事争议仲裁院2023年工作总结\n全年调解成功620件，调解成功率88.5%，配备调解员40人。", ()),
    Passage("government_report_naming_court_keeps_own", LIT,
            T2023 + "全年市政府办理行政应诉案件37件，败诉2件。法院共受理行政案件900件。",
            (("litigation.cases", 37, "件", "exact", None), ("litigation.lost", 2, "件", "exact", None))),
    # actor_exclusions: awards, some of the units, procuratorates.
    Passage("award_counts", MED,
            M2023 + "全区现有人民调解委员会120个。评选“金牌调解员”20名、优秀人民调解委员会15个。",
            (("mediation.committees", 120, "个", "exact", None),)),
    Passage("award_commended", MED,
            M2023 + "全年调解纠纷3000件。表彰先进人民调解组织12个、优秀调解员30名。",
            (("mediation.disputes", 3000, "件", "exact", None),)),
    Passage("some_counties_lost", LIT,
            T2023 + "全市行政诉讼败诉10件；部分县区败诉案件超过5件。",
            (("litigation.lost", 10, "件", "exact", None),)),
    Passage("individual_departments", LIT,
            T2023 + "全市办理行政应诉案件88件，个别部门败诉案件较多，达6件。",
            (("litigation.cases", 88, "件", "exact", None),)),
    # other topics: commercial and trade-association mediation.
    Passage("commercial_mediation", MED,
            T2023 + "整合商会、行业协会调解组织37家，全年调解商事纠纷214件；人民调解委员会共调解纠纷1508件。",
            (("mediation.disputes", 1508, "件", "exact", None),)),
    Passage("trade_association_only", MED,
            M2023 + "依托行业协会调解组织12个，调处纠纷88件。",
            ()),
    # disclaimers: a bracket after the figure disowning it.
    Passage("disclaimer_not_in_scope", REC,
            T2023 + "以市政府名义受理行政复议案件286件（此数据不属于本报告统计口径），"
                    "本机关被申请行政复议3件。",
            (("reconsideration.as_respondent", 3, "件", "exact", None),)),
    Passage("disclaimer_court_statistics", LIT,
            T2023 + "全年办理行政应诉案件40件，负责人出庭应诉率88.5%（法院统计口径）。",
            (("litigation.cases", 40, "件", "exact", None),)),
    Passage("bracket_breakdown_not_disclaimer", REC,
            T2023 + "全年收到行政复议申请52件（含上年结转3件），审结45件。",
            (("reconsideration.received", 52, "件", "exact", None),
             ("reconsideration.concluded", 45, "件", "exact", None))),
    # dispute_kinds after 其中: parts by kind.
    Passage("kinds_after_qizhong", MED,
            M2023 + "全年共调解各类矛盾纠纷3000余起。其中成功调处土地纠纷四百余起、婚姻家庭纠纷六百余起。",
            (("mediation.disputes", 3000, "起", "at_least", None),)),
    Passage("kinds_without_qizhong_bind", MED,
            M2023 + "全年调处邻里纠纷120件。",
            (("mediation.disputes", 120, "件", "exact", None),)),
    Passage("qizhong_resolved_kept", MED,
            M2023 + "全年调解矛盾纠纷500件，其中调解成功490件。",
            (("mediation.disputes", 500, "件", "exact", None),
             ("mediation.resolved", 490, "件", "exact", None))),
    # cumulative since an earlier year.
    Passage("cumulative_since_year", MED,
            M2023 + "自2018年推行“一站式”矛盾纠纷调处机制以来，全区累计调解矛盾纠纷2.3万件。"
                    "2023年，全区累计调解矛盾纠纷5128件。",
            (("mediation.disputes", 5128, "件", "exact", None),)),
    Passage("cumulative_after_semicolon", LIT,
            T2023 + "自2016年以来，县政府累计办理行政复议案件512件；累计应诉行政诉讼案件631件。"
                    "全年行政应诉案件143件。",
            (("litigation.cases", 143, "件", "exact", None),)),
    Passage("cumulative_plain_in_year_report", MED,
            M2023 + "进一步规范诉调对接机制，累计成功调处各类矛盾纠纷6583起。",
            (("mediation.resolved", 6583, "起", "exact", None),)),
    Passage("cumulative_whole_year", HOT,
            H2023 + "热线全年累计受理群众诉求15.6万件。",
            (("hotline.contacts", 156000, "件", "exact", None),)),
    # 由YYYY年的A下降到B: B is the report year's level.
    Passage("from_year_to_level", LIT,
            T2023 + "行政诉讼败诉率由2016年的18.2%下降到8.1%。",
            (("litigation.loss_rate", 8.1, None, "exact", None),)),
    # not words: pending cases, very-satisfied shares, seats.
    Passage("pending_not_concluded", REC,
            T2023 + "全年审结行政复议案件40件，维持30件，纠正6件，尚未审结4件。",
            (("reconsideration.concluded", 40, "件", "exact", None),
             ("reconsideration.upheld", 30, "件", "exact", None),
             ("reconsideration.corrected", 6, "件", "exact", None))),
    Passage("pending_litigation", LIT,
            T2023 + "全年行政应诉案件20件，未审结3件。",
            (("litigation.cases", 20, "件", "exact", None),)),
    Passage("very_satisfied_share", HOT,
            H2023 + "热线群众满意率98.1%，非常满意率85.3%，不满意率0.4%。",
            (("hotline.satisfaction_rate", 98.1, None, "exact", None),)),
    Passage("hotline_seats", HOT,
            H2023 + "12345热线新增话务坐席60个，全年接听来电20万个。",
            (("hotline.contacts", 200000, "个", "exact", None),)),
    # lists: the noun after a figure is its own; a right-hand cue must follow the unit.
    Passage("committee_levels_then_total", MED,
            M2023 + "全县14个镇（街道）人民调解委员会、496个村（社区）人民调解委员会、"
                    "18个行业性专业性人民调解组织规范运行，人民调解组织总数528个。",
            (("mediation.committees", 528, "个", "exact", None),)),
    Passage("places_then_committees", MED,
            M2023 + "全区10个街道、97个社区设立人民调解委员会107个。",
            (("mediation.committees", 107, "个", "exact", None),)),
    Passage("committees_right_after_unit", MED,
            M2023 + "三、人民调解\n指导全县327个人民调解委员会调处纠纷5621件。",
            (("mediation.committees", 327, "个", "exact", None),
             ("mediation.disputes", 5621, "件", "exact", None))),
    Passage("case_kinds_of_legal_aid", LIT,
            T2023 + "法律援助中心受理案件826件，其中刑事案件312件、民事案件498件、行政案件16件。",
            ()),
    Passage("case_kinds_other_order", LIT,
            T2023 + "受理民事案件498件和行政案件16件。全年办理行政应诉案件50件。",
            (("litigation.cases", 50, "件", "exact", None),)),
)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_actor_and_scope_passage(passage: Passage) -> None:
    assert_passage(passage)
