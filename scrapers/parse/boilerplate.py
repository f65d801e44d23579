"""Page chrome that is not the report: breadcrumbs, font-size switches, print/close/share links,
login prompts, footers.

Two passes. Before content selection, elements that are chrome by markup (nav/header/footer, or a
class/id such as `breadcrumb`, `footer`, `share`) are removed, so they cannot win the density
contest. After rendering, lines carrying chrome markers are dropped when they are short (or
footer-sized with several markers) and do not read like a sentence: a report paragraph that
mentions "网站标识码" in passing must survive.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

CHROME_TAGS = ("nav", "header", "footer", "aside")
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_\-])(?:footer|foot|bottom|breadcrumbs?|crumbs?|position|location|dqwz|share|bdshare|print|"
    r"login|navbar|nav|menu|copyright|banquan|toolbar|fontsize|zihao|sidebar)(?:$|[\s_\-\d])",
    re.IGNORECASE,
)
# A line that *starts* like this is chrome whatever else it says.
_CHROME_PREFIX = re.compile(r"^(?:当前位置|您现在的位置|您的位置|你的位置|所在位置|位置)\s*[:：>]")
# A short line containing one of these is chrome.
_CHROME_MARKERS = re.compile(
    r"打印本页|【\s*打印\s*】|\[\s*打印\s*\]|打印此页|关闭窗口|【\s*关闭\s*】|\[\s*关闭\s*\]|分享到|"
    r"用户登录|立即注册|还没有账号|忘记密码|ICP\s*备|ICP\s*证|网站标识码|公网安备|版权所有|主办单位|"
    r"承办单位|技术支持|Produced\s+By|网站地图|联系我们|扫一扫在手机|收藏本页|返回顶部|"
    r"(?:字号|字体)[^大]{0,6}大[^中]{0,4}中[^小]{0,4}小",
    re.IGNORECASE,
)
MAX_CHROME_CHARS = 300
SHORT_LINE = 60  # characters: one marker in a line this short makes it chrome
FOOTER_LINE = 200  # footers pack several markers (主办单位 … ICP备 … 网站标识码) into one long line
SENTENCE_MIN = 30


def strip_chrome_elements(root: BeautifulSoup | Tag) -> None:
    """Remove elements that are chrome by their markup (in place)."""
    for tag in root.find_all(CHROME_TAGS):
        tag.decompose()
    for tag in root.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        attrs = getattr(tag, "attrs", None) or {}
        classes = attrs.get("class") or []
        label = " ".join([*classes, attrs.get("id") or ""]) if isinstance(classes, list) else str(classes)
        if label and _CHROME_ATTR.search(label) and _looks_like_chrome(tag):
            tag.decompose()


def _looks_like_chrome(tag: Tag) -> bool:
    """A class name alone is weak evidence (`position-relative` wraps whole articles): only
    short or link-heavy elements are removed."""
    text = tag.get_text(" ", strip=True)
    if len(text) < MAX_CHROME_CHARS:
        return True
    link_chars = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return link_chars / len(text) > 0.5


def is_chrome_line(line: str) -> bool:
    """Breadcrumb prefix: chrome. Otherwise a line ending like a sentence is prose; a short line
    with a marker, or a footer-length line with several, is chrome."""
    if _CHROME_PREFIX.match(line):
        return True
    if line.endswith(("。", "！", "；")) and len(line) > SENTENCE_MIN:
        return False
    markers = len(set(_CHROME_MARKERS.findall(line)))
    return (markers >= 1 and len(line) <= SHORT_LINE) or (markers >= 2 and len(line) <= FOOTER_LINE)


def strip_chrome_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if not is_chrome_line(line)]
