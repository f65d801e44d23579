"""Airflow as it runs in production, natively: CeleryExecutor, metadata on PostgreSQL, Redis as the
broker, and the api-server, scheduler, dag-processor and a Celery worker as separate processes
(what docker/compose.yaml runs as containers), with AIRFLOW_HOME in a temporary folder.

`CeleryAirflow(...).start()` migrates the metadata database, creates the pools, starts the four
components and waits for the API; `stop()` ends them (SIGTERM to each process group, SIGKILL after a
grace period), whatever state they are in. `api()` logs in through the simple auth manager's token
endpoint with the password it generated.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from scrapers import settings

AIRFLOW_BIN = Path(sys.executable).parent / "airflow"
COMPONENTS: dict[str, list[str]] = {
    "api-server": ["api-server", "--host", "127.0.0.1", "--port", "{api_port}"],
    "scheduler": ["scheduler"],
    "dag-processor": ["dag-processor"],
    "celery-worker": ["celery", "worker", "--concurrency", "2", "--skip-serve-logs", "--without-mingle",
                      "--without-gossip"],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class CeleryAirflow:
    home: Path
    metadata_url: str  # postgresql://user@host:port/db (no driver)
    broker_url: str
    extra_env: dict[str, str] = field(default_factory=dict)
    api_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    _token: str | None = None
    _env: dict[str, str] | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def env(self) -> dict[str, str]:
        """Every component's environment (built once: they must share one JWT secret)."""
        if self._env is None:
            self._env = self._build_env()
        return self._env

    def _build_env(self) -> dict[str, str]:
        rest = self.metadata_url.split("://", 1)[1]
        env = dict(os.environ)
        env.update(
            {
                "PATH": f"{AIRFLOW_BIN.parent}{os.pathsep}{os.environ.get('PATH', '')}",
                "AIRFLOW_HOME": str(self.home),
                "AIRFLOW__CORE__DAGS_FOLDER": str(settings.REPO_ROOT / "dags"),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
                "AIRFLOW__CORE__PARALLELISM": "4",
                "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
                "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.api_url}/execution/",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"postgresql+psycopg2://{rest}",
                # Airflow derives the async URL as postgresql+asyncpg; psycopg 3 is what we have.
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": f"postgresql+psycopg://{rest}",
                "AIRFLOW__CELERY__BROKER_URL": self.broker_url,
                "AIRFLOW__CELERY__RESULT_BACKEND": f"db+postgresql://{rest}",
                "AIRFLOW__CELERY__WORKER_CONCURRENCY": "2",
                "AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS": "scrapers.celery_config.CELERY_CONFIG",
                "AIRFLOW__API__BASE_URL": self.api_url,
                "AIRFLOW__API__PORT": str(self.api_port),
                "AIRFLOW__API__WORKERS": "1",
                "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(64),
                "AIRFLOW__API__SECRET_KEY": secrets.token_hex(32),
                "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(self.home / "logs"),
                "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
                "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
                "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
                "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "300",
                "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
                "AIRFLOW__COSMOS__CACHE_DIR": str(self.home / "cosmos_cache"),
                "DO_NOT_TRACK": "1",
                **settings.dbt_env(),
            }
        )
        env.update(self.extra_env)
        return env

    def _airflow(self, *args: str, log: str) -> None:
        path = self.home / "logs" / log
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            done = subprocess.run([str(AIRFLOW_BIN), *args], env=self.env(), stdout=handle,
                                  stderr=subprocess.STDOUT, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"airflow {' '.join(args)} failed (exit {done.returncode}):\n{_tail(path)}")

    def start(self, timeout_s: float = 120) -> CeleryAirflow:
        self.home.mkdir(parents=True, exist_ok=True)
        self._airflow("db", "migrate", log="db_migrate.log")
        self._airflow("pools", "set", "duckdb_writer", "1", "DuckDB allows one writer", log="pools.log")
        for name, args in COMPONENTS.items():
            command = [str(AIRFLOW_BIN), *(a.format(api_port=self.api_port) for a in args)]
            log = (self.home / "logs" / f"{name}.log").open("wb")
            self.processes[name] = subprocess.Popen(
                command, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                cwd=self.home,
            )
        deadline = time.monotonic() + timeout_s
        while True:
            self.check_alive()
            try:
                if requests.get(f"{self.api_url}/api/v2/monitor/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"the api-server did not answer in {timeout_s} s:\n{self.logs()}")
            time.sleep(0.5)
        return self

    def check_alive(self) -> None:
        dead = {n: p.returncode for n, p in self.processes.items() if p.poll() is not None}
        if dead:
            raise RuntimeError(f"Airflow components exited: {dead}\n{self.logs()}")

    def logs(self, lines: int = 30) -> str:
        return "\n".join(
            f"--- {name} ---\n{_tail(self.home / 'logs' / f'{name}.log', lines)}" for name in self.processes
        )

    def token(self) -> str:
        if self._token is None:
            path = self.home / "simple_auth_manager_passwords.json.generated"
            password = json.loads(path.read_text(encoding="utf-8"))["admin"]
            answer = requests.post(
                f"{self.api_url}/auth/token", json={"username": "admin", "password": password}, timeout=10
            )
            answer.raise_for_status()
            self._token = answer.json()["access_token"]
        return self._token

    def api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token()}"}
        return requests.request(method, f"{self.api_url}/api/v2{path}", headers=headers, timeout=30, **kwargs)

    def stop(self, grace_s: float = 30) -> dict[str, int | None]:
        """SIGTERM every component's process group, then SIGKILL what is left after `grace_s`."""
        for process in self.processes.values():
            if process.poll() is None:
                _signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        for process in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
        for process in self.processes.values():
            # Whatever the leader did, no child (task supervisor, gunicorn/uvicorn worker) may outlive it.
            _signal_group(process, signal.SIGKILL)
            if process.poll() is None:
                process.wait(timeout=10)
        return {name: process.returncode for name, process in self.processes.items()}


def _signal_group(process: subprocess.Popen, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return f"(no {path})"
