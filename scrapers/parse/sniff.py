"""What a body is, by its bytes: servers label PDFs as text/html and pages as octet-stream, and
file extensions on portals lie, so magic bytes decide and Content-Type only breaks ties."""

from __future__ import annotations

import io
import re
import zipfile

Format = str  # 'html' | 'pdf' | 'docx' | 'doc' | 'ofd' | 'binary' | 'unknown'

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


# Bytes that never occur in text (NUL and C0 controls other than tab, newlines, form feed, ESC).
_BINARY_BYTES = (
    frozenset(range(0x00, 0x09))
    | {0x0B, 0x0E, 0x0F}
    | frozenset(range(0x10, 0x1B))
    | {0x1C, 0x1D, 0x1E, 0x1F}
)


def looks_binary(head: bytes) -> bool:
    """An image, archive or executable served as text/html: NUL bytes, or many control bytes."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _BINARY_BYTES)
    return controls / len(head) > 0.02


def sniff_format(body: bytes, content_type: str | None) -> Format:
    """'html' | 'pdf' | 'docx' | 'doc' | 'ofd' | 'binary' | 'unknown', magic bytes first. A body
    labelled text/html that is not text at all is 'binary', never 'html'."""
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
    if looks_binary(head):
        return "binary"
    return _by_type(content_type)


def _by_type(content_type: str | None) -> Format:
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    return "unknown"
