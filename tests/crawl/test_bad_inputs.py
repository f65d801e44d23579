"""The bad-input matrix: one crawl through `scrapers.pipeline` (discover → fetch → extract) of a
list whose items each go wrong in their own way, on a local server on 127.0.0.1.

Every bad item must end with its recorded reason (a Failure in the step's failure file) and the
rest of the crawl must go on: the good items become reports. The source does NOT allow private
networks; the server is reached as `localhost`, which the test's resolver maps to a public address
for the guard's check only (the connection still goes to 127.0.0.1), so that redirects to
127.0.0.1 and 169.254.169.254 meet the real private-address guard.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from localserver import LocalServer, _make_source
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from scrapers import pipeline
from scrapers.fetch import Fetcher, RawStore, netguard
from scrapers.reportstore import ReportStore, read_json

MB = 2**20
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_real_resolve = netguard.resolve


def report_page(title: str, sentence: str, *, nav: str = "首页", charset: str = "utf-8") -> str:
    body = "".join(
        f"<p>{sentence}第{n}项工作扎实推进，群众满意度持续提升，依法行政水平不断提高。</p>" for n in range(6)
    )
    return (
        f'<html><head><meta charset="{charset}"><title>{title}</title></head><body>'
        f'<div class="nav"><a href="/">{nav}</a></div><h1>{title}</h1>'
        f'<div id="content">{body}</div></body></html>'
    )


def pdf_without_text() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 300, 300, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=StandardEncryption("user-secret", "owner-secret"))
    pdf.drawString(72, 720, "secret report text for testing purposes")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def ofd_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
        archive.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    return buffer.getvalue()


# path → (title on the list, expected outcome: "report" or (stage, reason))
CASES: dict[str, tuple[str, object]] = {
    "/r/ok.html": ("甲县2023年法治政府建设情况报告", "report"),
    "/r/404.html": ("乙县2023年法治政府建设情况报告", ("fetch", "http_404")),
    "/r/flaky.html": ("丙县2023年法治政府建设情况报告", "report"),  # 500, then 200 on retry
    "/r/busy.html": ("丁县2023年法治政府建设情况报告", "report"),  # 429 Retry-After: 1, then 200
    "/r/slow.html": ("戊县2023年法治政府建设情况报告", ("fetch", "timeout")),
    "/r/loop.html": ("己县2023年法治政府建设情况报告", ("fetch", "too_many_redirects")),
    "/r/to-loopback.html": ("庚县2023年法治政府建设情况报告", ("fetch", "private_address")),
    "/r/to-metadata.html": ("辛县2023年法治政府建设情况报告", ("fetch", "private_address")),
    "/r/to-copy.html": ("壬县2023年法治政府建设情况报告", ("fetch", "host_not_allowed")),
    "/r/huge.html": ("癸县2023年法治政府建设情况报告", ("fetch", "too_large")),
    "/r/bomb.html": ("子县2023年法治政府建设情况报告", ("fetch", "too_large")),
    "/r/cut-transfer.html": ("丑县2023年法治政府建设情况报告", ("fetch", "connection_error")),
    "/r/wrong-charset.html": ("寅县2023年法治政府建设情况报告", "report"),
    "/r/cut-markup.html": ("卯县2023年法治政府建设情况报告", "report"),
    "/r/binary.html": ("辰县2023年法治政府建设情况报告", ("parse", "unsupported_format")),
    "/r/scan.pdf": ("巳县2023年法治政府建设情况报告", ("parse", "needs_ocr")),
    "/r/locked.pdf": ("午县2023年法治政府建设情况报告", ("parse", "encrypted")),
    "/private/r.html": ("未县2023年法治政府建设情况报告", ("fetch", "robots_disallowed")),
    "/r/report.doc": ("申县2023年法治政府建设情况报告", ("parse", "unsupported_format")),
    "/r/report.wps": ("酉县2023年法治政府建设情况报告", ("parse", "unsupported_format")),
    "/r/report.ofd": ("戌县2023年法治政府建设情况报告", ("parse", "unsupported_format")),
    "/r/same-a.html": ("亥县2023年法治政府建设情况报告", "report"),
    "/r/same-b.html": ("亥县2023年法治政府建设情况报告（转载）", "report"),  # same report, other chrome
}


def _close_after(reply_bytes: bytes, headers: dict[str, str]):
    """A route that writes the response itself and closes the connection."""

    def route(handler):
        handler.send_response(200)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(reply_bytes)
        handler.close_connection = True

    return route


def _stream_forever_ish(handler) -> None:
    """51 MB without Content-Length: the limit must be enforced while streaming."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"<p>" + b"x" * (MB - 3)
    for _ in range(51):
        handler.wfile.write(chunk)
    handler.close_connection = True


@pytest.fixture(scope="module")
def server():
    srv = LocalServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def crawl(server, tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _crawl(server, tmp_path_factory.mktemp("matrix"), monkeypatch)


def _crawl(server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    host = f"http://localhost:{server.port}"
    loopback = f"http://127.0.0.1:{server.port}"
    # The guard believes localhost is public; everything else resolves for real.
    monkeypatch.setattr(
        netguard,
        "resolve",
        lambda name, port: ["93.184.216.34"] if name == "localhost" else _real_resolve(name, port),
    )
    monkeypatch.setattr(
        pipeline,
        "Fetcher",
        functools.partial(Fetcher, timeout=(2, 0.5), retries=1, backoff_base=0.01, max_wait=1.5),
    )
    links = "".join(
        f'<li><a href="{path}">{title}</a><span>2024-01-15</span></li>' for path, (title, _) in CASES.items()
    )
    server.html("/list.html", f'<ul>{links}</ul><a href="/list_2.html">下一页</a>')  # list_2: a 404
    server.route(
        "/robots.txt", server.Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    )
    ok = report_page("甲县2023年法治政府建设情况报告", "甲县")
    server.html("/r/ok.html", ok)
    server.route(
        "/r/flaky.html", [server.Reply(status=500), server.Reply(body=report_page("丙县", "丙县").encode())]
    )
    server.route(
        "/r/busy.html",
        [
            server.Reply(status=429, headers={"Retry-After": "1"}),
            server.Reply(body=report_page("丁县", "丁县").encode()),
        ],
    )
    server.route("/r/slow.html", server.Reply(body=ok.encode(), delay_s=2.0))
    server.route("/r/loop.html", server.Reply(status=302, headers={"Location": "/r/loop2.html"}))
    server.route("/r/loop2.html", server.Reply(status=302, headers={"Location": "/r/loop.html"}))
    server.route(
        "/r/to-loopback.html", server.Reply(status=302, headers={"Location": loopback + "/r/ok.html"})
    )
    server.route(
        "/r/to-metadata.html",
        server.Reply(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}),
    )
    server.route(
        "/r/to-copy.html", server.Reply(status=302, headers={"Location": "http://www.news-copy.com/a/1.html"})
    )
    server.route("/r/huge.html", _stream_forever_ish)
    bomb = gzip.compress(b"\0" * (60 * MB), compresslevel=9)
    server.route(
        "/r/bomb.html",
        server.Reply(body=bomb, headers={"Content-Encoding": "gzip"}, content_type="text/html"),
    )
    whole = report_page("丑县", "丑县").encode()
    server.route(
        "/r/cut-transfer.html",
        _close_after(whole[:300], {"Content-Type": "text/html", "Content-Length": str(len(whole))}),
    )
    # GBK bytes; the page's meta and the header both claim UTF-8.
    gbk = report_page("寅县2023年法治政府建设情况报告", "寅县", charset="utf-8").encode("gbk")
    server.route("/r/wrong-charset.html", server.Reply(body=gbk, content_type="text/html; charset=utf-8"))
    cut = report_page("卯县2023年法治政府建设情况报告", "卯县")
    server.html("/r/cut-markup.html", cut[: cut.rindex("</p>") - 5])  # ends inside a paragraph
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    server.route("/r/binary.html", server.Reply(body=png, content_type="text/html; charset=utf-8"))
    server.route("/r/scan.pdf", server.Reply(body=pdf_without_text(), content_type="application/pdf"))
    server.route("/r/locked.pdf", server.Reply(body=encrypted_pdf(), content_type="application/pdf"))
    server.html("/private/r.html", ok)
    server.route("/r/report.doc", server.Reply(body=OLE + b"\0" * 600, content_type="application/msword"))
    server.route(
        "/r/report.wps", server.Reply(body=OLE + b"\0" * 600, content_type="application/octet-stream")
    )
    server.route("/r/report.ofd", server.Reply(body=ofd_file(), content_type="application/ofd"))
    same = report_page("亥县2023年法治政府建设情况报告", "亥县")
    server.html("/r/same-a.html", same)
    server.html(
        "/r/same-b.html",
        same.replace('<a href="/">首页</a>', '<a href="/">网站首页</a> <a href="/x">转载</a>'),
    )

    source = _make_source(
        name="matrix",
        platform="generic",
        entry_urls=[host + "/list.html"],
        allowed_hosts=["localhost", "127.0.0.1", "169.254.169.254"],  # so the address guard decides
        allow_private_network=False,
        title_include=["法治政府建设"],
    )
    data_dir = tmp_path / "data"
    summary = {
        "discover": pipeline.discover_step(source, data_dir),
        "fetch": pipeline.fetch_step(source, data_dir),
        "extract": pipeline.extract_step(source, data_dir),
    }
    work = data_dir / "work" / "matrix"
    failures = {
        f["url"].removeprefix(host): (f["stage"], f["reason"])
        for step in ("discover", "fetch", "extract")
        for f in read_json(work / f"failures_{step}.json", [])
    }
    store = ReportStore(data_dir, "matrix")
    index = {url.removeprefix(host): report_id for url, report_id in store.url_index().items()}
    return {
        "summary": summary,
        "failures": failures,
        "index": index,
        "store": store,
        "host": host,
        "data_dir": data_dir,
    }


def test_every_bad_item_ends_with_its_reason_and_the_rest_goes_on(crawl):
    outcomes = {}
    for path in CASES:
        if path in crawl["failures"]:
            outcomes[path] = crawl["failures"][path]
        elif path in crawl["index"]:
            outcomes[path] = "report"
        else:
            outcomes[path] = "nothing recorded"
    assert outcomes == {path: expected for path, (_, expected) in CASES.items()}


def test_a_failed_list_page_is_recorded_and_discovery_goes_on(crawl):
    assert crawl["failures"]["/list_2.html"] == ("discover", "http_404")
    assert crawl["summary"]["discover"]["candidates"] == len(CASES)


def test_the_same_report_under_two_urls_is_one_report(crawl):
    host = crawl["host"]
    report_id = crawl["index"]["/r/same-a.html"]
    assert crawl["index"]["/r/same-b.html"] == report_id
    record = crawl["store"].load(report_id)
    assert {record["url"], *record["alt_urls"]} == {host + "/r/same-a.html", host + "/r/same-b.html"}


def test_the_wrongly_declared_charset_is_decoded(crawl):
    text = crawl["store"].text(crawl["index"]["/r/wrong-charset.html"])
    assert "寅县第0项工作扎实推进" in text


def test_the_truncated_page_keeps_what_arrived(crawl):
    assert "卯县第4项工作" in crawl["store"].text(crawl["index"]["/r/cut-markup.html"])


def test_reports_are_distinct(crawl):
    reports = {crawl["index"][p] for p, (_, expected) in CASES.items() if expected == "report"}
    assert len(reports) == 6  # ok, flaky, busy, wrong-charset, cut-markup, and one for same-a/same-b


def test_retried_items_log_every_attempt(crawl):
    log = crawl["data_dir"] / "raw" / "fetch_log" / "matrix.jsonl"
    attempts = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    host = crawl["host"]
    assert [a["status"] for a in attempts if a["url"] == host + "/r/flaky.html"] == [500, 200]
    assert [a["status"] for a in attempts if a["url"] == host + "/r/busy.html"] == [429, 200]


def test_nothing_was_requested_from_the_private_targets(server, crawl):
    # the redirect to 127.0.0.1 was refused before any request: the only hits on /r/ok.html came
    # through localhost (the candidate itself), never as the redirect target
    assert len(server.hits("/r/ok.html")) == 1
    assert server.hits("/private/r.html") == []


# -- attachments that are not PDFs -------------------------------------------------------------

ATTACHMENTS = {"/att/a.doc": OLE + b"\0" * 600, "/att/b.wps": OLE + b"\1" * 600, "/att/c.ofd": ofd_file()}


@pytest.fixture(scope="module")
def cover_pages(server, tmp_path_factory: pytest.TempPathFactory):
    """Three short detail pages, each a cover for a DOC / WPS / OFD attachment."""
    links = []
    for n, path in enumerate(ATTACHMENTS):
        server.route(path, server.Reply(body=ATTACHMENTS[path], content_type="application/octet-stream"))
        title = f"某县2023年法治政府建设情况报告（附件{n}）"
        link = f'<a href="{path}">{title}{path[-4:]}</a>'
        page = f'<html><body><div id="content"><p>附件：{link}</p></div></body></html>'
        server.html(f"/cover/{n}.html", page)
        links.append(f'<li><a href="/cover/{n}.html">{title}</a></li>')
    server.html("/cover/list.html", "<ul>" + "".join(links) + "</ul>")
    source = _make_source(name="covers", entry_urls=[server.url + "/cover/list.html"])
    data_dir = tmp_path_factory.mktemp("covers")
    pipeline.discover_step(source, data_dir)
    pipeline.fetch_step(source, data_dir)
    pipeline.extract_step(source, data_dir)
    work = data_dir / "work" / "covers"
    return {
        "fetched": read_json(work / "fetched.json", []),
        "failures": read_json(work / "failures_extract.json", []),
        "store": ReportStore(data_dir, "covers"),
        "data_dir": data_dir,
    }


def test_doc_wps_ofd_attachments_are_kept_and_sniffed_by_magic_bytes(cover_pages):
    from scrapers.parse import sniff_format

    kinds = {}
    for document in cover_pages["fetched"]:
        (attachment,) = document["attachments"]
        sha = attachment["sha256"]
        body = (cover_pages["data_dir"] / "raw" / "objects" / sha[:2] / sha).read_bytes()
        kinds[attachment["url"].rsplit("/", 1)[-1]] = sniff_format(body, attachment["content_type"])
    assert kinds == {"a.doc": "doc", "b.wps": "doc", "c.ofd": "ofd"}  # WPS is an OLE file like DOC


def test_document_text_names_unsupported_attachments(cover_pages):
    store = RawStore(cover_pages["data_dir"])
    document = dict(cover_pages["fetched"][0])
    document["sha256"] = store.put(b"<html><body></body></html>")  # a cover with no text of its own
    with pytest.raises(pipeline._NoText) as excinfo:
        pipeline.document_text(document, store)
    assert excinfo.value.reason == "unsupported_format"
    assert "doc is not supported" in excinfo.value.detail


def test_cover_page_for_a_doc_attachment_is_recorded_as_unsupported_format(cover_pages):
    reasons = sorted(f["reason"] for f in cover_pages["failures"])
    assert reasons == ["unsupported_format"] * 3
