"""Serve the bundled portal over HTTP on 127.0.0.1.

The crawler is tested against real HTTP (status codes, charsets in headers, conditional GET), not
against files, so the portal is served by a small threaded server. Validators are fixed per page
(ETag from the bytes, Last-Modified from the publish date) so a re-crawl gets 304s, as it would from
a well-behaved portal. The site is built once at start-up; requests only look it up.

`ArchiveServer` runs in a daemon thread (tests, `make run`); `serve_forever` blocks (the
`govreports serve-archive` command) and writes its URL to a file once listening, so a script that
asked for port 0 can learn the port.

Besides GET/HEAD of prebuilt resources (looked up by path and query, then by path alone), the
server answers Hanweb's `POST /module/web/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=P`
(form `columnid`) with that slice of the column's datastore. `delay_s` slows every request down
(the crash test uses it to kill a crawl half-way).
"""

from __future__ import annotations

import logging
import re
import signal
import threading
import time
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType, TracebackType
from urllib.parse import parse_qs, unquote, urlsplit

from scrapers.archive.site import DATAPROXY_PATH, Resource, build_site, dataproxy_key, datastore_xml
from scrapers.atomic import write_atomic

log = logging.getLogger(__name__)

URL_ENV = "GOVREPORTS_ARCHIVE_URL"
_RECORD = re.compile(r"<record>.*?</record>", re.DOTALL)


class _Handler(BaseHTTPRequestHandler):
    """GET/HEAD over the prebuilt site; 304 on matching validators; quiet logging."""

    server: _ArchiveHTTPServer
    server_version = "govreports-archive/1"
    # TCP_NODELAY, as real web servers set it: the handler writes the headers and the body in two
    # sends, and on a kept-alive connection Nagle's algorithm held the body back until the client's
    # delayed ACK (~40 ms per request: 21 instead of 200+ pages/s in the crawl bench).
    disable_nagle_algorithm = True
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def _lookup(self) -> Resource | None:
        parts = urlsplit(self.path)
        path = unquote(parts.path) or "/"
        site = self.server.site
        if path.endswith("/"):
            path += "index.html"
        if parts.query and f"{path}?{parts.query}" in site:  # gkmlpt's API pages
            return site[f"{path}?{parts.query}"]
        return site.get(path)

    def _not_modified(self, resource: Resource) -> bool:
        tags = self.headers.get("If-None-Match")
        if tags is not None:  # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
            return tags.strip() == "*" or resource.etag in [
                t.strip().removeprefix("W/") for t in tags.split(",")
            ]
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return resource.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    def _respond(self, with_body: bool) -> None:
        resource = self._lookup()
        if resource is None:
            body = b"<html><body><h1>404 Not Found</h1></body></html>"
            self.send_response(HTTPStatus.NOT_FOUND)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)
            return
        validators = {
            "ETag": resource.etag,
            "Last-Modified": format_datetime(resource.last_modified, usegmt=True),
            "Cache-Control": "no-cache",
        }
        if self._not_modified(resource):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        for name, value in validators.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(resource.body)

    def _send_simple(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _dataproxy(self, form: dict[str, str], query: dict[str, str]) -> bytes | None:
        """The records `startrecord`..`endrecord` (1-based, inclusive) of column `columnid`."""
        store = self.server.site.get(dataproxy_key(form.get("columnid", "")))
        if store is None:
            return None
        records = _RECORD.findall(store.body.decode("utf-8"))
        try:
            start = max(1, int(query.get("startrecord", "1")))
            end = int(query.get("endrecord", str(len(records))))
        except ValueError:
            return None
        return datastore_xml(records[start - 1 : end], len(records)).encode("utf-8")

    def _slow_down(self) -> None:
        if self.server.delay_s:
            time.sleep(self.server.delay_s)

    def do_GET(self) -> None:
        self._slow_down()
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def do_POST(self) -> None:
        self._slow_down()
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        parts = urlsplit(self.path)
        if parts.path != DATAPROXY_PATH:
            self._send_simple(HTTPStatus.METHOD_NOT_ALLOWED, b"method not allowed", "text/plain")
            return
        form = {k: v[0] for k, v in parse_qs(raw).items()}
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        body = self._dataproxy(form, query)
        if body is None:
            self._send_simple(HTTPStatus.BAD_REQUEST, b"<datastore></datastore>", "text/xml; charset=UTF-8")
            return
        self._send_simple(HTTPStatus.OK, body, "text/xml; charset=UTF-8")


class _ArchiveHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: dict[str, Resource], delay_s: float = 0.0):
        self.site = site
        self.delay_s = delay_s
        super().__init__(address, _Handler)


def _base_url(httpd: ThreadingHTTPServer) -> str:
    host, port = httpd.server_address[:2]
    return f"http://{host}:{port}"


class ArchiveServer:
    """The portal in a background thread: `with ArchiveServer() as srv: get(srv.url + "/…")`."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, seeds_dir: Path | None = None, delay_s: float = 0.0
    ):
        self.host, self.port, self.seeds_dir = host, port, seeds_dir
        self.delay_s = delay_s
        self._httpd: _ArchiveHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("ArchiveServer is not started")
        return _base_url(self._httpd)

    def start(self) -> ArchiveServer:
        if self._httpd is None:
            site = build_site(self.seeds_dir)
            self._httpd = _ArchiveHTTPServer((self.host, self.port), site, self.delay_s)
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, name="archive-server", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._httpd, self._thread = None, None

    def __enter__(self) -> ArchiveServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()


def serve_forever(
    host: str = "127.0.0.1",
    port: int = 0,
    seeds_dir: Path | None = None,
    url_file: Path | None = None,
    delay_s: float = 0.0,
) -> None:
    """Serve until SIGINT/SIGTERM. Once listening, write the base URL to `url_file` (atomically);
    the file is removed again on exit so a stale URL is never read."""
    httpd = _ArchiveHTTPServer((host, port), build_site(seeds_dir), delay_s)
    url = _base_url(httpd)

    def stop(signum: int, frame: FrameType | None) -> None:
        # shutdown() waits for serve_forever() to return, which runs in this thread: hand it off.
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if url_file is not None:
            write_atomic(url_file, (url + "\n").encode("utf-8"))
        log.info("bundled portal serving at %s (export %s=%s)", url, URL_ENV, url)
        httpd.serve_forever()
    finally:
        httpd.server_close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if url_file is not None:
            url_file.unlink(missing_ok=True)
        log.info("bundled portal stopped")
