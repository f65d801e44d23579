"""A seeded generator of reports with known answers, for `make bench`.

``generate(n, jurisdictions=M, years=Y, seed=S)`` returns ``n`` ``GeneratedReport``s: M places taken
from the GB/T 2260 seed (``dbt_project/seeds/divisions.csv``) × Y report years × the four doc types,
cycled until there are ``n``. Every report has its text (already decoded, what the extractor reads),
the facts that are true of it (``gold``, in ``scrapers.evaluate``'s gold format, with ``traps``), its
phrasing family and the format it is published in (txt, html UTF-8, html GBK, pdf). The same
arguments give the same reports, byte for byte.

Templates are this module's own: several phrasings per metric, exact and approximate figures
(余 / 多 / 约 / 近), 万 and thousands separators, zero statements (未有败诉案件), tables (tab-separated
rows, as HTML tables reach the extractor), numbered lists under a lead-in; and traps: other actors'
figures (法律顾问代理的复议案件, 律师函, 依申请公开, 法院的民商事收案), partial periods (上半年, 1-6月),
targets in the next year's plan, notices. Written blind: not derived from any test corpus.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from scrapers import settings
from scrapers.records import DocumentHints

DOC_TYPES = ("rule_of_law_report", "ogi_annual_report", "hotline_report", "mediation_report")
PHRASINGS = ("prose", "list", "table", "terse")
FORMATS = ("txt", "html-utf8", "html-gbk", "pdf")
DIVISIONS_CSV = settings.DBT_PROJECT_DIR / "seeds" / "divisions.csv"


@dataclass(frozen=True)
class Place:
    code: str
    province: str
    city: str
    county: str


@dataclass
class GeneratedReport:
    key: str  # stable name: <code>-<year>-<doc_type>
    place: Place
    year: int
    doc_type: str
    phrasing: str
    format: str
    title: str
    publisher: str
    published: str  # YYYY-MM-DD
    blocks: list[Any] = field(default_factory=list)  # str paragraphs and Table objects, in order
    facts: list[dict[str, Any]] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The decoded text (what the pipeline's parser yields from the page): head lines, then the body;
        tables as tab-separated rows."""
        head = [self.title, self.publisher, f"（{_cn_date(self.published)}）", ""]
        body = [b.as_text() if isinstance(b, Table) else b for b in self.blocks]
        return "\n".join(head + body) + "\n"

    @property
    def gold(self) -> dict[str, Any]:
        return {
            "file": self.key,
            "document": {"report_year": self.year, "doc_type": self.doc_type, "title": self.title},
            "facts": self.facts,
            "traps": self.traps,
        }

    @property
    def hints(self) -> DocumentHints:
        """What the pipeline knows besides the text: the page's title and date, the registry's entry."""
        return DocumentHints(
            title=self.title,
            publisher=self.publisher,
            published=self.published,
            jurisdiction_name=self.place.county,
            jurisdiction_code=self.place.code,
        )


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]

    def as_text(self) -> str:
        return "\n".join([self.caption, "\t".join(self.header), *("\t".join(r) for r in self.rows)])


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


def load_places() -> list[Place]:
    """Every county-level division with its city and province, in code order."""
    with DIVISIONS_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names: dict[tuple[str, str], str] = {(r["code"], r["level"]): r["name"] for r in rows}
    parents = {(r["code"], r["level"]): r["parent"] for r in rows}
    places = []
    for row in rows:
        if row["level"] != "county" or not row["parent"]:
            continue
        city = names.get((row["parent"], "city"))
        province_code = parents.get((row["parent"], "city"))
        province = names.get((province_code or "", "province"))
        if not city or not province or len(row["name"]) < 2:
            continue
        places.append(Place(row["code"], province, city, row["name"]))
    # One place per name: a name shared by two counties is ambiguous without the code. And one place
    # per code: the seed gives Hong Kong's and Macao's districts (and two development zones) their
    # parent's code, and a report's key (so its URL and report_id) is made from the code: two places
    # sharing one would publish two different reports under one report_id, which no portal does.
    names: dict[str, int] = {}
    codes: dict[str, int] = {}
    for p in places:
        names[p.county] = names.get(p.county, 0) + 1
        codes[p.code] = codes.get(p.code, 0) + 1
    return sorted((p for p in places if names[p.county] == 1 and codes[p.code] == 1), key=lambda p: p.code)


# ---------------------------------------------------------------------------------------------
# Numbers as written
# ---------------------------------------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"


def _cn_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def _count(rng: random.Random, n: int) -> str:
    """A count as written: 1234, or 1,234 for large numbers now and then."""
    if n >= 1000 and rng.random() < 0.3:
        return f"{n:,}"
    return str(n)


def _rate(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0") if value != 100 else "100"


def _pct(part: int, whole: int) -> float:
    return round(part * 100 / whole, 1) if whole else 0.0


# ---------------------------------------------------------------------------------------------
# Facts of one report: consistent figures (resolved ≤ disputes, a rate from its counts)
# ---------------------------------------------------------------------------------------------


def _fact(metric: str, value: float, unit: str | None = None, qualifier: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"metric": metric, "value": value}
    if unit:
        out["unit"] = unit
    if qualifier:
        out["qualifier"] = qualifier
    return out


@dataclass
class _Writer:
    """Builds a report body: sentences carry their facts and traps with them."""

    rng: random.Random
    year: int
    place: Place
    blocks: list[Any] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)

    def pick(self, options: list[Callable[[], str]]) -> str:
        return self.rng.choice(options)()

    def para(self, *parts: str) -> None:
        self.blocks.append("".join(parts))

    def filler(self, k: int) -> None:
        """``k`` paragraphs of three to six sentences without figures (real reports are mostly prose)."""
        for _ in range(k):
            chosen = self.rng.sample(_FILLER, self.rng.randint(3, 6))
            self.para("".join(chosen).format(county=self.place.county, year=self.year))


_FILLER = [
    "{year}年，{county}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，"
    "把法治建设摆在全局工作的重要位置，统筹推进各项工作，为经济社会高质量发展提供了有力保障。",
    "健全依法决策机制，严格落实重大行政决策公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，"
    "决策的科学化、民主化、法治化水平进一步提高。",
    "深化“放管服”改革，持续优化营商环境，推行政务服务事项清单化管理，实现高频事项“一网通办”“跨省通办”，"
    "企业和群众办事更加便捷。",
    "严格规范公正文明执法，全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，"
    "组织开展行政执法案卷评查，执法行为更加规范。",
    "加强规范性文件监督管理，坚持有件必备、有备必审、有错必纠，对不符合法律法规的文件及时提出审查意见。",
    "扎实开展普法宣传教育，落实“谁执法谁普法”普法责任制，推动法治宣传进机关、进乡村、进社区、进学校、进企业。",
    "主要负责人切实履行推进法治建设第一责任人职责，定期听取法治政府建设工作汇报，研究解决重大问题。",
    "自觉接受人大监督、民主监督和司法监督，认真办理人大代表建议和政协委员提案，按时办复率保持较高水平。",
    "加强基层法治队伍建设，组织执法人员参加法律知识培训和考试，依法行政能力不断提升。",
    "坚持和发展新时代“枫桥经验”，完善矛盾纠纷多元预防调处化解综合机制，推动矛盾纠纷就地化解。",
]

_PROBLEMS = [
    "二、存在的问题",
    "一是部分单位对法治建设重视程度还不够，工作推进不够平衡；二是基层执法力量相对薄弱，执法人员业务能力有待提高；"
    "三是矛盾纠纷源头预防机制还需进一步健全。",
]


def _reconsideration(w: _Writer, phrasing: str) -> None:
    rng = w.rng
    received = rng.randint(40, 900)
    accepted = received - rng.randint(0, max(1, received // 8))
    concluded = accepted - rng.randint(0, max(1, accepted // 10))
    corrected = rng.randint(1, max(2, concluded // 6))
    upheld = rng.randint(concluded // 3, concluded - corrected)
    rate = _pct(corrected, concluded)
    respondent = rng.randint(3, 60)
    cases = rng.randint(20, 400)
    lit_concluded = cases - rng.randint(0, max(1, cases // 6))
    lost = 0 if rng.random() < 0.25 else rng.randint(1, max(2, lit_concluded // 12))
    loss_rate = _pct(lost, lit_concluded)
    appearance = rng.choice([100.0, 100.0, round(rng.uniform(85, 99.9), 1)])
    counsel = rng.randint(5, 60)
    opinions = rng.randint(50, 600)
    letters = rng.randint(2, 40)
    w.facts += [
        _fact("reconsideration.received", received, "件", "exact"),
        _fact("reconsideration.accepted", accepted, "件", "exact"),
        _fact("reconsideration.concluded", concluded, "件", "exact"),
        _fact("reconsideration.corrected", corrected, "件", "exact"),
        _fact("reconsideration.upheld", upheld, "件", "exact"),
        _fact("reconsideration.correction_rate", rate),
        _fact("litigation.cases", cases, "件", "exact"),
        _fact("litigation.concluded", lit_concluded, "件", "exact"),
        _fact("litigation.lost", lost, "件" if lost else None, "exact" if lost else None),
        _fact("litigation.head_appearance_rate", appearance),
    ]
    if lost:
        w.facts.append(_fact("litigation.loss_rate", loss_rate))
    county = w.place.county
    r, a, c = _count(rng, received), _count(rng, accepted), _count(rng, concluded)
    lost_text = (
        rng.choice(["未有败诉案件", "无败诉案件"])
        if not lost
        else rng.choice(
            [f"败诉{lost}件，败诉率{_rate(loss_rate)}%", f"其中败诉案件{lost}件，败诉率为{_rate(loss_rate)}%"]
        )
    )
    if phrasing == "table":
        w.para("（一）行政复议和行政应诉工作。全年行政复议和行政应诉主要数据见下表。")
        w.blocks.append(
            Table(
                f"表1 {w.year}年{county}行政复议案件办理情况",
                ["项目", "数量（件）"],
                [
                    ["收到行政复议申请", str(received)],
                    ["受理行政复议申请", str(accepted)],
                    ["审结行政复议案件", str(concluded)],
                    ["维持", str(upheld)],
                    ["纠错", str(corrected)],
                ],
            )
        )
        w.para(f"行政复议纠错率为{_rate(rate)}%。")
    elif phrasing == "list":
        w.para(f"（一）行政复议工作。{w.year}年行政复议工作主要情况如下：")
        w.para(f"1.全年共收到行政复议申请{r}件；")
        w.para(f"2.依法受理行政复议申请{a}件；")
        w.para(
            f"3.审结行政复议案件{c}件，其中决定维持{upheld}件，"
            f"通过撤销、变更、确认违法等方式纠错{corrected}件，纠错率{_rate(rate)}%。"
        )
    elif phrasing == "terse":
        w.para(
            f"（一）行政复议。新收行政复议申请{r}件，受理{a}件，办结{c}件，"
            f"维持{upheld}件，纠错{corrected}件，直接纠错率为{_rate(rate)}%。"
        )
    else:
        w.para(
            rng.choice(
                [
                    f"（一）发挥行政复议化解行政争议主渠道作用。{w.year}年，全{_level(county)}共收到行政复议申请{r}件，"
                    f"依法受理{a}件，审结{c}件。在审结的案件中，作出维持决定{upheld}件，"
                    f"以撤销、变更、确认违法或责令履行方式纠错{corrected}件，行政复议纠错率{_rate(rate)}%。",
                    f"（一）行政复议工作。全年受理行政复议案件{a}件（收到行政复议申请{r}件），"
                    f"已结案{c}件，其中维持{upheld}件，纠错{corrected}件，纠错率为{_rate(rate)}%。",
                ]
            )
        )
    counsel_trap = f"代理行政复议和诉讼案件{counsel}起"
    w.para(
        f"充分发挥政府法律顾问作用，法律顾问全年出具法律意见书{opinions}份，{counsel_trap}，发送律师函{letters}份。"
    )
    w.traps += [counsel_trap, f"出具法律意见书{opinions}份", f"发送律师函{letters}份"]
    w.para(
        rng.choice(
            [
                f"（二）行政应诉工作。全年办理行政应诉案件{cases}件，已审结{lit_concluded}件，{lost_text}，"
                f"行政机关负责人出庭应诉率达{_rate(appearance)}%。",
                f"（二）规范行政应诉。{w.year}年全{_level(county)}发生行政诉讼案件{cases}件，审结{lit_concluded}件，{lost_text}；"
                f"行政机关负责人出庭应诉率{_rate(appearance)}%。",
            ]
        )
    )
    w.facts.append(_fact("reconsideration.as_respondent", respondent, "件", "exact"))
    w.para(
        rng.choice(
            [
                f"{county}人民政府作为被申请人的行政复议案件{respondent}件，均依法按时提交答复材料。",
                f"县政府被申请行政复议{respondent}件，均按期答复。",
            ]
        ).replace("县政府", f"{county}政府")
    )
    sessions = rng.randint(2, 12)
    w.para(f"组织旁听庭审观摩活动{sessions}次，提升工作人员应诉能力。")
    w.traps.append(f"庭审观摩活动{sessions}次")


def _level(county: str) -> str:
    return county[-1] if county[-1] in "县区市旗" else "县"


def _mediation(w: _Writer, phrasing: str, lead: str) -> None:
    rng = w.rng
    committees = rng.randint(30, 600)
    mediators = rng.randint(100, 5000)
    disputes = rng.randint(500, 20000)
    resolved = disputes - rng.randint(0, disputes // 50 + 1)
    success = _pct(resolved, disputes)
    approx_mediators = rng.random() < 0.4
    mediators_shown = mediators // 10 * 10 if approx_mediators else mediators
    w.facts += [
        _fact("mediation.committees", committees, "个", "exact"),
        _fact("mediation.mediators", mediators_shown, "人", "at_least" if approx_mediators else "exact"),
        _fact("mediation.disputes", disputes, rng.choice(["件"]), "exact"),
        _fact("mediation.resolved", resolved, "件", "exact"),
        _fact("mediation.success_rate", success),
    ]
    m_text = f"{mediators_shown}余人" if approx_mediators else f"{mediators_shown}人"
    d, s = _count(rng, disputes), _count(rng, resolved)
    half = rng.randint(disputes // 3, disputes // 2)
    aid = rng.randint(100, 3000)
    if phrasing == "table":
        w.para(f"{lead}人民调解组织网络不断健全，全年人民调解工作主要数据如下。")
        w.blocks.append(
            Table(
                f"{w.year}年人民调解工作统计",
                ["指标", "数量"],
                [
                    ["人民调解委员会（个）", str(committees)],
                    ["调解矛盾纠纷（件）", str(disputes)],
                    ["调解成功（件）", str(resolved)],
                    ["调解成功率（%）", _rate(success)],
                ],
            )
        )
        w.para(f"全{_level(w.place.county)}现有人民调解员{m_text}。")
    elif phrasing == "list":
        w.para(f"{lead}人民调解工作主要指标如下：")
        w.para(f"（1）建成人民调解委员会{committees}个，人民调解员{m_text}；")
        w.para(f"（2）调解各类矛盾纠纷{d}件，调解成功{s}件；")
        w.para(f"（3）调解成功率{_rate(success)}%。")
    elif phrasing == "terse":
        w.para(
            f"{lead}人民调解委员会{committees}个，人民调解员{m_text}，"
            f"全年调解矛盾纠纷{d}件，调解成功{s}件，调解成功率{_rate(success)}%。"
        )
    else:
        w.para(
            rng.choice(
                [
                    f"{lead}全{_level(w.place.county)}共有人民调解组织{committees}个，专兼职人民调解员{m_text}。"
                    f"{w.year}年共排查化解矛盾纠纷{d}件，成功调处{s}件，调解成功率达到{_rate(success)}%。",
                    f"{lead}健全人民调解组织网络，建成人民调解委员会{committees}个，配备人民调解员{m_text}，"
                    f"全年调解矛盾纠纷{d}件，调解成功{s}件，调解成功率{_rate(success)}%。",
                ]
            )
        )
    half_trap = f"上半年调解矛盾纠纷{half}件"
    w.para(f"其中，{half_trap}，为全年工作打下了基础。全年办理法律援助案件{aid}件。")
    w.traps += [half_trap, f"法律援助案件{aid}件"]


def _hotline(w: _Writer, phrasing: str, lead: str) -> None:
    rng = w.rng
    wan = rng.random() < 0.5
    contacts = rng.randint(3000, 90000) * 10 if wan else rng.randint(5000, 800000)
    yoy = round(rng.uniform(-15, 25), 1) or 1.5
    satisfaction = round(rng.uniform(90, 99.9), 1)
    first = round(rng.uniform(60, 95), 1)
    completion = round(rng.uniform(95, 100), 1)
    approx = rng.random() < 0.2
    w.facts += [
        _fact("hotline.contacts", contacts, "件", "approx" if approx else "exact"),
        _fact("hotline.contacts_yoy_pct", yoy),
        _fact("hotline.satisfaction_rate", satisfaction),
        _fact("hotline.first_contact_resolution_rate", first),
        _fact("hotline.completion_rate", completion),
    ]
    shown = f"{contacts / 10000:g}万" if wan else _count(rng, contacts)
    shown = ("约" if approx else "") + shown
    change = f"同比增长{_rate(yoy)}%" if yoy > 0 else f"同比下降{_rate(-yoy)}%"
    half = rng.randint(contacts // 3, contacts // 2)
    court = round(rng.uniform(1, 9), 1)
    if phrasing == "table":
        w.para(f"{lead}12345政务服务便民热线运行平稳，全年主要指标见下表。")
        w.blocks.append(
            Table(
                f"{w.year}年12345热线主要指标",
                ["指标", f"{w.year}年"],
                [
                    ["群众满意率（%）", _rate(satisfaction)],
                    ["一次办结率（%）", _rate(first)],
                    ["按时办结率（%）", _rate(completion)],
                ],
            )
        )
        w.para(f"全年12345热线受理群众诉求{shown}件，{change}。")
    elif phrasing == "list":
        w.para(f"{lead}{w.year}年12345热线运行主要指标如下：")
        w.para(f"一是受理群众各类诉求{shown}件，{change}；")
        w.para(f"二是一次办结率{_rate(first)}%，按时办结率{_rate(completion)}%；")
        w.para(f"三是群众满意率{_rate(satisfaction)}%。")
    elif phrasing == "terse":
        w.para(
            f"{lead}12345热线全年受理诉求{shown}件，{change}，一次办结率{_rate(first)}%，"
            f"按期办结率{_rate(completion)}%，群众满意率{_rate(satisfaction)}%。"
        )
    else:
        w.para(
            rng.choice(
                [
                    f"{lead}12345政务服务便民热线全年共受理群众来电、网络留言等各类诉求{shown}件，{change}。"
                    f"热线一次性办结率{_rate(first)}%，按时办结率{_rate(completion)}%，群众满意率达{_rate(satisfaction)}%。",
                    f"{lead}全年12345热线办理工单{shown}件，{change}；直接办结率{_rate(first)}%，"
                    f"办结率{_rate(completion)}%，群众满意度{_rate(satisfaction)}%。",
                ]
            )
        )
    half_trap = f"上半年热线受理诉求{half}件"
    w.para(f"从时间分布看，{half_trap}，下半年诉求量有所上升。")
    w.para(f"同期法院民商事诉讼收案同比缩减{_rate(court)}%，诉源治理成效初显。")
    w.traps += [half_trap, f"民商事诉讼收案同比缩减{_rate(court)}%"]


def _ogi(w: _Writer) -> None:
    rng = w.rng
    active = rng.randint(800, 20000)
    requests = rng.randint(20, 900)
    respondent = rng.randint(1, 40)
    suits = rng.randint(1, 30)
    w.para("一、总体情况")
    w.para(
        f"{w.year}年，{w.place.county}人民政府坚持以公开为常态、不公开为例外，全面推进政务公开工作。"
        f"全年主动公开政府信息{active}条。"
    )
    w.para(f"全年收到依申请公开{requests}件，均在法定期限内答复。")
    w.traps += [f"主动公开政府信息{active}条", f"依申请公开{requests}件"]
    w.para("二、政府信息公开行政复议、行政诉讼情况")
    w.para(f"{w.year}年，因政府信息公开工作被申请行政复议{respondent}件，被提起行政诉讼{suits}件。")
    w.facts += [
        _fact("reconsideration.as_respondent", respondent, "件", "exact"),
        _fact("litigation.cases", suits, "件", "exact"),
    ]
    w.filler(3)
    w.para("三、存在的主要问题及改进情况")
    w.para("政务公开的标准化规范化水平还需提升，政策解读的形式还不够丰富。下一步将加强培训，提高公开质量。")


def _plan(w: _Writer) -> None:
    target = round(w.rng.uniform(95, 99), 1)
    w.para("三、下一步工作安排")
    w.para(
        f"{w.year + 1}年，我们将继续深入推进法治建设，力争调解成功率保持在{_rate(target)}%以上，"
        f"行政机关负责人出庭应诉率保持100%，进一步提升群众满意度。"
    )
    w.traps.append(f"调解成功率保持在{_rate(target)}%")


def _title(doc_type: str, place: Place, year: int, rng: random.Random) -> tuple[str, str]:
    c = place.county
    if doc_type == "rule_of_law_report":
        return rng.choice(
            [f"{c}人民政府关于{year}年度法治政府建设工作情况的报告", f"{c}{year}年法治政府建设年度报告"]
        ), f"{c}人民政府"
    if doc_type == "ogi_annual_report":
        return f"{c}人民政府{year}年政府信息公开工作年度报告", f"{c}人民政府办公室"
    if doc_type == "hotline_report":
        return rng.choice(
            [f"{c}12345政务服务便民热线{year}年度工作总结", f"关于{year}年{c}12345热线运行情况的报告"]
        ), f"{c}政务服务中心"
    return rng.choice(
        [f"{c}司法局{year}年人民调解工作情况报告", f"{c}{year}年度人民调解工作总结"]
    ), f"{c}司法局"


def _report(place: Place, year: int, doc_type: str, index: int, seed: int) -> GeneratedReport:
    rng = random.Random(f"{seed}/{place.code}/{year}/{doc_type}")
    # Doc types cycle fastest (index % 4): phrasing and format cycle on the slower digits.
    phrasing = PHRASINGS[(index // len(DOC_TYPES)) % len(PHRASINGS)]
    fmt = FORMATS[(index // (len(DOC_TYPES) * len(PHRASINGS))) % len(FORMATS)]
    title, publisher = _title(doc_type, place, year, rng)
    if doc_type == "ogi_annual_report":
        published = date(year + 1, 1, 10) + timedelta(days=rng.randint(0, 20))
    else:
        published = date(year + 1, 1, 15) + timedelta(days=rng.randint(0, 75))
    w = _Writer(rng, year, place)
    if doc_type == "ogi_annual_report":
        phrasing = "prose"
        _ogi(w)
    elif doc_type == "rule_of_law_report":
        w.para(
            f"{year}年，在市委、市政府的坚强领导下，{place.county}深入学习贯彻习近平法治思想，"
            f"全面推进依法行政，现将有关情况报告如下。"
        )
        w.para("一、主要工作成效")
        w.filler(5)
        _reconsideration(w, phrasing)
        w.filler(4)
        _mediation(w, phrasing, "（三）矛盾纠纷多元化解。")
        _hotline(w, phrasing, "（四）政务服务热线。")
        w.blocks += _PROBLEMS
        _plan(w)
    elif doc_type == "hotline_report":
        w.para(
            f"{year}年，{place.county}12345政务服务便民热线坚持以人民为中心，"
            "聚焦群众急难愁盼问题，推动诉求快速响应、高效办理。现将全年工作总结如下。"
        )
        w.para("一、总体运行情况")
        _hotline(w, phrasing, "")
        w.para("二、主要做法")
        w.filler(4)
        w.blocks += [
            "三、存在的问题",
            "部分诉求办理质量不高，重复来电问题仍然存在，个别承办单位响应不够及时。",
        ]
    else:
        w.para(
            f"{year}年，{place.county}司法局坚持和发展新时代“枫桥经验”，全面加强人民调解工作，"
            "有效维护了社会和谐稳定。现将有关情况报告如下。"
        )
        w.para("一、工作开展情况")
        _mediation(w, phrasing, "")
        w.filler(4)
        w.blocks += _PROBLEMS
    w.blocks += [publisher, _cn_date(published.isoformat())]
    return GeneratedReport(
        key=f"{place.code}-{year}-{doc_type}",
        place=place,
        year=year,
        doc_type=doc_type,
        phrasing=phrasing,
        format=fmt,
        title=title,
        publisher=publisher,
        published=published.isoformat(),
        blocks=w.blocks,
        facts=w.facts,
        traps=w.traps,
    )


def generate(
    n: int, *, jurisdictions: int = 50, years: int = 3, first_year: int = 2021, seed: int = 20261123
) -> list[GeneratedReport]:
    """``n`` reports (see the module docstring); deterministic in its arguments."""
    return list(iter_reports(n, jurisdictions=jurisdictions, years=years, first_year=first_year, seed=seed))


def iter_reports(
    n: int, *, jurisdictions: int = 50, years: int = 3, first_year: int = 2021, seed: int = 20261123
) -> Iterator[GeneratedReport]:
    places = load_places()
    chosen = random.Random(seed).sample(places, min(jurisdictions, len(places)))
    combos = [(p, first_year + y, t) for p in chosen for y in range(years) for t in DOC_TYPES]
    for index in range(n):
        place, year, doc_type = combos[index % len(combos)]
        cycle = index // len(combos)
        report = _report(place, year, doc_type, index, seed + cycle)
        if cycle:  # past M × Y × 4 reports: the same series again, as another edition (its own key)
            report.key += f"-{cycle}"
        yield report


# ---------------------------------------------------------------------------------------------
# Files: text, HTML (UTF-8 / GBK) and PDF, with the gold beside each
# ---------------------------------------------------------------------------------------------


def render_html(report: GeneratedReport, charset: str = "utf-8") -> bytes:
    from html import escape

    parts = []
    for block in report.blocks:
        if isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in block.rows)
            parts.append(f'<p>{escape(block.caption)}</p>\n<table border="1"><tr>{head}</tr>{rows}</table>')
        else:
            parts.append(f"<p>{escape(block)}</p>")
    page = (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}">\n'
        f'<meta name="ArticleTitle" content="{escape(report.title)}">\n'
        f'<meta name="PubDate" content="{report.published} 09:30">\n'
        f'<meta name="ContentSource" content="{escape(report.publisher)}">\n'
        f"<title>{escape(report.title)}</title></head>\n<body>\n"
        '<div class="header"><a href="/">首页</a> &gt; <a href="../">政府信息公开</a></div>\n'
        f'<div class="article"><h1>{escape(report.title)}</h1>\n'
        f'<div class="info">发布时间：{report.published} 来源：{escape(report.publisher)}</div>\n'
        '<div class="TRS_Editor">\n' + "\n".join(parts) + "\n</div></div>\n"
        '<div class="footer">主办单位：' + escape(report.publisher) + "</div>\n</body></html>\n"
    )
    return page.encode(charset, errors="xmlcharrefreplace")


def render_pdf(report: GeneratedReport) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    font = "STSong-Light"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    body = ParagraphStyle("b", fontName=font, fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    title = ParagraphStyle("t", parent=body, fontSize=16, leading=24, alignment=1, firstLineIndent=0)
    story: list[Any] = [Paragraph(report.title, title), Spacer(1, 8)]
    for block in report.blocks:
        if isinstance(block, Table):
            story.append(Paragraph(block.caption, body))
            story.append(PdfTable([block.header, *block.rows], style=[("FONT", (0, 0), (-1, -1), font, 10)]))
        else:
            story.append(Paragraph(block, body))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=True, title=report.title).build(story)
    return out.getvalue()


def write_corpus(reports: list[GeneratedReport], directory: Path) -> list[Path]:
    """Each report as ``<key>.<ext>`` in its format, with ``<key>.gold.json`` beside it."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for report in reports:
        if report.format == "txt":
            path, data = directory / f"{report.key}.txt", report.text.encode("utf-8")
        elif report.format == "pdf":
            path, data = directory / f"{report.key}.pdf", render_pdf(report)
        else:
            path = directory / f"{report.key}.html"
            data = render_html(report, "gbk" if report.format == "html-gbk" else "utf-8")
        path.write_bytes(data)
        gold = report.gold | {
            "format": report.format,
            "phrasing": report.phrasing,
            "hints": {"title": report.title, "publisher": report.publisher, "published": report.published},
        }
        (directory / f"{report.key}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        written.append(path)
    return written


def main() -> None:  # python -m scrapers.bench.corpus N DIR
    import sys

    n, out = int(sys.argv[1]), Path(sys.argv[2])
    write_corpus(generate(n), out)
    print(f"wrote {n} reports to {out}")


if __name__ == "__main__":
    main()
