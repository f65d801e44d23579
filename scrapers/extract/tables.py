"""Section 四 of the 政府信息公开工作年度报告: one table row of 15 numbers, read by position.

The form is fixed nationwide: 行政复议 (5 columns), then 行政诉讼 split into 未经复议直接起诉 (5) and
复议后起诉 (5), each group being 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计. Flattened from a PDF the
headers break across lines (结果/维持, 总/计) and the row is 15 bare numbers; from HTML each cell may
stand on its own line. Either way the numbers are a run of whitespace-separated integers after the
section heading, so they are read by position, never by the header words next to them. Only
when no such run exists (the row broken apart by group, or each cell written with its word:
结果维持：1) are the column words used, and then only to confirm the same fifteen positions.

Only cells the table states are emitted (no sums, no differences): what the report says, nothing
computed. The counts concern information-disclosure cases only; the report's doc_type says so.
"""

from __future__ import annotations

import re

from scrapers.extract.metrics import Binding

_HEADING = re.compile(r"政府信息公开行政复议[、和及]?\s*行政诉讼情况")
# The next numbered section (五、…) ends the table.
_NEXT_SECTION = re.compile(r"\n\s*[五六七八]\s*[、.．]")
# A cell is a number not followed by 年/月/日/号 (the row must not run into "2022年度，…" below it).
_NUM = r"\d+(?!\d|\s*[年月日号])"
# Cells are separated by blanks, tabs or line breaks (blank lines too: one cell per paragraph).
# Pipes too: a Markdown-like row (| 0 | 0 | … |) is the same row.
_RUN = re.compile(r"(?<![\d.])" + _NUM + r"(?:[ \t\u3000|]*(?:\n[ \t\u3000|]*)*" + _NUM + r")+(?![\d.%％])")

# A line of bare numbers only (a row split by a page break continues on a later such line).
_NUMBER_LINE = re.compile(r"(?m)^[ \t\u3000|]*\d+(?:[ \t\u3000|]+\d+)*[ \t\u3000|]*$")

GROUP = 5
CELLS = 15
# position in the row → metric; only the 行政复议 group's cells map to a vocabulary key one to one.
_CELL_METRICS = {
    0: "reconsideration.upheld",
    1: "reconsideration.corrected",
    4: "reconsideration.as_respondent",
}
# The 总计 cells of the two lawsuit groups (未经复议直接起诉, 复议后起诉).
_LAWSUIT_TOTALS = (9, 14)


def section4_span(text: str) -> tuple[int, int] | None:
    """Where section 四 of an OGI report sits in `text` (normalized): its heading to the next section."""
    heading = _HEADING.search(text)
    if not heading:
        return None
    end_match = _NEXT_SECTION.search(text, heading.end())
    return heading.start(), end_match.start() if end_match else len(text)


def ogi_section4_bindings(text: str) -> list[Binding]:
    """Bindings for the section-4 row of `text` (normalized), or none if there is no such row."""
    span = section4_span(text)
    if span is None:
        return []
    for start, end, values in _rows(text, *span):
        if any(values[g * GROUP + 4] < max(values[g * GROUP : g * GROUP + 4]) for g in range(3)):
            return []  # a total smaller than one of its cells: not the table row
        bindings = [
            Binding(metric=metric, value=float(values[position]), unit="件", qualifier="exact", year=None,
                    evidence_start=start, evidence_end=end, cue=f"section4[{position}]")
            for position, metric in _CELL_METRICS.items()
        ]
        lawsuits = [values[position] for position in _LAWSUIT_TOTALS]
        if min(lawsuits) == 0:
            # The lawsuits are one group's total when the other group is empty (0 … 0 2 → 2 suits),
            # and none when both are: the table then states the caseload. Two non-zero groups make
            # the caseload a sum, which the table does not state.
            bindings.append(Binding(metric="litigation.cases", value=float(sum(lawsuits)), unit="件",
                                    qualifier="exact", year=None, evidence_start=start, evidence_end=end,
                                    cue="section4[lawsuits]"))
        return bindings
    return []


# The five column words of each group, in order; letters may be broken apart (结果\n维持, 总  计).
_LABELS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_LABEL_OR_NUMBER = re.compile(
    "(?P<label>" + "|".join(r"\s*".join(word) for word in _LABELS) + r")|(?P<num>(?<![\d.])" + _NUM
    + r"(?![\d.%％]))")
_SPACE = re.compile(r"\s+")


def _labelled_cells(text: str, start: int, end: int) -> list[tuple[int, int, list[int]]]:
    """The 15 cells read through the column words next to them, when no bare row of 15 is there.

    Renderings that break the row apart by group (行政复议 with its five headers and numbers, then
    未经复议直接起诉 with its own, HTML rows of five), or that write each cell with its word
    (结果维持：1 / 总计 0；…), still list the words and numbers in reading order. A run of words
    followed by a run of numbers is a header over a row (the numbers take the words in turn, a
    further run of numbers the same words again); one word then one number is a labelled cell.
    The cells read must be exactly the five words three times over, in order, else nothing.
    """
    header: list[int] = []  # the column words of the last header run
    words: list[int] = []  # the current run of words
    slots: list[int] = []
    values: list[int] = []
    first = last = -1
    position = 0  # the next header column a number of the current run takes
    previous = ""
    for match in _LABEL_OR_NUMBER.finditer(text, start, end):
        if match.group("label") is not None:
            if previous != "label":
                words = []
            words.append(_LABELS.index(_SPACE.sub("", match.group("label"))))
            first = match.start() if first < 0 else first  # the evidence opens at the first header
            previous = "label"
            continue
        if previous == "label":
            header, position = list(words), 0
        if not header:
            return []  # a number before any column word: not this layout
        slots.append(header[position % len(header)])
        values.append(int(match.group("num")))
        position += 1
        last = match.end()
        previous = "num"
    if slots != list(range(GROUP)) * 3:
        return []
    return [(first, last, values)]


def _rows(text: str, start: int, end: int) -> list[tuple[int, int, list[int]]]:
    """Candidate 15-cell rows: a run of bare numbers, else the bare-number lines of the section
    joined across what a page break put between them (— 5 —, the running title of the report)."""
    rows = []
    for run in _RUN.finditer(text, start, end):
        values = [int(m.group(0)) for m in re.finditer(r"\d+", run.group(0))]
        if len(values) == CELLS:
            rows.append((run.start(), run.end(), values))
    if rows:
        return rows
    lines = [m for m in _NUMBER_LINE.finditer(text, start, end)]
    values = [int(v) for m in lines for v in re.findall(r"\d+", m.group(0))]
    if len(values) == CELLS:
        rows.append((lines[0].start(), lines[-1].end(), values))
        return rows
    return _labelled_cells(text, start, end) or _transposed_cells(text, start, end)


# One row per column word with the three groups' numbers after it (结果维持 | 1 | 0 | 0): the form
# laid out transposed, as some portals render it (行政复议 | 行政诉讼 over the columns).
_TRANSPOSED_ROW = re.compile(
    r"(?m)^[ \t\u3000|]*(?P<label>" + "|".join(r"[ \t\u3000]*".join(word) for word in _LABELS)
    + r")[ \t\u3000|]+(?P<a>\d+)[ \t\u3000|]+(?P<b>\d+)[ \t\u3000|]+(?P<c>\d+)[ \t\u3000|]*$")
_BLANKS = re.compile(r"[ \t\u3000]+")


def _transposed_cells(text: str, start: int, end: int) -> list[tuple[int, int, list[int]]]:
    """The 15 cells of a transposed table: the five column words as row labels, in order, each with
    three numbers (行政复议, 未经复议直接起诉, 复议后起诉), put back in the form's order by position."""
    rows = list(_TRANSPOSED_ROW.finditer(text, start, end))
    if [_LABELS.index(_BLANKS.sub("", m.group("label"))) for m in rows] != list(range(GROUP)):
        return []
    values = [int(rows[p].group(g)) for g in ("a", "b", "c") for p in range(GROUP)]
    return [(rows[0].start("label"), rows[-1].end(), values)]
