"""Read a seed report (a real page as once scraped) and recover the parts its page showed.

The seeds live outside the repository (`../shared/seeds`) and must never be copied into it, so the
bundled portal rebuilds their pages at run time. Scraping flattened each page into text: leading
breadcrumb and 信息公开 label/value lines, the title (sometimes split over lines), the body, and
bits of page chrome (login prompts, download boxes). This module splits a seed back into those
parts by general rules (label vocabulary, line shapes), not by a table of the seeds' own values, so
a seed added later gets a page too. The body keeps every defect of the scrape ("keep the damage").
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

SEEDS_ENV = "GOVREPORTS_SEEDS_DIR"
_REPO = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS_DIR = _REPO.parent / "shared" / "seeds"

# Labels of the 信息公开 metadata block and of the "时间/来源" info line, as portals print them.
# Longer labels first, so that 文件成文日期 wins over 成文日期 at the same position.
METADATA_LABELS: tuple[str, ...] = tuple(
    sorted(
        (
            "索引号",
            "分类",
            "主题分类",
            "组配分类",
            "体裁分类",
            "发布机构",
            "发文机关",
            "发文单位",
            "文件所属单位",
            "发文日期",
            "成文日期",
            "生成日期",
            "发布日期",
            "文件成文日期",
            "文件公开发布日期",
            "文件开始实施的时间",
            "文件状态",
            "文件废止时间",
            "文件失效时间",
            "名称",
            "文号",
            "发文字号",
            "文件发文字号",
            "公文种类",
            "文件类型",
            "公开方式",
            "公开时限",
            "有效性",
            "时间",
            "来源",
            "点击",
            "发布时间",
            "作者",
            "信息来源",
        ),
        key=len,
        reverse=True,
    )
)
# Labels whose values say when the page was published, best first.
DATE_LABELS = (
    "发布日期",
    "文件公开发布日期",
    "发布时间",
    "时间",
    "发文日期",
    "成文日期",
    "文件成文日期",
    "生成日期",
)
SOURCE_LABELS = ("来源", "信息来源", "发布机构", "发文机关", "发文单位")
TITLE_LABELS = ("名称",)
DOC_NUMBER_LABELS = ("文号", "发文字号", "文件发文字号")
# Labels that make a short "info line" under the title rather than a metadata table.
INFO_LINE_LABELS = frozenset({"时间", "来源", "点击", "发布时间", "作者", "信息来源"})

# Page chrome that scraping swept into the text: toolbars, login boxes, download boxes.
CHROME_PATTERNS = (
    re.compile(r"^字\s*号"),
    re.compile(r"打印本页|关闭窗口|分享到"),
    re.compile(r"^(用户登录|还没有账号[?？]?|立即注册|忘记密码)$"),
    re.compile(r"^文件(PDF|pdf)版(与|和)(word|Word|WORD)版$"),
)

_SPACE = "[ \u3000\u00a0]*"
_LABEL_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s•]))("
    + "|".join(_SPACE.join(re.escape(ch) for ch in label) for label in METADATA_LABELS)
    + f"){_SPACE}[:：]"
)
_BULLET = re.compile(r"^[\s•·●]+")
_BREADCRUMB = re.compile(r"^\s*当前位置\s*[:：]\s*(.*)$")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]+〔\d{4}〕\d+号$")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_BODY_MIN_CHARS = 90  # a line this long (or ending in 。) starts the body; headings are shorter
_SIGNATURE_MAX_CHARS = 30


@dataclass
class SeedDocument:
    """One seed, split into what its publisher page shows."""

    file: str
    title: str
    breadcrumb: list[str] = field(default_factory=list)  # 首页 > … as the seed shows it
    column_label: str | None = None  # a bare column name above the title (old layouts)
    metadata: list[tuple[str, str]] = field(default_factory=list)  # (label as written, value)
    lead: list[str] = field(default_factory=list)  # heading lines shown at the top of the content
    paragraphs: list[str] = field(default_factory=list)  # body, damage kept
    signature: list[str] = field(default_factory=list)  # trailing short lines (issuer, date)
    chrome_head: list[str] = field(default_factory=list)
    chrome_tail: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD, only when the seed shows one
    source: str | None = None  # 来源 / 发布机构 / 发文机关 when the seed names one
    doc_number: str | None = None

    @property
    def info_line(self) -> bool:
        """True when the metadata is a short 时间/来源 line rather than a 信息公开 table."""
        return bool(self.metadata) and all(_plain(label) in INFO_LINE_LABELS for label, _ in self.metadata)

    def value(self, *labels: str) -> str | None:
        """The first non-empty metadata value under any of `labels` (spacing in labels ignored)."""
        for wanted in labels:
            for label, value in self.metadata:
                if _plain(label) == wanted and value:
                    return value
        return None


def locate_seeds_dir(explicit: Path | None = None) -> Path | None:
    """The seeds folder: the argument, else $GOVREPORTS_SEEDS_DIR, else <repo>/../shared/seeds."""
    candidates = [explicit] if explicit is not None else []
    if os.environ.get(SEEDS_ENV):
        candidates.append(Path(os.environ[SEEDS_ENV]))
    candidates.append(DEFAULT_SEEDS_DIR)
    for candidate in candidates:
        if candidate is not None and candidate.is_dir():
            return candidate
    return None


def _plain(label: str) -> str:
    return re.sub(r"[\s\u3000\u00a0]", "", label)


def _is_chrome(line: str) -> bool:
    return any(pattern.search(line) for pattern in CHROME_PATTERNS)


def _metadata_pairs(line: str) -> list[tuple[str, str]]:
    """Split a label/value line (possibly several pairs per line) into pairs; [] if not one."""
    text = _BULLET.sub("", line).rstrip()
    matches = list(_LABEL_RE.finditer(text))
    if not matches or matches[0].start() != 0:
        return []
    pairs = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        label = match.group(1).strip()
        value = text[match.end() : end].strip().rstrip(";；").strip()
        pairs.append((label, value))
    return pairs


def normalize_date(text: str) -> str | None:
    """YYYY-MM-DD from 2019年02月22日 / 2021-12-31 / 2019/1/31, else None."""
    match = _DATE_CN.search(text) or _DATE_ISO.search(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_seed(text: str, file: str = "") -> SeedDocument:
    """Split a seed's text into breadcrumb, metadata, title, body and chrome."""
    lines = [line.rstrip() for line in text.splitlines()]
    doc = SeedDocument(file=file, title="")

    body_start = len(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or _is_chrome(stripped) or _metadata_pairs(line):
            continue
        if len(stripped) > _BODY_MIN_CHARS or stripped.endswith(("。", ":", "：")):
            body_start = index
            break

    headings: list[str] = []
    headings_before_metadata: list[str] | None = None
    for line in lines[:body_start]:
        stripped = line.strip()
        if not stripped:
            continue
        crumb = _BREADCRUMB.match(stripped)
        if crumb:
            doc.breadcrumb = [part.strip() for part in re.split(r"[>＞›»]", crumb.group(1)) if part.strip()]
        elif _is_chrome(stripped):
            doc.chrome_head.append(stripped)
        elif pairs := _metadata_pairs(line):
            if headings and headings_before_metadata is None:
                headings_before_metadata = list(headings)
            doc.metadata.extend(pairs)
        elif _DOC_NUMBER.match(stripped):
            doc.doc_number = doc.doc_number or stripped
            doc.lead.append(stripped)
        else:
            headings.append(stripped)
            doc.lead.append(stripped)

    named = doc.value(*TITLE_LABELS)
    if named:
        doc.title = named
        doc.lead = []
    elif headings_before_metadata:
        # Old layouts: column name, then the title, then a 时间/来源 line.
        doc.title = headings_before_metadata[-1]
        if len(headings_before_metadata) > 1:
            doc.column_label = headings_before_metadata[0]
        doc.lead = []
    elif len(headings) > 1:
        # A title printed over several lines inside the content (issuer / title / 文号).
        doc.title = "".join(headings)
    else:
        doc.title = headings[0] if headings else ""
        doc.lead = []

    body = [line.strip() for line in lines[body_start:]]
    while body and (not body[-1] or _is_chrome(body[-1])):
        if body[-1]:
            doc.chrome_tail.insert(0, body[-1])
        body.pop()
    body = [line for line in body if line]
    last_long = max((i for i, line in enumerate(body) if len(line) > _SIGNATURE_MAX_CHARS), default=-1)
    doc.paragraphs = body[: last_long + 1]
    doc.signature = body[last_long + 1 :]

    doc.doc_number = doc.value(*DOC_NUMBER_LABELS) or doc.doc_number
    doc.source = doc.value(*SOURCE_LABELS)
    for label in DATE_LABELS:
        value = doc.value(label)
        if value and (date := normalize_date(value)):
            doc.date = date
            break
    if doc.date is None:
        for line in reversed(doc.signature):
            if date := normalize_date(line):
                doc.date = date
                break
    return doc


def load_seed(seeds_dir: Path, file: str) -> SeedDocument | None:
    """Parse one seed file; None (with a warning) when it is missing."""
    path = seeds_dir / file
    if not path.is_file():
        log.warning("seed %s not found in %s: its page is left out", file, seeds_dir)
        return None
    return parse_seed(path.read_text(encoding="utf-8"), file)
