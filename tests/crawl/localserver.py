"""A programmable HTTP server on 127.0.0.1 (port 0) for the crawl tests (see conftest.py).

Routes map a path (with query string, if any) to a `Reply`, a list of replies served in turn (the
last one repeats: handy for "500 then 200"), or a callable taking the request handler. Every
request is recorded (method, path, headers, body) so tests can look at what the fetcher sent.
Importable as `localserver` from test modules that need their own (module-scoped) server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from scrapers.sources.registry import Source


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # sleep before sending the body (read timeouts)
    content_type: str | None = "text/html; charset=utf-8"


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


# A callable route may write the whole response itself and return None.
Route = Reply | list[Reply] | Callable[[BaseHTTPRequestHandler], Reply | None]


class LocalServer:
    Reply = Reply  # tests build replies as server.Reply(...) without importing conftest

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server._handle(self)

            def do_POST(self) -> None:
                server._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def route(self, path: str, reply: Route) -> str:
        """Register a route and return its absolute URL."""
        self.routes[path] = reply
        return self.url + path

    def html(self, path: str, text: str, *, encoding: str = "utf-8", charset: str | None = "utf-8") -> str:
        content_type = f"text/html; charset={charset}" if charset else "text/html"
        return self.route(path, Reply(body=text.encode(encoding), content_type=content_type))

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def _pick(self, handler: BaseHTTPRequestHandler, body: bytes = b"") -> Reply | None:
        with self._lock:
            self.requests.append(Request(handler.command, handler.path, dict(handler.headers), body))
            route = self.routes.get(handler.path)
            if route is None:
                return Reply(status=404, body=b"not found", content_type="text/plain")
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
        if callable(route):
            return route(handler)
        return route

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        try:
            reply = self._pick(handler, body)
            if reply is None:
                return
            handler.send_response(reply.status)
            if reply.content_type and "Content-Type" not in reply.headers:
                handler.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if "Content-Length" not in reply.headers:
                handler.send_header("Content-Length", str(len(reply.body)))
            handler.end_headers()
            if reply.delay_s:
                handler.wfile.flush()
                time.sleep(reply.delay_s)
            if handler.command != "HEAD" and reply.status not in (204, 304):
                handler.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _make_source(**overrides: Any) -> Source:
    values: dict[str, Any] = {
        "name": "test-src",
        "publisher": "测试市人民政府",
        "platform": "generic",
        "entry_urls": ["http://127.0.0.1/"],
        "allowed_hosts": ["127.0.0.1"],
        "allow_private_network": True,
        "delay_s": 0,
    }
    values.update(overrides)
    return Source(**values)
