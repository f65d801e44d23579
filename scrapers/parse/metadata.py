"""What a page says about itself: standard meta tags and the 信息公开 metadata block.

Meta tags (政府网站发展指引) are machine-written but sloppy: attribute order, case and spacing vary and
`content` can be empty, so names are compared case-insensitively and empty values count as absent.

The metadata block is human-laid-out: a table, a list, `label：value` lines, several pairs on one
line, labels spaced out (`索 引 号`, full-width spaces) or prefixed (`文件成文日期`). Rather than
guessing the layout, every known label (wanted or not) is located in the rendered lines and a value
runs from its label to the next label. A label only counts when a colon or a cell boundary follows
it, which keeps body sentences such as "发布日期为…" out.
"""

from __future__ import annotations

import re
from dataclasses import fields

from bs4 import BeautifulSoup

from scrapers.parse.lines import render_lines
from scrapers.records import PageMetadata

META_FIELDS: dict[str, str] = {
    "sitename": "site_name",
    "sitedomain": "site_domain",
    "siteidcode": "site_id_code",
    "columnname": "column_name",
    "articletitle": "article_title",
    "pubdate": "pub_date",
    "contentsource": "content_source",
}

# Wanted labels → PageMetadata field. Synonyms seen on real portals.
BLOCK_LABELS: dict[str, str] = {
    "索引号": "index_no",
    "发布机构": "issuing_org",
    "发文机关": "issuing_org",
    "发文单位": "issuing_org",
    "发布单位": "issuing_org",
    "成文日期": "doc_date",
    "生成日期": "doc_date",
    "发文日期": "doc_date",
    "文件成文日期": "doc_date",
    "发布日期": "publish_date",
    "公开日期": "publish_date",
    "公开发布日期": "publish_date",
    "文件公开发布日期": "publish_date",
    "发布时间": "publish_date",
    "时间": "publish_date",  # legacy info lines: 时间：2019-01-31 来源：… 点击：
    "文号": "doc_number",
    "发文字号": "doc_number",
    "文件发文字号": "doc_number",
    "文件编号": "doc_number",
}
# Labels we do not keep but must recognise, so that they end the previous value.
OTHER_LABELS = (
    "主题分类", "组配分类", "体裁分类", "服务对象分类", "主题词", "关键词", "分类", "公开方式", "公开时限",
    "公开范围", "公开形式", "有效性", "名称", "标题", "文件名称", "信息名称", "文件所属单位", "公文种类",
    "文件类型", "文件状态", "文件废止时间", "文件失效时间", "文件开始实施的时间", "实施日期", "生效日期",
    "废止日期", "失效日期", "信息来源", "来源", "作者", "浏览次数", "点击数", "点击", "访问量", "阅读次数",
    "字号", "所属机构",
)  # fmt: skip

_GAP = "[ \u3000\xa0]*"
_CJK = "\u4e00-\u9fff"


def _label_pattern(label: str) -> str:
    return _GAP.join(re.escape(ch) for ch in label)


_ALL_LABELS = sorted({*BLOCK_LABELS, *OTHER_LABELS}, key=len, reverse=True)
LABEL_RE = re.compile(
    rf"(?<![{_CJK}])(?P<label>{'|'.join(_label_pattern(label) for label in _ALL_LABELS)})"
    rf"{_GAP}(?P<end>[:：]|\t|$)"
)
_STRIP = " \t\u3000\xa0:：;；,，|｜"
MAX_VALUE_CHARS = 120  # longer is body text, not a metadata value
_META_NAME_SPACES = re.compile(r"[\s_\-]+")


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """Standard meta tags → PageMetadata field names; the first non-empty value of each wins."""
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        attrs = {str(k).lower(): v for k, v in tag.attrs.items()}
        name = attrs.get("name") or attrs.get("property")
        content = attrs.get("content")
        if isinstance(name, list):
            name = " ".join(name)
        if isinstance(content, list):
            content = " ".join(content)
        if not name or content is None:
            continue
        key = META_FIELDS.get(_META_NAME_SPACES.sub("", name).lower())
        value = " ".join(str(content).split())
        if key and value and key not in found:
            found[key] = value
    return found


def _normalize_label(raw: str) -> str:
    return re.sub(r"[ \u3000\xa0]", "", raw)


def metadata_block(lines: list[str]) -> dict[str, str]:
    """Labelled values from rendered lines (cells separated by TAB) → PageMetadata field names."""
    found: dict[str, str] = {}
    for index, line in enumerate(lines):
        matches = list(LABEL_RE.finditer(line))
        for position, match in enumerate(matches):
            key = BLOCK_LABELS.get(_normalize_label(match.group("label")))
            if key is None or key in found:
                continue
            stop = matches[position + 1].start() if position + 1 < len(matches) else len(line)
            value = line[match.end() : stop].strip(_STRIP)
            alone = len(matches) == 1 and not line[: match.start()].strip(_STRIP) and not value
            if alone and index + 1 < len(lines) and not LABEL_RE.search(lines[index + 1]):
                # `<div>索引号：</div><div>value</div>`: the value is the next line.
                value = lines[index + 1].strip(_STRIP)
            if value and len(value) <= MAX_VALUE_CHARS:
                found[key] = value
    return found


def extract_metadata(soup: BeautifulSoup, lines: list[str] | None = None) -> PageMetadata:
    """Meta tags and metadata block combined into one PageMetadata."""
    values = meta_tags(soup)
    values.update(metadata_block(lines if lines is not None else render_lines(soup)))
    known = {f.name for f in fields(PageMetadata)}
    return PageMetadata(**{k: v for k, v in values.items() if k in known})
