"""`govreports ingest` shows per-source progress on stderr when it is a terminal, nothing otherwise."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import yaml

from scrapers.cli import main
from scrapers.fetch.progress import ProgressDisplay, listening, notify
from scrapers.records import FetchAttempt


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _attempt(url: str, error: str | None = None) -> FetchAttempt:
    return FetchAttempt(
        source="s",
        url=url,
        requested_at="2024-01-01T00:00:00+00:00",
        status=200,
        sha256=None,
        content_type=None,
        size=None,
        elapsed_ms=1,
        not_modified=False,
        error=error,
    )


def test_display_counts_requests_and_failures_per_source():
    out = FakeTerminal()
    display = ProgressDisplay(out, min_interval=0)
    with display.attached():
        display.start_source(1, 2, "deqing")
        notify(_attempt("http://a/1.html"))
        notify(_attempt("http://a/2.html", error="http_404: Not Found"))
        display.finish_source({"discover": {"candidates": 3}, "fetch": {"fetched": 2, "failed": 1}})
    text = out.getvalue()
    assert "[1/2] deqing  2 requests, 1 failed  http://a/2.html" in text
    assert (
        text.rstrip("\n").endswith("(2 requests, 0.0 s)")
        or "3 candidates, 2 fetched, 0 new, 1 failed" in text
    )
    assert text.endswith("\n") and "\r" in text


def test_display_is_silent_when_not_a_terminal():
    out = io.StringIO()
    display = ProgressDisplay(out)
    with display.attached():
        display.start_source(1, 1, "x")
        notify(_attempt("http://a/1.html"))
        display.finish_source({})
    assert out.getvalue() == ""


def test_a_broken_listener_never_breaks_a_fetch():
    def broken(attempt: FetchAttempt) -> None:
        raise RuntimeError("display gone")

    with listening(broken):
        notify(_attempt("http://a/1.html"))


@pytest.fixture
def tiny_registry(server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    server.html("/l.html", '<a href="/r.html">某县2023年法治政府建设情况报告</a>')
    server.html("/r.html", "<html><body><p>" + "某县2023年法治政府建设情况报告。" * 20 + "</p></body></html>")
    entry = {
        "name": "tiny",
        "publisher": "某县人民政府",
        "platform": "generic",
        "entry_urls": [server.url + "/l.html"],
        "allowed_hosts": ["127.0.0.1"],
        "allow_private_network": True,
        "delay_s": 0,
    }
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"sources": [entry]}, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("GOVREPORTS_SOURCES", str(path))


def test_ingest_shows_progress_on_a_terminal(tiny_registry, monkeypatch, capsys):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["ingest"]) == 0
    assert "[1/1] tiny  1 candidates, 1 fetched, 1 new, 0 failed" in terminal.getvalue()
    assert '"documents": 1' in capsys.readouterr().out


def test_ingest_is_quiet_otherwise(tiny_registry, capsys):
    assert main(["ingest"]) == 0
    assert capsys.readouterr().err == ""
