"""Binding figures to vocabulary metrics by subject and action, never by proximity alone.

The rules are data (``metric_rules.yaml``, documented there); this module compiles them once and
applies them sentence by sentence: topic (whose figure is it), cue (what was done: 受理, 审结, 败诉 …),
kind and unit (a rate needs a percent, a count one of the metric's units), actor exclusions
(legal advisers acting as agents, courts' own statistics), periods (``periods``) and parts (其中).
Then conflicts are resolved (``resolve_conflicts``): one value per metric and year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from scrapers.extract.numbers import Figure
from scrapers.extract.periods import period_of, scoped_left, sentence_scope
from scrapers.extract.segment import Sentence, Span
from scrapers.records import Qualifier
from scrapers.vocabulary import metric_keys

RULES_YAML = Path(__file__).with_name("metric_rules.yaml")

_GAP_CHARS = r"[\s达到为是均保持稳定在提升至实现了约近超过高达分别:的继续仍已始终持续]{0,8}"
# A bracketed qualifier may stand between a rate's cue and its figure: 回访满意率(含基本满意)98.05%.
# The rate's name may itself be the bracket, closing right before the figure: 诉求占比(一次办结率)为68.4%.
# A streak ending in the report year (出庭应诉率连续三年保持100%): the level held this year too.
_STREAK = r"(?:连续(?:[一二三四五六七八九十两]|\d{1,2})?年)?"
_PERCENT_GAP = re.compile(rf"^\)?{_STREAK}{_GAP_CHARS}(?:\([^()\d]{{1,14}}\){_GAP_CHARS})?$")
# The change word may end in a label colon (受理量：96.3万件（同比增长：7.5%）).
_SIGN = re.compile(
    r"^\s*(?P<word>增长|上升|提高|增加|提升|下降|减少|缩减|降低|下滑|回落)(?:了|幅度为|幅度|为|达)?\s*[:：]?\s*$")
_CHANGE_CUE = re.compile(
    r"(?:同比|较上年度?|比上年度?|较去年|比去年)(?=\s*(?:增加|减少|增长|下降|上升|多|少))")
# The previous figure was the comparison's base (较2021年的201 377件下降8.7%, 比上年的31.2万件增长17.9%):
# the change after it compares with last year.
_BASE_CUE = re.compile(r"(?:较|比)\s*(?:上年度?|去年)(?:同期)?\s*的?\s*$")
# 与上年相比，工单量增加9.6%: the volume named between the comparison and the change word.
_SIGN_AFTER_SUBJECT = re.compile(
    r"^\s*[,，]?\s*[^\d,，。;；:：]{0,8}?(?:量|工单|诉求|来电|话务)\s*"
    r"(?P<word>增长|上升|提高|增加|提升|下降|减少|缩减|降低|下滑|回落)(?:了|幅度为|幅度|为|达)?\s*$")
_COMPARE_OPEN = re.compile(
    r"(?:^|[,，;；])\s*(?:与|同|和)\s*(?:上年|去年|上一年)(?:同期)?(?:相比|比较)\s*[,，]\s*$")
_RATE_WORD = re.compile(r"率|满意度")
_NEGATIVE = ("下降", "减少", "缩减", "降低", "下滑", "回落")
_COUNT_CHANGE = re.compile(r"(?:增加|减少|增长|下降|上升|多|少|提高|降低)了?$")
_PART = "其中"
_LIST_JOINERS = "、和及与"
_LIST_TAIL = re.compile(r"[^,，:：;；。\d]{1,30}[、和及与]\s*$")
_KIND_LIST = re.compile(r"^[^,，。;；、]{0,4}?\d[\d.,]*\s?[件起宗个例]\s*[、和及与]$")
_RIGHT_MAX_LEAD = 2  # characters between the unit and a right-hand cue (人民调解委员会)
_RIGHT_STOP = re.compile(r"[,，:：;；。、和及与\d]")
_RESPECTIVELY = "分别"
# Between 分别 and its first figure: a copula, or a shared action (分别收到12件、8件).
_RESP_LEAD = re.compile(r"^[^\d,，:：;；。、]{0,10}$")
_RESP_JOIN = re.compile(r"^\s*(?:[、,，]|和|及|与|以及)\s*$")
_RESP_CHANGE = re.compile(
    r"增加|减少|增长|下降|上升|提高|降低|缩减|同比|环比|较上年|比上年|较去年|比去年|多|少")
_RESP_ITEM_SPLIT = re.compile(r"[、和及与]")


@dataclass(frozen=True)
class _Respective:
    """One figure of a 分别 list: its own item's family and cue words, or why it was dropped."""

    family: str | None = None
    local: str = ""
    region: str = ""
    evidence_start: int = 0
    topic_start: int | None = None  # where the subject was named, when before the list's clause
    drop: str | None = None


@dataclass(frozen=True)
class Rule:
    metric: str
    family: str
    kind: str  # count | percent | pct_change
    units: frozenset[str] = frozenset()
    cues: tuple[str, ...] = ()
    weak_cues: tuple[str, ...] = ()
    not_words: tuple[str, ...] = ()
    self_topic: bool = False
    right: bool = False
    default: bool = False
    nouns: tuple[str, ...] = ()
    require_any: tuple[str, ...] = ()
    parts: bool = False  # several figures with different cues in a sentence are parts, not the total
    volume_words: tuple[str, ...] = ()
    not_in_segment: tuple[str, ...] = ()  # veto words anywhere in the local segment (撤回)
    # A veto pattern anywhere in the local segment, for words with a gap (年内在全市建成).
    not_in_segment_re: re.Pattern[str] | None = None
    document_cues: tuple[str, ...] = ()  # count cues that bind on the document's family alone
    weak_max_gap: int | None = None  # characters a weak cue may stand from its figure
    fallback_cues: tuple[str, ...] = ()  # cues whose figure loses a conflict to any other cue's (排查)

    def accepts(self, figure: Figure, scaled_bare_ok: bool) -> bool:
        """Whether the figure's kind and unit fit this metric (a wrong unit is a wrong figure)."""
        if self.kind in ("percent", "pct_change"):
            return figure.kind == "percent"
        if figure.kind == "count":
            return figure.unit in self.units
        return figure.kind == "bare" and scaled_bare_ok and "件" in self.units


@dataclass(frozen=True)
class ZeroRule:
    metrics: tuple[str, ...]  # (for a department, for a government)
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class RuleSet:
    topic_re: re.Pattern[str]
    topic_family: dict[str, str | None]
    rules: tuple[Rule, ...]
    cue_res: dict[str | None, tuple[re.Pattern[str], dict[str, list[tuple[Rule, bool]]]]]
    exclusion_re: re.Pattern[str]
    sentence_exclusion_re: re.Pattern[str] | None
    reset_re: re.Pattern[str]
    zeros: tuple[ZeroRule, ...]
    zero_hint_re: re.Pattern[str]  # a character every zero pattern needs: sentences without it skip them
    document_families: dict[str, str]  # doc_type → the family of a rate stated without a subject
    no_facts_title_re: re.Pattern[str] | None
    plan_re: re.Pattern[str] | None = None  # future and target words: what follows is an aim
    plan_section_re: re.Pattern[str] | None = None  # a heading word of a plan section
    rival_words: frozenset[str] = frozenset()  # other mediation systems (劳动人事争议, 12315 …)
    generic_words: frozenset[str] = frozenset()  # mediation words that stay a rival's (调解, 纠纷)
    subordinate_re: re.Pattern[str] | None = None  # 各乡镇, 各部门: not the government's own total
    foreign_document_re: re.Pattern[str] | None = None  # a court's, procuratorate's … document
    disclaimer_re: re.Pattern[str] | None = None  # a bracket after a figure disowning it
    dispute_kind_re: re.Pattern[str] | None = None  # 土地纠纷: after 其中, a part of the total
    cumulative_re: re.Pattern[str] | None = None  # 累计: several years, unless the year is named
    this_year_re: re.Pattern[str] | None = None  # 全年, 本年 …: a cumulative figure of the year
    department_exclusion_re: re.Pattern[str] | None = None  # other actors, in a department's report only
    subject_part_res: dict[str, re.Pattern[str]] = field(default_factory=dict)  # 12345企业服务专线
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # 被申请人 → its intake metrics
    # The actor exclusions one by one: overlapping matches all count (法律顾问…代理 inside 代理…应诉).
    exclusion_res: tuple[re.Pattern[str], ...] = ()
    court_on_own_cases_re: re.Pattern[str] | None = None  # 作为被告的…案件N件，法院审结: ours
    whole_year_re: re.Pattern[str] | None = None  # 全年, 一年来: a non-report's anchor to the whole year
    anchor_exempt: frozenset[str] = frozenset()  # stocks (调委会N个) need no whole-year anchor
    same_period_re: re.Pattern[str] | None = None  # 同期, 此间: the previous sentence's period again
    part_subject_re: re.Pattern[str] | None = None  # 东关大街街道: one unit named as the figure's subject
    district_subject_re: re.Pattern[str] | None = None  # 历下区全年…: a district as a sentence's subject
    part_qualifier_re: re.Pattern[str] | None = None  # 其中专职调解员: a qualified part after 其中
    subset_re: re.Pattern[str] | None = None  # 下辖村调委会14个: the units under a head, a subset
    subset_metrics: frozenset[str] = frozenset()  # the unit counts the subset words apply to
    unit_subject_re: re.Pattern[str] | None = None  # 调解中心专职调解员9人: one centre's own figure
    carry_over_re: re.Pattern[str] | None = None  # 加上上年结转12件，共办理225件: carry-over included
    compared_re: re.Pattern[str] | None = None  # 超过同期一审行政诉讼案件数: a yardstick, not a subject
    # 新行政复议法实施以来 → 2024: "since" a date inside the year it names, the whole year, not several.
    in_force_since: tuple[tuple[str, int], ...] = ()


@dataclass
class Binding:
    """A figure bound to a metric, in normalized-text coordinates (mapped back by the caller)."""

    metric: str
    value: float
    unit: str | None
    qualifier: Qualifier
    year: int | None
    evidence_start: int
    evidence_end: int
    precision: int = 0  # decimals written: the precise figure wins a conflict
    cue: str = ""
    subordinate: bool = False  # stated for 各乡镇 / 各部门: loses a conflict to the government's own figure


@dataclass
class BindResult:
    bindings: list[Binding] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # why figures near a cue were not emitted
    # The partial period scoping the last sentence and where it ended: a sentence opening with 其中
    # right after it (…今年1—10月…。其中，市本级新收申请1,276件) is a part of the same stretch.
    scope: str = ""
    scope_end: int = -1


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def raw_rules(path: Path = RULES_YAML) -> dict[str, Any]:
    """The parsed YAML, read once per process for every module that compiles part of it."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def load_rules(path: Path = RULES_YAML) -> RuleSet:
    """Compile the YAML once per process: rules are data, matching must stay cheap."""
    raw = raw_rules(path)
    known = metric_keys()
    topic_family: dict[str, str | None] = {}
    for family, words in raw["topics"].items():
        for word in words:
            topic_family[str(word)] = None if family == "other" else family
    rules: list[Rule] = []
    for item in raw["rules"]:
        if item["metric"] not in known:
            raise ValueError(f"metric_rules.yaml: unknown metric {item['metric']!r}")
        rules.append(Rule(
            metric=item["metric"], family=item["family"], kind=item["kind"],
            units=frozenset(item.get("units", ())), cues=tuple(item.get("cues", ())),
            weak_cues=tuple(item.get("weak_cues", ())), not_words=tuple(item.get("not", ())),
            self_topic=bool(item.get("self_topic")), right=bool(item.get("right")),
            default=bool(item.get("default")), nouns=tuple(item.get("nouns", ())),
            require_any=tuple(item.get("require_any", ())), parts=bool(item.get("parts")),
            volume_words=tuple(item.get("volume_words", ())),
            not_in_segment=tuple(item.get("not_in_segment", ())),
            not_in_segment_re=re.compile(item["not_in_segment_pattern"]) if item.get(
                "not_in_segment_pattern") else None,
            document_cues=tuple(item.get("document_cues", ())),
            weak_max_gap=item.get("weak_max_gap"),
            fallback_cues=tuple(item.get("fallback_cues", ())),
        ))
    families = {r.family for r in rules}
    cue_res: dict[str | None, tuple[re.Pattern[str], dict[str, list[tuple[Rule, bool]]]]] = {}
    for family in [*families, None]:
        chosen = [r for r in rules if r.family == family or r.self_topic]
        table: dict[str, list[tuple[Rule, bool]]] = {}
        for rule in chosen:
            for cue in rule.cues:
                table.setdefault(cue, []).append((rule, False))
            for cue in rule.weak_cues:
                table.setdefault(cue, []).append((rule, True))
        cue_res[family] = (re.compile(_alternation(table)), table)
    zeros = []
    for item in raw["zeros"]:
        metric = item["metric"]
        metrics = tuple(metric) if isinstance(metric, list) else (metric,)
        for key in metrics:
            if key not in known:
                raise ValueError(f"metric_rules.yaml: unknown metric {key!r}")
        zeros.append(ZeroRule(metrics, re.compile(item["pattern"])))
    plans = raw.get("plans") or {}
    plan_words = [*plans.get("future", ()), *plans.get("targets", ())]
    return RuleSet(
        topic_re=re.compile(_alternation(topic_family)),
        topic_family=topic_family,
        rules=tuple(rules),
        cue_res=cue_res,
        exclusion_re=re.compile("|".join(f"(?:{p})" for p in raw["actor_exclusions"])),
        exclusion_res=tuple(re.compile(p) for p in raw["actor_exclusions"]),
        sentence_exclusion_re=(re.compile("|".join(f"(?:{p})" for p in raw["sentence_exclusions"]))
                               if raw.get("sentence_exclusions") else None),
        reset_re=re.compile(_alternation(raw["resets"])),
        zeros=tuple(zeros),
        zero_hint_re=re.compile(raw.get("zero_hint", ".")),
        document_families=dict(raw.get("document_families") or {}),
        no_facts_title_re=re.compile(raw["no_facts_titles"]) if raw.get("no_facts_titles") else None,
        plan_re=re.compile("|".join(f"(?:{p})" for p in plan_words)) if plan_words else None,
        plan_section_re=re.compile(plans["section"]) if plans.get("section") else None,
        rival_words=frozenset(str(w) for w in (raw.get("mediation_rivals") or {}).get("rivals", ())),
        generic_words=frozenset(str(w) for w in (raw.get("mediation_rivals") or {}).get("generic", ())),
        subordinate_re=re.compile(raw["subordinate"]) if raw.get("subordinate") else None,
        foreign_document_re=_optional_re(raw, "foreign_documents"),
        disclaimer_re=_optional_re(raw, "disclaimers"),
        dispute_kind_re=_optional_re(raw, "dispute_kinds"),
        cumulative_re=_optional_re(raw, "cumulative"),
        this_year_re=_optional_re(raw, "cumulative_this_year"),
        subject_part_res={str(k): re.compile(v) for k, v in (raw.get("subject_parts") or {}).items()},
        roles={str(k): frozenset(v) for k, v in (raw.get("roles") or {}).items()},
        department_exclusion_re=(re.compile("|".join(f"(?:{p})" for p in raw["department_exclusions"]))
                                 if raw.get("department_exclusions") else None),
        same_period_re=(re.compile(f"[\\s(（]*(?:{_alternation(raw['same_period'])})")
                        if raw.get("same_period") else None),
        part_subject_re=_optional_re(raw, "part_subjects"),
        district_subject_re=_optional_re(raw, "district_subjects"),
        part_qualifier_re=_optional_re(raw, "part_qualifiers"),
        subset_re=_optional_re(raw, "subsets"),
        subset_metrics=frozenset(raw.get("subset_metrics") or ()),
        unit_subject_re=_optional_re(raw, "unit_subjects"),
        compared_re=_optional_re(raw, "compared_topics"),
        carry_over_re=_optional_re(raw, "carry_over_totals"),
        whole_year_re=_optional_re(raw, "whole_year_anchors"),
        anchor_exempt=frozenset(raw.get("whole_year_anchor_exempt") or ()),
        court_on_own_cases_re=_optional_re(raw, "court_on_own_cases"),
        in_force_since=tuple((str(k), int(v)) for k, v in (raw.get("in_force_since") or {}).items()),
    )


def _is_county(name: str) -> bool:
    """Whether ``name`` is a county-level division's full name (历下区, 安平县) in the divisions table."""
    from scrapers.extract.places import is_county_name  # the divisions table is loaded once, on first use

    return is_county_name(name)


def _optional_re(raw: dict, key: str) -> re.Pattern[str] | None:
    return re.compile(raw[key]) if raw.get(key) else None


def bind_sentence(text: str, sentence: Sentence, figures: list[Figure], report_year: int | None,
                  is_government: bool, result: BindResult, carried_family: str | None = None,
                  document_family: str | None = None, to_date_partial: bool = False,
                  own_part: bool = False, needs_anchor: bool = False, own_names: str = "") -> str | None:
    """Bind the figures of one sentence (normalized text) and its zero-in-words statements.

    ``needs_anchor``: the document is not a year's report (a news item, a reply, a speech whose title
    names no year): a figure counts only when its paragraph, up to it, ties it to the whole report year.
    ``own_part``: the publisher is itself a 街道 / 乡镇 / 本级 body, so its own name as a subject is
    the report's scope, not a part of it.

    ``to_date_partial``: the document is dated within its report year, so 今年以来 is a part of it.

    ``own_names``: the publisher and title; a district opening the sentence (历下区全年承办工单…，满意率…)
    that they do not name is one part of the report's whole, and so is every figure of that sentence.

    A sentence that names no subject of its own continues the previous sentence's subject
    (…收到行政复议申请145件。经审理，维持原行政行为90件): the caller passes that family as
    `carried_family`, and gets back the family this sentence leaves for the next one.
    """
    rs = load_rules()
    s_start, s_end = sentence.start, sentence.end
    scope = sentence_scope(text, sentence.context_start, s_end, to_date_partial)
    if (not scope and result.scope and "\n" not in text[result.scope_end:s_start]
            and (text.startswith(_PART, s_start) or (
                rs.same_period_re is not None and rs.same_period_re.match(text, s_start, s_end)))):
        # 其中，市本级新收申请1,276件 after a 1—10月 sentence: same months; 同期，… / 此间，… refer back
        # to the previous sentence's period (截至11月底…。三年来…。同期，…败诉5件).
        scope = result.scope
    result.scope, result.scope_end = scope, s_end
    topics = _topics(rs, text, sentence.context_start, s_end)
    if not topics and carried_family:
        topics = [(s_start, s_start, carried_family)]
    elif (carried_family and figures and topics[0][2] == carried_family
          and topics[0][0] > figures[0].start):
        # 在审结的案件中，维持七十四件，…，其余以调解、和解方式终止: the subject the sentence names only
        # after its first figures is the one carried from before; those figures are its too.
        topics = [(s_start, s_start, carried_family), *topics]
    if not figures and not rs.zero_hint_re.search(text, s_start, s_end):
        return topics[-1][2] if topics else None  # nothing to bind: only the subject carries on
    # No subject at all: in a hotline (mediation) report a bare rate is the hotline's (mediation's).
    by_document = not topics and document_family is not None
    if by_document:
        topics = [(s_start, s_start, document_family)]
    exclusions = [m.end() for pattern in rs.exclusion_res for m in pattern.finditer(text, s_start, s_end)]
    if exclusions and rs.court_on_own_cases_re is not None:
        own = {m.end() for m in rs.court_on_own_cases_re.finditer(text, s_start, s_end)}
        exclusions = [end for end in exclusions if end not in own]
    if rs.department_exclusion_re is not None and not is_government and document_family is None:
        exclusions += [m.end() for m in rs.department_exclusion_re.finditer(text, s_start, s_end)]
    resets = [m.start() for m in rs.reset_re.finditer(text, s_start, s_end)]
    hard = ([m.end() for m in rs.sentence_exclusion_re.finditer(text, sentence.context_start, s_end)]
            if rs.sentence_exclusion_re else [])
    plan_at = plan_start(rs, text, sentence.context_start, s_end, report_year)
    breakdowns = _breakdowns(text, figures, s_end)
    part_pos = text.find(_PART, s_start, s_end)
    bound_before_part: set[str] = set()
    first_binding = len(result.bindings)
    respective = (_respectively(rs, text, sentence, figures, topics)
                  if _RESPECTIVELY in text[s_start:s_end] else {})
    district = (rs.district_subject_re.match(text, s_start, s_end)
                if rs.district_subject_re is not None else None)
    if district is not None and (district.group("name") in own_names
                                 or not _is_county(district.group("name"))):
        district = None  # the report's own district (its scope, not a part), or no district at all (另有县…)
    prev_end = s_start
    locals_seen: list[str] = []
    asides = _asides(text, figures, s_start, s_end, breakdowns)
    owner_metric: dict[tuple[int, int], str | None] = {}  # a breakdown bracket → its figure's metric
    for index, figure in enumerate(figures):
        clause = sentence.clause_at(figure.number_start)
        if any(a < figure.start < b for a, b in asides):
            result.dropped.append(f"aside:{text[clause.start:clause.end]}")
            continue  # 审结（含上年结转7件）112件: a part named in passing, not the figure
        local_start = max(clause.start, prev_end)
        if local_start == clause.start:
            local_start = _label_start(text, sentence, clause)
        next_start = figures[index + 1].start if index + 1 < len(figures) else s_end
        right_end = min(clause.end, figure.end + 12, next_start)
        stop = _RIGHT_STOP.search(text, figure.end, right_end)
        right = text[figure.end:stop.start() if stop else right_end]
        # In a list of "N个noun、N个noun" the noun after a figure belongs to it, not to the next one.
        prev_end = figure.end
        if right and stop and text[stop.start()] in _LIST_JOINERS:
            prev_end = stop.start()
        elif index + 1 < len(figures) and _LIST_TAIL.match(text, figure.end, next_start):
            prev_end = next_start  # 14个镇(街道)人民调解委员会、496个…: the noun is 14's, not 496's
        if figure.kind not in ("count", "percent", "bare"):
            continue
        local = _without_asides(text, local_start, figure.start, asides)
        local_start = figure.start - len(local)
        real_local = local  # what precedes the figure: its period is read here
        previous_local = locals_seen[-1] if locals_seen else None
        locals_seen.append(local)
        if plan_at is not None and figure.start > plan_at:
            result.dropped.append(f"plan:{text[clause.start:clause.end]}")
            continue  # 下一步，力争调解成功率达到98%: an aim, not a result
        if _FROM.search(local) and index + 1 < len(figures) and _TO.match(
                text[figure.end:figures[index + 1].start]):
            result.dropped.append(f"from_base:{text[clause.start:clause.end]}")
            continue  # 由2016年的23.5%提高到…: the starting level, not this year's
        if previous_local is not None and _TO.match(local) and _FROM.search(previous_local):
            # …出庭应诉率由23.5%提高到95.8%: the level reached takes the cue before 由.
            local = _FROM.sub("", previous_local)
            local_start = figure.start - len(local)
        if _excluded(figure.start, exclusions, resets) or any(end <= figure.start for end in hard):
            result.dropped.append(f"actor:{text[clause.start:clause.end]}")
            continue
        if rs.carry_over_re is not None and rs.carry_over_re.search(
                text, max(s_start, figure.start - 40), figure.start):
            result.dropped.append(f"carry_over_total:{text[clause.start:clause.end]}")
            continue  # 加上上年结转12件，共办理225件: the carry-over included, not the year's intake
        disowned = _disclaimed(rs.disclaimer_re, text, figure.end, s_end) if rs.disclaimer_re else None
        if disowned:
            result.dropped.append(f"disclaimer:{disowned}")
            continue  # 受理…286件（此数据不属于本报告统计口径）
        if (rs.dispute_kind_re is not None and part_pos != -1 and part_pos < figure.start
                and rs.dispute_kind_re.search(real_local)):
            result.dropped.append(f"kind_part:{text[clause.start:clause.end]}")
            continue  # 其中成功调处土地纠纷四百余起、婚姻家庭纠纷六百余起: parts by kind
        qualified = _qualified_part(rs, text, part_pos, clause.start, figure.start, real_local)
        if qualified:
            result.dropped.append(f"qualified_part:{qualified}:{text[clause.start:clause.end]}")
            continue  # 其中专职调解员413人, 其中涉旅诉求约2.9万件: a part, never the total
        if _cumulative(rs, real_local, text[sentence.context_start:figure.start], report_year):
            result.dropped.append(f"cumulative:{text[clause.start:clause.end]}")
            continue  # 累计调解矛盾纠纷2.3万件 (since some year), not the report year's
        # The innermost bracket holding the figure: 办结65件(维持41件,纠错7件〔撤销4件、变更1件〕).
        bracket = max(((a, b) for a, b in breakdowns if a < figure.start < b), default=None)
        if figure.kind == "count" and _TOTAL_LOCAL.match(local) and _bind_total(
                text, figure, clause, first_binding, result):
            continue  # 委员会21个、…委员会318个，合计339个: the total, and its parts are dropped
        item = respective.get(index)
        fig_by_document = by_document
        if item is not None:
            # 受理、审结行政复议案件分别为46件、41件: the i-th item's words bind the i-th figure.
            if item.drop:
                result.dropped.append(f"respectively:{item.drop}")
                continue
            family, topic_start = item.family, item.topic_start
            rule, _cue_end, sign, cue = _choose_rule(rs, family, figure, item.local, 0, item.region,
                                                     item.local)
            cue_end = figure.start
        else:
            family, topic_start = _topic_of(topics, figure, local_start, len(right))
            if (document_family is not None and not by_document
                    and _no_topic_near(topics, figure, len(right))):
                # 全年受理来电21.7万个，新增热线坐席30个: the subject is named only later in the
                # sentence; in a hotline report the figure is read as by the document's family.
                family, fig_by_document = document_family, True
            cue_local = local
            if figure.kind == "percent" and report_year is not None:
                cue_local = _as_last_year(local, report_year)  # 较2022年增长9.4% in a 2023 report
            base_local = (_as_last_year(previous_local, report_year)
                          if previous_local is not None and report_year is not None else previous_local)
            if (figure.kind == "percent" and base_local is not None and _SIGN.match(local)
                    and ((carry := _CHANGE_CUE.search(base_local)) is not None
                         or (carry := _BASE_CUE.search(base_local)) is not None)):
                # 较上年增加2.6万件，增长5.9%: the comparison named for the count holds for the rate.
                # 较上年的201 377件下降8.7%: the base's comparison, read as 较上年 before the change word.
                prefix = carry.group(0) if carry.re is _CHANGE_CUE else "较上年"
                cue_local = prefix + local
                local_start -= len(prefix)
            elif figure.kind == "percent" and _COMPARE_OPEN.search(text[s_start:local_start]):
                # 与上年相比，工单量增加9.6%: the comparison opens the sentence as a clause of its own.
                if _RATE_WORD.search(local):
                    result.dropped.append(f"rate_change:{text[clause.start:clause.end]}")
                    continue  # 与上年相比，满意率提高1.2%: a rate's change, not its level
                cue_local = "与上年相比" + local
                local_start -= len("与上年相比")
            rule, cue_end, sign, cue = _choose_rule(rs, family, figure, cue_local, local_start, right, text)
            if rule is not None and not rule.self_topic and _joint_subject(text, topics, topic_start, family):
                result.dropped.append(f"joint_subject:{rule.metric}:{text[clause.start:clause.end]}")
                continue  # 行政复议、行政诉讼情况 / 办理3件: both subjects' cases, or either's
        if rule is None:
            continue
        if (figure.kind == "count" and _PLACES_AFTER.match(right)
                and not (rule.right and cue_end == figure.start)):
            result.dropped.append(f"places:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 全镇18个村(社区)均建立人民调解委员会: a count of places, not of the metric
        if rule.self_topic and cue and _foreign_cue(topics, text, cue_end - len(cue)):
            result.dropped.append(f"other_system:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 法院特邀调解员45人: the court's mediators, not people's mediation's
        if fig_by_document and rule.kind == "count" and cue not in rule.document_cues and not (
                rule.self_topic and cue):
            # A count needs its subject named (受理群众诉求 in a hotline report names it); a cue that
            # is its own subject (调委会23个, 调解员46人) names it.
            continue
        if item is None and _RESPECTIVELY in text[clause.start:figure.start]:
            result.dropped.append(f"respectively:not a list:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 分别 without a list of items and figures to pair: no guessing
        if rule.volume_words and not _is_volume_change(rule, text[s_start:figure.start]):
            continue
        if bracket is not None and owner_metric.get(bracket) in (None, rule.metric):
            result.dropped.append(f"breakdown:{text[clause.start:clause.end]}")
            continue  # 纠错18件（撤销12件、确认违法4件）: parts of the figure before the bracket;
            # 结案41件（维持27件，纠错8件）: other metrics, bound (结案 41, 维持 27, 纠错 8)
        if (rs.part_subject_re is not None and not own_part
                and rs.part_subject_re.search(text[clause.start:figure.start])):
            result.dropped.append(f"part_subject:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 东关大街街道全年调处纠纷219件 in a district's report: one street's own figure
        # Where the cue stands before the figure (a cue after it, 14个调委会, leaves the whole segment).
        cue_at = cue_end - len(cue) if cue and text.startswith(cue, cue_end - len(cue)) else figure.start
        # 镇调委会下辖村（社区）调委会14个: the units under the head, a subset; it loses a conflict to the
        # whole stated elsewhere (全镇共有调解组织17个), and stands only when no whole is stated.
        subset = rule.metric in rs.subset_metrics and rs.subset_re is not None and bool(rs.subset_re.search(
            text, clause.start, figure.start))
        if rs.unit_subject_re is not None and (unit := _unit_subject(
                rs.unit_subject_re, text, clause.start, cue_at, own_names)):
            result.dropped.append(f"unit_subject:{unit}:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 调解中心专职调解员仅有9人: one centre's own staff, not the jurisdiction's
        if district is not None:
            result.dropped.append(f"district_subject:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 历下区全年承办工单198 364件，满意率96.7% in a city's report: one district's figures
        if (needs_anchor and rule.metric not in rs.anchor_exempt
                and period_year_anchor(rs, text, s_start, figure.start, report_year) is None):
            result.dropped.append(f"no_year_anchor:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 会议指出，全市共收到…763件 in a news item of October: no whole year named
        period = period_of(_in_force(rs, scoped_left(scope, text[s_start:figure.start]), report_year),
                           real_local, report_year,
                           comparison_ok=rule.kind == "pct_change", to_date_partial=to_date_partial)
        if period.drop_reason:
            result.dropped.append(f"{period.drop_reason}:{rule.metric}:{text[clause.start:clause.end]}")
            continue
        if rule.kind == "count" and _COUNT_CHANGE.search(text[cue_end:figure.start]):
            continue  # 同比增加5件: a difference, not a level
        if part_pos != -1 and part_pos < figure.start and rule.metric in bound_before_part:
            result.dropped.append(f"part:{rule.metric}:{text[clause.start:clause.end]}")
            continue  # 受理50件，其中受理信息公开类12件: a part of the total bound before 其中
        if part_pos == -1 or figure.start < part_pos:
            bound_before_part.add(rule.metric)
        value = figure.value * sign
        evidence_start = clause.start if item is None else min(item.evidence_start, clause.start)
        if not rule.self_topic and topic_start is not None and topic_start < clause.start:
            # The evidence reaches back to the clause naming the subject (受理复议申请50件，已结案39件).
            evidence_start = _clause_start(text, topic_start, sentence.context_start)
        for span in breakdowns:
            if span[0] >= figure.end and not text[figure.end:span[0]].strip():
                owner_metric[span] = rule.metric
        result.bindings.append(Binding(
            metric=rule.metric, value=value,
            unit=figure.unit if rule.kind == "count" else None,
            qualifier=figure.qualifier, year=period.year,
            evidence_start=evidence_start, evidence_end=clause.end,
            precision=_decimals(figure.value), cue=cue,
            subordinate=subset or _subordinate(rs, text, sentence.context_start, figure.start),
        ))
    _drop_parts(rs, first_binding, result)
    _drop_role_parts(rs, text, first_binding, result)
    _bind_all_concluded(text, sentence, figures, first_binding, result)
    _bind_zeros(rs, text, sentence, exclusions + hard, resets if not hard else [], report_year, is_government,
                result, plan_at)
    if by_document:
        return None
    return topics[-1][2] if topics else None


_YEAR_WORD = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})\s?年(?!\d)")
_NOT_AHEAD = "较比与于"
_YEAR_AHEAD = re.compile(r"[^。;]{0,12}?(?:将|要|拟|计划|力争|争取|预计|确保|目标)")


_ANCHOR_YEAR = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})\s?年(?!\s?\d{1,2}\s?月|\s?第|\s?[上下]半年|\s?前)")


def period_year_anchor(rs: RuleSet, text: str, start: int, end: int, report_year: int | None) -> str | None:
    """The words tying a figure to a whole year in its paragraph up to it (全年, 一年来, 2023年), or None.

    The paragraph's lead counts (2023年，全市…。全市共受理…): a paragraph states its period once. A
    year other than the report year anchors too (the figure then keeps that year, or is dropped by
    the period rules); a month or a quarter after the year does not.
    """
    para = text.rfind("\n", 0, start) + 1
    left = text[para:end]
    if rs.whole_year_re is not None:
        match = rs.whole_year_re.search(left)
        if match:
            return match.group(0)
    if report_year is not None:
        for match in _ANCHOR_YEAR.finditer(left):
            return match.group(0)
    return None


def _in_force(rs: RuleSet, left: str, report_year: int | None) -> str:
    """Blank out "since a law took effect" when it took effect in the report year (新行政复议法实施以来
    in a 2024 review is the whole year, not several years)."""
    for phrase, year in rs.in_force_since:
        if year == report_year and phrase in left:
            left = left.replace(phrase, " " * len(phrase))
    return left


def plan_start(rs: RuleSet, text: str, start: int, end: int, report_year: int | None) -> int | None:
    """Where a sentence turns to the future (下一步, 力争, 2024年 in a 2023 report), or None.

    A later year inside a document title (印发《2024年工作要点》) or as a comparison base does not count.
    """
    found = None
    if rs.plan_re is not None and (match := rs.plan_re.search(text, start, end)):
        found = match.start()
    if report_year is not None:
        for match in _YEAR_WORD.finditer(text, start, found if found is not None else end):
            if int(match.group(1)) <= report_year or text[match.start() - 1:match.start()] in _NOT_AHEAD:
                continue
            before = text[start:match.start()]
            if before.count("《") > before.count("》"):
                continue
            if _YEAR_AHEAD.match(text, match.end(), min(end, match.end() + 16)):
                return match.start()  # 2024年，全县将…: a plan (a later year alone: maybe a misread year)
    return found


_SECTION_HEAD = re.compile(
    r"^[ \t]*(?:(?P<top>[一二三四五六七八九十]+\s*[、.]|第[一二三四五六七八九十]+部分)"
    r"|(?P<sub>\(\s*[一二三四五六七八九十]+\s*\))|(?P<num>\d{1,2}\s*[、.](?!\d)))?"
    r"(?P<head>[^\n。;,!?]{0,40})", re.M)
_SECTION_DONE = re.compile(r"完成情况|落实情况|执行情况|进展情况|成效")


def plan_sections(text: str, report_year: int | None, start: int = 0) -> list[tuple[int, int]]:
    """Spans of plan sections (四、下一步工作安排 …): from the heading to the next one of its level."""
    rs = load_rules()
    if rs.plan_section_re is None:
        return []
    heads: list[tuple[int, int, bool]] = []  # (position, level, is a plan)
    for match in _SECTION_HEAD.finditer(text, start):
        head = match.group("head")
        level = 0 if match.group("top") else 1 if match.group("sub") else 2 if match.group("num") else None
        if level is None:
            line_end = text.find("\n", match.start())
            line = text[match.start():line_end if line_end != -1 else len(text)].strip()
            if not line or len(line) > 12 or re.search(r"[。;,!?]", line.rstrip(":")):
                continue
            level = 0
            plan = bool(rs.plan_section_re.search(line))
            if plan:
                heads.append((match.start(), -1, True))
            continue
        plan = bool(rs.plan_section_re.search(head)) or any(
            report_year is not None and int(y.group(1)) > report_year for y in _YEAR_WORD.finditer(head))
        heads.append((match.start(), level, plan and not _SECTION_DONE.search(head)))
    spans: list[tuple[int, int]] = []
    for index, (pos, level, plan) in enumerate(heads):
        if not plan or (spans and pos < spans[-1][1]):
            continue
        end = len(text)
        for later, later_level, _plan in heads[index + 1:]:
            if later_level != -1 and (later_level <= level or (level == -1 and later_level == 0)):
                end = later
                break
        spans.append((pos, end))
    return spans


_FROM = re.compile(r"(?:由|从)\s*(?:(?:19|20)\d{2}\s*年度?的?)?\s*$")
_TO = re.compile(
    r"^\s*(?:提高|提升|上升|增长|增加|下降|降低|减少|升|降|增|发展|扩大|壮大|扩充|缩小|缩减)(?:到|至)"
    r"\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?度?的?)?\s*$")
_TOTAL_LOCAL = re.compile(r"^[\s,、]*(?:合计|共计|总计|总共|共)(?:为|达|有)?\s*$")
_PREVIOUS_YEAR = re.compile(r"(?:较|比)\s*((?:19|20)\d{2})\s*年度?(?:同期)?")


def _as_last_year(local: str, report_year: int) -> str:
    """较2022年 in a 2023 report is 较上年 (padded so positions stay put)."""
    def swap(match: re.Match[str]) -> str:
        if int(match.group(1)) != report_year - 1:
            return match.group(0)
        return "较上年".ljust(len(match.group(0)))
    if "较" not in local and "比" not in local:
        return local  # _PREVIOUS_YEAR opens with one of them: nothing to swap, no regex pass
    return _PREVIOUS_YEAR.sub(swap, local)


def _breakdowns(text: str, figures: list[Figure], end: int) -> list[tuple[int, int]]:
    """Brackets right after a figure (纠错18件（撤销12件、确认违法4件）): spans whose figures are parts."""
    spans = []
    for figure in figures:
        pos = figure.end
        while pos < end and text[pos] == " ":
            pos += 1
        if pos < end and text[pos] in _OPENING:
            close = text.find(_OPENING[text[pos]], pos, end)
            if close != -1:
                spans.append((pos, close))
    return spans


# Brackets that hold a breakdown: (), and 〔〕 [] 【】 when () is already used around them
# (纠错7件〔撤销4件、变更1件、确认违法2件〕).
_OPENING = {"(": ")", "〔": "〕", "[": "]", "【": "】"}


_ASIDE_AFTER = re.compile(r"^\s*(?:共计|合计|共|总计|为|达|有)?\s*$")
_LABEL_MAX = 25
# A list marker before a label (1.受理量:, 2按时办结率: from ②, (三)满意率:) is not a figure of it.
_LIST_MARK = re.compile(r"\s*(?:\(?\d{1,2}[).、]?|\(?[一二三四五六七八九十]{1,3}[)、])\s*")


def _asides(text: str, figures: list[Figure], start: int, end: int,
            breakdowns: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Brackets inside a phrase, before its figure: 审结（含上年结转7件）112件, 案件（包括…5件）共计86件.

    Not right after a figure (that is a breakdown), holding a figure, with a figure right after it.
    """
    spans = []
    pos = text.find("(", start, end)
    while pos != -1:
        close = text.find(")", pos, end)
        if close == -1:
            break
        if not any(a == pos for a, _b in breakdowns):
            inside = any(pos < f.start < close for f in figures)
            after = next((f for f in figures if f.start > close), None)
            if (inside and after is not None and _ASIDE_AFTER.match(text[close + 1:after.start])) or (
                    inside and after is not None and after.start - close <= 16
                    and not re.search(r"[,:;、\d]", text[close + 1:after.start])):
                spans.append((pos, close + 1))
        pos = text.find("(", close, end)
    return spans


def _without_asides(text: str, start: int, end: int, asides: list[tuple[int, int]]) -> str:
    if not asides:
        return text[start:end]
    parts = []
    pos = start
    for a, b in asides:
        if a >= start and b <= end:
            parts.append(text[pos:a])
            pos = b
    parts.append(text[pos:end])
    return "".join(parts)


# A government service number (12345, 12315, 8890) inside a label: part of a name, not a figure.
_SERVICE_NUMBER = re.compile(r"(?<!\d)(?:123\d\d|8890)(?!\d)")


def _label_start(text: str, sentence: Sentence, clause: Span) -> int:
    """A label before a colon names the figure's subject (调解员：563人, 作为被申请人的复议案件：6件)."""
    clauses = sentence.clauses
    for index in range(1, len(clauses)):
        if clauses[index] is clause or clauses[index] == clause:
            label = clauses[index - 1]
            mark = _LIST_MARK.match(text, label.start, label.end)
            label_start = mark.end() if mark else label.start
            opened = text.rfind("(", label_start, label.end)
            if opened != -1 and any(c.isdigit() for c in text[label_start:opened]):
                label_start = opened + 1  # 受理量:96.3万件(同比增长:7.5%): the label opens the bracket
            if (text[label.end:clause.start].strip() == ":" and label.end - label_start <= _LABEL_MAX
                    and label_start < label.end
                    and not any(c.isdigit() for c in _SERVICE_NUMBER.sub("", text[label_start:label.end]))):
                # A service number in it (承办市12345热线转办诉求：) is a name, not a figure.
                return label_start
            break
    return clause.start


def _bind_total(text: str, figure: Figure, clause: Span, first: int, result: BindResult) -> bool:
    """合计339个 after figures of one metric and unit in the sentence: bind it, drop the parts."""
    mine = result.bindings[first:]
    last = next((b for b in reversed(mine) if b.unit == figure.unit), None)
    if last is None:
        return False
    parts = [b for b in mine if b.metric == last.metric and b.year == last.year]
    for part in parts:
        result.bindings.remove(part)
        result.dropped.append(f"parts_of_total:{part.metric}:{part.value:g}")
    result.bindings.append(Binding(
        metric=last.metric, value=figure.value, unit=figure.unit, qualifier=figure.qualifier, year=last.year,
        evidence_start=min(p.evidence_start for p in parts), evidence_end=clause.end,
        precision=_decimals(figure.value), cue="合计"))
    return True


def _respectively(rs: RuleSet, text: str, sentence: Sentence, figures: list[Figure],
                  topics: list[tuple[int, int, str | None]]) -> dict[int, _Respective]:
    """Pair the items listed before each 分别 with the figures listed after it, by position.

    受理、审结行政复议案件分别为46件、41件 → 受理 46, 审结 41. The items are the words between the
    clause start (or the previous figure) and 分别, split at 、和及与; the figures are the run right
    after 分别 joined by 、和及与. Each item must name a subject or an action of its own (市、县两级
    names neither); an item without an action takes the last item's words (行政复议、行政诉讼审结).
    When the counts differ, or the figures are differences (分别增加3件、2件), all are dropped, with
    the reason.
    """
    out: dict[int, _Respective] = {}
    s_start, s_end = sentence.start, sentence.end
    pos = text.find(_RESPECTIVELY, s_start, s_end)
    while pos != -1:
        after = pos + len(_RESPECTIVELY)
        first = next((i for i, f in enumerate(figures) if f.start >= after), None)
        if first is None:
            break
        lead = text[after:figures[first].start]
        if not _RESP_LEAD.match(lead):
            pos = text.find(_RESPECTIVELY, after, s_end)
            continue
        listed = [first]
        while listed[-1] + 1 < len(figures) and _RESP_JOIN.match(
                text[figures[listed[-1]].end:figures[listed[-1] + 1].start]):
            listed.append(listed[-1] + 1)
        clause = sentence.clause_at(pos)
        region_start = max([clause.start] + [f.end for f in figures if f.end <= pos])
        region = text[region_start:pos]
        evidence = text[clause.start:sentence.clause_at(figures[listed[-1]].number_start).end]
        items: list[tuple[int, int]] = []
        cut = region_start
        for match in _RESP_ITEM_SPLIT.finditer(text, region_start, pos):
            items.append((cut, match.start()))
            cut = match.end()
        items.append((cut, pos))
        items = [(a, b) for a, b in items if text[a:b].strip()]
        reason = None
        if _RESP_CHANGE.search(lead):
            reason = f"differences, not levels: «{evidence}»"
        elif len(listed) == 1:
            pos = text.find(_RESPECTIVELY, after, s_end)
            continue  # 分别为12件: nothing to pair
        elif len(items) != len(listed):
            reason = f"{len(items)} items, {len(listed)} figures: «{evidence}»"
        pairs: list[_Respective] = []
        if reason is None:
            last_topics = _topics(rs, text, items[-1][0], items[-1][1])
            for number, (a, b) in enumerate(items):
                own = _topics(rs, text, a, b)
                before = [t for t in topics if t[1] <= a]
                if own:
                    family = own[-1][2]
                elif last_topics:
                    family = last_topics[0][2]  # 受理、审结行政复议案件: the last item's noun is shared
                else:
                    family = before[-1][2] if before else None  # 行政复议收到和办结
                topic_start = before[-1][0] if before and not own and not last_topics else None
                cue_re, _table = rs.cue_res.get(family, rs.cue_res[None])
                has_cue = bool(cue_re.search(text, a, b))
                if not own and not has_cue:
                    if cue_re.search(lead):
                        # 市、县两级分别受理…: the items are places or bodies, the action is shared.
                        reason = f"item {text[a:b]!r} names no subject or action: «{evidence}»"
                        break
                    # 调解成功率、群众满意度分别为97.2%、99%: this item's figure binds to nothing.
                    pairs.append(_Respective(drop=f"item {text[a:b]!r} names nothing bound: «{evidence}»"))
                    continue
                words = text[a:b]
                if not has_cue and number != len(items) - 1:
                    words += " " + text[items[-1][0]:items[-1][1]]
                pairs.append(_Respective(family, f"{words} {lead}", region, clause.start, topic_start))
        for number, index in enumerate(listed):
            out[index] = _Respective(drop=reason) if reason is not None else pairs[number]
        pos = text.find(_RESPECTIVELY, after, s_end)
    return out


def _disclaimed(pattern: re.Pattern[str], text: str, pos: int, end: int) -> str | None:
    """The bracket right after a figure, when it says the figure is not this report's."""
    while pos < end and text[pos] == " ":
        pos += 1
    if pos < end and text[pos] == "(":
        close = text.find(")", pos, end)
        if close != -1 and pattern.search(text, pos, close):
            return text[pos:close + 1]
    if pos < end and text[pos] == ",":
        # …办理全区行政复议案件167件，不属于本局被申请情况: the next clause opening with the disclaimer.
        stop = _CLAUSE_END.search(text, pos + 1, end)
        clause_end = stop.start() if stop else end
        match = pattern.search(text, pos + 1, min(clause_end, pos + 1 + _DISCLAIM_LEAD + 12))
        if match is not None and match.start() <= pos + 1 + _DISCLAIM_LEAD:
            return text[pos + 1:clause_end]
    return None


_CLAUSE_END = re.compile(r"[,;。]")
_DISCLAIM_LEAD = 4  # characters before a disclaimer opening a clause (均, 但, 该数据)


def _cumulative(rs: RuleSet, local: str, sentence_left: str, report_year: int | None) -> bool:
    """累计 before a figure, counted since an earlier year (自2018年…以来，累计调解…).

    Plain 累计 in a year's report (累计调处纠纷6583起) and 2023年，全区累计… stay the year's.
    """
    if rs.cumulative_re is None or not rs.cumulative_re.search(local):
        return False
    left = sentence_left.replace(" ", "")
    if rs.this_year_re is not None and rs.this_year_re.search(left):
        return False
    if report_year is not None and f"{report_year}年" in left:
        return False
    return "以来" in left or any(
        int(m.group(1)) != report_year for m in _YEAR_WORD.finditer(left)
        if left[m.start() - 1:m.start()] not in _NOT_AHEAD)


def _topics(rs: RuleSet, text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Topic words of a sentence; a family word qualified by another subject is that subject.

    12333人社服务热线 and 信访热线 are not the government service hotline; 法律援助调解 is not
    people's mediation: an other-subject word right before a family word (no punctuation between,
    at most 12 characters: 12333人力资源社会保障服务热线) takes the family word over.
    """
    hits: list[tuple[int, int, str | None]] = []
    rival = False  # a rival mediation system was named: 调解, 纠纷 … are still its words
    compared_re = rs.compared_re
    if compared_re is not None and _window_monotone(compared_re) and not compared_re.search(text, start, end):
        compared_re = None  # no yardstick anywhere in the sentence: none in any window of it either
    for match in rs.topic_re.finditer(text, start, end):
        word = match.group(0)
        family = rs.topic_family[word]
        window_start = max(start, match.start() - 22)
        # _INCLUDED_OPEN opens with "(": a plain find rules most words out before the regex runs.
        if text.find("(", window_start, match.start()) != -1 and _INCLUDED_OPEN.search(
                text, window_start, match.start()):
            continue  # 12345热线(含8890、原市长热线): lines merged into the one named, not a subject
        if family is not None and (part := rs.subject_part_res.get(family)) is not None and part.match(
                text[match.end():min(end, match.end() + 12)]):
            family = None  # 12345企业服务专线: a dedicated line, a part of the hotline's volume
        if family is None and text.startswith("类", match.end()):
            continue  # 其中咨询类…、投诉举报类11.2万件: a category of the hotline's tickets, not a subject
        if compared_re is not None and _compared(compared_re, text, start, end, match.start(),
                                                 match.end()):
            continue  # 首次超过同期一审行政诉讼案件数: the yardstick of a comparison, not the subject
        if rival and hits and _PART_BREAK.search(text, hits[-1][1], match.start()):
            rival = False  # a new sentence part: …参与诉前调解；全年共调解各类矛盾纠纷
        if word in rs.rival_words:
            rival = True
        elif family == "mediation":
            if word not in rs.generic_words:
                rival = False
            elif rival:
                family = None
        if family is not None and hits:
            _prev_start, prev_end, prev_family = hits[-1]
            between = text[prev_end:match.start()]
            if prev_family is None and len(between) <= 12 and not _BETWEEN_BREAK.search(between):
                family = None
            elif prev_family is None and _KIND_LIST.match(between):
                family = None  # 刑事案件312件、民事案件498件、行政案件16件: kinds of another body's cases
        hits.append((match.start(), match.end(), family))
    return hits


@cache
def _window_monotone(pattern: re.Pattern[str]) -> bool:
    """Whether a match inside a window of ``text`` is also found by a search over any wider window.

    True for a pattern without anchors or lookarounds (``compared_topics`` is one): only then may
    one search over the whole sentence stand for the per-word window searches of ``_compared``.
    """
    return not re.search(r"\(\?<?[=!]|(?<!\[)\^|\$|\\[bBAZ]", pattern.pattern)


def _compared(pattern: re.Pattern[str], text: str, start: int, end: int, word_start: int,
              word_end: int) -> bool:
    """Whether a topic word is the yardstick a figure is compared with (超过同期一审行政诉讼案件数):
    the sentence speaks of the thing compared, not of the yardstick's subject."""
    window_start = max(start, word_start - 12)
    for match in pattern.finditer(text, window_start, min(end, word_end + 8)):
        if match.start() <= word_start and match.end() >= word_end:
            return True
    return False


def _no_topic_near(topics: list[tuple[int, int, str | None]], figure: Figure, right_len: int) -> bool:
    """No topic word before the figure in its sentence, nor right after it."""
    return not any(end <= figure.start or figure.end <= start <= figure.end + right_len
                   for start, end, _family in topics)


# A unit followed by a kind of place or body: the figure counts those (18个村, 14个镇(街道), 58个部门).
_PLACES_AFTER = re.compile(
    r"^\s*(?:行政村|自然村|村|社区|村居|居委会|乡镇|镇|乡|街道|镇街|部门|单位|县|市辖区|区县)")
_PART_BREAK = re.compile(r"[;。]")  # precompiled for _topics (re.search would look up its cache per word)
_BETWEEN_BREAK = re.compile(r"[,，。;；、\d]")
_INCLUDED_OPEN = re.compile(r"\((?:含|包括|包含|整合|并入)[^()]{0,20}$")


def _subordinate(rs: RuleSet, text: str, start: int, end: int) -> bool:
    """各乡镇 / 各部门 before the figure, not followed by the government's own scope (全县, 县政府 …)."""
    if rs.subordinate_re is None:
        return False
    last = None
    for match in rs.subordinate_re.finditer(text, start, end):
        last = match
    return last is not None and rs.reset_re.search(text, last.end(), end) is None


def _qualified_part(rs: RuleSet, text: str, part_pos: int, clause_start: int, figure_start: int,
                    local: str) -> str | None:
    """其中 + a qualifier (专职, 村级, 市本级, 涉旅 …) before the figure: the qualified part of a
    total, which is never the metric's total even when the total is stated elsewhere or not at all.

    The qualifier is read in the figure's own segment, or from the last 其中 up to the figure when
    no other figure stands between (其中，市本级部门作为被申请人的案件143件)."""
    if rs.part_qualifier_re is None or part_pos == -1 or part_pos >= figure_start:
        return None
    # The 其中 must open the figure's clause or stand in it (其中，市本级… / 其中镇级12个、村级146个);
    # one further back in the sentence splits another figure.
    last = text.rfind(_PART, max(part_pos, clause_start - 3), figure_start)
    if last == -1:
        return None
    match = rs.part_qualifier_re.search(local)
    if match is None:
        span = text[last + len(_PART):figure_start]
        if not any(ch.isdigit() for ch in span):
            match = rs.part_qualifier_re.search(span)
    return match.group(0) if match else None


def _unit_subject(pattern: re.Pattern[str], text: str, start: int, end: int, own_names: str) -> str | None:
    """One named centre or office (调解中心, 某分中心) as the subject before the figure's cue: that
    unit's own figure, a part of the jurisdiction's. Not when the publisher or title is that unit."""
    match = pattern.search(text[start:end])  # ^ is the clause's start
    if match is None:
        return None
    unit = match.group("unit")
    return None if unit in own_names else unit


def _foreign_cue(topics: list[tuple[int, int, str | None]], text: str, cue_start: int) -> bool:
    """Whether a cue naming its own subject (调解员) is qualified by another system's word
    (法院特邀调解员, 劳动争议调解员): the topic word covering the cue, or right before it, is another's."""
    for start, end, family in reversed(topics):
        if start > cue_start:
            continue
        if end > cue_start:
            return family is None
        between = text[end:cue_start]
        return family is None and len(between) <= 8 and not re.search(r"[,，。;；、\d]", between)
    return False


def _is_volume_change(rule: Rule, sentence_left: str) -> bool:
    """A year-on-year change binds to the volume only when a volume, not a rate, was last named."""
    volume = max((sentence_left.rfind(w) for w in rule.volume_words), default=-1)
    rate = max(sentence_left.rfind("率"), sentence_left.rfind("满意度"))
    return volume > rate


def _drop_role_parts(rs: RuleSet, text: str, first: int, result: BindResult) -> None:
    """作为被申请人的案件共计26件，其中市政府办理18件: after a role's total, the intake figures under
    其中 split those cases by who handled them (another body's caseload), not the report's intake."""
    sentence_bindings = result.bindings[first:]
    for role in sentence_bindings:
        intake = rs.roles.get(role.metric)
        if not intake:
            continue
        for binding in sentence_bindings:
            if (binding.metric in intake and binding.evidence_end > role.evidence_end
                    and "其中" in text[role.evidence_end:binding.evidence_end]
                    and binding in result.bindings):
                result.bindings.remove(binding)
                result.dropped.append(f"role_parts:{binding.metric}:{binding.value:g}")


def _drop_parts(rs: RuleSet, first: int, result: BindResult) -> None:
    """撤销8件、确认违法3件 in one sentence: parts of a total the report did not state."""
    parts_metrics = {r.metric for r in rs.rules if r.parts}
    sentence_bindings = result.bindings[first:]
    for metric in parts_metrics:
        mine = [b for b in sentence_bindings if b.metric == metric]
        if len({b.cue for b in mine}) > 1:
            for binding in mine:
                result.bindings.remove(binding)
                result.dropped.append(f"parts:{metric}:{binding.value:g}")


_CLAUSE_DELIMITER = re.compile(r"[,，:：;；。\n](?!\d{3}(?!\d))")


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Start of the clause containing ``pos`` (not before ``floor``), skipping leading blanks."""
    start = floor
    for match in _CLAUSE_DELIMITER.finditer(text, floor, pos):
        start = match.end()
    while start < pos and text[start].isspace():
        start += 1
    return start


def _excluded(pos: int, exclusions: list[int], resets: list[int]) -> bool:
    return any(end <= pos and not any(end <= r < pos for r in resets) for end in exclusions)


def _topic_of(topics: list[tuple[int, int, str | None]], figure: Figure, local_start: int,
              right_len: int) -> tuple[str | None, int | None]:
    """Nearest topic word before the figure in its sentence, else one right after it."""
    best: tuple[int, int, str | None] | None = None
    for topic in topics:
        if topic[1] <= figure.start:
            best = topic
    if best is not None:
        return best[2], best[0]
    for start, _end, family in topics:
        if figure.end <= start <= figure.end + right_len:
            return family, None
    return None, None


_JOINED = re.compile(r"[\s、和及与]*")


def _joint_subject(text: str, topics: list[tuple[int, int, str | None]], topic_start: int | None,
                   family: str | None) -> bool:
    """Whether the subject word before a figure is the second of two joined subjects of different
    families (行政复议、行政诉讼 / 行政复议和行政应诉): the figure after them is both subjects' or
    either's, never knowably the nearer one's."""
    if topic_start is None or family is None:
        return False
    for index, (start, _end, _family) in enumerate(topics):
        if start == topic_start and index > 0:
            before = topics[index - 1]
            return (before[2] not in (None, family) and before[1] <= start
                    and _JOINED.fullmatch(text, before[1], start) is not None)
    return False


def _choose_rule(rs: RuleSet, family: str | None, figure: Figure, local: str, local_start: int,
                 right: str, text: str) -> tuple[Rule | None, int, float, str]:
    """The rule whose cue sits nearest the figure; returns (rule, cue end, sign, cue)."""
    cue_re, table = rs.cue_res.get(family, rs.cue_res[None])
    scaled = figure.kind == "bare" and figure.value >= 10_000
    strong: list[tuple[int, int, Rule]] = []
    weak: list[tuple[int, int, Rule]] = []
    for match in cue_re.finditer(local):
        for rule, is_weak in table[match.group(0)]:
            if rule.family != family and not rule.self_topic:
                continue
            if not rule.accepts(figure, scaled) or _vetoed(rule, local, match.start(), match.end()):
                continue
            (weak if is_weak else strong).append((match.end(), len(match.group(0)), rule))
    if right:
        # 24个调解委员会, 327个人民调解委员会: a noun right after the unit names the figure, and wins
        # over cues before it; further on (97个社区设立人民调解委员会) it is another figure's noun.
        adjacent: list[tuple[int, int, Rule]] = []
        for match in cue_re.finditer(right):
            if match.start() > _RIGHT_MAX_LEAD:
                break
            for rule, is_weak in table[match.group(0)]:
                if rule.right and not is_weak and rule.accepts(figure, scaled) and not any(
                        word in local for word in rule.not_in_segment):
                    adjacent.append((len(local), len(match.group(0)), rule))
        if adjacent:
            strong, weak = adjacent, []
    candidates = strong or weak
    for cue_end, length, rule in sorted(candidates, key=lambda c: (c[0], c[1]), reverse=True):
        if not strong and rule.weak_max_gap is not None and len(local) - cue_end > rule.weak_max_gap:
            continue  # a weak cue (成功, 办理) only counts close to its figure
        ok, sign = _fits(rule, figure, local, cue_end, right)
        if ok:
            return rule, local_start + cue_end, sign, local[cue_end - length:cue_end]
    if family is not None:
        for rule in rs.rules:
            if rule.family == family and rule.default and rule.accepts(figure, scaled) and any(
                    noun in local or noun in right for noun in rule.nouns) and not any(
                    word in local for word in rule.not_words):
                # 出庭应诉行政案件1件: a vetoed cue (出庭) is not made good by the bare noun.
                return rule, figure.start, 1.0, ""
    return None, 0, 1.0, ""


def _vetoed(rule: Rule, local: str, cue_start: int, cue_end: int) -> bool:
    if any(word in local for word in rule.not_in_segment):
        return True
    if rule.not_in_segment_re is not None and rule.not_in_segment_re.search(local):
        return True
    for word in rule.not_words:
        pos = local.find(word)
        while pos != -1:
            if pos < cue_end and pos + len(word) > cue_start:
                return True  # the cue is part of a negated word (不予受理)
            if pos >= cue_end:
                return True  # a negation between the cue and the figure
            pos = local.find(word, pos + 1)
    return False


def _fits(rule: Rule, figure: Figure, local: str, cue_end: int, right: str) -> tuple[bool, float]:
    gap = local[cue_end:]
    if rule.require_any and not any(w in local or w in right for w in rule.require_any):
        return False, 1.0
    if rule.kind == "percent":
        return bool(_PERCENT_GAP.match(gap)), 1.0
    if rule.kind == "pct_change":
        sign = _SIGN.match(gap)
        if not sign and local[:cue_end].endswith("相比"):
            sign = _SIGN_AFTER_SUBJECT.match(gap)
        if not sign:
            return False, 1.0
        return True, (-1.0 if sign.group("word") in _NEGATIVE else 1.0)
    return len(gap) <= 30, 1.0


# 行政诉讼案件2件，均已审结: every case counted was concluded, so the count is also the concluded one.
_ALL_CONCLUDED = re.compile(r"(?:均|全部|已全部|均已)已?(?:审结|结案|办结)(?!率)")
_CONCLUDED_OF = {"litigation.cases": "litigation.concluded",
                 "reconsideration.accepted": "reconsideration.concluded",
                 "reconsideration.received": "reconsideration.concluded"}


def _bind_all_concluded(text: str, sentence: Sentence, figures: list[Figure], first: int,
                        result: BindResult) -> None:
    """均已审结 right after a caseload (no figure between): the concluded count equals it."""
    match = _ALL_CONCLUDED.search(text, sentence.start, sentence.end)
    if match is None:
        return
    mine = [b for b in result.bindings[first:] if b.evidence_end <= match.start()]
    if not mine or mine[-1].metric not in _CONCLUDED_OF:
        return
    last = mine[-1]
    concluded = _CONCLUDED_OF[last.metric]
    if any(b.metric == concluded for b in result.bindings[first:]) or any(
            last.evidence_end <= f.start < match.start() for f in figures):
        return
    if re.search(r"[;。]", text[last.evidence_end:match.start()]):
        return
    result.bindings.append(Binding(
        metric=concluded, value=last.value, unit=last.unit, qualifier=last.qualifier, year=last.year,
        evidence_start=last.evidence_start, evidence_end=sentence.clause_at(match.start()).end,
        precision=last.precision, cue=match.group(0)))


def _bind_zeros(rs: RuleSet, text: str, sentence: Sentence, exclusions: list[int], resets: list[int],
                report_year: int | None, is_government: bool, result: BindResult,
                plan_at: int | None = None) -> None:
    for zero in rs.zeros:
        for match in zero.pattern.finditer(text, sentence.start, sentence.end):
            if _excluded(match.start(), exclusions, resets):
                continue
            if plan_at is not None and match.start() > plan_at:
                continue  # 力争实现零败诉: an aim
            clause = sentence.clause_at(match.start())
            local = text[clause.start:match.start()]
            period = period_of(text[sentence.start:match.start()], local, report_year)
            if period.drop_reason:
                continue
            metric = zero.metrics[-1] if is_government and len(zero.metrics) > 1 else zero.metrics[0]
            end_clause = sentence.clause_at(max(match.end() - 1, match.start()))
            result.bindings.append(Binding(
                metric=metric, value=0.0, unit=None, qualifier="exact", year=period.year,
                evidence_start=clause.start, evidence_end=end_clause.end,
            ))


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


_RESTATED = 0.1  # relative difference under which two values are one figure written twice


def _restates(value: float, other: float) -> bool:
    """Whether two values are one figure, rounded or qualified differently (约1.9万 and 19,012)."""
    scale = max(abs(value), abs(other))
    return scale == 0 or abs(value - other) <= _RESTATED * scale


def resolve_conflicts(bindings: list[Binding]) -> tuple[list[Binding], list[str]]:
    """One value per (metric, year).

    Rule: a subordinate unit's figure and a fallback cue's (排查) lose; among restatements of the
    first figure (values within 10%), an exact figure beats a qualified one (24.2% over 约24%), then
    more decimals written beats fewer; a value of another size never replaces the first stated (reports
    state the headline figure first and repeat or break it down later). Every other value is
    reported in the warnings; repeats of the same value are merged silently.
    """
    fallback = {r.metric: r.fallback_cues for r in load_rules().rules if r.fallback_cues}

    def secondary(binding: Binding) -> bool:
        """Bound by a fallback cue (排查纠纷 N件): the figure only when no other one is stated."""
        cues = fallback.get(binding.metric, ())
        return bool(cues) and binding.cue.removeprefix("table:") in cues

    groups: dict[tuple[str, int | None], list[Binding]] = {}
    for binding in bindings:
        groups.setdefault((binding.metric, binding.year), []).append(binding)
    kept: list[Binding] = []
    warnings: list[str] = []
    for (metric, year), group in groups.items():
        ordered = sorted(enumerate(group),
                         key=lambda item: (item[1].subordinate, secondary(item[1]), item[0]))
        head = ordered[0][1]
        tier = (head.subordinate, secondary(head))
        # A restatement (约24% and 24.2%) is the same figure, the precise one wins; a figure of
        # another size (近900个 and 46个, 8200余名 and 476名) is another count: the first stated wins.
        restated = [item for item in ordered if (item[1].subordinate, secondary(item[1])) == tier
                    and _restates(item[1].value, head.value)]
        winner = min(restated,
                     key=lambda item: (item[1].qualifier != "exact", -item[1].precision, item[0]))[1]
        kept.append(winner)
        for other in [b for _, b in ordered if b is not winner]:
            if other.value != winner.value or other.qualifier != winner.qualifier:
                when = "report year" if year is None else str(year)
                warnings.append(
                    f"conflict: {metric} ({when}) kept {winner.value:g} ({winner.qualifier}), "
                    f"dropped {other.value:g} ({other.qualifier})")
    kept.sort(key=lambda b: b.evidence_start)
    return kept, warnings
