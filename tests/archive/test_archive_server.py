"""The server speaks enough HTTP for a polite crawler: 200, 304, 404, HEAD, charsets, robots."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from scrapers.archive.server import ArchiveServer

REPO = Path(__file__).resolve().parents[2]
PAGE = "/liuyang/fzzfjs/index.html"


def test_get_sends_validators_and_charset(server: ArchiveServer) -> None:
    reply = requests.get(server.url + PAGE, timeout=5)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert reply.headers["ETag"].startswith('"') and reply.headers["Last-Modified"].endswith("GMT")
    assert "法治政府建设" in reply.text


def test_conditional_get_answers_304(server: ArchiveServer) -> None:
    first = requests.get(server.url + PAGE, timeout=5)
    by_etag = requests.get(server.url + PAGE, headers={"If-None-Match": first.headers["ETag"]}, timeout=5)
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = requests.get(
        server.url + PAGE, headers={"If-Modified-Since": first.headers["Last-Modified"]}, timeout=5
    )
    assert by_date.status_code == 304
    stale = requests.get(server.url + PAGE, headers={"If-None-Match": '"something-else"'}, timeout=5)
    assert stale.status_code == 200
    older = requests.get(
        server.url + PAGE, headers={"If-Modified-Since": "Mon, 01 Jan 2018 00:00:00 GMT"}, timeout=5
    )
    assert older.status_code == 200


def test_head_has_headers_and_no_body(server: ArchiveServer) -> None:
    get = requests.get(server.url + PAGE, timeout=5)
    head = requests.head(server.url + PAGE, timeout=5)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Length"] == str(len(get.content))
    assert head.headers["ETag"] == get.headers["ETag"]


def test_unknown_path_is_404_and_robots_allows_the_reports(server: ArchiveServer) -> None:
    assert requests.get(server.url + "/liuyang/no-such-page.html", timeout=5).status_code == 404
    assert requests.head(server.url + "/nothing", timeout=5).status_code == 404
    robots = requests.get(server.url + "/robots.txt", timeout=5)
    assert robots.status_code == 200 and "User-agent: *" in robots.text
    assert "Disallow: /\n" not in robots.text


def test_gbk_page_is_declared_and_decodes_as_gbk(server: ArchiveServer) -> None:
    reply = requests.get(server.url + "/changxingdao/zfxxgk/index.html", timeout=5)
    assert reply.headers["Content-Type"] == "text/html; charset=gbk"
    assert "政府信息公开" in reply.content.decode("gbk")


def test_serve_forever_writes_its_url_and_stops_on_sigterm(tmp_path: Path) -> None:
    url_file = tmp_path / "archive.url"
    process = subprocess.Popen(
        [sys.executable, "-m", "scrapers.archive", "--url-file", str(url_file)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while not url_file.exists():
            assert process.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        url = url_file.read_text().strip()
        assert url.startswith("http://127.0.0.1:")
        assert requests.get(url + "/robots.txt", timeout=5).status_code == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        assert not url_file.exists()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


DEQING = "/deqing/col/col1229515/index.html"
DATAPROXY = "/module/web/jpage/dataproxy.jsp"


def test_hanweb_column_page_holds_the_first_batch_only(server: ArchiveServer) -> None:
    text = requests.get(server.url + DEQING, timeout=5).text
    assert text.count("<record>") == 4 and "totalRecord: 7" in text


def test_dataproxy_post_answers_the_requested_records(server: ArchiveServer) -> None:
    reply = requests.post(
        server.url + DATAPROXY + "?startrecord=5&endrecord=7&perpage=15",
        data={
            "col": "1",
            "appid": "1",
            "webid": "3",
            "path": "/deqing/",
            "columnid": "1229515",
            "unitid": "1",
        },
        timeout=5,
    )
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith("text/xml")
    assert "<totalrecord>7</totalrecord>" in reply.text and reply.text.count("<record>") == 3
    first = requests.post(
        server.url + DATAPROXY + "?startrecord=1&endrecord=4&perpage=15",
        data={"columnid": "1229515"},
        timeout=5,
    )
    page = requests.get(server.url + DEQING, timeout=5).text
    assert first.text.split("<record>")[1].split("</record>")[0] in page


def test_dataproxy_for_an_unknown_column_is_a_400(server: ArchiveServer) -> None:
    reply = requests.post(
        server.url + DATAPROXY + "?startrecord=1&endrecord=4", data={"columnid": "9"}, timeout=5
    )
    assert reply.status_code == 400
    assert requests.post(server.url + DEQING, data={}, timeout=5).status_code == 405


def test_gkmlpt_index_and_api(server: ArchiveServer) -> None:
    index = requests.get(server.url + "/jiangyin-xxgk/gkmlpt/index", timeout=5)
    assert index.status_code == 200 and "SID: '2005'" in index.text
    page1 = requests.get(server.url + "/jiangyin-xxgk/gkmlpt/api/all/2301?page=1&sid=2005", timeout=5).json()
    page2 = requests.get(server.url + "/jiangyin-xxgk/gkmlpt/api/all/2301?page=2&sid=2005", timeout=5).json()
    assert page1["total"] == 3 and len(page1["articles"]) == 2 and len(page2["articles"]) == 1
    article = page1["articles"][1]
    assert "/gkmlpt/content/2301/" in article["url"] and isinstance(article["first_publish_time"], int)
    assert requests.get(server.url + article["url"], timeout=5).status_code == 200


def test_delay_slows_every_answer() -> None:
    with ArchiveServer(delay_s=0.2) as slow:
        started = time.monotonic()
        requests.get(slow.url + "/robots.txt", timeout=5)
        assert time.monotonic() - started >= 0.2
