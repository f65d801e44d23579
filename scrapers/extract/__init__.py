"""Text (+ hints) → ``Extraction``: document fields, jurisdiction and vocabulary facts.

The pipeline, one module per job:
``normalize`` (NFKC with an offset map) → ``segment`` (sentences, clauses) → ``numbers`` (the
number grammar) → ``metrics`` (binding by subject and action, rules in ``metric_rules.yaml``;
``periods`` decides the year) → conflicts; and ``document`` (title, publisher, dates, report year,
doc_type) with ``places`` (jurisdiction codes).

Every fact's ``evidence`` is ``text[start:end]`` of the text given, verbatim.
"""

from __future__ import annotations

import re

from scrapers.extract.document import read_document
from scrapers.extract.metrics import BindResult, bind_sentence, resolve_conflicts
from scrapers.extract.normalize import NormalizedText, normalize
from scrapers.extract.numbers import find_figures
from scrapers.extract.places import code_from_hints, resolve
from scrapers.extract.segment import split_sentences
from scrapers.extract.tables import ogi_section4_bindings
from scrapers.records import DocumentFields, DocumentHints, Extraction, Fact

__all__ = ["EXTRACTOR_VERSION", "extract_document"]

# Bump whenever rules, grammar or data change: stored with every report so facts can be re-derived.
EXTRACTOR_VERSION = "2026.11.23-3"

_GOVERNMENT = re.compile(r"人民政府|政府$|管委会|管理委员会|行政公署")


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
    ntext = norm.text
    body_start = doc.body_offset if norm.text is text else _norm_index(norm, doc.body_offset)
    figures = find_figures(ntext)
    result = BindResult()
    is_government = bool(_GOVERNMENT.search(doc.publisher or ""))
    fig_index = 0
    carried: str | None = None
    previous_end: int | None = None
    for sentence in split_sentences(ntext):
        if sentence.end <= body_start:
            continue
        # The subject carries over to the next sentence only within a paragraph.
        if previous_end is None or "\n" in ntext[previous_end:sentence.start]:
            carried = None
        previous_end = sentence.end
        while fig_index < len(figures) and figures[fig_index].start < sentence.start:
            fig_index += 1
        in_sentence = []
        j = fig_index
        while j < len(figures) and figures[j].end <= sentence.end:
            in_sentence.append(figures[j])
            j += 1
        carried = bind_sentence(ntext, sentence, in_sentence, doc.report_year, is_government, result, carried)
    result.bindings.extend(ogi_section4_bindings(ntext))
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
