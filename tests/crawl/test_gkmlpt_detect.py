"""The gkmlpt adapter (index page → SID → JSON API pages) and platform detection."""

from __future__ import annotations

import json

import pytest

from scrapers.portals import discover
from scrapers.portals.detect import detect_platform
from scrapers.portals.gkmlpt import api_url, article_date, entry_category

INDEX = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title>
<script>window._CONFIG = {SID: '2880', SITE: '某市司法局'};</script></head>
<body><div id="app"></div><script src="/gkmlpt/static/js/app.js"></script></body></html>"""

REPORT_2022 = "某市司法局2022年法治政府建设年度报告"


def _page(articles: list[dict], total: int) -> bytes:
    return json.dumps({"articles": articles, "total": total, "classify": {}}, ensure_ascii=False).encode()


def _article(n: int, title: str, when: int | str) -> dict:
    return {
        "id": n,
        "title": title,
        "url": f"/gkmlpt/content/2/{n}/post_{n}.html#{n}",
        "first_publish_time": when,
    }


@pytest.fixture
def gkmlpt_site(server):
    entry = server.html("/gkmlpt/index", INDEX)
    first = [
        _article(301, REPORT_2022, 1674179400),  # 2023-01-20 09:50 China time
        _article(302, "关于开展法治政府建设示范创建的通知", 1672531200),
    ]
    second = [_article(201, "某市司法局2021年法治政府建设年度报告", "2022-01-25 10:00:00")]
    json_type = "application/json;charset=UTF-8"
    server.route(
        "/gkmlpt/api/all/0?page=1&sid=2880", server.Reply(body=_page(first, 3), content_type=json_type)
    )
    server.route(
        "/gkmlpt/api/all/0?page=2&sid=2880", server.Reply(body=_page(second, 3), content_type=json_type)
    )
    return entry


@pytest.fixture
def run(fetcher_factory, make_source):
    def run_discovery(entry: str, **overrides):
        source = make_source(platform="gkmlpt", entry_urls=[entry], **overrides)
        return discover(source, fetcher_factory(source))

    return run_discovery


def test_gkmlpt_walks_the_api_pages(run, server, gkmlpt_site):
    discovery = run(gkmlpt_site)
    assert discovery.pages_seen == [
        gkmlpt_site,
        server.url + "/gkmlpt/api/all/0?page=1&sid=2880",
        server.url + "/gkmlpt/api/all/0?page=2&sid=2880",
    ]
    assert discovery.failures == []


def test_gkmlpt_candidates_with_dates_and_filters(run, server, gkmlpt_site):
    discovery = run(gkmlpt_site)
    assert [(c.url, c.title, c.listed_date) for c in discovery.candidates] == [
        (server.url + "/gkmlpt/content/2/301/post_301.html", REPORT_2022, "2023-01-20"),
        (
            server.url + "/gkmlpt/content/2/201/post_201.html",
            "某市司法局2021年法治政府建设年度报告",
            "2022-01-25",
        ),
    ]
    assert [s.item.title for s in discovery.skipped] == ["关于开展法治政府建设示范创建的通知"]


def test_gkmlpt_category_from_the_fragment(run, server):
    server.html("/gkmlpt/index", INDEX)
    reply = server.Reply(
        body=_page([_article(9, REPORT_2022, 1674179400)], 1), content_type="application/json"
    )
    server.route("/gkmlpt/api/all/2345?page=1&sid=2880", reply)
    discovery = run(server.url + "/gkmlpt/index#2345")
    assert [c.title for c in discovery.candidates] == [REPORT_2022]


def test_gkmlpt_api_entry_url_skips_the_index(run, server):
    reply = server.Reply(
        body=_page([_article(9, REPORT_2022, 1674179400)], 1), content_type="application/json"
    )
    server.route("/gkmlpt/api/all/7?page=1&sid=55", reply)
    discovery = run(server.url + "/gkmlpt/api/all/7?sid=55")
    assert len(discovery.candidates) == 1 and server.hits("/gkmlpt/index") == []


def test_gkmlpt_without_sid_is_a_failure(run, server):
    entry = server.html("/gkmlpt/index", "<html><body>维护中</body></html>")
    assert [f.reason for f in run(entry).failures] == ["sid_not_found"]


def test_gkmlpt_api_that_is_not_json_is_a_failure(run, server):
    entry = server.html("/gkmlpt/index", INDEX)
    server.html("/gkmlpt/api/all/0?page=1&sid=2880", "<html>访问过于频繁</html>")
    assert [f.reason for f in run(entry).failures] == ["bad_api_response"]


def test_gkmlpt_failed_api_page_keeps_earlier_candidates(run, server, gkmlpt_site):
    del server.routes["/gkmlpt/api/all/0?page=2&sid=2880"]
    discovery = run(gkmlpt_site)
    assert [f.reason for f in discovery.failures] == ["http_404"]
    assert len(discovery.candidates) == 1


def test_gkmlpt_max_pages_counts_the_index(run, gkmlpt_site):
    discovery = run(gkmlpt_site, max_pages=2)
    assert [f.reason for f in discovery.failures] == ["max_pages_reached"]
    assert len(discovery.pages_seen) == 2


def test_gkmlpt_helpers():
    assert entry_category("http://a.gov.cn/gkmlpt/index#3026") == "3026"
    assert entry_category("http://a.gov.cn/gkmlpt/index") == "0"
    assert (
        api_url("http://a.gov.cn/x/gkmlpt/index", "0", 2, "9")
        == "http://a.gov.cn/x/gkmlpt/api/all/0?page=2&sid=9"
    )
    assert article_date({"first_publish_time": 1674179400000}) == "2023-01-20"  # milliseconds
    assert article_date({"date": "2023年1月20日"}) == "2023-01-20"
    assert article_date({}) is None


# -- detection ----------------------------------------------------------------------------------


def test_detect_trs(fixture_text):
    detection = detect_platform(fixture_text("trs_list_index.html"), "http://a.gov.cn/fzzf/index.html")
    assert detection.platform == "trs" and "createPageHTML pager" in detection.evidence


def test_detect_trs_article(fixture_text):
    assert detect_platform(fixture_text("trs_article.html")).platform == "trs"


def test_detect_hanweb(fixture_text):
    detection = detect_platform(fixture_text("hanweb_column.html"), "http://a.gov.cn/col/col4521/index.html")
    assert detection.platform == "hanweb"
    assert {"/col/col<N>/ URL", "dataproxy.jsp", "<datastore> records"} <= set(detection.evidence)


def test_detect_hanweb_by_footer_only():
    html = "<ul><li><a href='/a.html'>x</a></li></ul><p>Produced By 大汉网络 大汉版通</p>"
    assert detect_platform(html, "http://a.gov.cn/zwgk/index.html").platform == "hanweb"


def test_detect_gkmlpt():
    detection = detect_platform(INDEX, "http://a.gov.cn/gkmlpt/index")
    assert detection.platform == "gkmlpt" and detection.sid == "2880"


def test_sid_alone_is_not_gkmlpt():
    assert (
        detect_platform("<script>var SID = '12';</script>", "http://a.gov.cn/list.html").platform == "generic"
    )


def test_detect_generic(fixture_text):
    detection = detect_platform(fixture_text("generic_list_1.html"), "http://a.gov.cn/gk/list.html")
    assert detection.platform == "generic" and detection.evidence == []
    assert "no platform fingerprint" in detection.describe()
