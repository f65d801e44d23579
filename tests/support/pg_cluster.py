"""A private, throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, started with
pg_ctl on 127.0.0.1 at a free port, trust authentication, no Unix socket, stopped and removed at the
end. Needs the PostgreSQL server binaries (Debian package `postgresql`; `make test` installs it).

initdb and postgres refuse to run as root: as root, the cluster runs as the `postgres` system user
(created by the Debian package) or else `nobody`, through `runuser`; otherwise as the current user.
"""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "govreports"
DATABASE = "govreports"


class PostgresNotInstalledError(RuntimeError):
    """The PostgreSQL server binaries are missing."""


class PostgresClusterError(RuntimeError):
    """initdb or pg_ctl failed."""


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<ver>/bin."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]), reverse=True
    )
    if versions:
        return versions[0].parent
    raise PostgresNotInstalledError(
        "PostgreSQL's initdb was not found on PATH or under /usr/lib/postgresql/*/bin: install the server "
        "with `apt-get install -y postgresql` (`make test` does this when it is missing)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _service_user() -> str | None:
    """Who runs the server when we are root (None: ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise PostgresClusterError("running as root, and neither a `postgres` nor a `nobody` user exists")


@dataclass
class PostgresCluster:
    """One cluster; `start()` then `stop()` (idempotent). Connect with `dsn()` as SUPERUSER."""

    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="govreports-pg-")))
    port: int = field(default_factory=_free_port)
    host: str = "127.0.0.1"
    bindir: Path = field(default_factory=find_bindir)
    user: str | None = field(default_factory=_service_user)
    running: bool = False

    @property
    def datadir(self) -> Path:
        return self.root / "pgdata"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)
        if result.returncode != 0:
            raise PostgresClusterError(
                f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        return result

    def start(self) -> PostgresCluster:
        atexit.register(self.stop)  # also if the test session dies before its fixture finalizers
        # The temporary folder is ours (mode 0700); hand it to the server's user.
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.datadir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",  # byte-wise text order, the same as DuckDB's
            "--no-sync",
        )
        options = (
            f"-c listen_addresses={self.host} -c port={self.port} -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c timezone=UTC"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.datadir),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "start",
        )
        self.running = True
        self._run("createdb", "-h", self.host, "-p", str(self.port), "-U", SUPERUSER, DATABASE)
        return self

    def stop(self) -> None:
        try:
            if self.running:
                self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
                self.running = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def env(self, user: str = SUPERUSER) -> dict[str, str]:
        """The variables the project reads to reach this cluster (dbt profile, loader, publish)."""
        return {
            "GOVREPORTS_PG_HOST": self.host,
            "GOVREPORTS_PG_PORT": str(self.port),
            "GOVREPORTS_PG_USER": user,
            "GOVREPORTS_PG_PASSWORD": "",
            "GOVREPORTS_PG_DATABASE": DATABASE,
        }

    def dsn(self, user: str = SUPERUSER) -> str:
        return f"host={self.host} port={self.port} user={user} dbname={DATABASE}"
