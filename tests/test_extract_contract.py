"""`govreports extract`: the exact JSON contract, and agreement with the pipeline.

Outside tooling reads the JSON lines, so their keys are pinned here. And the warehouse and the
command must never disagree: every HTML report the pipeline stored from the bundled portal is run
through the command again, and the figures must be the same, evidence and offsets included.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from unittest import mock

import pytest

from scrapers.archive.server import ArchiveServer
from scrapers.cli import main
from scrapers.extract.files import extract_files
from scrapers.fetch import RawStore
from scrapers.pipeline import run_source
from scrapers.reportstore import ReportStore
from scrapers.sources import load_sources

DOCUMENT_KEYS = {"title", "publisher", "published", "report_year", "doc_type", "jurisdiction"}
JURISDICTION_KEYS = {"province", "city", "county", "code"}
FACT_KEYS = {"metric", "value", "unit", "qualifier", "year", "evidence", "start", "end"}


def test_jsonl_record_has_exactly_the_contract_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "某县司法局关于2022年度法治政府建设情况的报告\n全年受理行政复议申请10件。\n", encoding="utf-8"
    )
    assert main(["extract", "--format", "jsonl", str(path)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert set(record) == {"file", "document", "facts", "warnings"}
    assert record["file"] == str(path)
    assert set(record["document"]) == DOCUMENT_KEYS
    assert set(record["document"]["jurisdiction"]) == JURISDICTION_KEYS
    assert record["facts"] and all(set(fact) == FACT_KEYS for fact in record["facts"])


def test_an_unreadable_file_gets_an_error_line_and_exit_1(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.doc"
    good.write_text("全年受理行政复议申请10件。", encoding="utf-8")
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))  # an OLE2 (.doc) header
    out, err = io.StringIO(), io.StringIO()
    assert extract_files([bad, good], "jsonl", out, err) == 1
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["file"] for r in records] == [str(bad), str(good)]
    assert "error" in records[0] and "error" not in records[1]
    assert "bad.doc" in err.getvalue()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("agree") / "data"
    with ArchiveServer() as archive, mock.patch.dict(os.environ, {"GOVREPORTS_ARCHIVE_URL": archive.url}):
        for source in load_sources():
            run_source(source, data)
    return data


def test_the_command_and_the_pipeline_never_disagree(crawled: Path, tmp_path: Path) -> None:
    raw = RawStore(crawled)
    compared = 0
    for source in _sources():
        for record in ReportStore(crawled, source.name):
            if record["text_source"] != "html":
                continue  # a PDF behind a cover page: the command is given the PDF, not the page
            page = tmp_path / f"{record['report_id']}.html"
            page.write_bytes(raw.get(record["raw_sha256"]))
            out = io.StringIO()
            assert extract_files([page], "jsonl", out, io.StringIO()) == 0
            command = json.loads(out.getvalue())
            assert command["facts"] == record["facts"], record["url"]
            for field in ("title", "published", "report_year", "doc_type"):
                assert command["document"][field] == record["document"][field], (record["url"], field)
            compared += 1
    assert compared >= 10


def _sources():
    with mock.patch.dict(os.environ, {"GOVREPORTS_ARCHIVE_URL": "http://127.0.0.1:1"}):
        return load_sources()
