"""Text from PDF reports (pdfplumber).

Three outcomes that are not text get their own reason, because each calls for a different next
step: `needs_ocr` (a scan: queue for OCR), `encrypted` (look for another copy), `corrupt_pdf`
(re-fetch; often a truncated download or an HTML error page saved as .pdf).
"""

from __future__ import annotations

import io
import logging

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from scrapers.parse.errors import CORRUPT_PDF, ENCRYPTED, NEEDS_OCR, ParseError

MIN_TEXT_CHARS = 20  # fewer visible characters over the whole file: a scan with a stray page number
PAGE_BREAK = "\n"

# pdfminer logs a warning per odd object; a crawl over thousands of PDFs does not need them.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _classify(exc: BaseException) -> ParseError:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            return ParseError(ENCRYPTED, str(cause) or type(cause).__name__)
        nested = cause.args[0] if isinstance(cause, PdfminerException) and cause.args else None
        cause = nested if isinstance(nested, BaseException) else cause.__cause__
    return ParseError(CORRUPT_PDF, f"{type(exc).__name__}: {exc}")


def pdf_text(body: bytes) -> str:
    """Text of every page, pages separated by a newline; raise ParseError when there is none."""
    if not body.lstrip()[:1024].count(b"%PDF-"):
        raise ParseError(CORRUPT_PDF, "no %PDF- header")
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(body)) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
    except (PdfminerException, PDFSyntaxError, PSException, PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise _classify(exc) from exc
    except (ValueError, KeyError, TypeError, AssertionError, IndexError) as exc:
        # pdfminer surfaces damaged cross-reference tables and streams as plain Python errors.
        raise ParseError(CORRUPT_PDF, f"{type(exc).__name__}: {exc}") from exc
    text = PAGE_BREAK.join(page.strip("\n") for page in pages).strip()
    if sum(1 for ch in text if not ch.isspace()) < MIN_TEXT_CHARS:
        raise ParseError(NEEDS_OCR, f"{len(pages)} page(s), no text layer")
    return text
