"""Bytes → str for HTML: BOM, then the page's own meta charset, then the HTTP header, then
strict UTF-8, then a detector.

The page's declaration wins over the header because legacy GBK systems sit behind proxies that
stamp `charset=utf-8` on everything, while the template's meta tag was written with the page.
A declaration that does not decode cleanly is skipped rather than trusted. GBK and GB2312 are
decoded as GB18030, their superset: pages declared GB2312 routinely contain GBK-only characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_GB_FAMILY = {"gbk", "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "euc-cn", "gb18030"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
SNIFF_BYTES = 4096


def normalize_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, GB family → gb18030; None if unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    if name in ("utf8", "unicode-1-1-utf-8"):
        name = "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "gb18030" if codec in ("gbk", "gb2312") else codec


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:SNIFF_BYTES])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def _try(body: bytes, charset: str | None) -> str | None:
    if charset is None:
        return None
    try:
        return body.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """Return (text, charset used). Never raises: the last resort decodes UTF-8 with replacement."""
    for bom, charset in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(charset, errors="replace"), charset
    for declared in (meta_charset(body), header_charset):
        charset = normalize_charset(declared)
        text = _try(body, charset)
        if text is not None and charset is not None:
            return text, charset
    text = _try(body, "utf-8")  # undeclared but valid UTF-8: GBK bytes almost never are
    if text is not None:
        return text, "utf-8"
    best = from_bytes(body).best()
    if best is not None:
        charset = normalize_charset(best.encoding) or best.encoding
        text = _try(body, charset)
        if text is not None:
            return text, charset
    return body.decode("gb18030", errors="replace"), "gb18030"
