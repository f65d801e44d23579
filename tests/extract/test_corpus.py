"""The blind evaluation corpus (tests/extract/corpus) and its scorer (scrapers.evaluate).

Three kinds of test: the scorer's own rules on tiny hand-made cases (they must always pass), the
corpus's gold files are well-formed and every gold number is really in its document (a typo in
gold would silently lower the score), and the extractor's score on the corpus: precision >= 0.97
and recall >= 0.90 overall. The extractor was tuned against this corpus, so this is a regression
bar, not a measure of generalization (a held-out set, never tuned against, is that).
"""

from __future__ import annotations

import json
import typing
from collections import Counter
from pathlib import Path

import pytest
from passages import gold_alternatives, written_values

from scrapers.evaluate import evaluate, iter_numbers, load_corpus, run_corpus, score_document, trap_in_text
from scrapers.records import DocType, DocumentFields, Extraction, Fact, Qualifier
from scrapers.vocabulary import metrics

CORPUS = Path(__file__).parent / "corpus"
TEXT = "全年收到行政复议申请52件，依申请公开56件，受理热线诉求3.6万件，满意率约98%。"

DOC_TYPES = set(typing.get_args(DocType))
QUALIFIERS = set(typing.get_args(Qualifier))
FAMILIES = {"reconsideration", "litigation", "mediation", "hotline"}
PHRASING = {
    # numbers as written
    "sep_thousands", "fullwidth", "decimal", "cn_numerals", "scale_wan",
    "q_at_least", "q_approx", "q_at_most",
    # zero, changes, money
    "zero_in_scope", "zero_out_of_scope", "yoy_signed", "mom", "pct_points", "money",
    # structure of the statement
    "parts", "list_yishi", "fenbie", "prev_year", "period_partial", "year_other", "other_actor",
    "rate_definitions", "same_figure_rounding",
    # tables
    "table_html", "table_pipe", "table_aligned", "ogi_s4_flat", "ogi_s4_html",
    # the document
    "no_figures", "department", "government",
}  # fmt: skip


def fact(metric: str, value: float, evidence: str | None = None, **kw: object) -> Fact:
    """A fact whose evidence is found in TEXT (or placed at 0 when it is not there)."""
    evidence = evidence if evidence is not None else f"{value:g}"
    start = max(TEXT.find(evidence), 0)
    defaults: dict[str, object] = {"unit": "件", "qualifier": "exact", "year": None}
    defaults.update(kw)
    return Fact(metric, value, evidence=evidence, start=start, end=start + len(evidence), **defaults)  # type: ignore[arg-type]


def extraction(*facts: Fact) -> Extraction:
    return Extraction(DocumentFields(report_year=2022, doc_type="rule_of_law_report"), list(facts))


def gold(**kw: object) -> dict:
    base: dict = {"document": {"report_year": 2022, "doc_type": "rule_of_law_report"}, "facts": []}
    base.update(kw)
    return base


# --- the scorer -----------------------------------------------------------------------------


def test_tp_fp_fn_counted_per_family() -> None:
    g = gold(
        facts=[
            {"metric": "reconsideration.received", "value": 52, "unit": "件", "qualifier": "exact"},
            {"metric": "hotline.contacts", "value": 36000},
        ]
    )
    e = extraction(
        fact("reconsideration.received", 52, "收到行政复议申请52件"),
        fact("mediation.disputes", 56, "依申请公开56件"),
    )
    report = evaluate([(g, e, TEXT)])
    fams = report.per_family
    assert (fams["reconsideration"].tp, fams["reconsideration"].fp, fams["reconsideration"].fn) == (1, 0, 0)
    assert (fams["mediation"].tp, fams["mediation"].fp) == (0, 1)
    assert (fams["hotline"].tp, fams["hotline"].fn) == (0, 1)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 1)
    assert report.overall.precision == pytest.approx(0.5)
    assert report.overall.recall == pytest.approx(0.5)
    assert [m.expected for m in report.misses] == ["hotline.contacts=36000"]
    assert [(f.metric, f.value) for f in report.false_positives] == [("mediation.disputes", 56)]


def test_empty_gold_and_empty_extraction_score_perfectly() -> None:
    report = evaluate([(gold(), extraction(), TEXT)])
    assert report.overall.precision == 1.0 and report.overall.recall == 1.0


def test_qualifier_or_unit_mismatch_is_a_miss_and_a_false_positive() -> None:
    g = gold(facts=[{"metric": "hotline.satisfaction_rate", "value": 98, "qualifier": "approx"}])
    e = extraction(fact("hotline.satisfaction_rate", 98, "满意率约98%", unit=None, qualifier="exact"))
    report = evaluate([(g, e, TEXT)])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)
    assert report.misses[0].near == "98 (None, exact)"

    g = gold(facts=[{"metric": "hotline.contacts", "value": 36000, "unit": "件"}])
    e = extraction(fact("hotline.contacts", 36000, "3.6万件", unit="万件"))
    assert (evaluate([(g, e, TEXT)]).overall.fp, evaluate([(g, e, TEXT)]).overall.fn) == (1, 1)


def test_gold_without_unit_or_qualifier_accepts_any() -> None:
    g = gold(facts=[{"metric": "hotline.contacts", "value": 36000}])
    e = extraction(fact("hotline.contacts", 36000, "3.6万件", unit="万件", qualifier="approx"))
    assert evaluate([(g, e, TEXT)]).overall.tp == 1


def test_value_tolerance_is_tiny() -> None:
    g = gold(facts=[{"metric": "hotline.satisfaction_rate", "value": 98.0}])
    assert evaluate([(g, extraction(fact("hotline.satisfaction_rate", 98.0000001)), TEXT)]).overall.tp == 1
    assert evaluate([(g, extraction(fact("hotline.satisfaction_rate", 98.01)), TEXT)]).overall.tp == 0


def test_any_of_one_alternative_suffices_and_others_are_not_fp() -> None:
    g = gold(
        facts=[
            {
                "any_of": [
                    {"metric": "reconsideration.accepted", "value": 52},
                    {"metric": "reconsideration.received", "value": 52},
                ]
            }
        ]
    )
    both = extraction(fact("reconsideration.received", 52), fact("reconsideration.accepted", 52))
    report = evaluate([(g, both, TEXT)])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
    assert report.documents[0].neutral == 1

    none = evaluate([(g, extraction(), TEXT)])
    assert none.overall.fn == 1
    assert "reconsideration.accepted=52 | reconsideration.received=52" in none.misses[0].expected


def test_matching_is_maximal_not_greedy() -> None:
    """One emitted fact satisfies either entry; the other satisfies only the any_of: both count."""
    g = gold(
        facts=[
            {"metric": "reconsideration.received", "value": 52},
            {
                "any_of": [
                    {"metric": "reconsideration.received", "value": 52},
                    {"metric": "reconsideration.accepted", "value": 52},
                ]
            },
        ]
    )
    e = extraction(fact("reconsideration.accepted", 52), fact("reconsideration.received", 52))
    assert evaluate([(g, e, TEXT)]).overall.tp == 2


def test_also_fine_is_neither_tp_nor_fp() -> None:
    g = gold(also_fine=[{"metric": "litigation.cases", "value": 4}])
    report = evaluate([(g, extraction(fact("litigation.cases", 4)), TEXT)])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 0, 0)
    assert report.documents[0].neutral == 1


def test_repeating_a_found_figure_is_not_a_false_positive() -> None:
    g = gold(facts=[{"metric": "reconsideration.received", "value": 52}])
    e = extraction(fact("reconsideration.received", 52), fact("reconsideration.received", 52, "52件"))
    report = evaluate([(g, e, TEXT)])
    assert (report.overall.tp, report.overall.fp) == (1, 0)


def test_year_must_match_null_meaning_report_year() -> None:
    g = gold(
        facts=[
            {"metric": "hotline.contacts", "value": 36000},
            {"metric": "reconsideration.received", "value": 52, "year": 2021},
        ]
    )
    e = extraction(
        fact("hotline.contacts", 36000, year=2022),  # explicit report year == null
        fact("reconsideration.received", 52),  # null = 2022, gold wants 2021
    )
    report = evaluate([(g, e, TEXT)])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 1)
    assert report.misses[0].expected == "reconsideration.received=52 (year=2021)"

    g_fine = gold(also_fine=[{"metric": "reconsideration.received", "value": 52, "year": 2021}])
    fps = evaluate([(g_fine, e, TEXT)]).false_positives  # the 2022 reading is still wrong
    assert ("reconsideration.received", 52) in [(f.metric, f.value) for f in fps]


def test_trap_violation_by_evidence_prefix_scaled_and_by_position() -> None:
    g = gold(traps=["依申请公开56件", "受理热线诉求3.6万件"])
    e = extraction(
        fact("reconsideration.received", 56, "依申请公开56件"),
        fact("hotline.contacts", 36000, "3.6万件"),  # short evidence: caught by position
        fact("reconsideration.received", 52, "收到行政复议申请52件"),  # not a trap
    )
    report = evaluate([(g, e, TEXT)])
    assert sorted(v.trap for v in report.trap_violations) == ["依申请公开56件", "受理热线诉求3.6万件"]


def test_trap_needs_both_number_and_context() -> None:
    g = gold(traps=["依申请公开56件"])
    other_number = extraction(fact("reconsideration.received", 52, "依申请公开56件"))
    other_place = extraction(fact("reconsideration.received", 56, "收到行政复议申请52件"))
    assert not evaluate([(g, other_number, TEXT)]).trap_violations
    assert not evaluate([(g, other_place, TEXT)]).trap_violations


def test_signed_value_hits_unsigned_trap() -> None:
    text = "民商事诉讼收案同比缩减3.3%。"
    g = gold(traps=["民商事诉讼收案同比缩减3.3%"])
    f = Fact("hotline.contacts_yoy_pct", -3.3, None, "exact", None, text[:-1], 0, len(text) - 1)
    assert evaluate([(g, extraction(f), text)]).trap_violations


def test_evidence_ok_checks_offsets() -> None:
    good = fact("reconsideration.received", 52, "收到行政复议申请52件")
    shifted = Fact(good.metric, 52, "件", "exact", None, good.evidence, good.start + 1, good.end + 1)
    outside = Fact(good.metric, 52, "件", "exact", None, "x", len(TEXT), len(TEXT) + 1)
    assert evaluate([(gold(), extraction(good), TEXT)]).evidence_ok
    report = evaluate([(gold(), extraction(shifted, outside), TEXT)])
    assert not report.evidence_ok
    assert len(report.evidence_errors) == 2


def test_unknown_metric_is_a_false_positive_of_its_own_family() -> None:
    report = evaluate([(gold(), extraction(fact("petition.cases", 56)), TEXT)])
    assert report.per_family["unknown"].fp == 1


def test_document_field_mismatches_are_listed_not_scored() -> None:
    g = gold()
    g["document"]["doc_type"] = "hotline_report"
    score = score_document(g, extraction(), TEXT, "x")
    assert score.document_mismatches == ["doc_type rule_of_law_report != hotline_report"]


def test_report_formats_table_and_json() -> None:
    g = gold(facts=[{"metric": "hotline.contacts", "value": 36000}])
    report = evaluate([(g, extraction(), TEXT)], names=["doc.txt"])
    text = report.format()
    assert "overall" in text and "doc.txt: hotline.contacts=36000" in text
    assert json.loads(json.dumps(report.to_dict()))["overall"]["fn"] == 1


def test_numbers_as_written() -> None:
    def values(text: str) -> list[float]:
        return [v for t in iter_numbers(text) for v in t.values]

    assert values("12,345件") == [12345]
    assert values("１２，３４５件") == [12345]
    assert values("128 640件") == [128640]
    assert values("15.6 万件") == [15.6, 156000]
    assert values("1.02亿件") == [1.02, 102000000]
    assert values("两千余人") == [2000]
    assert values("一百零八件") == [108]
    assert values("百分之九十八点六") == [98.6]
    assert values("二〇二〇年") == [2020]
    assert values("两万三千余个") == [23000]
    assert values("3 1 0 1 5") == [3, 1, 0, 1, 5]
    assert [t.value for t in iter_numbers("合计 43 223", space_groups=False)] == [43, 223]


# --- the corpus's gold ----------------------------------------------------------------------

ZERO_WORDS = ("零", "无", "未", "没有", "0", "０")


@pytest.fixture(scope="module")
def corpus() -> list:
    return load_corpus(CORPUS)


def _gold_facts(g: dict) -> list[dict]:
    return [alt for f in g["facts"] for alt in gold_alternatives(f)]


def test_corpus_gold_files_are_valid(corpus: list) -> None:
    keys = set(metrics())
    problems = []
    for doc in corpus:
        g = doc.gold
        where = doc.name
        d = g["document"]
        if d.get("doc_type") not in DOC_TYPES:
            problems.append(f"{where}: doc_type {d.get('doc_type')!r}")
        if not isinstance(d.get("report_year"), int):
            problems.append(f"{where}: report_year {d.get('report_year')!r}")
        for f in [*_gold_facts(g), *g.get("also_fine", [])]:
            if f.get("metric") not in keys:
                problems.append(f"{where}: unknown metric {f.get('metric')!r}")
            if not isinstance(f.get("value"), int | float) or isinstance(f.get("value"), bool):
                problems.append(f"{where}: value {f.get('value')!r}")
            if "qualifier" in f and f["qualifier"] not in QUALIFIERS:
                problems.append(f"{where}: qualifier {f['qualifier']!r}")
            if "year" in f and not isinstance(f["year"], int):
                problems.append(f"{where}: year {f['year']!r}")
        for entry in g["facts"]:
            if "any_of" in entry and len(entry["any_of"]) < 2:
                problems.append(f"{where}: any_of with fewer than two alternatives")
        if not set(g.get("families", [])) <= FAMILIES:
            problems.append(f"{where}: families {g.get('families')}")
        fams = {f["metric"].split(".")[0] for f in _gold_facts(g)}
        if not fams <= set(g.get("families", [])):
            problems.append(f"{where}: families {g.get('families')} do not cover {sorted(fams)}")
        if not set(g.get("phrasing", [])) <= PHRASING:
            problems.append(f"{where}: unknown phrasing tags {set(g['phrasing']) - PHRASING}")
        if ("no_figures" in g["phrasing"]) != (not g["facts"]):
            problems.append(f"{where}: no_figures tag and empty facts disagree")
    assert not problems, "\n".join(problems)


def test_every_gold_number_and_trap_is_in_the_text(corpus: list) -> None:
    """Catches typos in gold: each required value is written somewhere in the document (digits,
    full width, separators, 万/亿, Chinese numerals, or words for zero), and each trap is a verbatim
    piece of the text the extractor is given."""
    problems = []
    for doc in corpus:
        written = written_values(doc.text)
        for f in _gold_facts(doc.gold):
            value = abs(float(f["value"]))
            if value == 0 and any(w in doc.text for w in ZERO_WORDS):
                continue
            # a table header may carry the scale (受理量（万件） | 42.7)
            readings = {round(value, 6), round(value / 10_000, 6), round(value / 100_000_000, 6)}
            if not readings & written:
                problems.append(f"{doc.name}: {f['metric']}={f['value']} not written in the text")
        for trap in doc.gold.get("traps", []):
            if not trap_in_text(trap, doc.text):
                problems.append(f"{doc.name}: trap {trap!r} not in the text")
            elif not list(iter_numbers(trap)):
                problems.append(f"{doc.name}: trap {trap!r} has no number")
    assert not problems, "\n".join(problems)


def test_corpus_coverage(corpus: list) -> None:
    """The corpus keeps its promised breadth when documents are added or removed."""
    assert len(corpus) >= 60
    types = Counter(d.gold["document"]["doc_type"] for d in corpus)
    assert set(types) == DOC_TYPES, types
    assert sum(1 for d in corpus if not d.gold["facts"]) >= 8
    families = Counter(f for d in corpus for f in d.gold["families"])
    assert all(families[f] >= 3 for f in FAMILIES), families
    tags = Counter(t for d in corpus for t in d.gold["phrasing"])
    thin = {t: tags[t] for t in PHRASING if tags[t] < 3}
    assert not thin, f"phrasing tags used fewer than 3 times: {thin}"
    assert all(d.gold["traps"] for d in corpus if len(d.gold["facts"]) > 4)


# --- the extractor on the corpus -------------------------------------------------------------


def test_extractor_meets_the_corpus_bar() -> None:
    report = run_corpus(CORPUS)
    overall = report.overall
    message = "\n" + report.format(limit=25)
    assert report.evidence_ok, message
    assert overall.precision >= 0.97, message
    assert overall.recall >= 0.90, message


def test_scorer_reads_the_seed_gold_shape(shared_dir: Path) -> None:
    """The same scorer serves seed_gold.json (a list of documents keyed by file)."""
    seed = json.loads((shared_dir / "spec" / "seed_gold.json").read_text(encoding="utf-8"))
    items = []
    for entry in seed["documents"]:
        text = (shared_dir / "seeds" / entry["file"]).read_text(encoding="utf-8")
        items.append((entry, Extraction(DocumentFields()), text))
    report = evaluate(items)
    assert report.overall.fn == sum(len(e["facts"]) for e in seed["documents"])
    assert [d.name for d in report.documents] == [e["file"] for e in seed["documents"]]
