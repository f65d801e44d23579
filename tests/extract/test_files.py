"""``govreports extract FILE.txt``: the extractor on files on disk."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from scrapers.extract.files import docx_text, extract_files


def test_extract_text_file_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("某县人民政府关于2022年度法治政府建设情况的报告\n全年共受理行政复议申请10件。\n",
                    encoding="gb18030")
    out, err = io.StringIO(), io.StringIO()
    assert extract_files([path], "jsonl", out, err) == 0
    record = json.loads(out.getvalue())
    assert record["document"]["report_year"] == 2022
    assert [(f["metric"], f["value"]) for f in record["facts"]] == [("reconsideration.accepted", 10)]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert extract_files([tmp_path / "nope.txt"], "table", out, err) == 1
    assert "nope.txt" in err.getvalue()


_DOCX_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body_xml: str) -> bytes:
    """A minimal .docx: [Content_Types].xml and word/document.xml are all a reader needs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("word/document.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_DOCX_NS}">'
                         f"<w:body>{body_xml}</w:body></w:document>")
    return buffer.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _row(*cells: str, spans: dict[int, int] | None = None) -> str:
    out = []
    for index, cell in enumerate(cells):
        span = (spans or {}).get(index)
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else ""
        out.append(f"<w:tc>{props}{_p(cell)}</w:tc>")
    return "<w:tr>" + "".join(out) + "</w:tr>"


def test_docx_paragraphs_and_table(tmp_path: Path) -> None:
    body = (_p("某县人民政府关于2022年度法治政府建设情况的报告")
            + "<w:p><w:r><w:t>全年共收到行政复议申请</w:t></w:r><w:r><w:t>10件。</w:t></w:r></w:p>"
            + "<w:tbl>" + _row("", "行政复议", "行政诉讼", spans={1: 2, 2: 2})
            + _row("", "受理", "审结", "收到", "审结") + _row("合计", "9", "8", "5", "4") + "</w:tbl>"
            + _p("全年无败诉案件。"))
    path = tmp_path / "report.docx"
    path.write_bytes(_docx(body))
    text = docx_text(path.read_bytes())
    assert "\t行政复议\t\t行政诉讼" in text and "合计\t9\t8\t5\t4" in text
    out, err = io.StringIO(), io.StringIO()
    assert extract_files([path], "jsonl", out, err) == 0, err.getvalue()
    record = json.loads(out.getvalue())
    assert record["document"]["report_year"] == 2022
    assert sorted((f["metric"], f["value"]) for f in record["facts"]) == [
        ("litigation.cases", 5), ("litigation.concluded", 4), ("litigation.lost", 0),
        ("reconsideration.accepted", 9), ("reconsideration.concluded", 8), ("reconsideration.received", 10)]
    for fact in record["facts"]:
        assert text[fact["start"]:fact["end"]] == fact["evidence"]


def test_unreadable_files_are_reported_and_the_others_still_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("某县人民政府关于2022年度法治政府建设情况的报告\n全年共受理行政复议申请10件。\n",
                    encoding="utf-8")
    broken_docx = tmp_path / "broken.docx"
    broken_docx.write_bytes(b"PK\x03\x04 this is not really a zip")
    no_document = tmp_path / "empty.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/styles.xml", "<x/>")
    no_document.write_bytes(buffer.getvalue())
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    wps = tmp_path / "old.wps"
    wps.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    ofd = tmp_path / "report.ofd"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
    ofd.write_bytes(buffer.getvalue())
    image = tmp_path / "scan.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    files = [broken_docx, no_document, doc, good, wps, ofd, image]
    out, err = io.StringIO(), io.StringIO()
    assert extract_files(files, "jsonl", out, err) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 6
    assert lines[5] == f"{image}: unsupported format: binary data, not text"
    assert lines[0].startswith(f"{broken_docx}: not a valid .docx")
    assert lines[1].startswith(f"{no_document}: not a valid .docx")
    assert lines[2] == f"{doc}: unsupported format: binary Word (.doc); convert it to .docx or PDF"
    assert lines[3] == f"{wps}: unsupported format: WPS; convert it to .docx or PDF"
    assert lines[4] == f"{ofd}: unsupported format: OFD; convert it to .docx or PDF"
    # Exactly one record per file, in order; the unreadable ones carry the same message as `error`.
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["file"] for r in records] == [str(f) for f in files]
    assert [("error" in r) for r in records] == [f != good for f in files]
    assert records[2]["error"] == "unsupported format: binary Word (.doc); convert it to .docx or PDF"
    assert records[3]["facts"]
