"""DOM → lines of text, the one rendering every parse step works on.

Block elements end a line (so paragraph breaks survive as "\n"), table and definition cells are
separated by a cell separator (so a `<td>索引号</td><td>…</td>` row reads as "label<TAB>value"),
scripts, styles and comments vanish. Whitespace runs inside a line collapse to one space.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
        "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot",
        "tr", "ul", "title",
    }
)  # fmt: skip
CELL_TAGS = frozenset({"td", "th", "dt", "dd"})
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "svg", "select", "button"}
)
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0]+")
CELL = "\t"


def _walk(node: Tag, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, _SKIP_STRINGS):
                out.append(_SPACES.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower() if child.name else ""
        if name in SKIP_TAGS:
            continue
        if name == "br":
            out.append("\n")
            continue
        if name in CELL_TAGS:
            out.append(CELL)
            _walk(child, out)
            out.append(CELL)
            continue
        block = name in BLOCK_TAGS
        if block:
            out.append("\n")
        _walk(child, out)
        if block:
            out.append("\n")


def render_lines(node: Tag | BeautifulSoup, *, cell_sep: str = CELL) -> list[str]:
    """Non-empty lines of `node`'s visible text; cells joined by `cell_sep`."""
    out: list[str] = []
    _walk(node, out)
    lines: list[str] = []
    for raw in "".join(out).split("\n"):
        cells = [c.strip(" \u3000") for c in raw.split(CELL)]
        line = cell_sep.join(c for c in cells if c)
        line = line.strip(" \u3000")
        if line:
            lines.append(line)
    return lines
