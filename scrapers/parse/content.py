"""Find the main content of a detail page.

Platform markers first, because they are exact: TRS WCM puts the article in `.TRS_Editor`
(`TRS_UEDITOR` in newer templates), Hanweb JCMS between `<!--ZJEG_RSS.content.begin-->` and
`<!--ZJEG_RSS.content.end-->`, gkmlpt content pages (`/gkmlpt/content/…`) in `.article-content`
(below the `.classify` table of 索引号, 发布机构 …). Everything else gets a text-density
heuristic in the spirit of Readability: leaf text blocks vote for their parent (and half a vote
for their grandparent) with a score that grows with length and Chinese punctuation, discounted by
link density, so the element holding the prose wins over menus, link lists and footers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from scrapers.parse.boilerplate import strip_chrome_elements
from scrapers.parse.lines import BLOCK_TAGS, CELL_TAGS, SKIP_TAGS

ZJEG_BLOCK = re.compile(
    r"<!--\s*ZJEG_RSS\.content\.begin\s*-->(.*?)<!--\s*ZJEG_RSS\.content\.end\s*-->",
    re.IGNORECASE | re.DOTALL,
)
TRS_CLASS = re.compile(r"^trs_(?:u?editor)$", re.IGNORECASE)
MIN_PARAGRAPH_CHARS = 20
_PUNCT = re.compile(r"[，。；、,;]")
_CONTAINER_TAGS = BLOCK_TAGS | CELL_TAGS


@dataclass
class ContentRoots:
    roots: list[Tag]
    method: str  # "trs_editor" | "zjeg_rss" | "gkmlpt" | "density" | "body"


def _outermost(tags: list[Tag]) -> list[Tag]:
    chosen = set(map(id, tags))
    return [tag for tag in tags if not any(id(parent) in chosen for parent in tag.parents)]


def trs_roots(soup: BeautifulSoup) -> list[Tag]:
    tags = [
        tag
        for tag in soup.find_all(True)
        if any(TRS_CLASS.match(c) for c in (tag.get("class") or []) if isinstance(c, str))
    ]
    return _outermost(tags)


def zjeg_fragments(html: str) -> list[str]:
    return [m.group(1) for m in ZJEG_BLOCK.finditer(html) if m.group(1).strip()]


def _link_density(tag: Tag, text_len: int) -> float:
    if text_len == 0:
        return 1.0
    link_chars = sum(len(a.get_text(strip=True)) for a in tag.find_all("a"))
    return min(1.0, link_chars / text_len)


def _is_leaf_block(tag: Tag) -> bool:
    if tag.name not in _CONTAINER_TAGS:
        return False
    return tag.find(lambda t: t.name in _CONTAINER_TAGS) is None


def density_root(root: BeautifulSoup | Tag) -> Tag | None:
    """The element whose leaf blocks carry the most prose (None if nothing qualifies)."""
    scores: dict[int, float] = {}
    by_id: dict[int, Tag] = {}
    for leaf in root.find_all(_is_leaf_block):
        if any(p.name in SKIP_TAGS for p in leaf.parents):
            continue
        text = leaf.get_text("", strip=True)
        if len(text) < MIN_PARAGRAPH_CHARS:
            continue
        score = (1 + len(_PUNCT.findall(text)) + min(len(text) / 100, 3)) * (
            1 - _link_density(leaf, len(text))
        )
        parent = leaf.parent
        for weight, target in ((1.0, parent), (0.5, parent.parent if parent else None)):
            if isinstance(target, Tag) and target.name not in ("[document]", "html"):
                by_id[id(target)] = target
                scores[id(target)] = scores.get(id(target), 0.0) + score * weight
    if not scores:
        return None
    best = max(scores, key=lambda key: scores[key])
    return by_id[best]


def gkmlpt_roots(soup: BeautifulSoup, url: str) -> list[Tag]:
    if "/gkmlpt/" not in urlsplit(url).path:
        return []
    return _outermost(soup.find_all(class_="article-content"))


def find_content(soup: BeautifulSoup, html: str, url: str = "") -> ContentRoots:
    """Pick the content root(s). May modify `soup` (chrome removal) in the density case."""
    roots = trs_roots(soup)
    if roots:
        return ContentRoots(roots, "trs_editor")
    fragments = zjeg_fragments(html)
    if fragments:
        return ContentRoots([BeautifulSoup(f, "lxml") for f in fragments], "zjeg_rss")
    roots = gkmlpt_roots(soup, url)
    if roots:
        return ContentRoots(roots, "gkmlpt")
    strip_chrome_elements(soup)
    best = density_root(soup)
    if best is not None:
        return ContentRoots([best], "density")
    body = soup.body or soup
    return ContentRoots([body], "body")
