"""The embedded default's Airflow: a project-local AIRFLOW_HOME, SQLite metadata, no examples.

`make run`, `make airflow` and the end-to-end tests all start Airflow through this module, so they
share one configuration. DAGs run in-process with `airflow dags test` (no scheduler needed).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from scrapers import settings

AIRFLOW_BIN = Path(sys.executable).parent / "airflow"


def airflow_home() -> Path:
    return Path(os.environ.get("AIRFLOW_HOME", settings.REPO_ROOT / ".airflow")).resolve()


def _jwt_secret(home: Path) -> str:
    """A per-checkout secret (Airflow's API needs 64+ bytes), generated once, never committed."""
    path = home / "jwt_secret"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(64))
    return path.read_text().strip()


def airflow_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    home = airflow_home()
    env = dict(os.environ)
    env.update(
        {
            # `airflow standalone` starts its components as `airflow …` from PATH.
            "PATH": f"{AIRFLOW_BIN.parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(settings.REPO_ROOT / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "4",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
            "AIRFLOW__API_AUTH__JWT_SECRET": _jwt_secret(home),
            "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(home / "logs"),
            "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
            "AIRFLOW__COSMOS__CACHE_DIR": str(home / "cosmos_cache"),
            "DO_NOT_TRACK": "1",
            **settings.dbt_env(),
        }
    )
    env.update(extra or {})
    return env


def _run(args: list[str], env: dict[str, str], log: Path) -> None:
    """Run an airflow command with its output in `log`; raise, naming the log, if it fails."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as handle:
        done = subprocess.run(args, env=env, stdout=handle, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} failed (exit {done.returncode}); see {log}")


def prepare(env: dict[str, str]) -> None:
    """Create or migrate the metadata database and the one-slot DuckDB writer pool."""
    logs = airflow_home() / "logs"
    _run([str(AIRFLOW_BIN), "db", "migrate"], env, logs / "db_migrate.log")
    _run(
        [str(AIRFLOW_BIN), "pools", "set", "duckdb_writer", "1", "DuckDB allows one writer"],
        env,
        logs / "pools.log",
    )


def dags_test(dag_id: str, env: dict[str, str], log: Path | None = None) -> None:
    """Run one DAG to completion in this machine's process tree; raise if any task failed
    (`airflow dags test` exits non-zero when the run fails)."""
    _run([str(AIRFLOW_BIN), "dags", "test", dag_id], env, log or airflow_home() / "logs" / f"{dag_id}.log")


def admin_password(wait_for: subprocess.Popen, timeout_s: float = 120) -> str:
    """The admin password `airflow standalone` generates on first start (and keeps in AIRFLOW_HOME)."""
    path = airflow_home() / "simple_auth_manager_passwords.json.generated"
    deadline = time.monotonic() + timeout_s
    while not path.exists():
        if wait_for.poll() is not None or time.monotonic() > deadline:
            return f"(not generated yet; see {path})"
        time.sleep(0.5)
    return json.loads(path.read_text(encoding="utf-8")).get("admin", f"(see {path})")


def stop_standalone(process: subprocess.Popen, grace_s: float = 60) -> int:
    """One SIGINT (standalone's clean shutdown), then SIGTERM to its whole session if it hangs."""
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        return process.wait(timeout=30)
