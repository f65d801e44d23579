"""First-run set-up of the compose stack's Metabase (the `metabase-init` service): the admin user,
then the warehouse's marts as a PostgreSQL database that logs in as the read-only BI role.

Idempotent: an instance already set up is logged into with the admin's credentials, and a database
of the same name is left as it is. Reads only its environment (docker/compose.yaml sets it):
METABASE_URL, METABASE_ADMIN_EMAIL, METABASE_ADMIN_PASSWORD, WAREHOUSE_HOST, WAREHOUSE_PORT,
GOVREPORTS_PG_DATABASE, GOVREPORTS_PG_BI_ROLE, GOVREPORTS_PG_BI_PASSWORD. Standard library only.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
from typing import Any

DATABASE_NAME = "govreports marts"


class Metabase:
    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.session: str | None = None

    def call(self, method: str, path: str, payload: dict[str, Any] | None = None) -> Any:
        headers = {"Content-Type": "application/json"}
        if self.session:
            headers["X-Metabase-Session"] = self.session
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(f"{self.url}{path}", data=data, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait(self, timeout_s: float = 600) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                if (self.call("GET", "/api/health") or {}).get("status") == "ok":
                    return
            except (urllib.error.URLError, OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"Metabase at {self.url} is not healthy after {timeout_s} s")
            time.sleep(3)


def warehouse_details(env: dict[str, str]) -> dict[str, Any]:
    return {
        "host": env.get("WAREHOUSE_HOST", "warehouse-postgres"),
        "port": int(env.get("WAREHOUSE_PORT", "5432")),
        "dbname": env.get("GOVREPORTS_PG_DATABASE", "govreports"),
        "user": env.get("GOVREPORTS_PG_BI_ROLE", "govreports_bi"),
        "password": env["GOVREPORTS_PG_BI_PASSWORD"],
        "ssl": False,
        # Only the marts: the BI role can read nothing else anyway.
        "schema-filters-type": "inclusion",
        "schema-filters-patterns": "marts",
    }


def set_up(metabase: Metabase, env: dict[str, str]) -> str:
    """Returns what was done: `created` or `exists`."""
    email, password = env["METABASE_ADMIN_EMAIL"], env["METABASE_ADMIN_PASSWORD"]
    properties = metabase.call("GET", "/api/session/properties")
    token = properties.get("setup-token")
    if token and not properties.get("has-user-setup"):
        answer = metabase.call(
            "POST",
            "/api/setup",
            {
                "token": token,
                "user": {
                    "email": email,
                    "password": password,
                    "first_name": "govreports",
                    "last_name": "admin",
                    "site_name": "govreports",
                },
                "prefs": {"site_name": "govreports", "allow_tracking": False},
            },
        )
        metabase.session = answer["id"]
    else:
        metabase.session = metabase.call("POST", "/api/session", {"username": email, "password": password})[
            "id"
        ]
    databases = metabase.call("GET", "/api/database")
    databases = databases.get("data", databases) if isinstance(databases, dict) else databases
    if any(d.get("name") == DATABASE_NAME for d in databases):
        return "exists"
    metabase.call(
        "POST",
        "/api/database",
        {
            "engine": "postgres",
            "name": DATABASE_NAME,
            "details": warehouse_details(env),
            "is_full_sync": True,
        },
    )
    return "created"


def main() -> int:
    env = dict(os.environ)
    metabase = Metabase(env.get("METABASE_URL", "http://metabase:3000"))
    metabase.wait()
    print(f"metabase-init: database {DATABASE_NAME!r} {set_up(metabase, env)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
