"""Which text a fetched document's report is read from: the page, or the attachment it covers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from scrapers import pipeline
from scrapers.fetch import RawStore

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COVER = "<html><body><div class='content'><p>附件：2023年度法治政府建设情况报告</p></div></body></html>"


def _docx(paragraph: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body>'
            f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>"
            "</w:body></w:document>",
        )
    return buffer.getvalue()


def _document(
    store: RawStore, body: bytes, attachments: list[bytes], content_type: str = "text/html"
) -> dict:
    return {
        "sha256": store.put(body),
        "content_type": content_type,
        "final_url": "http://127.0.0.1/a/1.html",
        "attachments": [
            {"url": f"http://127.0.0.1/a/{i}", "sha256": store.put(a), "content_type": None}
            for i, a in enumerate(attachments)
        ],
    }


@pytest.fixture
def store(tmp_path: Path) -> RawStore:
    return RawStore(tmp_path)


def test_a_docx_attachment_behind_a_cover_page_is_the_report(store: RawStore) -> None:
    document = _document(store, COVER.encode(), [_docx("全年受理行政复议申请46件。")])
    text, source, page = pipeline.document_text(document, store)
    assert (text.strip(), source) == ("全年受理行政复议申请46件。", "docx")
    assert page is not None


def test_a_docx_served_directly_is_read(store: RawStore) -> None:
    document = _document(store, _docx("行政应诉案件30件。"), [], content_type="application/octet-stream")
    text, source, _ = pipeline.document_text(document, store)
    assert (text.strip(), source) == ("行政应诉案件30件。", "docx")


def test_a_short_page_without_attachments_is_its_own_report(store: RawStore) -> None:
    document = _document(store, COVER.replace("附件：", "").encode(), [])
    text, source, _ = pipeline.document_text(document, store)
    assert source == "html" and "法治政府建设" in text


def test_a_broken_docx_attachment_fails_with_its_own_reason(store: RawStore) -> None:
    document = _document(store, COVER.encode(), [b"PK\x03\x04 not a zip at all"])
    with pytest.raises(pipeline._NoText) as excinfo:
        pipeline.document_text(document, store)
    assert excinfo.value.reason in {"corrupt_docx", "unsupported_format"}
