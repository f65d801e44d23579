"""Section 四 of the 政府信息公开工作年度报告: one table row of 15 numbers, read by position.

The form is fixed nationwide: 行政复议 (5 columns), then 行政诉讼 split into 未经复议直接起诉 (5) and
复议后起诉 (5), each group being 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计. Flattened from a PDF the
headers break across lines (结果/维持, 总/计) and the row is 15 bare numbers; from HTML each cell may
stand on its own line. Either way the numbers are a run of whitespace-separated integers after the
section heading, so they are read by position, never by the header words next to them.

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
_RUN = re.compile(r"(?<![\d.])" + _NUM + r"(?:[ \t\u3000]*(?:\n[ \t\u3000]*)*" + _NUM + r")+(?![\d.%％])")

GROUP = 5
CELLS = 15
# position in the row → metric; only the 行政复议 group's cells map to a vocabulary key one to one.
_CELL_METRICS = {
    0: "reconsideration.upheld",
    1: "reconsideration.corrected",
    4: "reconsideration.as_respondent",
}


def section4_span(text: str) -> tuple[int, int] | None:
    """Where section 四 of an OGI report sits in `text` (normalized): its heading to the next section."""
    heading = _HEADING.search(text)
    if not heading:
        return None
    end_match = _NEXT_SECTION.search(text, heading.end())
    return heading.start(), end_match.start() if end_match else len(text)


def ogi_section4_bindings(text: str) -> list[Binding]:
    """Bindings for the section-4 row of `text` (normalized), or none if there is no such row."""
    heading = _HEADING.search(text)
    if not heading:
        return []
    end_match = _NEXT_SECTION.search(text, heading.end())
    end = end_match.start() if end_match else len(text)
    for run in _RUN.finditer(text, heading.end(), end):
        numbers = [(m.start(), m.end()) for m in re.finditer(r"\d+", run.group(0))]
        if len(numbers) != CELLS:
            continue
        values = [int(run.group(0)[a:b]) for a, b in numbers]
        if any(values[g * GROUP + 4] < max(values[g * GROUP : g * GROUP + 4]) for g in range(3)):
            return []  # a total smaller than one of its cells: not the table row
        return [
            Binding(
                metric=metric,
                value=float(values[position]),
                unit="件",
                qualifier="exact",
                year=None,
                evidence_start=run.start(),
                evidence_end=run.end(),
                cue=f"section4[{position}]",
            )
            for position, metric in _CELL_METRICS.items()
        ]
    return []
