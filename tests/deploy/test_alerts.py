"""The failure alert (scrapers/alerts.py): a log line naming the source and the reason, and a JSON
POST to GOVREPORTS_ALERT_WEBHOOK, checked against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import ClassVar

import pytest

from scrapers.alerts import task_failed


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict]] = []
    status = 200

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(
            {"path": self.path, "type": self.headers["Content-Type"], "body": json.loads(body)}
        )
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[tuple[str, type[_Hook]]]:
    handler = type("Hook", (_Hook,), {"received": [], "status": 200})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks/secret-token", handler
    finally:
        server.shutdown()
        server.server_close()


def _context(**extra) -> dict:
    ti = SimpleNamespace(
        dag_id="ingest_reports",
        task_id="fetch",
        run_id="manual__2026-11-23",
        map_index=2,
        rendered_map_index="deqing",
        try_number=3,
        log_url="http://airflow/log",
    )
    return {"ti": ti, "exception": ConnectionError("http_503 from www.deqing.gov.cn"), **extra}


def test_alert_is_logged_and_posted_with_source_and_reason(webhook, caplog) -> None:
    url, hook = webhook
    with caplog.at_level(logging.ERROR, logger="govreports.alerts"):
        alert = task_failed(_context(), env={"GOVREPORTS_ALERT_WEBHOOK": url})
    assert alert.source == "deqing"
    assert alert.reason == "ConnectionError: http_503 from www.deqing.gov.cn"
    assert any("ingest_reports.fetch [source deqing]" in r.getMessage() for r in caplog.records)
    (request,) = hook.received
    assert request["path"] == "/hooks/secret-token"
    assert request["type"].startswith("application/json")
    payload = request["body"]
    assert "deqing" in payload["text"] and "http_503" in payload["text"]
    assert payload["alert"]["source"] == "deqing"
    assert payload["alert"]["map_index"] == 2
    assert payload["alert"]["try_number"] == 3


def test_source_comes_from_the_task_label_or_its_arguments() -> None:
    label = task_failed({**_context(), "source_label": "jiangyin"}, env={})
    assert label.source == "jiangyin"
    ti = SimpleNamespace(dag_id="ingest_reports", task_id="stage", run_id="r", map_index=0)
    by_arg = task_failed({"ti": ti, "task": SimpleNamespace(op_kwargs={"run": {"source": "wfgx"}})}, env={})
    assert by_arg.source == "wfgx"
    assert by_arg.reason.startswith("failed (no exception recorded")
    unmapped = SimpleNamespace(dag_id="build_warehouse", task_id="publish_marts", run_id="r", map_index=-1)
    alert = task_failed({"ti": unmapped, "exception": TimeoutError()}, env={})
    assert (alert.source, alert.map_index, alert.reason) == (None, None, "TimeoutError")


def test_a_webhook_that_fails_never_raises(webhook, caplog) -> None:
    url, hook = webhook
    hook.status = 500
    with caplog.at_level(logging.WARNING, logger="govreports.alerts"):
        alert = task_failed(_context(), env={"GOVREPORTS_ALERT_WEBHOOK": url})
    assert alert.source == "deqing" and len(hook.received) == 1
    assert any("webhook" in r.getMessage() for r in caplog.records)
    assert all("secret-token" not in r.getMessage() for r in caplog.records), "the URL's secret is not logged"
    # Nothing listening at all.
    task_failed(_context(), env={"GOVREPORTS_ALERT_WEBHOOK": "http://127.0.0.1:9/nothing"})


def test_no_webhook_configured_posts_nothing(webhook) -> None:
    _, hook = webhook
    task_failed(_context(), env={"GOVREPORTS_ALERT_WEBHOOK": "  "})
    assert hook.received == []
