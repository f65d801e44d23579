"""Document fields from the text alone, or from the text plus hints (page metadata, registry).

Text first, hints second, because the text is what we store and cite: the heading (or a 名称/标题
label) gives the title; the issuing body comes from 发文机关, the title (X关于…, X2021年度…), or the
signature block at the end; the date from 发文/成文/发布日期 labels, the page hint, or the signature
date. The report year is the year the report is *about* — the title's 某年度 / 某年, else the body's
statistics year — never the publication year by default. doc_type comes from the title's wording.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from scrapers.extract.numbers import parse_chinese_number
from scrapers.records import DocType, DocumentHints

# Metadata labels as portals print them, possibly spaced (索 引 号) and prefixed (文件成文日期).
_LABELS = {
    "索引号": "index_no", "分类": None, "主题分类": None, "发布机构": "issuing_org",
    "发文机关": "issuer", "发文单位": "issuer", "文件所属单位": None, "发文日期": "doc_date",
    "成文日期": "doc_date", "生成日期": "doc_date", "文件成文日期": "doc_date", "发布日期": "publish_date",
    "文件公开发布日期": "publish_date", "公开日期": "publish_date", "名称": "title", "标题": "title",
    "文号": None, "发文字号": None, "文件发文字号": None, "公开方式": None, "公开时限": None, "时间": "time",
    "来源": None, "点击": None, "公文种类": None, "文件类型": None, "文件状态": None, "文件废止时间": None,
    "文件失效时间": None, "文件开始实施的时间": None, "有效性": None, "体裁分类": None, "组配分类": None,
}
_LABEL_RE = re.compile(
    r"(?:^|(?<=\s))[•·]?\s*(" + "|".join(
        r"\s*".join(re.escape(c) for c in label) for label in sorted(_LABELS, key=len, reverse=True)
    ) + r")\s*[:：]"
)
_BOILERPLATE = re.compile(
    r"^(?:当前位置|您当前的位置|首页\s*[>›]|字号|打印本页|关闭窗口|分享到|【|用户登录|还没有账号|立即注册)")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_CN_DATE = re.compile(
    r"([二〇零○一三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_ORG_SUFFIX = re.compile(
    r"(?:人民政府|政府|管委会|管理委员会|委员会|局|办公室|办公厅|厅|委|办|中心|院|署|司法所|街道办事处|办事处|党工委)$")
_ISSUER_IN_TITLE = re.compile(r"^(?P<org>[^\s,，。]{3,40}?)(?:关于|\s*(?:19|20)\d{2}\s*年)")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_WIDE_DIGIT = re.compile("[０-９]")


def _narrow_digits(text: str) -> str:
    """``text`` with full-width digits made ASCII.

    ``str.translate`` with a dict table costs a lookup per character even when nothing changes
    (most bodies hold no full-width digit); a regex scan finds that out far faster.
    """
    return text.translate(_WIDE_DIGITS) if _WIDE_DIGIT.search(text) else text
_CN_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}
_TITLE_CN_YEAR = re.compile(r"((?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})\s*年")
_BODY_YEAR = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})\s*年(?!\d)(?!以来)")
_TRAILING_PAREN = re.compile(
    r"^(?P<head>.*?(?:答复|报告|通知|意见|函|决定|总结|公告))\s*[(（][^()（）]*[)）]\s*$")
# A heading line that opens a 关于… phrase and has not reached its head noun yet (报告, 通知 …).
_UNFINISHED_TITLE = re.compile(r"关于[^。,，:：;；]*$")
# 统计分析: 龙华区2023年人民调解工作统计分析 is a heading too.
_TITLE_WORDS = re.compile(r"报告|答复|总结|通知|意见|情况|公告|年报|工作要点|提案|建议|统计分析|数据分析")
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u4e00-\u9fff\d])[ \u3000\t]+(?=[\u4e00-\u9fff\d])")


def _compact(line: str) -> str:
    """``line`` without the spaces between CJK characters or digits (a line without any space, the
    common case, is returned without a regex pass)."""
    if " " in line or "\u3000" in line or "\t" in line:
        return _SPACE_BETWEEN_CJK.sub("", line)
    return line


@dataclass
class Head:
    """What the first lines say about the document: labels, title line(s), and the body start."""

    labels: dict[str, str]
    title: str | None
    body_start_line: int


def _label_values(line: str) -> dict[str, str]:
    values: dict[str, str] = {}
    matches = list(_LABEL_RE.finditer(line))
    for index, match in enumerate(matches):
        label = re.sub(r"\s+", "", match.group(1))
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        value = line[match.end():end].strip().rstrip(";；").strip()
        key = _LABELS.get(label)
        if key and value and key not in values:
            values[key] = value
    return values


def read_head(lines: list[str]) -> Head:
    """Collect metadata labels and boilerplate around the title at the top; find the title line(s).

    Portals print the metadata block before the title (索引号 …) or right after it (时间: 来源:),
    so the first dozen lines are scanned for labels; the first line that is neither label nor
    boilerplate is the title.
    """
    labels: dict[str, str] = {}
    title: str | None = None
    title_line: int | None = None
    last_head_line = -1
    limit = min(len(lines), 24)
    index = 0
    while index < limit:
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        found = _label_values(line)
        if found or _LABEL_RE.search(line) or _BOILERPLATE.match(line):
            for key, value in found.items():
                labels.setdefault(key, value)
            last_head_line = index
            index += 1
            continue
        if title_line is not None or len(line) > 100 or _is_sentence(line):
            break  # the body starts (a report without a heading has no title line)
        if not _TITLE_WORDS.search(line) and not _ORG_SUFFIX.search(_clean_title(line)):
            later = _next_nonempty(lines, index + 1)
            if later is not None and _TITLE_WORDS.search(lines[later]) and len(lines[later].strip()) <= 100:
                if _UNFINISHED_TITLE.search(line) and len(line) + len(lines[later].strip()) <= 80:
                    # 德清县人民政府关于2022年度法治政府建设 / 工作情况的报告: a heading broken in two
                    # (关于… still waits for its head noun), not a column name above the heading.
                    title_line = later
                    title = _clean_title(line + lines[later].strip())
                    last_head_line = later
                    index = later + 1
                    continue
                last_head_line = index  # a column name above the heading (政府信息公开)
                index = later
                continue
        title_line = index
        title = _clean_title(line)
        nxt = _next_nonempty(lines, index + 1)
        org_only = _ORG_SUFFIX.search(title) and len(title) <= 30 and not _TITLE_WORDS.search(title)
        if nxt is not None and org_only:
            second = _clean_title(lines[nxt])
            if _TITLE_WORDS.search(second) and len(second) <= 60:
                title = title + second  # 威海市文登区人民政府 / 2021年度法治政府建设情况报告
                index = nxt
        last_head_line = index
        index += 1
    return Head(labels, title, last_head_line + 1)


def _is_sentence(line: str) -> bool:
    """Body prose, not a heading: it ends like a sentence or has a clause comma outside brackets
    (a title's bracketed subject line may hold commas: …的答复(关于推进依法行政,打造诚信政府的建议))."""
    head = _clean_title(line)
    return line.rstrip().endswith(("。", "：", ":", "；")) or "，" in head or "," in head


def _next_nonempty(lines: list[str], start: int) -> int | None:
    for index in range(start, min(len(lines), start + 4)):
        if lines[index].strip():
            return index
    return None


def _clean_title(line: str) -> str:
    line = _compact(line.strip())
    paren = _TRAILING_PAREN.match(line)
    if paren:
        line = paren.group("head")
    return line.strip()


def parse_date(text: str | None) -> str | None:
    """YYYY-MM-DD from 2019年02月22日, 2019-01-31, 2019/1/31 or 二〇二二年一月十二日."""
    if not text:
        return None
    match = _DATE.search(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        cn = _CN_DATE.search(text)
        if not cn:
            return None
        parts = [parse_chinese_number(g) for g in cn.groups()]
        if any(p is None for p in parts):
            return None
        year, month, day = (int(p) for p in parts if p is not None)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """(organ, date) from the signature block: an organ name line and a date line near the end."""
    tail = [line.strip() for line in lines[-14:] if line.strip()]
    organ: str | None = None
    date: str | None = None
    for position, line in enumerate(tail):
        compact = _compact(line)
        if len(compact) <= 30 and _ORG_SUFFIX.search(compact) and not re.search(r"[,，。:：;；]", compact):
            following = tail[position + 1:position + 3]
            if any(_is_date_line(f) for f in following) or position >= len(tail) - 3:
                organ = compact
        if _is_date_line(line):
            date = parse_date(line) or date
    return organ, date


def _is_date_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= 16 and bool(_DATE.fullmatch(stripped) or _CN_DATE.fullmatch(stripped))


def _issuer_from_title(title: str | None) -> str | None:
    if not title:
        return None
    match = _ISSUER_IN_TITLE.match(title)
    if match and _ORG_SUFFIX.search(match.group("org")):
        return match.group("org")
    return None


def report_year_of(title: str | None, body: str, published: str | None,
                   head: str | None = None, doc_type: str | None = None) -> int | None:
    """The year reported on: title first, then the body's statistics year (full-width digits too).

    A date in the title (政府工作报告（2024年1月9日）) is when it was delivered, not a year reported
    on. A 政府工作报告 is named by the session's year and reviews the year before (2024年…政府工作报告
    → 2023). Without a year of its own, a speech or a news item speaks of 去年 / 今年 relative to the
    date it carries (published, or a date in its first lines).
    """
    title = _narrow_digits(title) if title else title
    body = _narrow_digits(body)
    if title and (review := review_section(title, body)) is not None:
        # 保定市司法局2025年工作要点 opening with 一、2024年工作回顾: the year it reviews is reported on.
        return review[2]
    if title:
        for match in _TITLE_YEAR.finditer(title):
            if _DATE_AFTER_YEAR.match(title, match.end()) or "以来" in title[match.end():match.end() + 2]:
                continue
            year = int(match.group(1))
            if _SESSION_REPORT.search(title) and "年度" not in match.group(0):
                return year - 1
            return year
        written = _TITLE_CN_YEAR.search(title)  # 关于二〇一八年度…的报告
        if written and "以来" not in title[written.end():written.end() + 2]:
            return int("".join(str(_CN_YEAR_DIGITS[c]) for c in written.group(1)))
    masked = _BASELINE_YEAR.sub("", re.sub(r"《[^》]*》|〔[^〕]*〕", "", body))
    delivered = _HEAD_DATE.search(body, 0, 300)
    if delivered and (_SESSION_REPORT.search(title or "") or (
            _DELIVERED.search(body, 0, 300) and int(delivered.group(2) or delivered.group(3) or 12) <= 6)):
        # ——2024年4月25日在区人大常委会会议上: a report to a session in the first half of a year
        # reviews the year before (and a 政府工作报告 always does).
        return int(delivered.group(1)) - 1
    session = _DELIVERED_MONTH.search(body, 0, 300)
    if session:
        # ——2019年12月在区人大常委会会议上 (a month, no day): late in a year it reports on that year,
        # early in a year on the one before.
        return int(session.group(1)) - (1 if int(session.group(2)) <= 6 else 0)
    dated_at = _HEAD_DATE.search(head or body[:200]) if not published else None
    date_line = published or (
        dated_at and f"{dated_at.group(1)}-{int(dated_at.group(2) or dated_at.group(3)):02d}")
    if doc_type == "other" and date_line and int(date_line[5:7]) >= 7 and re.search(
            rf"(?:^|(?<=[。\n\s\u3000,，:：]))(?:今年|截至)?{date_line[:4]}\s*年"
            rf"(?!\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日){_FIRST_HALF_AHEAD}", masked):
        # A reply or a news item dated late in year Y that speaks of Y (2020年1—10月) is about Y; the
        # 2019年全年 it also reviews is the previous year's, not the one reported on. Y must open a
        # sentence or clause as its period: Y's first half only (2024年上半年 in a reply of July that
        # reviews 2023年) is an update, and 市财政2024年安排经费 a budget, not the year reported on.
        return int(date_line[:4])
    undated = _UNDATED_HEAD.search(body, 0, 200)
    if undated and _THIS_YEAR.search(masked):
        last = _LAST_YEAR_NAMED.search(masked) if "去年" in masked else None
        if last:
            # 10月15日 (no year) … 今年以来 … 去年全年 … 2017年全年: 2017 is 去年, the item is about 2018.
            return int(last.group(1)) + 1
    dated_line = _HEAD_DATE_LINE.search(head or body[:300])
    if (not published and dated_line is not None and int(dated_line.group(2)) >= 7
            and _THIS_YEAR.search(masked)):
        # 讲话（2024年11月12日）…今年以来…; 调研报告（2022年10月）…今年1—9月: late in a year, 今年 is
        # the year it is dated (a 力争2025年… in it is an aim, not the year reported on).
        return int(dated_line.group(1))
    limit = int(published[:4]) if published else None
    leading: Counter[int] = Counter()
    anywhere: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    for match in _BODY_YEAR.finditer(masked):
        year = int(match.group(1))
        if limit is not None and year > limit:
            continue
        anywhere[year] += 1
        first_seen.setdefault(year, match.start())
        before = masked[max(0, match.start() - 1):match.start()]
        if before in ("", "\n", "。", " ", "\u3000") or match.start() == 0:
            leading[year] += 1
    for counter in (leading, anywhere):
        if counter:
            best = max(counter.items(), key=lambda item: (item[1], -first_seen[item[0]]))
            return best[0]
    # 2023年1—11月, 截至2023年11月: a part of the year, but the year is the one reported on.
    months = _YEAR_OF_MONTHS.search(masked)
    if months:
        return int(months.group(1))
    dated = int(published[:4]) if published else _first_date_year(head or body[:200])
    if dated is None:
        return None
    if _LAST_YEAR_WHOLE.search(masked):
        return dated - 1  # 去年全年，…: a speech early in the year reviewing the last one
    # Otherwise a dated item with no year of its own (a news item on 一季度, a reply to a proposal)
    # is about the year it is dated.
    return dated


# A year that is part of a full date (2024年1月9日): a day, not a year reported on.
_DATE_AFTER_YEAR = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_SESSION_REPORT = re.compile(r"政府工作报告")
# A year named only for its first half or a part of it (2024年上半年, 2024年一季度, 2024年1—6月).
_FIRST_HALF_AHEAD = (r"(?!\s*(?:上半年|前半年|[一二]季度|第[一二]季度|1\s*[-—~至到]\s*[1-6]\s*月|[1-6]\s*月"
                     r"|前[一二三四五六]个月))")
# The starting point of a change (人民调解员队伍从2015年的9,800人发展到…, 由2019年底的…提高到):
# a baseline, not the year reported on.
_BASELINE_YEAR = re.compile(r"(?:从|由)\s*(?:19|20)\d{2}\s*年(?:底|末|初)?的")
_YEAR_OF_MONTHS = re.compile(
    r"(?<![\d〔\[(])((?:19|20)\d{2})\s*年\s*(?:1[0-2]|[1-9])\s*(?:[-—~至到]\s*(?:1[0-2]|[1-9])\s*)?月"
    r"(?!\s*\d{1,2}\s*日)")
_LAST_YEAR_WHOLE = re.compile(r"(?:去年|上年|过去的?一年)(?:全年|以来|,|，|我们|工作)")
_HEAD_DATE = re.compile(
    r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日|-(\d{1,2})-\d{1,2})")
# A session report dated by month only: ——2019年12月在区人大常委会第二十二次会议上.
_DELIVERED_MONTH = re.compile(
    r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)\s*在[^。\n]{2,40}?(?:会议|大会)上")
# A news item's date line without its year (10月15日，…召开…).
_UNDATED_HEAD = re.compile(r"(?:^|\n)\s*(?:1[0-2]|[1-9])月\d{1,2}日(?:上午|下午|晚)?[,，]")
_THIS_YEAR = re.compile(r"今年")
# A date line of its own under the title, in brackets (（2024年11月12日）, （2022年10月）): when a speech or
# a research report was delivered.
_HEAD_DATE_LINE = re.compile(
    r"(?m)^[ \t\u3000]*[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]"
    r"[ \t\u3000]*$")
# 去年全年 and a named year's 全年 in the same item: that year is 去年.
_LAST_YEAR_NAMED = re.compile(r"((?:19|20)\d{2})\s*年全年")
# A speech or report delivered at a meeting (——2024年1月9日在××县第十八届人民代表大会第四次会议上).
_DELIVERED = re.compile(r"在[^。\n]{2,40}?(?:会议|大会)上")


# A plan's title (2025年工作要点, 工作计划) and a section of its own reviewing a year
# (一、2024年工作回顾 … 二、2025年工作要点): that section holds the reviewed year's results.
_PLAN_TITLE = re.compile(r"(?:工作要点|工作计划|工作安排)(?:的通知)?$")
_REVIEW_HEADING = re.compile(
    r"(?m)^[ \t\u3000]*(?P<num>[一二三四五六七八九十]{1,3})、\s*(?P<year>(?:19|20)\d{2})\s*年度?"
    r"(?:工作)?(?:回顾|总结|完成情况|主要成效|工作成效|主要工作)")
_NEXT_HEADING = re.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]{1,3}、")


def review_section(title: str | None, body: str) -> tuple[int, int, int] | None:
    """A plan's section reviewing a year: (start, end, year) in ``body``, or None.

    A 工作要点 states no result of its own year, but one that opens with 一、2024年工作回顾 reports
    2024's results there; the rest (二、2025年工作要点) stays a plan."""
    if not title or not _PLAN_TITLE.search(title.strip()):
        return None
    match = _REVIEW_HEADING.search(body)
    if match is None:
        return None
    following = _NEXT_HEADING.search(body, match.end())
    return match.start(), following.start() if following else len(body), int(match.group("year"))


def dated_year(published: str | None, head: str) -> int | None:
    """The year a document is dated: its published date, else a date in its first lines."""
    return int(published[:4]) if published else _first_date_year(head)


def undated_news(head: str) -> bool:
    """A news item opening with a date line without its year (10月15日，…): written within the year it
    is about, so its 今年以来 is a part of that year."""
    return _UNDATED_HEAD.search(head) is not None


def _first_date_year(body: str) -> int | None:
    """The year of a date in the first lines (（2024年2月21日）, 2023-12-20 10:12 来源：…)."""
    match = _HEAD_DATE.search(body)
    return int(match.group(1)) if match else None


# A national service number other than 12345 (12333 人社, 12315 市场监管, 12348 法律服务 …): a report on
# that line is not a report on the government service hotline (its figures bind no hotline metric).
_OTHER_LINE = re.compile(r"(?<!\d)123(?!45)\d{2}(?!\d)")
# An assessment of the units answering the hotline's tickets (考核结果, 考评排名, 绩效通报): it grades
# departments; its figures are theirs, not the hotline's year.
_UNIT_ASSESSMENT = re.compile(r"考核|考评|排名|排行|绩效|承办单位|成员单位")


# A bulletin grading the units that answer the tickets (办理较好的单位 / 需要改进的单位, 通报表扬): it
# grades departments, whatever its title says.
_UNIT_GRADING = re.compile(r"(?:较好|较差|先进|落后|需要改进|需改进|滞后)的(?:承办)?单位|通报表扬|通报批评")


# A title naming a part of a year (第三季度, 1—9月): with unit grading, a periodic bulletin to the units.
_PART_PERIOD_TITLE = re.compile(
    r"第?[一二三四1-4]季度|上半年|前三季度|(?:1[0-2]|[1-9])\s?[-—~至到]\s?(?:1[0-2]|[1-9])月")


def doc_type_of(title: str | None, body: str) -> DocType:
    """Classify by the title's wording (replies to proposals are never reports)."""
    text = title or body[:200]
    # A research report (关于…人民调解工作的调研报告) studies a subject; it is not a year's report.
    if re.search(r"答复|提案|建议的|议案|复函|通知$|意见$|调研报告", text):
        return "other"
    if re.search(r"政府信息公开.{0,6}年度?报告|信息公开工作年度报告|政务公开.{0,4}年度报告", text):
        return "ogi_annual_report"
    if re.search(r"法治政府建设|依法行政|法治建设|法治[\u4e00-\u9fff]{2}建设", text) and re.search(
            r"报告|情况|总结", text):
        return "rule_of_law_report"
    if re.search(r"12345|热线|市长公开电话", text) and re.search(
            r"报告|总结|小结|情况|分析|通报|综述", text):
        if _OTHER_LINE.search(text) and "12345" not in text:
            return "other"  # 广州12333人社服务热线2022年服务情况: another line's own summary, not 12345's
        if _UNIT_ASSESSMENT.search(text) or ("通报" in text and _PART_PERIOD_TITLE.search(text)
                                             and _UNIT_GRADING.search(body, 0, 1500)):
            return "other"  # 12345热线承办单位考核结果的通报: ranks the departments, not the line's work
        return "hotline_report"
    if re.search(r"人民调解|调解工作|矛盾纠纷", text) and re.search(
            r"报告|总结|小结|情况|通报|综述|计划|分析|统计|数据", text):
        return "mediation_report"
    if _MEDIATION_WORDS.search(text) and _DISPUTE_COUNT.search(text):
        return "mediation_report"  # 全省人民调解工作成效显著 2021年调解矛盾纠纷逾22万件: a statistics release
    if title and _JUSTICE_SUMMARY.search(title) and _LEAD_MEDIATION_SECTION.search(body, 0, 1500):
        return "mediation_report"  # 司法局2016年工作总结 led by 一、人民调解工作扎实推进
    return "other"


_MEDIATION_WORDS = re.compile(r"人民调解|调解工作")
# A count of disputes mediated in a title (调解矛盾纠纷逾22万件, 化解纠纷3 152件): the release states the
# year's mediation statistics.
_DISPUTE_COUNT = re.compile(
    r"(?:调解|调处|化解)[^,，。;；]{0,6}?纠纷[^,，。;；\d]{0,3}\d[\d.,\s]*万?(?:件|起)")
# A justice bureau's (司法局 / 司法所) general summary or report, naming no subject of its own.
_JUSTICE_SUMMARY = re.compile(r"司法(?:局|所|厅)[^\n]{0,12}?工作(?:总结|报告|情况)$")
# Its first numbered section is people's mediation (一、人民调解工作扎实推进): the summary's lead subject,
# what its figures are about; 一、主要工作 leaves it a general summary (other).
_LEAD_MEDIATION_SECTION = re.compile(r"(?m)^[ \t\u3000]*一\s*[、.．][^\n]{0,4}?(?:人民调解|调解工作)")


@dataclass
class DocumentRead:
    title: str | None
    publisher: str | None
    published: str | None
    report_year: int | None
    doc_type: DocType
    body_offset: int  # character offset where the body starts (after head lines)
    labels: dict[str, str]


def read_document(text: str, hints: DocumentHints | None) -> DocumentRead:
    """Title, publisher, published, report_year, doc_type from the text, hints filling gaps."""
    hints = hints or DocumentHints()
    lines = text.splitlines()
    head = read_head(lines)
    body_offset = sum(len(line) + 1 for line in lines[:head.body_start_line])
    body = text[body_offset:] if body_offset < len(text) else ""
    # An explicit label (名称:) or the page's own title (ArticleTitle) beats a heading guessed from
    # the first lines of the text.
    title = head.labels.get("title") or hints.title or head.title
    if title:
        title = _clean_title(title)
    organ, signed = _signature(lines)
    publisher = (_clean_org(head.labels.get("issuer")) or _issuer_from_title(title) or organ
                 or hints.publisher or _clean_org(head.labels.get("issuing_org")))
    published = (parse_date(head.labels.get("doc_date")) or parse_date(head.labels.get("publish_date"))
                 or parse_date(head.labels.get("time")) or parse_date(hints.published) or signed)
    doc_type = doc_type_of(title, body)
    report_year = report_year_of(title, body, published, text[:body_offset + 200], doc_type)
    return DocumentRead(title, publisher, published, report_year, doc_type, body_offset,
                        head.labels)


def _clean_org(value: str | None) -> str | None:
    if not value:
        return None
    value = _compact(value.strip())
    return value or None
