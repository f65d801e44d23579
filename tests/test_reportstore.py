"""The per-report folder: stable ids, atomic writes, the URL index."""

from __future__ import annotations

from pathlib import Path

from scrapers.reportstore import ReportStore, report_id_for, write_atomic


def test_report_id_ignores_whitespace_differences() -> None:
    assert report_id_for("一、总体情况\n\n  全年受理 12 件。") == report_id_for(
        "一、总体情况 全年受理 12 件。"
    )


def test_report_id_differs_for_different_text() -> None:
    assert report_id_for("受理12件") != report_id_for("受理13件")


def test_saved_report_reads_back_with_its_text(tmp_path: Path) -> None:
    store = ReportStore(tmp_path, "src")
    store.save({"report_id": "abc", "facts": []}, "正文")
    assert store.load("abc") == {"report_id": "abc", "facts": []}
    assert store.text("abc") == "正文"
    assert [r["report_id"] for r in store] == ["abc"]


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.json"
    write_atomic(target, b"{}")
    write_atomic(target, b"[]")
    assert target.read_bytes() == b"[]"
    assert [p.name for p in target.parent.iterdir()] == ["b.json"]


def test_url_index_round_trips(tmp_path: Path) -> None:
    store = ReportStore(tmp_path, "src")
    assert store.url_index() == {}
    store.save_url_index({"http://x/1.html": "abc"})
    assert store.url_index() == {"http://x/1.html": "abc"}
