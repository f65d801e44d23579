"""Hotline family, broadened: passages written for these tests (not copied from any report).

Annual reports of a 12345 centre, sections of rule-of-law reports and speeches: volumes with
全年/本年度/年内/全年累计, merged lines (含8890), channel breakdowns (parts), lists and colon labels,
rates with a bracketed qualifier between cue and number, 98·6%, full-width, tables with units in the
header, monthly tables with a total, year-on-year changes, and traps (other hotlines, department
sub-lines, 转办工单, seats, 1–N月, targets). Each passage lists exactly the facts it must yield.
"""

from __future__ import annotations

import pytest
from passages import H2023, HOT, T2023, Fact, Passage, assert_passage, fx

C = "contacts"
S = "satisfaction_rate"
F = "first_contact_resolution_rate"
P = "completion_rate"
Y = "contacts_yoy_pct"
G2023 = "某区人民政府关于2023年度法治政府建设工作情况的报告\n"
SP2023 = "在2023年度全市12345热线工作总结会上的讲话\n"


def _f(metric: str, value: float, unit: str | None = None, qualifier: str = "exact",
       year: int | None = None) -> Fact:
    return fx(f"hotline.{metric}", value, unit, qualifier, year)


HOTLINE_BROAD: tuple[Passage, ...] = (
    # ------------------------------------------------------------ volumes, annual wording
    Passage("annual_quannian_shouli_laidian", HOT,
            H2023 + "全年受理群众来电468213件，办结率99.6%。",
            (_f(C, 468213, "件"), _f(P, 99.6))),
    Passage("annual_bendu_jieting", HOT,
            H2023 + "本年度，热线共接听市民来电32.5万个，群众满意率98.3%。",
            (_f(C, 325000, "个"), _f(S, 98.3))),
    Passage("annual_nianneii_banli_gongdan", HOT,
            H2023 + "年内办理各类工单18.6万件，一次办结率76.2%。",
            (_f(C, 186000, "件"), _f(F, 76.2))),
    Passage("annual_quannian_leiji", HOT,
            H2023 + "全年累计受理群众诉求126.8万件，同比增长8.1%。",
            (_f(C, 1268000, "件"), _f(Y, 8.1))),
    Passage("annual_chengban_wangluo_weixin", HOT,
            G2023 + "12345政务服务便民热线全年承办来电、网络、微信等渠道诉求53218件，按期办结率99.2%。",
            (_f(C, 53218, "件"), _f(P, 99.2))),
    Passage("leiji_since_year_is_not_annual", HOT,
            H2023 + "全年受理诉求36.2万件。热线自2019年开通以来，累计受理群众诉求150万件。",
            (_f(C, 362000, "件"),)),
    Passage("merged_line_with_8890", HOT,
            H2023 + "全年12345热线（含8890）共受理诉求78.45万件，同比上升11.7%。",
            (_f(C, 784500, "件"), _f(Y, 11.7))),
    Passage("merged_line_old_mayor_line", HOT,
            H2023 + "整合后的12345热线（含原市长热线、8890便民服务热线）全年受理来电41.2万件，满意率97.8%。",
            (_f(C, 412000, "件"), _f(S, 97.8))),
    Passage("channels_are_parts", HOT,
            H2023 + "全年共受理群众诉求52.3万件，其中电话来电38.1万件，网络留言9.7万件，微信4.5万件。",
            (_f(C, 523000, "件"),)),
    Passage("categories_are_parts", HOT,
            H2023 + "全年受理诉求15632件，其中咨询类8321件、求助类3210件、投诉类2876件。",
            (_f(C, 15632, "件"),)),
    # ------------------------------------------------------------ lists and labels
    Passage("circled_list", HOT,
            H2023 + "2023年主要指标：①受理量：412356件；②按时办结率：99.31%；③群众满意率：98.76%。",
            (_f(C, 412356, "件"), _f(P, 99.31), _f(S, 98.76))),
    Passage("numbered_list_lines", HOT,
            H2023 + "一、总体情况\n1.受理总量：286514件。\n2.一次办结率：72.15%。\n3.满意率：97.64%。\n",
            (_f(C, 286514, "件"), _f(F, 72.15), _f(S, 97.64))),
    Passage("chinese_bracket_list", HOT,
            H2023 + "（一）话务总量。全年呼入总量为61.3万通，同比下降2.6%。\n"
                    "（二）办结情况。办结率为99.05%。\n",
            (_f(C, 613000, "通"), _f(Y, -2.6), _f(P, 99.05))),
    # ------------------------------------------------------------ rates with qualifiers
    Passage("rate_bracket_label_satisfaction", HOT,
            H2023 + "全年受理诉求9.8万件，回访满意率（含基本满意）98.05%。",
            (_f(C, 98000, "件"), _f(S, 98.05))),
    Passage("rate_bracket_label_fcr", HOT,
            H2023 + "热线一次办结率（直接办结）为68.4%，按时办结率为99.7%。",
            (_f(F, 68.4), _f(P, 99.7))),
    Passage("rate_middle_dot", HOT,
            H2023 + "全年群众满意率98·6%，办结率99·1%。",
            (_f(S, 98.6), _f(P, 99.1))),
    Passage("rate_full_width", HOT,
            H2023 + "全年受理来电１２．５万件，满意率９８．２％，同比增长５．９％。",
            (_f(C, 125000, "件"), _f(S, 98.2))),
    Passage("yoy_of_volume_full_width", HOT,
            H2023 + "全年受理来电１２．５万件，同比增长５．９％，满意率９８．２％。",
            (_f(C, 125000, "件"), _f(Y, 5.9), _f(S, 98.2))),
    Passage("rate_effective_survey", HOT,
            H2023 + "有效参评满意率为96.83%，较上年提高1.2个百分点。",
            (_f(S, 96.83),)),
    # ------------------------------------------------------------ tables
    Passage("table_units_in_header", HOT,
            H2023 + "| 指标 | 数值 |\n|---|---|\n| 受理量(万件) | 36.8 |\n| 按时办结率(%) | 99.2 |\n"
                    "| 满意率(%) | 97.9 |\n",
            (_f(C, 368000, "件"), _f(P, 99.2), _f(S, 97.9))),
    Passage("monthly_table_total_row", HOT,
            H2023 + "| 月份 | 受理量(件) |\n|---|---|\n| 1月 | 3012 |\n| 2月 | 2876 |\n| 3月 | 3301 |\n"
                    "| 合计 | 9189 |\n",
            (_f(C, 9189, "件"),)),
    Passage("quarterly_table_total_column", HOT,
            H2023 + "| 项目 | 一季度 | 二季度 | 三季度 | 四季度 | 全年 |\n|---|---|---|---|---|---|\n"
                    "| 受理量(件) | 10230 | 11540 | 12876 | 11003 | 45649 |\n",
            (_f(C, 45649, "件"),)),
    # ------------------------------------------------------------ year on year
    Passage("year_rows_with_change_column", HOT,
            H2023 + "| 年份 | 受理量(万件) | 同比(%) | 满意率(%) |\n|---|---|---|---|\n"
                    "| 2022 | 10.15 | 17.7 | 94.90 |\n| 2023 | 11.48 | 13.1 | 96.18 |\n",
            (_f(C, 101500, "件", "exact", 2022), _f(Y, 17.7, None, "exact", 2022),
             _f(S, 94.9, None, "exact", 2022),
             _f(C, 114800, "件"), _f(Y, 13.1), _f(S, 96.18))),
    Passage("yoy_decrease_volume", HOT,
            H2023 + "全年热线话务量26.4万件，较上年下降4.3%。",
            (_f(C, 264000, "件"), _f(Y, -4.3))),
    Passage("yoy_of_rate_is_not_volume", HOT,
            H2023 + "全年受理量31.5万件，满意率98.1%，同比提高0.6%。",
            (_f(C, 315000, "件"), _f(S, 98.1))),
    # ------------------------------------------------------------ speeches and rule-of-law sections
    Passage("speech_about_wan", HOT,
            SP2023 + "同志们，过去一年，全市12345热线共接听群众来电约9万个，群众满意率达到97%以上。",
            (_f(C, 90000, "个", "approx"), _f(S, 97, None, "at_least"))),
    Passage("rule_of_law_section", HOT,
            T2023 + "畅通12345政务服务便民热线，全年受理群众诉求8.2万件，办结率100%，满意率98.5%。",
            (_f(C, 82000, "件"), _f(P, 100), _f(S, 98.5))),
    Passage("speech_colloquial_approx", HOT,
            SP2023 + "12345热线去年接了差不多9万个电话，满意率95.3%。",
            (_f(C, 90000, "个", "approx"), _f(S, 95.3))),
    Passage("yoy_after_count_difference", HOT,
            H2023 + "全年共受理群众来电来信46.82万件，较上年增加2.6万件，增长5.9%；直接办结率64.95%。",
            (_f(C, 468200, "件"), _f(Y, 5.9), _f(F, 64.95))),
    Passage("category_named_like_other_subject", HOT,
            G2023 + "12345热线全年共受理群众诉求36.74万件，其中咨询类12.1万件、投诉举报类11.2万件；"
                    "诉求按时办结率99.87%，群众满意率92.35%。",
            (_f(C, 367400, "件"), _f(P, 99.87), _f(S, 92.35))),
    Passage("district_handles_city_transfers", HOT,
            "某区12345热线2023年度工作情况报告\n全区共承办市12345热线转办工单12,456件，较上年减少7.2%；"
            "按时办结率99.5%。",
            (_f(C, 12456, "件"), _f(Y, -7.2), _f(P, 99.5))),
    # ------------------------------------------------------------ traps
    Passage("trap_department_report_transfers", HOT,
            "某县市场监督管理局关于2023年度法治政府建设情况的报告\n12315平台全年受理投诉举报2156件。"
            "12345政务服务热线转办市场监管类工单8417件，按时办结率100%。",
            ()),
    Passage("trap_other_hotlines", HOT,
            T2023 + "12315消费者投诉热线全年受理投诉2130件；12333人社热线接听来电5.6万个；"
                    "12328交通运输服务热线受理诉求860件。",
            ()),
    Passage("trap_enterprise_line_is_part", HOT,
            H2023 + "全年受理群众诉求35.6万件，满意率97.9%；企业服务专线受理企业诉求1.2万件。",
            (_f(C, 356000, "件"), _f(S, 97.9))),
    Passage("trap_department_transfers", HOT,
            H2023 + "全年热线受理诉求28.3万件。市住建局全年承办12345转办工单1.6万件，办结率98%。",
            (_f(C, 283000, "件"),)),
    Passage("trap_seats", HOT,
            H2023 + "全年受理来电21.7万个，新增话务坐席30个，热线坐席总数达120个。",
            (_f(C, 217000, "个"),)),
    Passage("trap_partial_months", HOT,
            H2023 + "1-11月，热线受理诉求18.3万件，满意率97.2%。",
            ()),
    Passage("trap_targets", HOT,
            H2023 + "全年受理诉求40.1万件，满意率98.4%。"
                    "下一步，力争群众满意率达到99%以上，按时办结率保持100%。",
            (_f(C, 401000, "件"), _f(S, 98.4))),
    Passage("trap_another_year", HOT,
            H2023 + "全年受理诉求40.1万件，2022年受理诉求36.2万件。",
            (_f(C, 401000, "件"), _f(C, 362000, "件", "exact", 2022))),
)


@pytest.mark.parametrize("passage", HOTLINE_BROAD, ids=[p.id for p in HOTLINE_BROAD])
def test_hotline_broad(passage: Passage) -> None:
    assert_passage(passage)
