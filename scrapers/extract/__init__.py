"""Text (+ hints) → ``Extraction``: document fields, jurisdiction and vocabulary facts.

The pipeline, one module per job:
``normalize`` (NFKC with an offset map) → ``columns`` (two-column pages back in reading order) →
``lines`` (PDF line breaks, page furniture, running headers) → ``segment``
(sentences, clauses) → ``numbers`` (the number grammar) → ``metrics`` (binding by subject and action,
rules in ``metric_rules.yaml``; ``periods`` decides the year), tables written as text (``text_tables``:
a cell by its row label and
column header, with the same rules) → conflicts; and ``document`` (title, publisher, dates, report year,
doc_type) with ``places`` (jurisdiction codes).

Every fact's ``evidence`` is ``text[start:end]`` of the text given, verbatim.
"""

from __future__ import annotations

import re

from scrapers.extract.columns import split_columns
from scrapers.extract.document import dated_year, read_document, review_section, undated_news
from scrapers.extract.lines import unwrap_lines
from scrapers.extract.metrics import (
    Binding,
    BindResult,
    RuleSet,
    bind_sentence,
    load_rules,
    plan_sections,
    resolve_conflicts,
)
from scrapers.extract.normalize import NormalizedText, normalize
from scrapers.extract.numbers import find_figures
from scrapers.extract.places import code_from_hints, resolve
from scrapers.extract.segment import split_sentences
from scrapers.extract.tables import ogi_section4_bindings, section4_span
from scrapers.extract.text_tables import find_text_tables, table_bindings
from scrapers.records import DocumentFields, DocumentHints, Extraction, Fact

__all__ = ["EXTRACTOR_VERSION", "extract_document"]

# Bump whenever rules, grammar or data change: stored with every report so facts can be re-derived.
EXTRACTOR_VERSION = "2026.11.23-18"

# A list item's marker at the start of a line: (1), 1., 1、, ①→(1), •, 一是, (一), or a label and colon.
_LIST_ITEM = re.compile(
    r"[ \t\u3000]*(?:\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)|\d{1,2}\s*[.、](?!\d)"
    r"|[•·●■◆▪◇○\-—]|[一二三四五六七八九十]{1,3}是"
    r"|[^\s:,。;\d]{1,12}:)")  # or a label line: 受理量:全年受理来电64.3万件
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
# 党政办公室 (党政综合办公室): the combined office through which a development zone's or a town's
# government publishes its own reports (成都高新区党政办公室 posting the 管委会's 法治政府建设报告).
_GOVERNMENT = re.compile(r"人民政府|政府$|管委会|管理委员会|行政公署|党政(?:综合)?办公室|党政办$")
# A title naming a whole year (2024年全市…, 2023年度…), not a date (2024年1月9日) or a part (2023年第三季度).
_TITLE_WHOLE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月|\s*第|\s*[上下]半年|\s*前|以来)")
_OWN_PART = re.compile(r"街道|乡|镇|本级")


def extract_document(text: str, hints: DocumentHints | None = None) -> Extraction:
    """Extract document fields and facts from a report's text (offsets refer to ``text``)."""
    hints = hints or DocumentHints()
    doc = read_document(text, hints)
    warnings: list[str] = []

    tie_codes = [c for c in (hints.jurisdiction_code, code_from_hints(hints.site_id_code, hints.index_no),
                             code_from_hints(None, doc.labels.get("index_no"))) if c]
    place = resolve([doc.publisher, doc.title, hints.publisher, hints.jurisdiction_name], tie_codes,
                    context=text[:3000])
    warnings.extend(place.warnings)
    if not place.found:
        warnings.append("jurisdiction: no place name found in publisher, title or hints")

    norm = normalize(text)
    body_start = doc.body_offset if norm.text is text else _norm_index(norm, doc.body_offset)
    # Two-column pages back in reading order (body_start stays put: the title block is untouched),
    # then PDF line breaks inside a sentence and page furniture go (deletions).
    norm = split_columns(norm, body_start)
    norm = unwrap_lines(norm, body_start)
    ntext = norm.text
    figures = find_figures(ntext)
    result = BindResult()
    rules = load_rules()
    document_family = rules.document_families.get(doc.doc_type)
    section4 = section4_span(ntext)
    tables = [t for t in find_text_tables(ntext) if t.end > body_start]
    # Table rows are read by row label and column header, never as prose.
    table_spans = [(t.start, t.end) for t in tables]
    table_index = 0
    is_government = bool(_GOVERNMENT.search(doc.publisher or ""))
    # Plan sections (四、下一步工作安排, 2024年工作要点): aims, not results; nothing in them binds.
    plans = plan_sections(ntext, doc.report_year, body_start)
    plan_index = 0
    # Dated within its report year (a news item of 2023-11-08 on 2023): 今年以来 is part of the year.
    # A year's own report signed in its last month (2021-12-31) reports the whole year.
    head_text = text[:doc.body_offset + 200]
    to_date_partial = (doc.report_year is not None
                       and (dated_year(doc.published, head_text) == doc.report_year
                            or (doc.doc_type == "other" and undated_news(head_text)))
                       and (doc.doc_type == "other" or not (doc.published or "").startswith(
                           f"{doc.report_year}-12")))
    # A 街道 / 乡镇 / 本级 body's own report: its name as a figure's subject is its own scope.
    own_part = bool(_OWN_PART.search(doc.publisher or ""))
    # Not a year's report (a news item, a reply, a speech): figures need a whole-year anchor.
    # A speech or a 政府工作报告 dated after its report year reviews that whole year: no anchor needed.
    dated = dated_year(doc.published, head_text)
    needs_anchor = (doc.doc_type == "other" and not _TITLE_WHOLE_YEAR.search(doc.title or "")
                    and doc.report_year is not None
                    and (dated == doc.report_year or (dated is None and undated_news(head_text))))
    fig_index = 0
    carried: str | None = None
    list_family: str | None = None  # the subject of a lead-in ending with a colon, for its list items
    previous_end: int | None = None
    own_names = f"{doc.publisher or ''} {doc.title or ''}"  # once per document, not per sentence
    for sentence in split_sentences(ntext):
        if sentence.end <= body_start:
            continue
        while table_index < len(table_spans) and table_spans[table_index][1] < sentence.start:
            table_index += 1
        if table_index < len(table_spans) and table_spans[table_index][0] <= sentence.start:
            previous_end = None
            continue
        while plan_index < len(plans) and plans[plan_index][1] <= sentence.start:
            plan_index += 1
        if plan_index < len(plans) and plans[plan_index][0] <= sentence.start:
            previous_end = None
            continue
        # The subject carries over to the next sentence only within a paragraph, or from a lead-in
        # ending with a colon to the numbered items listed under it (…主要指标如下： / ①全年接听…).
        # (str.find with bounds: no slice copied per sentence)
        if previous_end is None or ntext.find("\n", previous_end, sentence.start) != -1:
            in_list = (list_family is not None and previous_end is not None
                       and not _BLANK_LINE.search(ntext, previous_end, sentence.start)
                       and _LIST_ITEM.match(ntext, sentence.start) is not None)
            list_family = list_family if in_list else None
            carried = list_family
        previous_end = sentence.end
        while fig_index < len(figures) and figures[fig_index].start < sentence.start:
            fig_index += 1
        in_sentence = []
        j = fig_index
        while j < len(figures) and figures[j].end <= sentence.end:
            in_sentence.append(figures[j])
            j += 1
        carried = bind_sentence(ntext, sentence, in_sentence, doc.report_year, is_government, result, carried,
                                document_family, to_date_partial, own_part, needs_anchor,
                                own_names=own_names)
        if ntext[sentence.end - 1] == ":":
            list_family = carried
    in_tables = table_bindings(ntext, [t for t in tables if (section4 is None or not (
        t.start < section4[1] and t.end > section4[0])) and not any(a <= t.start < b for a, b in plans)],
        doc.report_year, result.dropped, document_family)
    result.bindings = _merge(result.bindings, in_tables)
    warnings.extend(dict.fromkeys(
        f"respectively: {reason.removeprefix('respectively:')}" for reason in result.dropped
        if reason.startswith("respectively:") and "«" in reason))
    result.bindings.extend(ogi_section4_bindings(ntext))
    foreign = _foreign_document(doc.title, doc.publisher, rules)
    if foreign and result.bindings:
        warnings.append(f"no facts: the document is another system's ({foreign}); "
                        f"{len(result.bindings)} figure(s) not stored")
        result.bindings = []
    scope = _no_facts_scope(doc.title, rules)
    review = review_section(normalize(doc.title).text if doc.title else None, ntext) if scope else None
    if review is not None:
        # 工作要点 opening with 一、2024年工作回顾: that section's figures are the reviewed year's results.
        inside = [b for b in result.bindings if review[0] <= b.evidence_start < review[1]]
        if len(inside) < len(result.bindings):
            warnings.append(f"no facts outside the review section: {len(result.bindings) - len(inside)} "
                            "figure(s) of the plan not stored")
        result.bindings, scope = inside, None
    if scope and result.bindings:
        warnings.append(f"no facts: the title names {scope}; {len(result.bindings)} figure(s) not stored")
        result.bindings = []
    kept, conflict_warnings = resolve_conflicts(result.bindings)
    warnings.extend(conflict_warnings)

    facts = []
    for binding in kept:
        start, end = norm.to_original(binding.evidence_start, binding.evidence_end)
        facts.append(Fact(metric=binding.metric, value=binding.value, unit=binding.unit,
                          qualifier=binding.qualifier,
                          year=binding.year, evidence=text[start:end], start=start, end=end))
    fields = DocumentFields(title=doc.title, publisher=doc.publisher, published=doc.published,
                            report_year=doc.report_year, doc_type=doc.doc_type,
                            jurisdiction=place.jurisdiction)
    return Extraction(document=fields, facts=facts, warnings=warnings)


# A title naming part of a year: a half, a quarter, months (not a date: （2023年3月）, 3月15日).
_PARTIAL_TITLE = re.compile(
    r"上半年|下半年|前三季度|[一二三四1-4]季度"
    r"|(?<!\d)(?:1[01]|[1-9])\s?[-—~至到]\s?(?:1[01]|[1-9])月"
    r"|(?<![\d至到\-—~])(?:1[0-2]|[1-9])月份?(?!\s?\d{1,2}\s?[日号])(?![)\]】])")
# …12月份暨全年运行情况通报, 第四季度及全年…: the whole year is reported too (its figures are facts,
# the part's are dropped by their own period words).
_WHOLE_YEAR_TOO = re.compile(r"(?:暨|及|和|与|、|并)\s*(?:全年|全年度|年度)")
_REPORT_WORDS = re.compile(r"总结|报告|情况|通报")


def _no_facts_scope(title: str | None, rules: RuleSet) -> str | None:
    """Why a document holds no report-year figure: a plan, or a report on part of the year."""
    if not title:
        return None
    head = normalize(title).text
    if rules.no_facts_title_re is not None and (match := rules.no_facts_title_re.search(head)) and not (
            _REPORT_WORDS.search(head[:match.start()])):
        return f"a plan ({match.group(0)})"  # not 2022年工作总结和2023年工作计划
    if (match := _PARTIAL_TITLE.search(head)) is not None and not _WHOLE_YEAR_TOO.search(head):
        return f"part of a year ({match.group(0)})"
    return None


def _foreign_document(title: str | None, publisher: str | None, rules: RuleSet) -> str | None:
    """A court's, procuratorate's or labour arbitration's own document, from its title or publisher."""
    if rules.foreign_document_re is None:
        return None
    for name in (title, publisher):
        if name and (match := rules.foreign_document_re.search(normalize(name).text)):
            return match.group(0)
    return None


def _merge(prose: list[Binding], table: list[Binding]) -> list[Binding]:
    """Table bindings inserted among the prose ones in document order (first stated wins a conflict)."""
    if not table:
        return prose
    merged: list[Binding] = []
    queue = sorted(table, key=lambda b: b.evidence_start)
    index = 0
    for binding in prose:
        while index < len(queue) and queue[index].evidence_start < binding.evidence_start:
            merged.append(queue[index])
            index += 1
        merged.append(binding)
    merged.extend(queue[index:])
    return merged


def _norm_index(norm: NormalizedText, original_index: int) -> int:
    """First normalized index whose origin is at or after ``original_index``."""
    lo, hi = 0, len(norm.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if norm.to_original(mid, mid + 1)[0] < original_index:
            lo = mid + 1
        else:
            hi = mid
    return lo
