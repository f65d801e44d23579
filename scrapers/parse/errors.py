"""Why a body could not be turned into text; `reason` becomes `Failure.reason` (stage "parse")."""

from __future__ import annotations

NEEDS_OCR = "needs_ocr"  # a PDF without a text layer (a scan)
ENCRYPTED = "encrypted"
CORRUPT_PDF = "corrupt_pdf"
CORRUPT_DOCX = "corrupt_docx"
NOT_HTML = "not_html"  # parse_page was handed a PDF / DOCX / ... (see sniff_format)


class ParseError(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
