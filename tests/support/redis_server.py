"""A private, throwaway Redis for the tests: `redis-server` on 127.0.0.1 at a free port, no
persistence, no Unix socket, stopped at the end. Needs the Debian package `redis-server`
(`make redis` installs it; `make test` runs that step)."""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


class RedisNotInstalledError(RuntimeError):
    """redis-server is missing."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_redis_server() -> str:
    path = shutil.which("redis-server") or shutil.which("redis-server", path="/usr/bin:/usr/sbin")
    if not path:
        raise RedisNotInstalledError(
            "redis-server was not found: install it with `apt-get install -y redis-server` "
            "(`make redis` does this; `make test` runs it)"
        )
    return path


@dataclass
class RedisServer:
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="govreports-redis-")))
    port: int = field(default_factory=_free_port)
    host: str = "127.0.0.1"
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{self.host}:{self.port}/0"

    def ping(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def start(self, timeout_s: float = 15) -> RedisServer:
        atexit.register(self.stop)
        log = (self.root / "redis.log").open("wb")
        self.process = subprocess.Popen(
            [
                find_redis_server(),
                "--bind", self.host,
                "--port", str(self.port),
                "--unixsocket", "",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self.root),
                "--daemonize", "no",
                "--protected-mode", "yes",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout_s
        while not self.ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server did not start; see {self.root / 'redis.log'}")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        try:
            if self.process and self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
