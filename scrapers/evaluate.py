"""Score extractions against hand-written gold: precision and recall per metric family.

The gold format is the one of ``../shared/spec/seed_gold.json`` and ``tests/extract/corpus``:
``{"document": {"report_year": …, "doc_type": …}, "facts": […], "also_fine": […], "traps": […]}``.
A scorer separate from the extractor keeps the measure honest: the rules can change every day,
the definition of "right" cannot. Run it as ``python -m scrapers.evaluate DIR`` on a folder of
``*.gold.json`` files that sit beside their ``*.txt`` / ``*.html`` documents.

Matching rules (and why):

* A gold fact is found when an emitted fact has the same metric, the same value (|Δ| < 1e-6) and the
  same year, where a missing year means the report year on both sides (a 2022 report's figure for
  2021 is a different warehouse row). When the gold gives ``unit`` or ``qualifier`` they must agree
  too: ``2000多人`` emitted as exact is a wrong claim, so it counts as a miss *and* a false positive.
* ``any_of`` is for wording that is truly ambiguous between keys: any one alternative finds it and
  the other alternatives, if also emitted, are not held against the extractor.
* ``also_fine`` lists defensible figures that are not required (derived totals, a previous year
  quoted in passing): emitting them is neither right nor wrong.
* Emitting a correct figure twice (the same metric, value and year, e.g. from the summary and from
  the body) is not a false positive: the warehouse keeps one row per report, metric and year.
* Every other emitted fact is a false positive of the family of its metric key.
* A trap (``"依申请公开56件"``) is violated when an emitted fact carries the trap's number (as written,
  or scaled by 万/亿) and its evidence contains the trap's text before the number, or its span
  covers that number where the trap's text occurs in the document (short evidence must not hide a
  violation).
* ``evidence_ok``: every emitted fact satisfies ``text[start:end] == evidence`` inside the text: the
  reviewer's click-through to the source must never land on the wrong words.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapers.records import DocumentHints, Extraction, Fact
from scrapers.vocabulary import metrics

__all__ = [
    "FAMILIES",
    "CorpusDocument",
    "Counts",
    "DocumentScore",
    "EvidenceError",
    "FalsePositive",
    "GoldFact",
    "Miss",
    "NumberToken",
    "Report",
    "Trap",
    "TrapViolation",
    "evaluate",
    "family_of",
    "iter_numbers",
    "load_corpus",
    "load_text",
    "main",
    "run_corpus",
    "score_document",
]

EPSILON = 1e-6
FAMILIES: tuple[str, ...] = ("reconsideration", "litigation", "mediation", "hotline")
UNKNOWN_FAMILY = "unknown"

# ---------------------------------------------------------------------------------------------
# Numbers as written. The scorer reads numbers itself (traps, the gold sanity test) rather than
# borrowing the extractor's parser, so that a parser bug cannot hide in both places at once.
# ---------------------------------------------------------------------------------------------

_FW = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC = re.compile(
    r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９])|[ \u3000][0-9０-９]{3}(?![0-9０-９.．]))*"
    r"(?:[.．·][0-9０-９]+)?"
)
_ARABIC_NO_SPACE_GROUPS = re.compile(
    r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．·][0-9０-９]+)?"
)
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUMBER = re.compile(r"(?:百分之)?[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二两三四五六七八九]+)?")
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_SCALE_AFTER = re.compile(r"\s?([万亿])")


@dataclass(frozen=True)
class NumberToken:
    """A number found in text: where it is, its value as written, and its value after 万/亿."""

    start: int
    end: int
    value: float
    scaled: float | None = None  # value × 10⁴ or 10⁸ when 万/亿 follows (the number as counted)

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value,) if self.scaled is None else (self.value, self.scaled)


def _cn_integer(chars: str) -> int | None:
    if not chars:
        return None
    if all(c in _CN_DIGIT_VALUE for c in chars):  # 二〇二〇: digit by digit
        return int("".join(str(_CN_DIGIT_VALUE[c]) for c in chars))
    total = section = number = 0
    for c in chars:
        if c in _CN_DIGIT_VALUE:
            number = _CN_DIGIT_VALUE[c]
        elif c in _CN_UNIT:
            section += (number or 1) * _CN_UNIT[c]
            number = 0
        elif c == "万":
            total += (section + number) * 10_000
            section = number = 0
        elif c == "亿":
            total = (total + section + number) * 100_000_000
            section = number = 0
        else:
            return None
    return total + section + number


def _cn_value(token: str) -> float | None:
    token = token.removeprefix("百分之")
    whole, _, frac = token.partition("点")
    if not any(c in _CN_DIGITS or c in _CN_UNIT for c in whole):
        return None  # a lone 万 / 亿 is a word, not a number
    integer = _cn_integer(whole)
    if integer is None:
        return None
    if frac:
        return float(f"{integer}." + "".join(str(_CN_DIGIT_VALUE[c]) for c in frac))
    return float(integer)


def iter_numbers(text: str, *, space_groups: bool = True) -> Iterator[NumberToken]:
    """Arabic (half/full width, `,` `，` or space separators) and Chinese numerals, in text order.

    A space is both a thousands separator (``128 640件``) and, in text rendered from a table, the
    gap between two cells (``合计 43 223``): `space_groups=False` gives the second reading.
    """
    tokens: list[NumberToken] = []
    taken: list[tuple[int, int]] = []
    for m in (_ARABIC if space_groups else _ARABIC_NO_SPACE_GROUPS).finditer(text):
        raw = re.sub(r"[,， \u3000]", "", m.group().translate(_FW)).replace("·", ".")
        value = float(raw)
        scale = _SCALE_AFTER.match(text, m.end())
        scaled = value * (10_000 if scale.group(1) == "万" else 100_000_000) if scale else None
        tokens.append(NumberToken(m.start(), m.end(), value, scaled))
        taken.append((m.start(), m.end()))
    for m in _CN_NUMBER.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = _cn_value(m.group())
        if value is not None:
            tokens.append(NumberToken(m.start(), m.end(), value))
    yield from sorted(tokens, key=lambda t: t.start)


def _same(a: float, b: float) -> bool:
    return abs(a - b) < EPSILON


# ---------------------------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldFact:
    """One required (or tolerated) figure. `year` None = the report year."""

    metric: str
    value: float
    unit: str | None = None
    qualifier: str | None = None
    year: int | None = None

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> GoldFact:
        return cls(
            metric=str(raw["metric"]),
            value=float(raw["value"]),
            unit=raw.get("unit"),
            qualifier=raw.get("qualifier"),
            year=raw.get("year"),
        )

    def describe(self) -> str:
        extras = [x for x in (self.unit, self.qualifier, f"year={self.year}" if self.year else None) if x]
        return f"{self.metric}={_fmt(self.value)}" + (f" ({', '.join(extras)})" if extras else "")


@dataclass(frozen=True)
class Trap:
    """A figure that must not be emitted under any key, e.g. ``依申请公开56件``."""

    text: str
    prefix: str  # the trap's text before its (last) number
    number: NumberToken  # offsets relative to `text`

    @classmethod
    def parse(cls, text: str) -> Trap | None:
        tokens = list(iter_numbers(text))
        if not tokens:
            return None
        last = tokens[-1]
        return cls(text=text, prefix=text[: last.start].strip(), number=last)

    def matches_value(self, value: float) -> bool:
        return any(_same(abs(value), v) for v in self.number.values)


@dataclass
class _Entry:
    alternatives: list[GoldFact]
    raw: Mapping[str, Any]


def _entries(gold: Mapping[str, Any]) -> list[_Entry]:
    out = []
    for raw in gold.get("facts", []):
        alts = raw.get("any_of", [raw])
        out.append(_Entry([GoldFact.from_dict(a) for a in alts], raw))
    return out


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """1.0 when nothing was emitted: no figure, no false claim."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(frozen=True)
class Miss:
    document: str
    family: str
    expected: str  # e.g. "reconsideration.received=52 (件, exact)" or "a | b" for any_of
    near: str | None = None  # what was emitted instead for the same metric and year, if anything


@dataclass(frozen=True)
class FalsePositive:
    document: str
    family: str
    metric: str
    value: float
    unit: str | None
    qualifier: str
    year: int | None
    evidence: str

    def describe(self) -> str:
        year = f" year={self.year}" if self.year else ""
        head = f"{self.metric}={_fmt(self.value)} ({self.unit}, {self.qualifier}{year})"
        return f"{head} ← {_short(self.evidence)}"


@dataclass(frozen=True)
class TrapViolation:
    document: str
    trap: str
    metric: str
    value: float
    evidence: str


@dataclass(frozen=True)
class EvidenceError:
    document: str
    metric: str
    start: int
    end: int
    evidence: str
    reason: str


@dataclass
class DocumentScore:
    name: str
    counts: dict[str, Counts] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    trap_violations: list[TrapViolation] = field(default_factory=list)
    evidence_errors: list[EvidenceError] = field(default_factory=list)
    neutral: int = 0  # also_fine, other any_of alternatives, repeats of a found figure
    document_mismatches: list[str] = field(default_factory=list)  # report_year / doc_type

    def family(self, name: str) -> Counts:
        return self.counts.setdefault(name, Counts())


@dataclass
class Report:
    documents: list[DocumentScore] = field(default_factory=list)

    @property
    def per_family(self) -> dict[str, Counts]:
        out: dict[str, Counts] = {f: Counts() for f in FAMILIES}
        for doc in self.documents:
            for name, counts in doc.counts.items():
                out.setdefault(name, Counts()).add(counts)
        return out

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.per_family.values():
            total.add(counts)
        return total

    @property
    def misses(self) -> list[Miss]:
        return [m for d in self.documents for m in d.misses]

    @property
    def false_positives(self) -> list[FalsePositive]:
        return [f for d in self.documents for f in d.false_positives]

    @property
    def trap_violations(self) -> list[TrapViolation]:
        return [t for d in self.documents for t in d.trap_violations]

    @property
    def evidence_errors(self) -> list[EvidenceError]:
        return [e for d in self.documents for e in d.evidence_errors]

    @property
    def evidence_ok(self) -> bool:
        return not self.evidence_errors

    @property
    def document_mismatches(self) -> list[str]:
        return [f"{d.name}: {m}" for d in self.documents for m in d.document_mismatches]

    def table(self) -> str:
        """Per-family TP/FP/FN/precision/recall, then the overall line."""
        lines = [f"{'family':<16}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}"]
        rows = [*self.per_family.items(), ("overall", self.overall)]
        for name, c in rows:
            lines.append(f"{name:<16}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>11.3f}{c.recall:>8.3f}")
        lines.append(
            f"documents={len(self.documents)} trap_violations={len(self.trap_violations)} "
            f"evidence_ok={self.evidence_ok} document_field_mismatches={len(self.document_mismatches)}"
        )
        return "\n".join(lines)

    def format(self, limit: int | None = None) -> str:
        """The table plus the lists a person fixing the extractor reads next."""
        parts = [self.table()]

        def section(title: str, items: Sequence[str]) -> None:
            shown = items if limit is None else items[:limit]
            parts.append(f"\n{title} ({len(items)}):")
            parts.extend(f"  {s}" for s in shown)
            if len(shown) < len(items):
                parts.append(f"  … {len(items) - len(shown)} more")

        section(
            "misses",
            [
                f"{m.document}: {m.expected}" + (f"  [emitted: {m.near}]" if m.near else "")
                for m in self.misses
            ],
        )
        section("false positives", [f"{f.document}: {f.describe()}" for f in self.false_positives])
        section(
            "trap violations",
            [
                f"{t.document}: {t.trap!r} ← {t.metric}={_fmt(t.value)} {_short(t.evidence)}"
                for t in self.trap_violations
            ],
        )
        section(
            "evidence errors",
            [f"{e.document}: {e.metric} [{e.start}:{e.end}] {e.reason}" for e in self.evidence_errors],
        )
        section("document fields", self.document_mismatches)
        return "\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        def counts(c: Counts) -> dict[str, Any]:
            return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall}

        return {
            "per_family": {k: counts(v) for k, v in self.per_family.items()},
            "overall": counts(self.overall),
            "evidence_ok": self.evidence_ok,
            "misses": [m.__dict__ for m in self.misses],
            "false_positives": [f.__dict__ for f in self.false_positives],
            "trap_violations": [t.__dict__ for t in self.trap_violations],
            "evidence_errors": [e.__dict__ for e in self.evidence_errors],
            "document_mismatches": self.document_mismatches,
        }


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def family_of(metric: str) -> str:
    """The vocabulary's family of a key; an unknown key is its own family so it is never lost."""
    known = metrics().get(metric)
    return known.family if known else UNKNOWN_FAMILY


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _key_matches(gold: GoldFact, fact: Fact, report_year: int | None) -> bool:
    """Metric, value and year agree (the identity of a warehouse row)."""
    return (
        gold.metric == fact.metric
        and _same(gold.value, fact.value)
        and (gold.year or report_year) == (fact.year or report_year)
    )


def _full_match(gold: GoldFact, fact: Fact, report_year: int | None) -> bool:
    """The row identity plus whatever unit / qualifier the gold insists on."""
    return (
        _key_matches(gold, fact, report_year)
        and (gold.unit is None or gold.unit == fact.unit)
        and (gold.qualifier is None or gold.qualifier == fact.qualifier)
    )


def _max_matching(edges: list[list[int]], n_right: int) -> list[int | None]:
    """Maximum bipartite matching (Kuhn): left i → right index. Greedy matching could let one
    emitted fact take the gold entry another fact was the only match for; sizes here are tiny."""
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            current = owner[j]
            if current is None or augment(current, seen):
                owner[j] = i
                return True
        return False

    for i in range(len(edges)):
        augment(i, set())
    left: list[int | None] = [None] * len(edges)
    for j, i in enumerate(owner):
        if i is not None:
            left[i] = j
    return left


def _evidence_error(name: str, fact: Fact, text: str) -> EvidenceError | None:
    if not (0 <= fact.start <= fact.end <= len(text)):
        reason = f"span outside the text (length {len(text)})"
    elif text[fact.start : fact.end] != fact.evidence:
        actual = _short(text[fact.start : fact.end], 30)
        reason = f"text[start:end]={actual!r} != evidence={_short(fact.evidence, 30)!r}"
    else:
        return None
    return EvidenceError(name, fact.metric, fact.start, fact.end, fact.evidence, reason)


_WHITESPACE = re.compile(r"\s+")


def _loose(part: str) -> str:
    """A regex for `part` where any run of whitespace stands for any other: between table cells it
    is layout (a TAB after HTML parsing, spaces in a text table), not content."""
    return "".join(
        r"\s+" if piece.isspace() else re.escape(piece) for piece in re.split(r"(\s+)", part) if piece
    )


def _fold(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def trap_in_text(trap: str, text: str) -> bool:
    """Whether a trap phrase occurs in a document, whitespace folded."""
    return re.search(_loose(trap), text) is not None


def _trap_hit(trap: Trap, fact: Fact, text: str) -> bool:
    if not trap.matches_value(fact.value):
        return False
    if not trap.prefix:
        return True
    if _fold(trap.prefix) in _fold(fact.evidence):
        return True
    # Short evidence ("56件") does not contain the prefix: look where the trap sits in the text.
    number = slice(trap.number.start, trap.number.end)
    pattern = (
        _loose(trap.text[: number.start])
        + f"({_loose(trap.text[number])})"
        + _loose(trap.text[number.stop :])
    )
    return any(fact.start < m.end(1) and m.start(1) < fact.end for m in re.finditer(pattern, text))


def score_document(
    gold: Mapping[str, Any], extraction: Extraction, text: str, name: str | None = None
) -> DocumentScore:
    """Score one document. `gold` is one entry of seed_gold.json or one corpus ``*.gold.json``."""
    name = name or str(gold.get("file") or gold.get("document", {}).get("title") or "?")
    document = gold.get("document", {})
    report_year = document.get("report_year")
    score = DocumentScore(name)
    for fam in FAMILIES:
        score.family(fam)

    entries = _entries(gold)
    facts = extraction.facts
    edges = [
        [j for j, f in enumerate(facts) if any(_full_match(a, f, report_year) for a in entry.alternatives)]
        for entry in entries
    ]
    assignment = _max_matching(edges, len(facts))
    used = {j for j in assignment if j is not None}

    for entry, j in zip(entries, assignment, strict=True):
        fam = family_of(entry.alternatives[0].metric)
        if j is not None:
            score.family(family_of(facts[j].metric)).tp += 1
            continue
        score.family(fam).fn += 1
        near = [
            f
            for f in facts
            if any(
                a.metric == f.metric and (a.year or report_year) == (f.year or report_year)
                for a in entry.alternatives
            )
        ]
        score.misses.append(
            Miss(
                document=name,
                family=fam,
                expected=" | ".join(a.describe() for a in entry.alternatives),
                near="; ".join(f"{_fmt(f.value)} ({f.unit}, {f.qualifier})" for f in near) or None,
            )
        )

    found = [entries[i] for i, j in enumerate(assignment) if j is not None]
    also_fine = [GoldFact.from_dict(raw) for raw in gold.get("also_fine", [])]
    for j, fact in enumerate(facts):
        if j in used:
            continue
        repeat = any(_key_matches(a, fact, report_year) for e in found for a in e.alternatives)
        tolerated = any(_key_matches(a, fact, report_year) for a in also_fine)
        if repeat or tolerated:
            score.neutral += 1
            continue
        score.family(family_of(fact.metric)).fp += 1
        score.false_positives.append(
            FalsePositive(
                document=name,
                family=family_of(fact.metric),
                metric=fact.metric,
                value=fact.value,
                unit=fact.unit,
                qualifier=fact.qualifier,
                year=fact.year,
                evidence=fact.evidence,
            )
        )

    traps = [t for t in (Trap.parse(s) for s in gold.get("traps", [])) if t is not None]
    for fact in facts:
        error = _evidence_error(name, fact, text)
        if error:
            score.evidence_errors.append(error)
        for trap in traps:
            if _trap_hit(trap, fact, text):
                score.trap_violations.append(
                    TrapViolation(name, trap.text, fact.metric, fact.value, fact.evidence)
                )

    got = extraction.document
    if report_year is not None and got.report_year != report_year:
        score.document_mismatches.append(f"report_year {got.report_year} != {report_year}")
    if document.get("doc_type") and got.doc_type != document["doc_type"]:
        score.document_mismatches.append(f"doc_type {got.doc_type} != {document['doc_type']}")
    return score


def evaluate(
    items: Iterable[tuple[Mapping[str, Any], Extraction, str]], names: Iterable[str] | None = None
) -> Report:
    """Score (gold, extraction, text) triples; `names` label the documents in the lists."""
    name_list = list(names) if names is not None else None
    report = Report()
    for i, (gold, extraction, text) in enumerate(items):
        name = name_list[i] if name_list is not None else None
        report.documents.append(score_document(gold, extraction, text, name))
    return report


# ---------------------------------------------------------------------------------------------
# A corpus on disk
# ---------------------------------------------------------------------------------------------

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class CorpusDocument:
    name: str  # the file name of the document
    path: Path
    gold: dict[str, Any]
    text: str  # what the extractor is given (HTML already reduced to its content text)
    hints: DocumentHints | None


def load_text(path: Path) -> tuple[str, DocumentHints | None]:
    """The text the pipeline would extract from: plain text as is, HTML through ``scrapers.parse``
    (so tables are rendered the way portal pages are) with its metadata as hints."""
    body = path.read_bytes()
    if path.suffix.lower() not in (".html", ".htm"):
        try:
            return body.decode("utf-8"), None
        except UnicodeDecodeError:
            return body.decode("gb18030"), None
    from scrapers.parse import parse_page  # bs4 is only needed for HTML

    page = parse_page(body, path.resolve().as_uri(), "text/html")
    meta = page.metadata
    date = meta.publish_date or meta.pub_date
    hints = DocumentHints(
        title=page.title,
        publisher=meta.issuing_org or meta.content_source,
        published=date[:10] if date else None,
        site_id_code=meta.site_id_code,
        index_no=meta.index_no,
    )
    return page.text, hints


def load_corpus(directory: Path) -> list[CorpusDocument]:
    """Every ``X.gold.json`` with its ``X.txt`` / ``X.html`` beside it, in name order."""
    out = []
    for gold_path in sorted(directory.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        doc_path = next((p for s in DOCUMENT_SUFFIXES if (p := directory / f"{stem}{s}").exists()), None)
        if doc_path is None:
            raise FileNotFoundError(f"no document beside {gold_path}")
        text, hints = load_text(doc_path)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append(CorpusDocument(doc_path.name, doc_path, gold, text, hints))
    return out


def run_corpus(directory: Path) -> Report:
    """Run the current extractor over a corpus folder and score it."""
    from scrapers.extract import extract_document

    docs = load_corpus(directory)
    return evaluate(
        ((d.gold, extract_document(d.text, d.hints), d.text) for d in docs), names=[d.name for d in docs]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrapers.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="folder of *.gold.json beside *.txt / *.html")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--limit", type=int, default=None, help="show at most N items per list")
    args = parser.parse_args(argv)
    report = run_corpus(args.directory)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(report.format(args.limit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
