"""What a body is, by its bytes: servers label PDFs as text/html and pages as octet-stream, and
file extensions on portals lie, so magic bytes decide and Content-Type only breaks ties."""

from __future__ import annotations

import io
import re
import zipfile

Format = str  # 'html' | 'pdf' | 'docx' | 'doc' | 'ofd' | 'unknown'

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # DOC, WPS, XLS (compound file)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|script|div|table|p\b|link|style)",
    re.IGNORECASE | re.DOTALL,
)


def _zip_kind(body: bytes) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return "unknown"
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.rsplit("/", 1)[-1].upper() == "OFD.XML" for name in names):
        return "ofd"
    return "unknown"


def sniff_format(body: bytes, content_type: str | None) -> Format:
    """'html' | 'pdf' | 'docx' | 'doc' | 'ofd' | 'unknown', magic bytes first."""
    head = body[:1024]
    if b"%PDF-" in head:  # some servers prepend junk before the header; readers tolerate it
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(body)
    if head.startswith(_OLE):
        return "doc"
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
    if _HTML_START.match(head):
        return "html"
    return _by_type(content_type)


def _by_type(content_type: str | None) -> Format:
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    return "unknown"
