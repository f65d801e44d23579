"""``govreports extract FILE.txt``: the extractor on files on disk."""

from __future__ import annotations

import io
import json
from pathlib import Path

from scrapers.extract.files import extract_files


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
