"""Table breadth: the table forms real reports use, in renderings the development corpora do not.

Year-comparison tables (years as columns, metrics as rows, a change column), the OGI section-4
table in the ways portals and PDF text layers lay it out, mediation tables by township with a
total row, hotline tables by month with a total row. Each form stands beside a trap variant (a
township's row, a month, the previous year's column) that must not be emitted as the report
year's figure. Written for these tests, not copied from any report; each passage lists exactly
the facts it must yield, so that a table layout the rules do not generalize to fails here first.
"""

from __future__ import annotations

import pytest
from passages import (
    H2022,
    HOT,
    M2022,
    MED,
    REC,
    S4_HEADING,
    S5_NEXT,
    T2022,
    Fact,
    Passage,
    assert_passage,
    facts_by_metric,
    fx,
)


def _f(metric: str, value: float, unit: str | None = None, year: int | None = None) -> Fact:
    return fx(metric, value, unit, year=year)


# The same year-comparison figures, whatever the rendering: 2022 is the report year.
YEAR_TABLE_FACTS: tuple[Fact, ...] = (
    _f("reconsideration.received", 412, "件"), _f("reconsideration.received", 377, "件", 2021),
    _f("reconsideration.concluded", 398, "件"), _f("reconsideration.concluded", 360, "件", 2021),
    _f("litigation.cases", 156, "件"), _f("litigation.cases", 171, "件", 2021),
    _f("litigation.head_appearance_rate", 97.4), _f("litigation.head_appearance_rate", 90.2, None, 2021),
)

YEAR_TABLES: tuple[Passage, ...] = (
    # PDF text layer: space-aligned, the report year first, a numbered title laid out as a row.
    Passage("year_space_this_year_first", REC,
            T2022 + "表2  2022年行政复议应诉主要数据\n"
                    "项目                 2022年     2021年     增减\n"
                    "收到复议申请（件）     412        377       +35\n"
                    "审结复议案件（件）     398        360       +38\n"
                    "行政应诉案件（件）     156        171       -15\n"
                    "负责人出庭应诉率       97.4%      90.2%     +7.2个百分点\n",
            YEAR_TABLE_FACTS),
    # HTML (one row per line, cells by TAB): the previous year first, headers without 年.
    Passage("year_tab_last_year_first_bare_years", REC,
            T2022 + "主要数据对比如下：\n"
                    "指标\t2021\t2022\t增幅\n"
                    "收到复议申请（件）\t377\t412\t9.3%\n"
                    "审结复议案件（件）\t360\t398\t10.6%\n"
                    "行政应诉案件（件）\t171\t156\t-8.8%\n"
                    "负责人出庭应诉率（%）\t90.2\t97.4\t7.2\n",
            YEAR_TABLE_FACTS),
    # Pipe table, 年度 headers, 同比 as a percentage change of counts that have no yoy key.
    Passage("year_pipe_niandu", REC,
            T2022 + "| 项目 | 2022年度 | 2021年度 | 同比 |\n|---|---|---|---|\n"
                    "| 收到复议申请（件） | 412 | 377 | 9.3% |\n"
                    "| 审结复议案件（件） | 398 | 360 | 10.6% |\n"
                    "| 行政应诉案件（件） | 156 | 171 | -8.8% |\n"
                    "| 负责人出庭应诉率 | 97.4% | 90.2% | 7.2个百分点 |\n",
            YEAR_TABLE_FACTS),
    # A hotline volume's year-on-year change is a fact: the change column binds that one cell.
    Passage("year_hotline_volume_change", HOT,
            H2022 + "指标\t2022年\t2021年\t同比\n"
                    "受理量（件）\t186,402\t162,110\t15.0%\n"
                    "按时办结率\t99.2%\t98.7%\t0.5个百分点\n",
            (_f("hotline.contacts", 186402, "件"), _f("hotline.contacts", 162110, "件", 2021),
             _f("hotline.contacts_yoy_pct", 15.0),
             _f("hotline.completion_rate", 99.2), _f("hotline.completion_rate", 98.7, None, 2021))),
    # HTML with rowspan/colspan: the years under a spanning 案件数（件）, a rate row with its own (%).
    Passage("year_tab_spanned_header", REC,
            T2022 + "具体情况见下表。\n项目\t案件数（件）\t同比\n2022年\t2021年\n"
                    "收到行政复议申请\t412\t377\t9.3%\n行政应诉案件\t156\t171\t-8.8%\n"
                    "负责人出庭应诉率（%）\t97.4\t90.2\t—\n",
            (_f("reconsideration.received", 412, "件"), _f("reconsideration.received", 377, "件", 2021),
             _f("litigation.cases", 156, "件"), _f("litigation.cases", 171, "件", 2021),
             _f("litigation.head_appearance_rate", 97.4),
             _f("litigation.head_appearance_rate", 90.2, None, 2021))),
    # 本年 / 上年 instead of years; a change column of counts (增减) gives nothing.
    Passage("year_tab_this_and_last_year_words", REC,
            T2022 + "项目\t本年\t上年\t增减\n收到复议申请（件）\t412\t377\t35\n"
                    "行政应诉案件（件）\t156\t171\t-15\n",
            (_f("reconsideration.received", 412, "件"), _f("reconsideration.received", 377, "件", 2021),
             _f("litigation.cases", 156, "件"), _f("litigation.cases", 171, "件", 2021))),
    # Years as rows, metrics as columns: 审结 continues the subject of the column before it.
    Passage("year_rows_metrics_columns", REC,
            T2022 + "年份\t收到复议申请（件）\t审结（件）\n2022年\t412\t398\n2021年\t377\t360\n",
            (_f("reconsideration.received", 412, "件"), _f("reconsideration.received", 377, "件", 2021),
             _f("reconsideration.concluded", 398, "件"), _f("reconsideration.concluded", 360, "件", 2021))),
    # Three years, the report year last: each column its own year.
    Passage("year_three_columns_report_year_last", REC,
            T2022 + "项目\t2020年\t2021年\t2022年\n收到复议申请（件）\t350\t377\t412\n",
            (_f("reconsideration.received", 350, "件", 2020), _f("reconsideration.received", 377, "件", 2021),
             _f("reconsideration.received", 412, "件"))),
    # Space-aligned under a prose caption, bare years, a signed change in counts.
    Passage("year_space_bare_years_prose_caption", REC,
            T2022 + "近两年行政复议和应诉情况对比：\n项目              2022       2021      增减（件）\n"
                    "复议申请（件）    412        377       +35\n"
                    "应诉案件（件）    156        171       -15\n",
            (_f("reconsideration.received", 412, "件"), _f("reconsideration.received", 377, "件", 2021),
             _f("litigation.cases", 156, "件"), _f("litigation.cases", 171, "件", 2021))),
    # A mediation year table: stocks and the year's work, each year its own.
    Passage("year_mediation_two_years", MED,
            M2022 + "指标\t2022年\t2021年\n调委会（个）\t215\t213\n调解员（人）\t1,032\t998\n"
                    "受理纠纷（件）\t4,120\t3,876\n调解成功率\t98.6%\t98.1%\n",
            (_f("mediation.committees", 215, "个"), _f("mediation.committees", 213, "个", 2021),
             _f("mediation.mediators", 1032, "人"), _f("mediation.mediators", 998, "人", 2021),
             _f("mediation.disputes", 4120, "件"), _f("mediation.disputes", 3876, "件", 2021),
             _f("mediation.success_rate", 98.6), _f("mediation.success_rate", 98.1, None, 2021))),
    # Trap: the report year's column covers eleven months only; the previous year's is whole.
    Passage("year_trap_partial_report_year_column", HOT,
            H2022 + "指标\t2022年1-11月\t2021年\n受理量（件）\t170,402\t162,110\n",
            (_f("hotline.contacts", 162110, "件", 2021),)),
    # Trap: a column of another subject next to one the rules read (法律援助 carries nothing).
    Passage("year_trap_other_subject_column", REC,
            T2022 + "年份\t收到复议申请（件）\t法律援助（件）\t审结（件）\n2022年\t412\t930\t398\n",
            (_f("reconsideration.received", 412, "件"),)),
    # Trap: only the previous year's column is there (the report compares with a base year).
    Passage("year_trap_only_previous_year", REC,
            T2022 + "指标\t2021年\n收到复议申请（件）\t377\n行政应诉案件（件）\t171\n",
            (_f("reconsideration.received", 377, "件", 2021), _f("litigation.cases", 171, "件", 2021))),
)


OGI = "某县人民政府2022年政府信息公开工作年度报告\n"
FIVE = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def _ogi(body: str) -> dict[str, float]:
    return facts_by_metric(OGI + S4_HEADING + body + S5_NEXT + "\n")


def test_section4_html_rowspan_colspan() -> None:
    """Three header rows (行政复议 | 行政诉讼, the two lawsuit groups, 15 column words), one row."""
    body = ("行政复议\t行政诉讼\n\t未经复议直接起诉\t复议后起诉\n" + "\t".join(FIVE * 3) + "\n"
            + "\t".join(["4", "1", "0", "2", "7", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]))
    assert _ogi(body) == {"reconsideration.upheld": 4, "reconsideration.corrected": 1,
                          "reconsideration.as_respondent": 7, "litigation.cases": 1}


def test_section4_one_cell_per_line_words_broken() -> None:
    """PDF text, a cell per line, the column words broken mid-word (结果 / 维持, 总 / 计)."""
    words = "\n".join(f"{w[:2]}\n{w[2:]}" if len(w) == 4 else "总\n计" for w in FIVE)
    groups = [["2", "0", "1", "0", "3"], ["1", "0", "0", "0", "1"], ["0", "0", "0", "0", "0"]]
    body = "行政复议\n" + "\n".join(words + "\n" + "\n".join(g) for g in groups)
    assert _ogi(body) == {"reconsideration.upheld": 2, "reconsideration.corrected": 0,
                          "reconsideration.as_respondent": 3, "litigation.cases": 1}


def test_section4_space_separated_rows_per_group() -> None:
    """Each group its own header line and value line, the lawsuit groups named on a line of their own."""
    header = "  ".join(FIVE)
    body = (f"行政复议\n{header}\n5  2  0  0  7\n行政诉讼（未经复议直接起诉）\n{header}\n0  0  0  2  2\n"
            f"行政诉讼（复议后起诉）\n{header}\n1  0  0  0  1\n")
    # Both lawsuit groups hold cases: the caseload would be a sum the table does not state.
    assert _ogi(body) == {"reconsideration.upheld": 5, "reconsideration.corrected": 2,
                          "reconsideration.as_respondent": 7}


def test_section4_labelled_cells_in_sentences() -> None:
    """Every cell written with its word (结果维持 1；…), one sentence per group."""
    body = "".join(f"{group}：" + "；".join(f"{w} {v}" for w, v in zip(FIVE, values, strict=True)) + "。\n"
                   for group, values in (("行政复议", "10012"), ("未经复议直接起诉", "00000"),
                                         ("复议后起诉", "00000")))
    assert _ogi(body) == {"reconsideration.upheld": 1, "reconsideration.corrected": 0,
                          "reconsideration.as_respondent": 2, "litigation.cases": 0}


def test_section4_all_zero_with_unit_line() -> None:
    """A 单位：件 line over an all-zero table: the respondent's zero and no lawsuits."""
    body = "单位：件\n" + "\t".join(FIVE * 3) + "\n" + "\t".join(["0"] * 15)
    assert _ogi(body) == {"reconsideration.upheld": 0, "reconsideration.corrected": 0,
                          "reconsideration.as_respondent": 0, "litigation.cases": 0}


def test_section4_trap_cells_out_of_order() -> None:
    """Column words that do not repeat the five in order (a missing group) are not the table."""
    body = "\t".join(FIVE * 2) + "\n" + "\t".join(["1", "0", "0", "0", "1", "0", "0", "0", "0", "0"])
    assert _ogi(body) == {}


def test_section4_trap_stray_figure_before_words() -> None:
    """A number before any column word (a count in prose) leaves the labelled reading alone."""
    body = "本年度共办理3件。\n" + "".join(
        f"{w}：{v}\n" for w, v in zip(FIVE * 3, "100010000000000", strict=True))
    assert _ogi(body) == {}


MED_BY_TOWNSHIP = ("乡镇\t调委会（个）\t调解员（人）\t受理纠纷（件）\t调解成功（件）\n"
                   "城关镇\t12\t40\t210\t205\n"
                   "河西乡\t9\t31\t180\t176\n")
HOT_BY_MONTH = ("月份\t受理量（件）\t按时办结率\n"
                "1月\t8,210\t98.1%\n"
                "2月\t7,902\t98.4%\n"
                "3月\t9,315\t98.9%\n")

OTHER_TABLES: tuple[Passage, ...] = (
    Passage("med_by_township_total", MED,
            M2022 + "各乡镇人民调解工作情况：\n" + MED_BY_TOWNSHIP + "合计\t21\t71\t390\t381\n",
            (_f("mediation.committees", 21, "个"), _f("mediation.mediators", 71, "人"),
             _f("mediation.disputes", 390, "件"), _f("mediation.resolved", 381, "件"))),
    Passage("med_by_township_scope_total", MED,
            M2022 + "各乡镇人民调解工作情况：\n" + MED_BY_TOWNSHIP + "全县合计\t21\t71\t390\t381\n",
            (_f("mediation.committees", 21, "个"), _f("mediation.mediators", 71, "人"),
             _f("mediation.disputes", 390, "件"), _f("mediation.resolved", 381, "件"))),
    Passage("med_trap_by_township_no_total", MED,
            M2022 + "各乡镇人民调解工作情况：\n" + MED_BY_TOWNSHIP, ()),
    Passage("med_by_township_space_total", MED,
            M2022 + "乡镇        受理纠纷（件）   调解成功（件）\n"
                    "城关镇      210             205\n"
                    "河西乡      180             176\n"
                    "合计        390             381\n",
            (_f("mediation.disputes", 390, "件"), _f("mediation.resolved", 381, "件"))),
    # Trap: kinds of dispute summed by a 合计 column, one row per township: no township row is the whole.
    Passage("med_trap_township_rows_total_column", MED,
            M2022 + "乡镇\t婚姻家庭\t邻里纠纷\t合计\n城关镇\t40\t30\t70\n河西乡\t20\t10\t30\n", ()),
    Passage("hot_by_month_total", HOT,
            H2022 + "2022年各月受理情况：\n" + HOT_BY_MONTH + "合计\t25,427\t98.5%\n",
            (_f("hotline.contacts", 25427, "件"), _f("hotline.completion_rate", 98.5))),
    Passage("hot_trap_by_month_no_total", HOT,
            H2022 + "2022年各月受理情况：\n" + HOT_BY_MONTH, ()),
    Passage("hot_by_month_pipe_total", HOT,
            H2022 + "| 月份 | 受理量（件） |\n|---|---|\n| 1月 | 8,210 |\n| 2月 | 7,902 |\n"
                    "| 全年合计 | 16,112 |\n",
            (_f("hotline.contacts", 16112, "件"),)),
)


@pytest.mark.parametrize("passage", YEAR_TABLES + OTHER_TABLES, ids=lambda p: p.id)
def test_table_passage(passage: Passage) -> None:
    assert_passage(passage)


def test_section4_lawsuit_groups_under_one_header() -> None:
    """行政复议 on its own rows, then both lawsuit groups under one header of ten words and one row."""
    body = ("行政复议\n" + " ".join(FIVE) + "\n2 1 0 0 3\n行政诉讼\n未经复议直接起诉 复议后起诉\n"
            + " ".join(FIVE * 2) + "\n0 0 0 0 0 1 0 0 0 1\n")
    assert _ogi(body) == {"reconsideration.upheld": 2, "reconsideration.corrected": 1,
                          "reconsideration.as_respondent": 3, "litigation.cases": 1}


def test_section4_labelled_cells_with_units() -> None:
    """结果维持：1件 — a unit after each labelled cell, full-width colons, one cell per line."""
    body = "".join(f"{w}：{v}件\n" for w, v in zip(FIVE * 3, "211040000000000", strict=True))
    assert _ogi(body) == {"reconsideration.upheld": 2, "reconsideration.corrected": 1,
                          "reconsideration.as_respondent": 4, "litigation.cases": 0}


def test_section4_trap_total_below_its_cells() -> None:
    """A total smaller than a cell of its group: the cells are not this table's, nothing is read."""
    body = "".join(f"{w}：{v}\n" for w, v in zip(FIVE * 3, "510020000000000", strict=True))
    assert _ogi(body) == {}
