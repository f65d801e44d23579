"""`govreports sources check NAME`: what a user adding a portal reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scrapers.cli import main
from scrapers.sources.check import check_source, format_check


def _registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **source) -> Path:
    entry = {
        "name": "new-portal",
        "publisher": "某县人民政府",
        "allowed_hosts": ["127.0.0.1"],
        "allow_private_network": True,
        "delay_s": 0,
    } | source
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"sources": [entry]}, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("GOVREPORTS_SOURCES", str(path))
    return path


def test_check_shows_platform_pages_candidates_and_skipped(server, make_source, fixture_text):
    entry = server.html("/fzzf/index.html", fixture_text("trs_list_index.html"))
    server.html("/fzzf/index_1.html", fixture_text("trs_list_index_1.html"))
    server.html("/fzzf/index_2.html", fixture_text("trs_list_index_2.html"))
    result = check_source(make_source(platform="trs", entry_urls=[entry]))
    assert result.entries[0].detection.platform == "trs"
    assert len(result.discovery.pages_seen) == 3 and result.discovery.candidates
    text = format_check(result)
    assert "looks like: trs (createPageHTML pager" in text and "matches the configuration" in text
    assert "candidate reports (4):" in text and "2024-03-28  潍坊市2023年法治政府建设情况报告" in text
    assert "skipped by the title filters" in text and "[title_exclude: 通知]" in text
    assert "host_not_allowed" in text  # the mirror copy on another host


def test_check_leaves_no_trace_in_the_data_dir(server, make_source, data_dir):
    entry = server.html("/l.html", '<a href="/r.html">2023年法治政府建设情况报告</a>')
    check_source(make_source(entry_urls=[entry]))
    assert not data_dir.exists()


def test_check_flags_a_platform_that_does_not_match(server, make_source, fixture_text):
    entry = server.html("/col/col4521/index.html", fixture_text("hanweb_column.html"))
    result = check_source(make_source(platform="generic", entry_urls=[entry]))
    assert not result.ok
    assert "set platform: hanweb?" in format_check(result)


def test_check_with_no_candidates_says_so(server, make_source):
    entry = server.html("/l.html", '<a href="/n.html">关于法治政府建设的通知</a>')
    result = check_source(make_source(entry_urls=[entry]))
    text = format_check(result)
    assert not result.ok and "NO CANDIDATES" in text and "关于法治政府建设的通知" in text


def test_check_entry_page_that_fails(server, make_source):
    result = check_source(make_source(entry_urls=[server.url + "/gone.html"]))
    text = format_check(result)
    assert "could not fetch it: http_404" in text and "http_404" in text.split("failures (1):")[1]


def test_cli_sources_check_exit_codes(server, tmp_path, monkeypatch, capsys):
    entry = server.html("/l.html", '<a href="/r.html">2023年法治政府建设情况报告</a>')
    _registry(tmp_path, monkeypatch, platform="generic", entry_urls=[entry])
    assert main(["sources", "check", "new-portal"]) == 0
    assert "candidate reports (1):" in capsys.readouterr().out
    assert main(["sources", "check", "no-such-source"]) == 2
    assert "no source named" in capsys.readouterr().err


def test_cli_sources_check_starts_the_bundled_portal(monkeypatch, capsys):
    pytest.importorskip("scrapers.archive.server")
    monkeypatch.delenv("GOVREPORTS_ARCHIVE_URL", raising=False)
    monkeypatch.delenv("GOVREPORTS_SOURCES", raising=False)
    assert main(["sources", "check", "deqing"]) == 0
    captured = capsys.readouterr()
    assert "started the bundled portal" in captured.err
    assert "dataproxy.jsp?startrecord=5" in captured.out and "candidate reports (3):" in captured.out
