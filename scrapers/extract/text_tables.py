"""Tables written as text: each numeric cell is bound by its row label and its column header.

Three layouts reach the extractor as text: HTML and DOCX tables (cells separated by a TAB, one row
per line: ``scrapers.parse.lines``), pipe tables (``| a | b |``, with or without ``|---|`` rules)
and space-aligned columns (two or more spaces between cells, as PDF text layers and plain-text
reports lay them out). A *table* is a run of such lines holding at least one data row (a row with
a cell that is a figure and nothing else); the rows above the first data row are its header, the
non-numeric cells that open a data row its row label, the line above it its caption.

A cell binds through the vocabulary of ``metric_rules.yaml``, the same topics and cues as prose:
the family comes from the topic words of the row label and the column header (else the caption),
the metric from the cues among them (受理 / 审结 / 满意率 …, vetoes and ``require_any`` included), the
unit from the cell or a unit annotation ((件), (万件), (%), 单位：件); money columns never bind. A header
or label that is a period decides the year (the report year's column → ``year=None``, another full
year → that year; a half year, months, 累计, 环比 → dropped); a change column (同比, 增幅 …) binds only
the hotline volume's year-on-year change. What only the ``tables`` section of the YAML adds is
layout vocabulary: totals, change words, neutral words, row/column words that mean "not this".

Rows and columns that say nothing the rules understand (A镇, 法律援助, 其中…) do not bind: a table
broken down by place or by sub-item is not a table of the reporting government's totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from scrapers.extract.metrics import (
    Binding,
    Rule,
    RuleSet,
    _alternation,
    _decimals,
    _topics,
    _vetoed,
    load_rules,
    raw_rules,
)
from scrapers.extract.numbers import Figure, find_figures
from scrapers.extract.periods import _MULTI_YEAR, _PARTIAL, _YEAR

_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_SPACE_GAP = re.compile(r" {2,}|\t")
_SIGN_PREFIX = re.compile(r"^(?:(?P<minus>[-−–↓]|下降|减少|降低|下滑|回落)|[+↑]|增长|上升|提高|增加)?\s*")
_YEAR_CELL = re.compile(r"^((?:19|20)\d{2})\s*(?:年度?)?$")
_ANNOTATION = re.compile(
    r"[(\[【]\s*(?:单位\s*[:：]?\s*)?(?P<u>[万亿]?(?:件次|人次|件|起|宗|个|人|名|位|次|通|条|单|例|处|家|所|间)"
    r"|%|‰|[万亿千]?元)\s*[)\]】]"
    r"|单位\s*[:：]\s*(?P<u2>[万亿]?(?:件次|人次|件|起|宗|个|人|名|位|次|通|条|单|例|处|家|所|间)|%|[万亿千]?元)")
_COUNT_UNIT = r"(?:件次|人次|件|起|宗|个|人|名|位|次|通|条|单|例|处|家|所|间)"
# 单位：个、人、件 — one unit per kind of row (committees, mediators, cases): each row takes the listed
# unit its metric counts in (单位：件、%: a rate's row takes the %).
_UNIT_LIST = re.compile(
    rf"[(\[【]?\s*单位\s*[:：]\s*(?P<units>{_COUNT_UNIT}(?:\s*[、,，/]\s*(?:{_COUNT_UNIT}|%))+)\s*[)\]】]?")
_UNIT_SPLIT = re.compile(r"\s*[、,，/]\s*")
# 较2022年, 与上年对比: the year compared with, never the period of the cells (a caption's
# 全年主要指标与上年对比 heads this year's figures).
_COMPARED_YEAR = re.compile(r"(?:较|比|与|同)\s*(?:(?:19|20)\d{2}\s*年?|上一?年度?|去年)")
_ONE_SPACE = re.compile(r" ")
_SPACE1_CELL_MAX = 20
# A cell that is one number with its thousands set apart by spaces (98 412): in a table whose
# columns are split at wider gaps, the single spaces are inside the number.
_SPACED_THOUSANDS = re.compile(r"^\d{1,3}(?: \d{3})+(?:\.\d+)?$")
_PROSE_PUNCT = re.compile(r"[。;!?]|,(?!\d{3}(?!\d))")
_LONE_UNIT = re.compile(r"^(?:[万亿]?(?:件次|人次|件|起|宗|个|人|名|位|次|通|条|单|例|处|家)|%|余|多)$")
_CAPTION_MAX = 120
_SPACE_CELL_MAX = 30
_UNIT_PREFERENCE = ("件", "个", "人", "名", "次", "通", "起")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    start: int
    end: int
    cells: list[Cell]
    rule_line: bool = False  # a |---|---| line


@dataclass
class TextTable:
    start: int
    end: int
    style: str  # tab | pipe | space
    rows: list[Row]
    caption: str = ""
    header_rows: list[Row] = field(default_factory=list)
    data_rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    totals: tuple[str, ...]
    total_lines: frozenset[str]
    change: tuple[str, ...]
    this_year: tuple[str, ...]
    last_year: tuple[str, ...]
    drop: tuple[str, ...]
    neutral_re: re.Pattern[str]
    total_scope_re: re.Pattern[str]  # 全区 before 合计: the whole's row still
    change_re: re.Pattern[str]
    drop_re: re.Pattern[str]
    last_year_re: re.Pattern[str]
    this_year_re: re.Pattern[str]
    caption_mark_re: re.Pattern[str]  # 表1, 附表2: a row that is the table's numbered title


@cache
def _layout() -> Layout:
    raw = raw_rules()["tables"]

    def alt(words: list[str]) -> re.Pattern[str]:
        return re.compile(_alternation(words))

    scopes = list(raw.get("total_scopes", ()))
    neutral = [*raw["neutral"], *raw["totals"], *raw["this_year"], *scopes]
    return Layout(
        totals=tuple(raw["totals"]), total_lines=frozenset(raw["total_lines"]), change=tuple(raw["change"]),
        this_year=tuple(raw["this_year"]),
        last_year=tuple(raw["last_year"]), drop=tuple(raw["drop"]),
        neutral_re=re.compile(
            r"(?:" + alt(neutral).pattern + r"|[\s\d.、,:;()·\-_/]|[一二三四五六七八九十]+(?=[、.]))+"),
        total_scope_re=re.compile(rf"^(?:{alt(scopes).pattern})?" if scopes else "^"),
        change_re=alt(raw["change"]), drop_re=alt(raw["drop"]), last_year_re=alt(raw["last_year"]),
        this_year_re=alt(raw["this_year"]),
        caption_mark_re=re.compile(rf"^(?:{alt(raw.get('caption_marks', ['表'])).pattern})"
                                   r"\s*[0-9０-９一二三四五六七八九十]+(?:[-.．][0-9]+)?\s*[:：]?"),
    )


# ----------------------------------------------------------------------------------------- finding


def _split_line(text: str, a: int, b: int) -> tuple[str, list[Cell], bool] | None:
    """(style, cells, is_rule_line) of the line text[a:b], or None when it is not a table row."""
    line = text[a:b]
    stripped = line.strip()
    if not stripped:
        return None
    if "\t" in line:
        cells = _cells_between(text, a, b, "\t")
        while cells and not cells[-1].text:
            cells.pop()
        if sum(1 for c in cells if c.text) < 2:
            return None
        return "tab", cells, False
    if stripped.startswith("|") or stripped.count("|") >= 2:
        if _PIPE_RULE.match(stripped):
            return "pipe", [], True
        lead = a + (len(line) - len(line.lstrip()))
        tail = b - (len(line) - len(line.rstrip()))
        inner_a = lead + 1 if text[lead] == "|" else lead
        inner_b = tail - 1 if tail > inner_a and text[tail - 1] == "|" else tail
        cells = _cells_between(text, inner_a, inner_b, "|")
        if sum(1 for c in cells if c.text) < 2:
            return None
        return "pipe", cells, False
    lead = a + (len(line) - len(line.lstrip()))
    tail = b - (len(line) - len(line.rstrip()))
    if "  " in text[lead:tail]:
        cells = _split_at(text, lead, tail, _SPACE_GAP)
        if len(cells) < 2 or any(len(c.text) > _SPACE_CELL_MAX or "。" in c.text for c in cells):
            return None
        return "space", cells, False
    # One space between cells: how scrapers.parse renders an HTML table row, and how PDF text
    # layers lay out narrow tables. Prose with spaces looks different: long runs, punctuation,
    # a unit standing alone (46 件).
    cells = _split_at(text, lead, tail, _ONE_SPACE)
    if len(cells) < 2 or any(len(c.text) > _SPACE1_CELL_MAX or _PROSE_PUNCT.search(c.text)
                             or _LONE_UNIT.match(c.text) for c in cells):
        return None
    return "space1", cells, False


def _split_at(text: str, a: int, b: int, gap_re: re.Pattern[str]) -> list[Cell]:
    cells = []
    pos = a
    for gap in gap_re.finditer(text, a, b):
        cells.append(Cell(text[pos:gap.start()], pos, gap.start()))
        pos = gap.end()
    cells.append(Cell(text[pos:b], pos, b))
    return cells


def _cells_between(text: str, a: int, b: int, sep: str) -> list[Cell]:
    cells = []
    pos = a
    while True:
        cut = text.find(sep, pos, b)
        end = b if cut == -1 else cut
        s, e = pos, end
        while s < e and text[s] in " \u3000\xa0":
            s += 1
        while e > s and text[e - 1] in " \u3000\xa0":
            e -= 1
        cells.append(Cell(text[s:e], s, e))
        if cut == -1:
            return cells
        pos = cut + 1


@dataclass(frozen=True)
class Value:
    """A cell that is a figure and nothing else (a sign word may open it: -3.4%, 下降3.4%)."""

    figure: Figure
    negative: bool
    signed: bool
    zero_word: bool = False


_ZERO_WORDS = ("无", "零")


_VALUE_START = frozenset("0123456789-−–+↑↓约近超逾不下减降增上提百零〇一二两三四五六七八九十大将接突多少无")


@lru_cache(maxsize=8192)
def cell_value(cell: str) -> Value | None:
    """The figure a cell holds (无 / 零 hold zero), or None when the cell is not just a figure."""
    if not cell or cell[0] not in _VALUE_START:
        return None
    if cell in _ZERO_WORDS:
        return Value(Figure(0.0, "bare", None, "exact", 0, len(cell), 0), False, False, zero_word=True)
    sign = _SIGN_PREFIX.match(cell)
    rest = cell[sign.end():] if sign else cell
    if not rest or _YEAR_CELL.match(cell):
        return None
    if _SPACED_THOUSANDS.match(rest):
        rest = rest.replace(" ", "")
    figures = find_figures(rest)
    if len(figures) != 1 or figures[0].start != 0 or rest[figures[0].end:].strip():
        return None
    signed = bool(sign and sign.group(0).strip())
    return Value(figures[0], bool(sign and sign.group("minus")), signed)


def _is_data_cell(cell: Cell) -> bool:
    return cell_value(cell.text) is not None


def find_text_tables(text: str) -> list[TextTable]:
    """Every table-like block of ``text`` (normalized) with at least one data row."""
    if "\t" not in text and "|" not in text and " " not in text:
        return []
    tables: list[TextTable] = []
    block: list[Row] = []
    style = ""
    previous_line = (0, 0)  # the last line that was not part of a block: the next block's caption
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        end = length if nl == -1 else nl
        split = None
        line = text[pos:end]
        if "\t" in line or "|" in line or " " in line.strip():
            split = _split_line(text, pos, end)
        if split is not None and block and split[0] != style:
            _close(text, block, style, previous_line, tables)
            block = []
        if split is not None:
            style = split[0]
            a, b = pos, end
            while a < b and text[a] in " \t\u3000\xa0\r":
                a += 1
            while b > a and text[b - 1] in " \t\u3000\xa0\r":
                b -= 1
            block.append(Row(a, b, split[1], split[2]))
        else:
            if block:
                _close(text, block, style, previous_line, tables)
                block = []
            if line.strip():
                previous_line = (pos, end)
        if nl == -1:
            break
        pos = nl + 1
    if block:
        _close(text, block, style, previous_line, tables)
    return tables


def _close(text: str, block: list[Row], style: str, caption_span: tuple[int, int],
           out: list[TextTable]) -> None:
    rows = [r for r in block if not r.rule_line]
    header: list[Row] = []
    data: list[Row] = []
    unit_rows = []
    title = ""
    for row in rows:
        if any(_is_data_cell(c) for c in row.cells):
            data.append(row)
        elif not data:
            if not header and not title and row.cells and _layout().caption_mark_re.match(row.cells[0].text):
                title = " ".join(c.text for c in row.cells)  # 表1  …主要数据: the title, not a header
            elif any("单位" in c.text for c in row.cells) and len(row.cells) <= 2:
                unit_rows.append(row)  # 热线运行情况    单位：万件: a caption laid out as a row
            else:
                header.append(row)
    if not data:
        return
    if style in ("space", "space1"):
        widest = max(len(row.cells) for row in data)
        header = [_unspaced(row) if len(row.cells) > widest else row for row in header]
    if style == "space1" and len(rows) < 2:
        return  # one spaced line is prose more often than a table
    caption = text[caption_span[0]:caption_span[1]].strip() if caption_span[1] <= block[0].start else ""
    if caption and len(caption) > _CAPTION_MAX:
        caption = caption.rsplit("。", 1)[-1] if "。" in caption[:-1] else caption[-_CAPTION_MAX:]
    if title:
        caption = title  # the numbered title names the table better than the prose above it
    caption = " ".join([caption, *(" ".join(c.text for c in r.cells) for r in unit_rows)]).strip()
    out.append(TextTable(block[0].start, block[-1].end, style, block, caption, header, data))


_LONE_CJK = re.compile(r"[\u4e00-\u9fff]")


def _unspaced(row: Row) -> Row:
    """A header row whose words were letter-spaced (项  目 | 数  量（件）): one character alone in a
    cell is half a word, joined to the cell after it (项目 | 数量（件）), so the header aligns with the
    data rows again. Two characters or more make a word of their own. Only asked of a header wider
    than every data row (a header that already aligns is left as it is)."""
    cells = row.cells
    if not any(_LONE_CJK.fullmatch(c.text) for c in cells):
        return row
    merged: list[Cell] = []
    pending: Cell | None = None
    for cell in cells:
        if pending is not None:
            cell = Cell(pending.text + cell.text, pending.start, cell.end)
            pending = None
        if _LONE_CJK.fullmatch(cell.text):
            pending = cell
            continue
        merged.append(cell)
    if pending is not None:
        merged.append(pending)
    return Row(row.start, row.end, merged, row.rule_line)


# ----------------------------------------------------------------------------------------- binding


@dataclass(frozen=True)
class Annotated:
    text: str  # the words with unit annotations removed
    unit: str | None  # 件, 个, %, 元 …
    scale: float
    choices: tuple[str, ...] = ()  # a list of units (单位：个、人、件): the metric's own one applies


def _annotate(words: str) -> Annotated:
    listed = _UNIT_LIST.search(words)
    if listed is not None:
        choices = tuple(_UNIT_SPLIT.split(listed.group("units")))
        return Annotated(_UNIT_LIST.sub(" ", words).strip(), choices[0], 1.0, choices)
    unit, scale = None, 1.0
    for match in _ANNOTATION.finditer(words):
        raw = match.group("u") or match.group("u2")
        if raw.endswith("元"):
            unit = "元"
        elif raw in ("%", "‰"):
            unit = "%"
        else:
            if raw[0] in "万亿":
                scale = 10_000.0 if raw[0] == "万" else 100_000_000.0
                raw = raw[1:]
            unit = raw
    return Annotated(_ANNOTATION.sub(" ", words).strip(), unit, scale)


@dataclass(frozen=True)
class Period:
    year: int | None
    known: bool  # a year (or this/last year) was stated
    drop: str | None = None
    change: bool = False


def _period(words: str, report_year: int | None) -> Period:
    layout = _layout()
    if not words:
        return Period(None, False)
    if layout.drop_re.search(words):
        return Period(None, False, "table_drop")
    if _MULTI_YEAR.search(words):
        return Period(None, False, "multi_year")
    if _PARTIAL.search(words):
        return Period(None, False, "partial_year")
    change = bool(layout.change_re.search(words) or _COMPARED_YEAR.search(words))
    cleaned = _COMPARED_YEAR.sub(" ", words)
    years = [int(m.group(1)) for m in _YEAR.finditer(cleaned)]
    bare = _YEAR_CELL.match(cleaned.strip())
    if bare:
        years.append(int(bare.group(1)))
    if years:
        year = years[-1]
        return Period(None if year == report_year else year, True, None, change)
    if layout.last_year_re.search(cleaned) and not change:
        if report_year is None:
            return Period(None, True, "last_year_unknown")
        return Period(report_year - 1, True, None, change)
    if layout.this_year_re.search(cleaned):
        return Period(None, True, None, change)
    return Period(None, False, None, change)


def _contributes(rs: RuleSet, words: str, family: str | None) -> bool:
    """Whether a row label or column header says something: a topic, a cue, a period, a total."""
    if not words.strip():
        return True
    if rs.topic_re.search(words):
        return True
    cue_re, _table = rs.cue_res.get(family, rs.cue_res[None])
    if cue_re.search(words):
        return True
    if _YEAR.search(words) or _YEAR_CELL.match(words.strip()) or _layout().change_re.search(words):
        return True
    if _layout().last_year_re.search(words) or _layout().this_year_re.search(words):
        return True
    if _is_total(_layout(), words):
        return True  # 合　计 letter-spaced in a layout that pads short labels: still the whole
    return not _layout().neutral_re.sub("", words)


def _families(rs: RuleSet, words: str) -> list[str | None]:
    return [family for _s, _e, family in _topics(rs, words, 0, len(words))]


def _default_unit(rule: Rule) -> str | None:
    return next((u for u in _UNIT_PREFERENCE if u in rule.units), None)


@dataclass
class _Choice:
    rule: Rule
    cue: str


def _choose(rs: RuleSet, family: str, cue_text: str, context: str,
            want_percent: bool | None) -> _Choice | None:
    """The rule named by the cues of a label + header (nearest to the end wins, strong over weak)."""
    cue_re, table = rs.cue_res.get(family, rs.cue_res[None])
    candidates: list[tuple[bool, int, int, Rule, str]] = []
    for match in cue_re.finditer(cue_text):
        for rule, weak in table[match.group(0)]:
            if rule.family != family and not rule.self_topic:
                continue
            if _vetoed(rule, cue_text, match.start(), match.end()):
                continue
            if rule.require_any and not any(w in context for w in rule.require_any):
                continue
            if want_percent is not None and (rule.kind != "count") != want_percent:
                continue
            candidates.append((not weak, match.end(), len(match.group(0)), rule, match.group(0)))
    if "/" in cue_text and any(c[3].family == family for c in candidates):
        # 纠错/败诉率: alternatives, one per row subject; the row's own family's word is the one meant.
        candidates = [c for c in candidates if c[3].family == family]
    if candidates:
        best = max(candidates, key=lambda c: (c[0], c[1], c[2]))
        return _Choice(best[3], best[4])
    if want_percent is not True:
        for rule in rs.rules:
            if rule.family == family and rule.default and any(n in cue_text for n in rule.nouns):
                return _Choice(rule, "")
    return None


def table_bindings(text: str, tables: list[TextTable], report_year: int | None,
                   dropped: list[str] | None = None, document_family: str | None = None) -> list[Binding]:
    """Bindings for every numeric cell of ``tables`` that a row label and column header name.

    ``document_family`` (a hotline report's hotline) is the subject of a table whose rows, columns
    and caption name none.
    """
    rs = load_rules()
    dropped = dropped if dropped is not None else []
    out: list[Binding] = []
    for table in tables:
        out.extend(_bind_table(rs, text, table, report_year, dropped, document_family))
    return out


def _column_headers(table: TextTable, row: Row, labels: int) -> list[str] | None:
    """Header words per cell index of ``row`` (None when the header cannot be aligned)."""
    n = len(row.cells)
    if not table.header_rows:
        return [""] * n
    columns: list[list[str]] = [[] for _ in range(n)]
    lowest = table.header_rows[-1]
    aligned = False
    for header in table.header_rows:
        texts = [c.text for c in header.cells]
        if header is not lowest:
            if len(texts) < n and texts and not texts[0]:
                texts = texts + [""] * (n - len(texts))  # the corner kept, trailing span cells dropped
            filled: list[str] = []
            for t in texts:  # a merged (spanning) header cell leaves empty cells after it
                filled.append(t or (filled[-1] if filled else ""))
            texts = filled
        h = len(texts)
        if header is lowest and h > n > labels and texts and _is_corner(texts[0]) and labels == 1:
            # 按期办结率 | 98.94% | +0.5个百分点 under 指标 | 2022年 | 同比 | 备注: the last cells
            # (a remark left blank) are missing, not the first ones.
            texts, h = texts[:n], n
        corners = (_leading_corners(texts, len(lowest.cells))
                   if header is not lowest and h == len(lowest.cells) == n - labels else 0)
        if corners:
            # 类别 | 街道（镇） | 调解组织 | 纠纷调解 over 调委会数 | 调解员数 | 受理数 | 成功数: the first
            # cells name the label columns (rowspan), the rest each span the value columns evenly.
            texts = texts[corners:]
            offset, span = labels, len(lowest.cells) // len(texts)
        elif h == n:
            offset, span = 0, 1
        elif 0 < h == n - labels:
            offset, span = labels, 1
        elif (h > 2 and header is not lowest and labels == 1 and len(lowest.cells) == n - labels
              and (n - labels) % (h - 1) == 0 and _names_nothing(texts[0])):
            # 项目 | 行政复议 | 行政诉讼 over 本年 | 上年 | 增减 twice: the first cell is the corner over
            # the label column (rowspan), each other cell a group spanning its share of the columns.
            offset, span = 1, (n - 1) // (h - 1)
            texts = texts[1:]
        elif h and header is not lowest and (n - labels) % h == 0:
            offset, span = labels, (n - labels) // h
        elif h and header is not lowest and h > 1 and (n - 1) % (h - 1) == 0 and labels == 1:
            offset, span = 1, (n - 1) // (h - 1)  # a corner cell, then spanning cells
            texts = texts[1:]
        else:
            continue
        if header is lowest:
            aligned = True
        for index, t in enumerate(texts):
            for k in range(offset + index * span, min(n, offset + (index + 1) * span)):
                columns[k].append(t)
    if not aligned:
        return _spanned_headers(table, n, labels)
    return [" ".join(parts) for parts in columns]


def _names_nothing(cell: str) -> bool:
    """A header cell of layout words only (项目, 类别, 指标): a corner, never a group of columns."""
    return bool(cell) and bool(_layout().neutral_re.fullmatch(cell))


def _leading_corners(upper: list[str], lower: int) -> int:
    """How many leading cells of an upper header row name label columns, the rest spanning the ``lower``
    value columns two or more each (0: no such reading)."""
    for corners in range(1, len(upper) - 1):
        rest = len(upper) - corners
        if (lower % rest == 0 and lower // rest >= 2
                and all(_is_corner(t) and not _RATE_OR_TOTAL.search(t) for t in upper[:corners])):
            return corners
    return 0


_SLASH_SUFFIX = re.compile(r"([\u4e00-\u9fff]{1,4})/([\u4e00-\u9fff]{1,4}?)(率|数)(?![\u4e00-\u9fff])")
_RATE_OR_TOTAL = re.compile(r"率|满意度|比例|占比|同比|备注|合计|总计|共计")


def _spanned_headers(table: TextTable, n: int, labels: int) -> list[str] | None:
    """Header words of a two-line header whose spans the rendering lost (HTML rowspan/colspan).

    类别 | 案件数（件） | 纠错率 over 收案 | 审结 | 纠错: each upper cell either spans several lower
    cells (a group: 案件数 over 收案, 审结, 纠错) or stands alone over its column (纠错率, one
    cell spanning both lines). The count of lone cells follows from the column count; where they
    sit is decided by their words: a rate, a total or a remark stands alone, a group heads counts.
    Exactly one arrangement must fit, else None (not aligned).
    """
    if len(table.header_rows) < 2 or labels < 1:
        return None
    upper = [c.text for c in table.header_rows[-2].cells if c.text]
    lower = [c.text for c in table.header_rows[-1].cells if c.text]
    m = n - labels
    if upper and len(upper) > 1 and _is_corner(upper[0]) and not _RATE_OR_TOTAL.search(upper[0]):
        upper = upper[1:]  # the corner over the label columns (类别)
    lone = m - len(lower)
    if not lower or lone < 1 or lone >= len(upper) or len(upper) > 6:
        return None
    fits: list[list[str]] = []
    for alone in _combinations(len(upper), lone):
        groups = len(upper) - lone
        if len(lower) < 2 * groups or len(lower) % groups:
            continue  # groups share the lower cells evenly, two or more each
        if any(bool(_RATE_OR_TOTAL.search(upper[i])) != (i in alone) for i in range(len(upper))):
            continue
        fits.append(_lay_out(upper, lower, alone))
    if len(fits) != 1:
        return None
    return [""] * labels + fits[0]


def _combinations(n: int, k: int) -> list[frozenset[int]]:
    """The k-element subsets of range(n) (n ≤ 6: at most 20)."""
    out: list[frozenset[int]] = [frozenset()]
    for i in range(n):
        out += [s | {i} for s in out if len(s) < k]
    return [s for s in out if len(s) == k]


def _lay_out(upper: list[str], lower: list[str], alone: frozenset[int]) -> list[str]:
    """Columns for upper cells: a lone one takes one column, the groups share the lower cells evenly."""
    groups = [i for i in range(len(upper)) if i not in alone]
    share = len(lower) // len(groups)
    columns: list[str] = []
    pos = 0
    for i, word in enumerate(upper):
        if i in alone:
            columns.append(word)
            continue
        take = share
        columns.extend(f"{word} {low}" for low in lower[pos:pos + take])
        pos += take
    return columns


def _is_corner(cell: str) -> bool:
    """A header's first cell naming the label column (指标, 项目 …), not a value column (2023年)."""
    return bool(cell) and not _YEAR_CELL.match(cell) and cell_value(cell) is None


def _bind_table(rs: RuleSet, text: str, table: TextTable, report_year: int | None,
                dropped: list[str], document_family: str | None) -> list[Binding]:
    layout = _layout()
    caption = _annotate(table.caption)
    caption_families = [f for f in _families(rs, caption.text)]
    caption_family = caption_families[-1] if caption_families else document_family
    caption_period = _period(caption.text, report_year)
    unlabeled = [r for r in table.data_rows if _is_data_cell(r.cells[0]) or not r.cells[0].text]
    out: list[Binding] = []
    carried: str | None = None
    has_total_row = any(_is_total(layout, _row_label(r)) for r in table.data_rows)
    above: tuple[list[str], int] | None = None  # the previous data row's label cells, value count
    for row in table.data_rows:
        first_value = next(i for i, c in enumerate(row.cells) if _is_data_cell(c))
        row, group, first_value = _carry_group(rs, row, first_value, above)
        above = ([c.text for c in row.cells[:first_value]], len(row.cells) - first_value)
        if first_value == 0 and len(row.cells) > 2 and re.fullmatch(r"\d{1,3}\.?", row.cells[0].text) and (
                row.cells[1].text and not _is_data_cell(row.cells[1])):
            first_value = next((i for i, c in enumerate(row.cells) if i > 1 and _is_data_cell(c)), 0)
            if first_value == 0:
                continue  # 1  收到行政复议申请: a row number, then no value
        label_cells = [c.text for c in row.cells[len(group):first_value] if c.text]
        label = _annotate(" ".join(label_cells))
        if has_total_row and not _is_total(layout, " ".join(label_cells)):
            dropped.append(f"table_part_of_total:{text[row.start:row.end]}")
            continue  # 婚姻家庭纠纷 320 … 合计 530: only the total row is the report's figure
        part = label.text.startswith("其中")
        if part:  # 其中：维持 21: a part of the row above, bound unless it is the same metric
            label = Annotated(label.text[2:].lstrip(":： "), label.unit, label.scale)
        if group:  # the group label carried down (行政复议 | 区政府为被申请人): it names the subject
            label = Annotated(" ".join([*group, label.text]).strip(), label.unit, label.scale)
        if (not label.text and len(unlabeled) > 1) or (label.text and rs.exclusion_re.search(label.text)):
            dropped.append(f"table_row:{text[row.start:row.end]}")
            continue  # no label to tell the rows apart; 律师代理…, 法院受理…: another actor's figures
        label_families = _families(rs, label.text)
        if any(f is not None for f in label_families):
            carried = next(f for f in reversed(label_families) if f is not None)
        headers = _column_headers(table, row, first_value)
        if headers is not None and any(_is_total(layout, h) for h in headers[first_value:]):
            headers = [h if _is_total(layout, h) else "\x00" for h in headers]  # 电话 / 网络 / 合计
        values = [(i, c) for i, c in enumerate(row.cells) if i >= first_value and _is_data_cell(c)]
        if headers is None:
            if len(values) != 1:
                dropped.append(f"table_align:{text[row.start:row.end]}")
                continue
            headers = [""] * len(row.cells)
        column_families = _column_families(rs, headers, first_value)
        row_bindings = []
        for index, cell in values:
            binding = _bind_cell(rs, layout, cell, label, _annotate(headers[index]), caption, caption_family,
                                 caption_period, label_families, carried or column_families[index],
                                 report_year, row, dropped)
            if binding is not None:
                row_bindings.append(binding)
        if part:
            seen = {(b.metric, b.year) for b in out}
            for binding in row_bindings:
                if (binding.metric, binding.year) in seen:
                    dropped.append(f"table_part:{binding.metric}:{binding.value:g}")
            row_bindings = [b for b in row_bindings if (b.metric, b.year) not in seen]
        out.extend(row_bindings)
    return _drop_table_parts(rs, out, dropped)


def _column_families(rs: RuleSet, headers: list[str], first_value: int) -> list[str | None]:
    """The subject each value column carries from the columns to its left.

    年份 | 收到复议申请（件） | 审结（件）: a column naming only an action (审结) continues the subject
    of the column before it, as a row label continues the row above. A column naming another
    subject (法律援助) or a total stops the carry.
    """
    out: list[str | None] = [None] * len(headers)
    carried: str | None = None
    for index in range(first_value, len(headers)):
        families = _families(rs, headers[index])
        if families:
            carried = families[-1]
        elif _is_total(_layout(), headers[index]) or headers[index] == "\x00":
            carried = None
        out[index] = carried
    return out


def _carry_group(rs: RuleSet, row: Row, first_value: int,
                 above: tuple[list[str], int] | None) -> tuple[Row, list[str], int]:
    """The row with the group label cells a row span left out carried down from the row above.

    An HTML cell spanning rows (行政复议 over 区政府办理 and 区政府为被申请人) is rendered on the
    first row only, a merged DOCX cell as empty cells: a row with as many values as the row above
    but fewer (or leading empty) label cells belongs to the same group, whose label names its
    subject. Only leading cells are carried, only when the row has a label of its own, and never
    over a label naming another subject (行政诉讼 under 行政复议 starts a group of its own), never onto
    a total row (its label cell spans the label columns).
    """
    unchanged = row, [], first_value
    if above is None or first_value == 0:
        return unchanged
    labels, values = above
    own = [c.text for c in row.cells[:first_value]]
    if len(row.cells) - first_value != values or not any(own):
        return unchanged
    if _is_total(_layout(), " ".join(own)):
        return unchanged  # 合计 under 街道 | 江北街道 …, 镇 | 马安镇 …: a colspan total, no group's
    if first_value < len(labels):
        group = labels[:len(labels) - first_value]
        cells = [Cell(t, row.start, row.start) for t in group] + row.cells
    elif first_value == len(labels) and not own[0]:
        lead = next(i for i, t in enumerate(own) if t)
        group = labels[:lead]
        cells = [Cell(t, row.start, row.start) for t in group] + row.cells[lead:]
    else:
        return unchanged
    if not any(group) or any(_is_total(_layout(), t) for t in group):
        return unchanged
    own_families = set(_families(rs, " ".join(own)))
    if own_families and own_families != set(_families(rs, " ".join(group))):
        return unchanged
    return Row(row.start, row.end, cells, row.rule_line), group, len(labels)


def _row_label(row: Row) -> str:
    cells = []
    for cell in row.cells:
        if _is_data_cell(cell):
            break
        cells.append(cell.text)
    return " ".join(c for c in cells if c)


def _is_total(layout: Layout, words: str) -> bool:
    """合计, 总计 … alone, or after the whole's scope (全区合计): the row (column) of the whole."""
    bare = _annotate(words).text.replace(" ", "")
    return bare in layout.total_lines or layout.total_scope_re.sub("", bare, count=1) in layout.total_lines


def _bind_cell(rs: RuleSet, layout: Layout, cell: Cell, label: Annotated, header: Annotated,
               caption: Annotated, caption_family: str | None, caption_period: Period,
               label_families: list[str | None], carried: str | None, report_year: int | None,
               row: Row, dropped: list[str]) -> Binding | None:
    value = cell_value(cell.text)
    assert value is not None
    figure = value.figure
    if header.text == "\x00":
        return None  # a column summed by a total column
    header_families = _families(rs, header.text)
    named = [*label_families, *header_families]
    if any(f is None for f in named):
        return None  # 法律援助, 信访, 依申请公开 …: another subject's row or column
    if len(set(named)) > 1:
        return None
    family = named[0] if named else (carried or caption_family)
    if family is None:
        return None
    if not _contributes(rs, label.text, family) or not _contributes(rs, header.text, family):
        return None  # a place, a department, a sub-item: not the report's own total
    label_period = _period(label.text, report_year)
    header_period = _period(header.text, report_year)
    for period in (label_period, header_period):
        if period.drop:
            dropped.append(f"{period.drop}:{cell.text}")
            return None
    if header_period.known:
        year = header_period.year
    elif label_period.known:
        year = label_period.year
    elif caption_period.drop:
        return None
    else:
        year = caption_period.year
    change = label_period.change or header_period.change or value.signed
    if "/" in header.text:  # 纠错/败诉率 is 纠错率/败诉率: the shared ending belongs to each word
        header = Annotated(_SLASH_SUFFIX.sub(r"\1\3/\2\3", header.text), header.unit, header.scale)
    # The cue text: the side naming the subject first, the other (the action) nearest the value.
    if header_families and not label_families:
        cue_text = f"{header.text} {label.text}"
    else:
        cue_text = f"{label.text} {header.text}"
    if change:
        cue_text = layout.change_re.sub(" ", cue_text)
    context = f"{caption.text} {cue_text}"
    annotated = (header, label, caption)
    if label.unit == "%" and header.unit not in (None, "%"):
        # 负责人出庭应诉率（%） under 案件数（件） | 2020年: the row's own unit is more specific than a
        # unit its column group shares with the count rows.
        annotated = (label, header, caption)
    unit = next((a.unit for a in annotated if a.unit), None)
    scale = next((a.scale for a in annotated if a.unit), 1.0)
    choices = next((a.choices for a in annotated if a.unit), ())
    if unit == "元" or figure.kind in ("money", "points"):
        return None
    if figure.kind == "percent":
        want_percent: bool | None = True
    elif unit == "%":
        want_percent = True
    elif figure.kind == "bare" and "%" in choices and _names_rate(f"{label.text} {header.text}"):
        want_percent = True  # (单位：件、%) over count rows and 满意率 rows: a rate's row takes the %
    elif figure.kind == "count" or unit is not None:
        want_percent = False
    else:
        want_percent = None  # a bare number: the cue decides (率 → percent, else a count)
    choice = _choose(rs, family, cue_text, context, None if change else want_percent)
    if choice is None and not rs.cue_res.get(family, rs.cue_res[None])[0].search(cue_text):
        # 合计 / 2023年 / 件数 name no action: the caption's (排查化解矛盾纠纷情况) is the table's.
        choice = _choose(rs, family, caption.text, context, None if change else want_percent)
    if choice is None and change and family == "hotline" and (figure.kind == "percent" or unit == "%"):
        # 年份 | 受理量(万件) | 同比(%): a bare change column of a hotline table is the volume's change
        # (a rate's change sits in that rate's row or column and names it).
        choice = next((_Choice(r, "同比") for r in rs.rules if r.metric == "hotline.contacts"), None)
    if choice is None:
        return None
    rule = choice.rule
    if not change and label.text and header.text:
        role = _choose(rs, family, label.text, context, want_percent)
        if role is not None and role.rule.metric in rs.roles and role.rule is not rule:
            if rule.metric not in rs.roles[role.rule.metric]:
                return None  # 区政府为被申请人 | 审结 7: the role's cases only
            rule = role.rule
    if change:
        if rule.metric != "hotline.contacts" or not (figure.kind == "percent" or unit == "%"):
            return None
        metric = next((r.metric for r in rs.rules if r.family == "hotline" and r.kind == "pct_change"), None)
        if metric is None:
            return None
        signed = figure.value * (-1 if value.negative else 1)
        return _binding(metric, signed, None, figure, year, row, "table:同比")
    if rule.kind == "pct_change":
        return None
    if rule.kind == "percent":
        if value.zero_word:
            return None
        if (figure.kind == "bare" and not (unit == "%" or _names_rate(cue_text))) or (figure.value > 100 and (
                figure.kind == "bare")):
            return None
        return _binding(rule.metric, figure.value, None, figure, year, row, f"table:{choice.cue}")
    # A count.
    if value.zero_word:
        count_unit = None  # 被申请行政复议案件  无: zero, in words, with no unit (as prose zeros)
    elif figure.kind == "count":
        if figure.unit not in rule.units:
            return None
        count_unit = figure.unit
    else:
        count_unit = unit if unit not in (None, "%") else _default_unit(rule)
        if choices:
            fitting = [u for u in choices if u in rule.units]
            count_unit = next((u for u in _UNIT_PREFERENCE if u in fitting), fitting[0] if fitting else None)
        if count_unit not in rule.units:
            return None
    return _binding(rule.metric, figure.value * (scale if figure.kind == "bare" else 1.0), count_unit, figure,
                    year, row, f"table:{choice.cue}")


def _names_rate(words: str) -> bool:
    return any(w in words for w in ("率", "满意度", "比例", "占比"))


def _binding(metric: str, value: float, unit: str | None, figure: Figure, year: int | None, row: Row,
             cue: str) -> Binding:
    return Binding(metric=metric, value=round(value, 6), unit=unit, qualifier=figure.qualifier, year=year,
                   evidence_start=row.start, evidence_end=row.end, precision=_decimals(figure.value), cue=cue)


def _drop_table_parts(rs: RuleSet, bindings: list[Binding], dropped: list[str]) -> list[Binding]:
    """撤销 8 / 变更 2 / 确认违法 1 as rows of one table: parts of a total the table did not state."""
    parts = {r.metric for r in rs.rules if r.parts}
    cues: dict[tuple[str, int | None], set[str]] = {}
    for b in bindings:
        if b.metric in parts:
            cues.setdefault((b.metric, b.year), set()).add(b.cue)
    bad = {key for key, seen in cues.items() if len(seen) > 1}
    kept = []
    for b in bindings:
        if (b.metric, b.year) in bad:
            dropped.append(f"table_parts:{b.metric}:{b.value:g}")
        else:
            kept.append(b)
    return kept
