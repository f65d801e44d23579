"""Passages for the general rules (written for these tests, not copied from any report).

Five requirements, each with several phrasings and traps: PDF line breaks and page furniture,
targets and plans, breakdowns in brackets and colon labels, other systems' figures, and the
section-4 table of OGI reports. Each passage lists exactly the facts it must yield.
"""

from __future__ import annotations

from passages import H2023, HOT, LIT, M2023, MED, REC, T2023, Passage

D2023 = "某县农业农村局2023年度法治政府建设情况报告\n"

PDF_PASSAGES: tuple[Passage, ...] = (
    Passage("pdf_subject_on_previous_line", REC,
            T2023 + "2023年，县政府坚持依法办理复议案件，全年共收到行政复议\n申请52件，依法受理48件，"
                    "审结45件。\n",
            (("reconsideration.received", 52, "件", "exact", None),
             ("reconsideration.accepted", 48, "件", "exact", None),
             ("reconsideration.concluded", 45, "件", "exact", None))),
    Passage("pdf_word_split_across_lines", LIT,
            T2023 + "全年办理行政应诉案件37件，行政机关负责人出庭应诉率达\n到100%，审结案件31件，败诉2件，"
                    "行政诉讼败\n诉率6.5%。",
            (("litigation.cases", 37, "件", "exact", None),
             ("litigation.head_appearance_rate", 100, None, "exact", None),
             ("litigation.concluded", 31, "件", "exact", None),
             ("litigation.lost", 2, "件", "exact", None),
             ("litigation.loss_rate", 6.5, None, "exact", None))),
    Passage("pdf_page_footer_dash", MED,
            M2023 + "全区各级人民调解组织坚持抓早抓小，全年共排查调处各类矛盾纠\n— 3 —\n纷1286件，调解成功"
                    "1270件，调解成功率98.8%。",
            (("mediation.disputes", 1286, "件", "exact", None),
             ("mediation.resolved", 1270, "件", "exact", None),
             ("mediation.success_rate", 98.8, None, "exact", None))),
    Passage("pdf_page_footer_chinese_page", HOT,
            H2023 + "热线平台全年受理群众来电和网络诉求共计\n\n第 3 页 共 8 页\n\n15.6万件，同比下降3.4%，"
                    "按时办结率99.2%。",
            (("hotline.contacts", 156000, "件", "exact", None),
             ("hotline.contacts_yoy_pct", -3.4, None, "exact", None),
             ("hotline.completion_rate", 99.2, None, "exact", None))),
    Passage("pdf_lone_page_number", REC,
            T2023 + "本年度，县政府作为被申请人的行政复议案件共计\n- 7 -\n6件，均被依法维持。另有县司法局依法"
                    "办理的行政复\n12\n议案件审结11件。",
            (("reconsideration.as_respondent", 6, "件", "exact", None),
             ("reconsideration.concluded", 11, "件", "exact", None))),
    # A heading and a list item start new lines: no join, no subject carried into them.
    Passage("pdf_heading_not_joined", MED,
            M2023 + "二、人民调解工作开展情况\n全年调解矛盾纠纷845件\n（一）法律援助工作\n全年办理法律援助"
                    "案件312件，提供法律咨询1500人次。",
            (("mediation.disputes", 845, "件", "exact", None),)),
    Passage("pdf_break_after_full_stop_keeps_sentences", HOT,
            H2023 + "全年热线受理诉求8.2万件。\n信访部门办理群众来信来访1200件，办结率100%。",
            (("hotline.contacts", 82000, "件", "exact", None),)),
    Passage("pdf_other_subject_across_break", LIT,
            T2023 + "县法律顾问团队全年参与办理各类法律事务，其中代理行政\n诉讼案件13件，"
                    "代理行政复议案件4件。\n全县行政诉讼案件共28件，败诉1件。",
            (("litigation.cases", 28, "件", "exact", None),
             ("litigation.lost", 1, "件", "exact", None))),
)

PLAN_PASSAGES: tuple[Passage, ...] = (
    Passage("plan_section_next_steps", MED,
            M2023 + "一、主要工作成效\n全年共调解矛盾纠纷2300件，调解成功2285件，调解成功率99.3%。\n"
                    "四、下一步工作安排\n继续深化人民调解规范化建设，力争调解成功率保持在98%以上，"
                    "新建品牌调解工作室10个，培训调解员500人次。\n",
            (("mediation.disputes", 2300, "件", "exact", None),
             ("mediation.resolved", 2285, "件", "exact", None),
             ("mediation.success_rate", 99.3, None, "exact", None))),
    Passage("plan_next_year_sentence", HOT,
            H2023 + "全年热线接听来电35万个，群众满意率97.6%。2024年，热线将进一步扩容，"
                    "预计受理量达到40万件，满意率不低于98%。",
            (("hotline.contacts", 350000, "个", "exact", None),
             ("hotline.satisfaction_rate", 97.6, None, "exact", None))),
    Passage("plan_strive_in_result_paragraph", LIT,
            T2023 + "全年行政诉讼案件21件，审结19件。下一步，力争行政机关负责人出庭应诉率达到100%，"
                    "确保败诉率控制在5%以内。",
            (("litigation.cases", 21, "件", "exact", None),
             ("litigation.concluded", 19, "件", "exact", None))),
    Passage("plan_target_zero_is_not_a_zero", LIT,
            T2023 + "明年，全县要以零败诉为目标，确保不发生行政诉讼败诉案件。",
            ()),
    Passage("plan_reached_100_in_results_is_a_figure", LIT,
            T2023 + "2023年，县政府行政机关负责人出庭应诉率达到100%，行政复议案件纠错率达到12.5%以上。",
            (("litigation.head_appearance_rate", 100, None, "exact", None),
             ("reconsideration.correction_rate", 12.5, None, "at_least", None))),
    Passage("plan_targets_met_then_result", MED,
            M2023 + "年初确定的目标任务全部完成，全年调处纠纷1560件，调解成功率98.1%，超额完成目标。",
            (("mediation.disputes", 1560, "件", "exact", None),
             ("mediation.success_rate", 98.1, None, "exact", None))),
    Passage("plan_work_points_heading", HOT,
            H2023 + "全年热线工单一次办结率91.5%。\n五、2024年工作计划\n1.热线一次办结率力争提升至93%；\n"
                    "2.群众满意率达到98%以上。",
            (("hotline.first_contact_resolution_rate", 91.5, None, "exact", None),)),
    Passage("plan_require_in_future_sentence", REC,
            T2023 + "今后要求各部门行政复议决定履行率达到100%，行政复议案件办结率不低于95%，"
                    "计划全年审结复议案件60件。",
            ()),
    Passage("plan_ensure_in_past_sentence_is_kept", REC,
            T2023 + "县政府严格落实复议前置程序，确保案件依法公正审理，全年审结行政复议案件45件。",
            (("reconsideration.concluded", 45, "件", "exact", None),)),
)

BREAKDOWN_PASSAGES: tuple[Passage, ...] = (
    Passage("brk_outcomes_in_brackets", REC,
            T2023 + "全年收到行政复议申请46件，结案41件（维持27件，纠错8件，终止6件）。",
            (("reconsideration.received", 46, "件", "exact", None),
             ("reconsideration.concluded", 41, "件", "exact", None),
             ("reconsideration.upheld", 27, "件", "exact", None),
             ("reconsideration.corrected", 8, "件", "exact", None))),
    Passage("brk_outcomes_half_width_brackets", REC,
            T2023 + "办结行政复议案件58件(其中维持原行政行为39件、确认违法或撤销11件、驳回申请8件)。",
            (("reconsideration.concluded", 58, "件", "exact", None),
             ("reconsideration.upheld", 39, "件", "exact", None),
             ("reconsideration.corrected", 11, "件", "exact", None))),
    Passage("brk_same_metric_parts_dropped", REC,
            T2023 + "全年审结复议案件60件，纠错18件（撤销12件、确认违法4件、责令履行2件）。",
            (("reconsideration.concluded", 60, "件", "exact", None),
             ("reconsideration.corrected", 18, "件", "exact", None))),
    Passage("brk_carried_over_inside", REC,
            T2023 + "全年审结（含上年结转7件）行政复议案件112件，纠错率15.2%。",
            (("reconsideration.concluded", 112, "件", "exact", None),
             ("reconsideration.correction_rate", 15.2, None, "exact", None))),
    Passage("brk_aside_before_figure", LIT,
            T2023 + "全年办理行政诉讼案件（包括上年度未结案件5件）共计86件，败诉3件。",
            (("litigation.cases", 86, "件", "exact", None),
             ("litigation.lost", 3, "件", "exact", None))),
    Passage("brk_colon_label_sentence", REC,
            T2023 + "行政复议：收案46件，结案41件，纠错率17.1%。\n行政诉讼：应诉案件33件，败诉2件。",
            (("reconsideration.received", 46, "件", "exact", None),
             ("reconsideration.concluded", 41, "件", "exact", None),
             ("reconsideration.correction_rate", 17.1, None, "exact", None),
             ("litigation.cases", 33, "件", "exact", None),
             ("litigation.lost", 2, "件", "exact", None))),
    Passage("brk_colon_label_lines", MED,
            M2023 + "主要数据\n人民调解委员会：318个\n调解员：563人\n调解成功率：98.6%\n培训次数：12次",
            (("mediation.committees", 318, "个", "exact", None),
             ("mediation.mediators", 563, "人", "exact", None),
             ("mediation.success_rate", 98.6, None, "exact", None))),
    Passage("brk_colon_label_respondent", REC,
            D2023 + "本局作为被申请人的复议案件：6件；作为被告的行政诉讼案件：2件。",
            (("reconsideration.as_respondent", 6, "件", "exact", None),
             ("litigation.cases", 2, "件", "exact", None))),
    Passage("brk_colon_label_other_subject", HOT,
            H2023 + "依申请公开：56件\n热线受理量：12.8万件\n满意率：96.3%",
            (("hotline.contacts", 128000, "件", "exact", None),
             ("hotline.satisfaction_rate", 96.3, None, "exact", None))),
)

OTHER_SYSTEM_PASSAGES: tuple[Passage, ...] = (
    Passage("oth_labour_arbitration", MED,
            M2023 + "全年人民调解组织调解纠纷960件。劳动人事争议调解仲裁院受理劳动争议案件420件，"
                    "调解成功315件，调解成功率75%。",
            (("mediation.disputes", 960, "件", "exact", None),)),
    Passage("oth_consumer_12315", MED,
            M2023 + "市场监管部门通过12315平台调解消费纠纷3200件，为消费者挽回经济损失180万元。"
                    "全县人民调解委员会调处纠纷1450起。",
            (("mediation.disputes", 1450, "起", "exact", None),)),
    Passage("oth_court_invited_mediators", MED,
            M2023 + "法院特邀调解员45人开展诉前调解，诉前调解成功案件620件。全县共有人民调解员1320人。",
            (("mediation.mediators", 1320, "人", "exact", None),)),
    Passage("oth_administrative_and_traffic", MED,
            M2023 + "各行政机关开展行政调解280件，交通事故调解委员会调解道路交通事故纠纷150起；"
                    "人民调解组织化解矛盾纠纷2100件。",
            (("mediation.disputes", 2100, "件", "exact", None),)),
    Passage("oth_not_resolved", MED,
            M2023 + "全年调处矛盾纠纷412起，调解成功398起，未调解成功14起，已引导当事人通过诉讼解决。",
            (("mediation.disputes", 412, "起", "exact", None),
             ("mediation.resolved", 398, "起", "exact", None))),
    Passage("oth_petition_and_legal_aid", REC,
            T2023 + "全年收到行政复议申请38件；受理信访案件215件；"
                    "办理法律援助案件460件，其中行政类案件12件。",
            (("reconsideration.received", 38, "件", "exact", None),)),
    Passage("oth_townships_versus_total", MED,
            M2023 + "各乡镇人民调解委员会共调解纠纷860件。全县共调解矛盾纠纷1320件，调解成功1298件。",
            (("mediation.disputes", 1320, "件", "exact", None),
             ("mediation.resolved", 1298, "件", "exact", None))),
    Passage("oth_departments_versus_government", LIT,
            T2023 + "各部门共发生行政诉讼案件57件；全县行政诉讼案件共计73件，审结68件。",
            (("litigation.cases", 73, "件", "exact", None),
             ("litigation.concluded", 68, "件", "exact", None))),
    Passage("oth_cumulative_annual", HOT,
            H2023 + "全年累计受理热线诉求24.6万件，满意率96.8%。自2016年开通以来累计受理群众诉求180万件。",
            (("hotline.contacts", 246000, "件", "exact", None),
             ("hotline.satisfaction_rate", 96.8, None, "exact", None))),
    Passage("oth_cumulative_as_of", MED,
            M2023 + "2023年，全县调解纠纷1180件。截至2023年底，全县人民调解组织累计调解纠纷2.1万件。",
            (("mediation.disputes", 1180, "件", "exact", None),)),
)

PASSAGES_GENERAL = PDF_PASSAGES + PLAN_PASSAGES + BREAKDOWN_PASSAGES + OTHER_SYSTEM_PASSAGES
