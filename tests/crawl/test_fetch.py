"""Fetcher behaviour against the local server: storage, logging, retries, limits, policy."""

from __future__ import annotations

import hashlib
import json
import time

from scrapers.fetch import FetchLog, RawStore
from scrapers.fetch.netguard import host_allowed
from scrapers.fetch.throttle import HostThrottle


def log_lines(fetcher) -> list[dict]:
    return [json.loads(line) for line in fetcher.log.path.read_text(encoding="utf-8").splitlines()]


def test_200_body_is_stored_content_addressed(server, fetcher_factory):
    body = "<html><body>法治政府建设</body></html>".encode()
    url = server.route("/a.html", server.Reply(body=body))
    fetcher = fetcher_factory()
    result = fetcher.get(url)
    sha = hashlib.sha256(body).hexdigest()
    assert result.ok
    assert result.sha256 == sha
    assert (fetcher.data_dir / "raw" / "objects" / sha[:2] / sha).read_bytes() == body


def test_200_is_logged_with_fetch_attempt_fields(server, fetcher_factory):
    url = server.route("/a.html", server.Reply(body=b"<html>x</html>", headers={"ETag": '"v1"'}))
    fetcher = fetcher_factory()
    fetcher.get(url)
    (line,) = log_lines(fetcher)
    assert line["source"] == "test-src"
    assert line["url"] == url
    assert line["status"] == 200
    assert line["error"] is None
    assert line["size"] == len(b"<html>x</html>")
    assert line["content_type"] == "text/html; charset=utf-8"
    assert line["http"]["etag"] == '"v1"'


def test_user_agent_identifies_the_project(server, fetcher_factory):
    url = server.route("/a.html", server.Reply(body=b"x"))
    fetcher_factory().get(url)
    assert server.hits("/a.html")[0].headers["User-Agent"].startswith("govreports/")


def test_404_is_logged_with_reason(server, fetcher_factory):
    fetcher = fetcher_factory()
    result = fetcher.get(server.url + "/missing.html")
    assert not result.ok
    assert result.reason == "http_404"
    assert log_lines(fetcher)[-1]["error"].startswith("http_404")


def test_404_is_not_retried(server, fetcher_factory):
    fetcher_factory(retries=3).get(server.url + "/missing.html")
    assert len(server.hits("/missing.html")) == 1


def test_500_then_success_on_retry(server, fetcher_factory):
    url = server.route("/flaky.html", [server.Reply(status=500), server.Reply(body=b"ok now")])
    fetcher = fetcher_factory(retries=2)
    result = fetcher.get(url)
    assert result.ok and result.body == b"ok now"
    assert [line["status"] for line in log_lines(fetcher)] == [500, 200]


def test_persistent_500_gives_up_after_retries(server, fetcher_factory):
    url = server.route("/down.html", server.Reply(status=503))
    result = fetcher_factory(retries=2).get(url)
    assert result.reason == "http_503"
    assert len(server.hits("/down.html")) == 3


def test_429_waits_for_retry_after(server, fetcher_factory):
    url = server.route(
        "/busy.html", [server.Reply(status=429, headers={"Retry-After": "1"}), server.Reply(body=b"ok")]
    )
    fetcher = fetcher_factory(retries=1, backoff_base=0.0, max_wait=0.5)
    started = time.monotonic()
    result = fetcher.get(url)
    assert result.ok
    assert time.monotonic() - started >= 0.45  # Retry-After 1 s, capped by max_wait 0.5 s


def test_read_timeout_is_reported_as_timeout(server, fetcher_factory):
    url = server.route("/slow.html", server.Reply(body=b"late", delay_s=1.0))
    result = fetcher_factory(timeout=(1, 0.2), retries=0).get(url)
    assert result.reason == "timeout"


def test_body_larger_than_max_bytes_is_refused(server, fetcher_factory):
    url = server.route("/big.pdf", server.Reply(body=b"x" * 5000, content_type="application/pdf"))
    result = fetcher_factory(max_bytes=1000).get(url)
    assert result.reason == "too_large"
    assert result.body is None


def test_streamed_body_without_length_is_cut_at_max_bytes(server, fetcher_factory):
    def no_length(handler):  # writes the response itself: no Content-Length, close-delimited
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(b"y" * 20000)
        handler.close_connection = True

    url = server.route("/stream.html", no_length)
    result = fetcher_factory(max_bytes=5000).get(url)
    assert result.reason == "too_large"


def test_second_fetch_is_conditional_and_not_modified(server, fetcher_factory):
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return server.Reply(status=304, content_type=None, headers={"ETag": '"v1"'})
        return server.Reply(body=b"<html>report</html>", headers={"ETag": '"v1"'})

    url = server.route("/report.html", conditional)
    fetcher = fetcher_factory()
    first = fetcher.get(url)
    second = fetcher.get(url)
    assert second.attempt.status == 304
    assert second.not_modified
    assert second.body == first.body


def test_conditional_get_survives_a_new_fetcher(server, fetcher_factory):
    url = server.route(
        "/r.html",
        lambda h: (
            server.Reply(status=304, content_type=None)
            if h.headers.get("If-Modified-Since")
            else server.Reply(body=b"body", headers={"Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"})
        ),
    )
    fetcher_factory().get(url)
    again = fetcher_factory().get(url)  # reads validators back from the fetch log
    assert again.not_modified and again.body == b"body"


def test_same_bytes_again_count_as_not_modified(server, fetcher_factory):
    url = server.route("/same.html", server.Reply(body=b"unchanged"))
    fetcher = fetcher_factory()
    fetcher.get(url)
    assert fetcher.get(url).not_modified


def test_unconditional_get_sends_no_validators(server, fetcher_factory):
    url = server.route("/v.html", server.Reply(body=b"x", headers={"ETag": '"e"'}))
    fetcher = fetcher_factory()
    fetcher.get(url)
    fetcher.get(url, conditional=False)
    assert "If-None-Match" not in server.hits("/v.html")[-1].headers


def test_redirect_within_allowed_host_is_followed(server, fetcher_factory):
    server.route("/old.html", server.Reply(status=301, headers={"Location": "/new.html"}))
    target = server.route("/new.html", server.Reply(body=b"moved"))
    result = fetcher_factory().get(server.url + "/old.html")
    assert result.ok and result.final_url == target


def test_redirect_to_host_not_allowed_is_refused(server, fetcher_factory):
    elsewhere = f"http://localhost:{server.port}/copy.html"
    server.route("/go.html", server.Reply(status=302, headers={"Location": elsewhere}))
    server.route("/copy.html", server.Reply(body=b"copied"))
    result = fetcher_factory().get(server.url + "/go.html")
    assert result.reason == "host_not_allowed"
    assert server.hits("/copy.html") == []


def test_host_not_in_allowed_hosts_is_not_requested(server, fetcher_factory, make_source):
    fetcher = fetcher_factory(make_source(allowed_hosts=["www.example.gov.cn"]))
    result = fetcher.get(server.url + "/a.html")
    assert result.reason == "host_not_allowed"
    assert server.requests == []


def test_private_address_refused_by_default(server, fetcher_factory, make_source):
    fetcher = fetcher_factory(make_source(allow_private_network=False))
    result = fetcher.get(server.url + "/a.html")
    assert result.reason == "private_address"
    assert server.requests == []


def test_private_address_allowed_when_source_says_so(server, fetcher_factory, make_source):
    url = server.route("/a.html", server.Reply(body=b"x"))
    assert fetcher_factory(make_source(allow_private_network=True)).get(url).ok


def test_non_http_scheme_refused(fetcher_factory):
    assert fetcher_factory().get("file:///etc/passwd").reason == "unsupported_scheme"


def test_malformed_url_is_a_result_not_an_exception(fetcher_factory):
    assert fetcher_factory().get("http://[::1/x.html").reason == "bad_url"


def test_connection_refused_is_reported(fetcher_factory):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert fetcher_factory(retries=0).get(f"http://127.0.0.1:{port}/x.html").reason == "connection_error"


def test_robots_disallow_is_honoured(server, fetcher_factory):
    server.route(
        "/robots.txt", server.Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    )
    server.route("/private/r.html", server.Reply(body=b"secret"))
    result = fetcher_factory().get(server.url + "/private/r.html")
    assert result.reason == "robots_disallowed"
    assert server.hits("/private/r.html") == []


def test_robots_5xx_disallows_the_host(server, fetcher_factory):
    server.route("/robots.txt", server.Reply(status=503))
    server.route("/a.html", server.Reply(body=b"a"))
    assert fetcher_factory().get(server.url + "/a.html").reason == "robots_disallowed"


def test_robots_is_fetched_once_per_host(server, fetcher_factory):
    server.route("/robots.txt", server.Reply(body=b"User-agent: *\nDisallow:\n", content_type="text/plain"))
    server.route("/a.html", server.Reply(body=b"a"))
    server.route("/b.html", server.Reply(body=b"b"))
    fetcher = fetcher_factory()
    fetcher.get(server.url + "/a.html")
    fetcher.get(server.url + "/b.html")
    assert len(server.hits("/robots.txt")) == 1


def test_failures_are_logged_too(server, fetcher_factory, make_source):
    fetcher = fetcher_factory(make_source(allowed_hosts=["other.example"]))
    fetcher.get(server.url + "/x.html")
    assert log_lines(fetcher)[0]["error"].startswith("host_not_allowed")


def test_raw_store_put_is_idempotent(tmp_path):
    store = RawStore(tmp_path)
    assert store.put(b"abc") == store.put(b"abc")
    assert list((tmp_path / "raw" / "objects").rglob("*.tmp")) == []


def test_fetch_log_skips_a_torn_last_line(tmp_path):
    path = tmp_path / "raw" / "fetch_log" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text('{"source": "s", "url": "u", "requested_at": "t", "sta', encoding="utf-8")
    assert FetchLog(tmp_path, "s").last_success("u") is None


def test_allowed_hosts_cover_subdomains_only():
    assert host_allowed("www.weifang.gov.cn", None, ["weifang.gov.cn"])
    assert not host_allowed("evilweifang.gov.cn", None, ["weifang.gov.cn"])


def test_source_delay_spaces_real_requests(server, fetcher_factory, make_source):
    server.route("/a.html", server.Reply(body=b"a"))
    fetcher = fetcher_factory(make_source(delay_s=0.3), respect_robots=False)
    started = time.monotonic()
    fetcher.get(server.url + "/a.html")
    fetcher.get(server.url + "/a.html")
    assert time.monotonic() - started >= 0.3


def test_throttle_spaces_requests_to_one_host():
    slept: list[float] = []
    clock = iter([0.0, 0.0, 0.1, 0.1]).__next__
    throttle = HostThrottle(1.0, clock=clock, sleep=slept.append)
    throttle.wait("a")
    throttle.wait("a")
    assert slept == [0.9]


def test_torn_last_line_is_cut_before_the_next_append(server, fetcher_factory, tmp_path):
    url = server.route("/a.html", server.Reply(body=b"<html>a</html>"))
    fetcher_factory().get(url)
    path = tmp_path / "data" / "raw" / "fetch_log" / "test-src.jsonl"
    with path.open("ab") as handle:  # a process killed inside os.write
        handle.write(b'{"source": "test-src", "url": "http://x/", "requ')
    fetcher = fetcher_factory()  # a rerun opens the log
    assert fetcher.get(url).ok
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["url"] for line in lines] == [url, url]  # every line parses


def test_read_all_skips_lines_that_are_not_json(tmp_path):
    path = tmp_path / "raw" / "fetch_log" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text('{"url": "a"}\n{"url": "b", "sta{"url": "c"}\n[1]\n{"url": "d"}\n', encoding="utf-8")
    assert [row["url"] for row in FetchLog(tmp_path, "s").read_all()] == ["a", "d"]


def test_post_is_guarded_logged_and_stored(server, fetcher_factory, make_source):
    url = server.route("/proxy.jsp?start=1", server.Reply(body=b"<datastore></datastore>"))
    fetcher = fetcher_factory()
    result = fetcher.post(url, {"columnid": "7"})
    assert result.ok and server.requests[-1].method == "POST" and server.requests[-1].body == b"columnid=7"
    assert log_lines(fetcher)[-1]["http"]["method"] == "POST"
    blocked = fetcher_factory(make_source(allowed_hosts=["other.example"])).post(url, {"a": "1"})
    assert blocked.reason == "host_not_allowed"


def test_post_redirected_with_303_becomes_a_get(server, fetcher_factory):
    url = server.route("/form.jsp", server.Reply(status=303, headers={"Location": "/result.html"}))
    server.route("/result.html", server.Reply(body=b"done"))
    assert fetcher_factory().post(url, {"a": "1"}).body == b"done"
    assert [r.method for r in server.requests if r.path != "/robots.txt"] == ["POST", "GET"]


def test_redirect_loop_is_too_many_redirects(server, fetcher_factory):
    server.route("/a.html", server.Reply(status=302, headers={"Location": "/b.html"}))
    server.route("/b.html", server.Reply(status=302, headers={"Location": "/a.html"}))
    assert fetcher_factory().get(server.url + "/a.html").reason == "too_many_redirects"


def test_gzip_bomb_is_cut_at_the_decompressed_size(server, fetcher_factory):
    import gzip

    bomb = gzip.compress(b"\0" * (20 * 2**20))
    url = server.route("/bomb.html", server.Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    result = fetcher_factory(max_bytes=2**20).get(url)
    assert len(bomb) < 2**20 and result.reason == "too_large"


def test_trickling_body_is_cut_at_max_seconds(server, fetcher_factory):
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        for _ in range(40):  # each packet well within the read timeout, the whole far beyond max_seconds
            handler.wfile.write(b"x" * 70000)
            handler.wfile.flush()
            time.sleep(0.05)
        handler.close_connection = True

    url = server.route("/trickle.html", trickle)
    result = fetcher_factory(max_seconds=0.3, retries=0).get(url)
    assert result.reason == "timeout"
