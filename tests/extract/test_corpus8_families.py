"""Phrasing families met in corpus8 (held-out set 5, written blind), each in wordings of our own.

corpus8's errors came from layouts and scopes nobody had tried: a table of column groups under a
spanning header (行政复议 | 行政诉讼, each over 本年 / 上年 / 增减) read with the groups swapped; a
sentence naming its subject only after its first figures (在审结的案件中，维持七十四件，…，其余以调解、
和解方式终止); a sentence's tail set below paragraphs a layout dropped into it; a respondent's zero
worded around its role; a hotline table whose unit note lists 件、% and whose caption compares with
上年; a category's tickets (城乡建设类诉求) and a district's (历下区全年承办工单…) taken for the
hotline's; the year of a speech or a research report dated by a bracketed line; mediation statistics
documents typed other. Every rule added for them is exercised here in two or three wordings, beside
trap variants that must not fire. Written for these tests, not copied from any report.
"""

from __future__ import annotations

import pytest
from passages import H2022, HOT, REC, T2022, T2023, Passage, assert_passage, fx

from scrapers.extract import extract_document
from scrapers.extract.document import doc_type_of

# A Jinan title, not passages.H2023: the passages below name Jinan's districts.
H2023 = "济南市12345市民服务热线2023年工作报告\n"

# Column groups under a spanning header: each group's columns take the group's subject, 上年 gives
# the year before, 增减 nothing.
_GROUPS_2023 = (
    fx("reconsideration.received", 58, "件"), fx("reconsideration.received", 49, "件", year=2022),
    fx("reconsideration.concluded", 55, "件"), fx("reconsideration.concluded", 47, "件", year=2022),
    fx("reconsideration.corrected", 6, "件"), fx("reconsideration.corrected", 5, "件", year=2022),
    fx("litigation.cases", 31, "件"), fx("litigation.cases", 35, "件", year=2022),
    fx("litigation.concluded", 29, "件"), fx("litigation.concluded", 30, "件", year=2022),
    fx("litigation.lost", 2, "件"), fx("litigation.lost", 3, "件", year=2022),
)

PASSAGES: tuple[Passage, ...] = (
    # ------------------------------------------- column groups under a spanning header row
    Passage("groups_multispace", REC,
            T2023 + "全年行政复议、行政应诉情况如下表（单位：件）：\n"
            "项目        行政复议                  行政应诉\n"
            "            本年    上年    增减      本年    上年    增减\n"
            "新收案件    58      49      +9        31      35      -4\n"
            "审结案件    55      47      +8        29      30      -1\n"
            "纠错/败诉   6       5       +1        2       3       -1\n",
            _GROUPS_2023),
    Passage("groups_pipe", REC,
            T2023 + "全年行政复议、行政诉讼案件对比：\n"
            "| 类别 | 行政复议（件） | 行政诉讼（件） |\n"
            "| 本年 | 上年 | 增减 | 本年 | 上年 | 增减 |\n"
            "| 新收案件 | 120 | 98 | +22 | 64 | 70 | -6 |\n"
            "| 审结 | 110 | 90 | +20 | 60 | 66 | -6 |\n",
            (fx("reconsideration.received", 120, "件"), fx("reconsideration.received", 98, "件", year=2022),
             fx("reconsideration.concluded", 110, "件"), fx("reconsideration.concluded", 90, "件", year=2022),
             fx("litigation.cases", 64, "件"), fx("litigation.cases", 70, "件", year=2022),
             fx("litigation.concluded", 60, "件"), fx("litigation.concluded", 66, "件", year=2022))),
    Passage("groups_tabs_as_html_renders", REC,
            T2023 + "全年行政复议、行政诉讼情况详见下表。\n项目\t行政复议（件）\t行政诉讼（件）\n"
            "本年\t上年\t增减\t本年\t上年\t增减\n新收案件\t58\t49\t+9\t31\t35\t-4\n"
            "审结案件\t55\t47\t+8\t29\t30\t-1\n纠错/败诉\t6\t5\t+1\t2\t3\t-1\n",
            _GROUPS_2023),
    # --------------------------------------------- a hotline table: 单位：件、%, 与上年对比
    Passage("hotline_units_listed_compared_caption", HOT,
            H2023 + "全年主要指标与上年对比如下（单位：件、%）：\n"
            "指标          本年          上年          增减\n"
            "受理总量      6 284 513     5 917 402     +6.2%\n"
            "按期办结率    99.42         99.10         +0.32个百分点\n"
            "满意率        95.8          94.6          +1.2个百分点\n",
            (fx("hotline.contacts", 6284513, "件"), fx("hotline.contacts", 5917402, "件", year=2022),
             fx("hotline.contacts_yoy_pct", 6.2),
             fx("hotline.completion_rate", 99.42), fx("hotline.completion_rate", 99.1, year=2022),
             fx("hotline.satisfaction_rate", 95.8), fx("hotline.satisfaction_rate", 94.6, year=2022))),
    Passage("hotline_caption_with_last_year_is_a_comparison", HOT,
            H2022 + "2022年热线运行数据（与上年同期对比）\n"
            "指标      2022年      增长率\n"
            "来电总量  412 306     +3.5%\n",
            (fx("hotline.contacts", 412306, "件"), fx("hotline.contacts_yoy_pct", 3.5))),
    # ------------------------------- a subject named only after the sentence's first figures
    Passage("carried_subject_named_late", REC,
            T2022 + "区司法局作为区政府行政复议机构，全年共收到行政复议申请一百二十七件，审结一百零九件。"
            "在审结的案件中，维持七十四件，撤销、确认违法等纠错十五件，其余以调解、和解方式终止。",
            (fx("reconsideration.received", 127, "件"), fx("reconsideration.concluded", 109, "件"),
             fx("reconsideration.upheld", 74, "件"), fx("reconsideration.corrected", 15, "件"))),
    Passage("carried_subject_named_late_digits", REC,
            T2022 + "县政府全年收到行政复议申请88件，办结80件。"
            "经审理，决定维持52件，纠错9件，另有11件以调解和解方式结案。",
            (fx("reconsideration.received", 88, "件"), fx("reconsideration.concluded", 80, "件"),
             fx("reconsideration.upheld", 52, "件"), fx("reconsideration.corrected", 9, "件"))),
    # -------------------------- a sentence's tail below paragraphs a layout dropped into it
    Passage("displaced_tail", REC,
            T2022 + "    （一）行政复议。全年县政府共收到行政复议申请96件，审结90件，其中维持\n"
            "    加强队伍建设。组织执法人员参加培训，提高执法水平。\n"
            "    深化普法宣传。开展宪法宣传周活动，营造良好氛围。\n"
            "61件，撤销、确认违法共计12件，纠错率13.3%。\n"
            "    （二）行政应诉。全年县政府作为被告的行政诉讼案件40件。\n",
            (fx("reconsideration.received", 96, "件"), fx("reconsideration.concluded", 90, "件"),
             fx("reconsideration.upheld", 61, "件"), fx("reconsideration.corrected", 12, "件"),
             fx("reconsideration.correction_rate", 13.3), fx("litigation.cases", 40, "件"))),
    Passage("displaced_tail_not_after_a_complete_line", REC,
            T2022 + "    全年县政府共审结行政复议案件90件。\n"
            "    加强队伍建设。组织执法人员参加培训。\n"
            "12个部门开展了执法案卷评查。\n",
            (fx("reconsideration.concluded", 90, "件"),)),
    # ------------------------------------------- the respondent's zero worded around its role
    Passage("zero_respondent_named_between", REC,
            T2022 + "街道全年未发生以街道办事处为被申请人的行政复议案件，被提起行政诉讼1件，尚未审结。",
            (fx("reconsideration.as_respondent", 0), fx("litigation.cases", 1, "件"))),
    Passage("zero_respondent_as_role", REC,
            T2022 + "本年度没有出现以镇政府作为被申请人的复议案件。",
            (fx("reconsideration.as_respondent", 0),)),
    # ---------------------------------- one category of the tickets: a part, not the volume
    Passage("category_yoy_not_the_volume", HOT,
            H2023 + "全年热线共受理诉求52.3万件，同比增长4.1%。其中，城乡建设类诉求同比下降5.1%。",
            (fx("hotline.contacts", 523000, "件"), fx("hotline.contacts_yoy_pct", 4.1))),
    Passage("category_yoy_alone_is_no_yoy", HOT,
            H2023 + "全年热线共受理诉求52.3万件。其中，城乡建设类诉求同比下降5.1%，咨询类来电同比增长2.4%。",
            (fx("hotline.contacts", 523000, "件"),)),
    Passage("category_passed_on_not_the_volume", HOT,
            T2022 + "全年通过12345热线、数字城管平台转办的城市管理类投诉8 315件，办结率98%。",
            ()),
    Passage("every_kind_is_the_volume", HOT,
            H2023 + "全年热线共受理各类诉求12.6万件。",
            (fx("hotline.contacts", 126000, "件"),)),
    # ------------------------------------- a district's figures in a city's report: parts
    Passage("district_sentence_is_a_part", HOT,
            H2023 + "全年热线受理诉求62.8万件，满意率95.8%。历下区全年承办工单19.8万件，满意率96.7%。",
            (fx("hotline.contacts", 628000, "件"), fx("hotline.satisfaction_rate", 95.8))),
    Passage("district_rate_alone_is_no_rate", HOT,
            H2023 + "全年热线受理诉求62.8万件。其中，市中区全年办理工单11.2万件，按期办结率99.1%。",
            (fx("hotline.contacts", 628000, "件"),)),
    Passage("own_district_is_the_scope", HOT,
            "济南市历下区12345热线2023年工作总结\n历下区全年承办工单19.8万件，满意率96.7%。",
            (fx("hotline.contacts", 198000, "件"), fx("hotline.satisfaction_rate", 96.7))),
    Passage("not_a_district_name", REC,
            T2023 + "另有县司法局依法办理的行政复议案件审结11件。",
            (fx("reconsideration.concluded", 11, "件"),)),
)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_corpus8_passage(passage: Passage) -> None:
    assert_passage(passage)


_HTML = """<html><head><meta charset="utf-8">
<title>某区人民政府2023年法治政府建设年度报告</title></head><body>
<div class="TRS_Editor">
<p style="text-align:center"><strong>某区人民政府2023年法治政府建设年度报告</strong></p>
<p>2023年，某区以法治政府建设示范创建为引领，扎实推进法治政府建设各项工作。现将有关情况报告如下：</p>
<p>一、依法化解行政争议。全年行政复议、行政诉讼情况详见下表。</p>
<table border="1">
<tr><td rowspan="2">项目</td><td colspan="3">行政复议（件）</td><td colspan="3">行政诉讼（件）</td></tr>
<tr><td>本年</td><td>上年</td><td>增减</td><td>本年</td><td>上年</td><td>增减</td></tr>
<tr><td>新收案件</td><td>58</td><td>49</td><td>+9</td><td>31</td><td>35</td><td>-4</td></tr>
<tr><td>审结案件</td><td>55</td><td>47</td><td>+8</td><td>29</td><td>30</td><td>-1</td></tr>
<tr><td>纠错/败诉</td><td>6</td><td>5</td><td>+1</td><td>2</td><td>3</td><td>-1</td></tr>
</table>
<p>注：行政复议为区政府作为复议机关办理的案件；行政诉讼为以区政府及其工作部门为被告的案件。</p>
</div></body></html>"""


def test_column_groups_in_html_with_colspan() -> None:
    """The HTML rendering (rowspan corner, colspan groups) reads as the text renderings do."""
    from scrapers.parse import parse_page

    text = parse_page(_HTML.encode("utf-8"), "file:///report.html", "text/html").text
    extraction = extract_document(text)
    got = sorted((f.metric, f.value, f.unit, f.qualifier, f.year) for f in extraction.facts)
    assert got == sorted((m, float(v), u, q, y) for m, v, u, q, y in _GROUPS_2023)


@pytest.mark.parametrize(("text", "year"), [
    # A speech dated late in its year: 今年以来 is that year; 力争2025年 is an aim.
    ("在全县矛盾纠纷化解工作会议上的讲话\n（2024年11月12日）\n同志们：\n今年以来，全县各级人民调解组织共调解纠纷"
     "2.1万件。明年力争2025年调解成功率达到98%以上。\n", 2024),
    # A research report dated by month: its 今年1—9月 is the year it is dated.
    ("关于某区行政争议化解情况的调研报告\n某区司法局课题组\n（2022年10月）\n2019年至2021年，全区共被申请行政复议"
     "案件累计682件；同期被提起行政诉讼案件累计415件。今年1—9月，区政府受理行政复议案件203件。\n", 2022),
])
def test_bracketed_date_line_gives_the_year_and_drops_partial_figures(text: str, year: int) -> None:
    """A speech or research report dated late in a year speaks of that year: its to-date and
    multi-year figures are not the year's, so none is emitted."""
    extraction = extract_document(text)
    assert extraction.document.report_year == year
    assert extraction.facts == []


def test_speech_early_in_year_still_reviews_the_last() -> None:
    """The bracketed date rule holds only late in a year: a February speech reviews the year before."""
    text = ("在全市法治政府建设工作会议上的讲话\n（2024年2月20日）\n同志们：\n"
            "去年全年，全市共收到行政复议申请1 206件。今年要继续深化行政复议体制改革。\n")
    assert extract_document(text).document.report_year == 2023


@pytest.mark.parametrize(("title", "body", "doc_type"), [
    # A statistics release whose title states the year's disputes mediated.
    ("全省人民调解工作成效显著 2021年调解矛盾纠纷逾22万件", "全省各级人民调解组织共调解矛盾纠纷22.3万件。",
     "mediation_report"),
    # A justice bureau's general summary led by its mediation section.
    ("某区司法局2016年工作总结",
     "2016年，区司法局全面履行职能。\n一、人民调解工作扎实推进\n（一）组织网络不断健全。",
     "mediation_report"),
    ("某县司法局2023年工作总结", "一、主要工作\n（一）人民调解。全年调解纠纷820件。", "other"),
    # Another subject's release stays other.
    ("全省法律援助工作成效显著 2021年办理法律援助案件逾3万件", "全省共办理法律援助案件3.1万件。", "other"),
])
def test_doc_type_of_corpus8_titles(title: str, body: str, doc_type: str) -> None:
    assert doc_type_of(title, body) == doc_type


def test_statistics_analysis_heading_is_the_title() -> None:
    """统计分析 is a heading word: the title is not the first section heading below it."""
    text = ("某区2023年人民调解工作统计分析\n\n一、总体情况\n"
            "2023年，全区各级人民调解组织共调解矛盾纠纷3 152件，调解成功3 087件。\n")
    document = extract_document(text).document
    assert document.title == "某区2023年人民调解工作统计分析"
    assert document.doc_type == "mediation_report"
