"""docker/metabase_setup.py (the compose stack's `metabase-init`) against a fake Metabase API on
127.0.0.1: first run sets up the admin and adds the marts as the BI role; a rerun changes nothing."""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scrapers import settings


def _module():
    spec = importlib.util.spec_from_file_location(
        "metabase_setup", settings.REPO_ROOT / "docker" / "metabase_setup.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FakeMetabase:
    def __init__(self) -> None:
        self.users: dict[str, str] = {}
        self.databases: list[dict] = []
        self.calls: list[tuple[str, str, str | None]] = []

    def handle(self, method: str, path: str, body: dict | None, session: str | None) -> tuple[int, object]:
        self.calls.append((method, path, session))
        if (method, path) == ("GET", "/api/health"):
            return 200, {"status": "ok"}
        if (method, path) == ("GET", "/api/session/properties"):
            return 200, {"setup-token": "setup-123", "has-user-setup": bool(self.users)}
        if (method, path) == ("POST", "/api/setup"):
            assert body["token"] == "setup-123" and not self.users
            self.users[body["user"]["email"]] = body["user"]["password"]
            return 200, {"id": "session-1"}
        if (method, path) == ("POST", "/api/session"):
            if self.users.get(body["username"]) != body["password"]:
                return 401, {"errors": "bad credentials"}
            return 200, {"id": "session-2"}
        if session not in ("session-1", "session-2"):
            return 401, "Unauthenticated"
        if (method, path) == ("GET", "/api/database"):
            return 200, {"data": self.databases, "total": len(self.databases)}
        if (method, path) == ("POST", "/api/database"):
            self.databases.append({**body, "id": len(self.databases) + 1})
            return 200, self.databases[-1]
        return 404, "not found"


@pytest.fixture
def metabase() -> Iterator[tuple[str, FakeMetabase]]:
    fake = FakeMetabase()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            session = self.headers.get("X-Metabase-Session")
            status, answer = fake.handle(self.command, self.path, body, session)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _serve

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", fake
    finally:
        server.shutdown()
        server.server_close()


ENV = {
    "METABASE_ADMIN_EMAIL": "admin@example.org",
    "METABASE_ADMIN_PASSWORD": "admin-pw",
    "WAREHOUSE_HOST": "warehouse-postgres",
    "WAREHOUSE_PORT": "5432",
    "GOVREPORTS_PG_DATABASE": "govreports",
    "GOVREPORTS_PG_BI_ROLE": "govreports_bi",
    "GOVREPORTS_PG_BI_PASSWORD": "bi-pw",
}


def test_first_run_adds_the_marts_as_the_bi_role_and_a_rerun_changes_nothing(metabase) -> None:
    url, fake = metabase
    setup = _module()
    client = setup.Metabase(url)
    client.wait(timeout_s=10)
    assert setup.set_up(client, ENV) == "created"
    (database,) = fake.databases
    assert database["engine"] == "postgres"
    details = database["details"]
    assert (details["user"], details["password"]) == ("govreports_bi", "bi-pw")
    assert (details["host"], details["port"], details["dbname"]) == ("warehouse-postgres", 5432, "govreports")
    assert details["schema-filters-patterns"] == "marts"
    assert fake.users == {"admin@example.org": "admin-pw"}

    again = setup.Metabase(url)
    assert setup.set_up(again, ENV) == "exists"
    assert len(fake.databases) == 1
    assert ("POST", "/api/session", None) in fake.calls
