"""Alerts when an Airflow task fails for good: a log line naming the source and the reason, and,
when GOVREPORTS_ALERT_WEBHOOK is set, a JSON POST to that URL.

`task_failed` is the DAGs' `on_failure_callback` (dags/common.py): Airflow calls it in the worker
after the last retry failed, with the task's context. The payload carries `text` (one line, what
Slack, Mattermost and most chat webhooks display) and `alert` (every field). An alert never raises:
a webhook that is down is logged, and the task's failure stays what Airflow records.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

log = logging.getLogger("govreports.alerts")

WEBHOOK_VARIABLE = "GOVREPORTS_ALERT_WEBHOOK"
WEBHOOK_TIMEOUT_S = 10
MAX_REASON_CHARS = 2000


@dataclass(frozen=True)
class Alert:
    dag_id: str
    task_id: str
    run_id: str | None
    map_index: int | None
    source: str | None  # the registry source the failed task worked on, when it had one
    reason: str
    try_number: int | None
    log_url: str | None

    @property
    def text(self) -> str:
        where = f"{self.dag_id}.{self.task_id}"
        if self.source:
            where += f" [source {self.source}]"
        return f"govreports: {where} failed in run {self.run_id}: {self.reason}"


def _source(context: Mapping[str, Any]) -> str | None:
    """The source a task worked on: the label the task set, its rendered map index, or its argument
    (`source` for discover, `run["source"]` for the later steps)."""
    if context.get("source_label"):
        return str(context["source_label"])
    ti = context.get("ti")
    if getattr(ti, "rendered_map_index", None):
        return str(ti.rendered_map_index)
    task = context.get("task")
    kwargs = getattr(task, "op_kwargs", None) or {}
    if isinstance(kwargs.get("source"), str):
        return kwargs["source"]
    run = kwargs.get("run")
    if isinstance(run, Mapping) and isinstance(run.get("source"), str):
        return run["source"]
    return None


def _reason(context: Mapping[str, Any]) -> str:
    error = context.get("exception")
    if error is None:
        return "failed (no exception recorded: killed, timed out or marked failed)"
    reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return reason[:MAX_REASON_CHARS]


def alert_from_context(context: Mapping[str, Any]) -> Alert:
    ti = context.get("ti")
    dag_run = context.get("dag_run")
    map_index = getattr(ti, "map_index", None)
    return Alert(
        dag_id=str(getattr(ti, "dag_id", None) or getattr(context.get("dag"), "dag_id", "?")),
        task_id=str(getattr(ti, "task_id", None) or getattr(context.get("task"), "task_id", "?")),
        run_id=getattr(ti, "run_id", None) or getattr(dag_run, "run_id", None),
        map_index=map_index if isinstance(map_index, int) and map_index >= 0 else None,
        source=_source(context),
        reason=_reason(context),
        try_number=getattr(ti, "try_number", None),
        log_url=getattr(ti, "log_url", None),
    )


def send_webhook(url: str, alert: Alert, timeout_s: float = WEBHOOK_TIMEOUT_S) -> bool:
    """POST the alert as JSON; True when the webhook answered 2xx. Never raises."""
    body = json.dumps({"text": alert.text, "alert": asdict(alert)}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.warning("alert webhook %s failed: %s", _redact(url), exc)
        return False


def _redact(url: str) -> str:
    """A webhook URL often embeds its secret in the path: log only its scheme and host."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or '?'}/…"


def task_failed(context: Mapping[str, Any], env: Mapping[str, str] | None = None) -> Alert:
    """Record the alert of a failed task: always a log line, and the webhook when configured."""
    env = env if env is not None else os.environ
    alert = alert_from_context(context)
    log.error("ALERT %s", alert.text)
    url = (env.get(WEBHOOK_VARIABLE) or "").strip()
    if url:
        send_webhook(url, alert)
    return alert
