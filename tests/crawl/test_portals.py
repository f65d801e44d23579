"""Discovery adapters on fixture list pages served by the local server."""

from __future__ import annotations

import pytest

from scrapers.portals import discover
from scrapers.portals.base import TitleFilter, normalize_date
from scrapers.portals.hanweb import parse_datastore
from scrapers.portals.trs import parse_paging


@pytest.fixture
def trs_site(server, fixture_text):
    server.html("/fzzf/index.html", fixture_text("trs_list_index.html"))
    server.html("/fzzf/index_1.html", fixture_text("trs_list_index_1.html"))
    server.html("/fzzf/index_2.html", fixture_text("trs_list_index_2.html"))
    return server.url + "/fzzf/index.html"


@pytest.fixture
def run(fetcher_factory, make_source):
    def run_discovery(platform: str, entry: str, **overrides):
        source = make_source(platform=platform, entry_urls=[entry], **overrides)
        return discover(source, fetcher_factory(source))

    return run_discovery


def urls(discovery) -> list[str]:
    return [c.url for c in discovery.candidates]


# -- TRS ----------------------------------------------------------------------------------------


def test_trs_walks_every_create_page_html_page(run, trs_site, server):
    discovery = run("trs", trs_site)
    assert discovery.pages_seen == [
        f"{server.url}/fzzf/index.html",
        f"{server.url}/fzzf/index_1.html",
        f"{server.url}/fzzf/index_2.html",
    ]


def test_trs_candidates_are_absolute_and_filtered(run, trs_site, server):
    assert urls(run("trs", trs_site)) == [
        f"{server.url}/fzzf/202403/t20240328_123456.html",
        f"{server.url}/fzzf/202401/t20240131_123300.html",
        f"{server.url}/fzzf/202303/t20230330_100.html",
        f"{server.url}/fzzf_old/202203/t20220331_50.html",
    ]


def test_trs_notices_are_filtered_out(run, trs_site):
    assert not any("通知" in c.title for c in run("trs", trs_site).candidates)


def test_trs_full_title_from_title_attribute(run, trs_site):
    assert run("trs", trs_site).candidates[0].title == "潍坊市2023年法治政府建设情况报告"


def test_trs_listed_dates_are_normalized(run, trs_site):
    dates = [c.listed_date for c in run("trs", trs_site).candidates]
    assert dates == ["2024-03-28", "2024-01-31", "2023-03-30", "2022-03-31"]


def test_trs_candidate_on_other_host_becomes_failure(run, trs_site):
    discovery = run("trs", trs_site)
    (failure,) = [f for f in discovery.failures if f.reason == "host_not_allowed"]
    assert failure.url == "http://mirror.example.com/copy/t20240328_123456.html"
    assert failure.stage == "discover"


def test_trs_max_pages_is_respected(run, trs_site):
    discovery = run("trs", trs_site, max_pages=2)
    assert len(discovery.pages_seen) == 2
    assert any(f.reason == "max_pages_reached" for f in discovery.failures)


def test_failed_list_page_is_a_failure_and_the_walk_goes_on(run, server, fixture_text):
    server.html("/fzzf/index.html", fixture_text("trs_list_index.html"))
    server.html("/fzzf/index_2.html", fixture_text("trs_list_index_2.html"))  # index_1 missing: 404
    discovery = run("trs", server.url + "/fzzf/index.html")
    (failure,) = [f for f in discovery.failures if f.reason == "http_404"]
    assert failure.url == server.url + "/fzzf/index_1.html"
    assert server.url + "/fzzf_old/202203/t20220331_50.html" in urls(discovery)


def test_trs_paging_with_element_id_and_extension():
    paging = parse_paging('createPageHTML("page_div", 12, 0, "list", "shtml", 236);')
    assert (paging.count, paging.prefix, paging.extension) == (12, "list", "shtml")
    assert paging.page_url("http://a.gov.cn/col/list.shtml", 3) == "http://a.gov.cn/col/list_3.shtml"


def test_trs_page_without_paging_script_follows_next_link(run, server):
    first = '<a href="t1.html">2023年法治政府建设情况报告</a><a href="index_1.htm">下一页</a>'
    server.html("/c/index.htm", first)
    server.html("/c/index_1.htm", '<a href="t0.html">2022年法治政府建设情况报告</a>')
    assert urls(run("trs", server.url + "/c/index.htm")) == [
        server.url + "/c/t1.html",
        server.url + "/c/t0.html",
    ]


# -- Hanweb -------------------------------------------------------------------------------------


def test_hanweb_records_from_datastore(run, server, fixture_text):
    entry = server.html("/col/col4521/index.html", fixture_text("hanweb_column.html"))
    assert urls(run("hanweb", entry)) == [
        server.url + "/art/2022/1/5/art_4521_3001.html",
        server.url + "/art/2021/1/20/art_4521_2001.html",
    ]


def test_hanweb_ignores_links_outside_the_datastore(run, server, fixture_text):
    entry = server.html("/col/col4521/index.html", fixture_text("hanweb_column.html"))
    assert server.url + "/col/col100/index.html" not in urls(run("hanweb", entry, title_include=[]))


def test_hanweb_record_dates(run, server, fixture_text):
    entry = server.html("/col/col4521/index.html", fixture_text("hanweb_column.html"))
    assert [c.listed_date for c in run("hanweb", entry).candidates] == ["2022-01-05", "2021-01-20"]


def _record(href: str, title: str, date: str) -> str:
    item = f'<li><a href="{href}" title="{title}">{title}</a><span>{date}</span></li>'
    return f"<record><![CDATA[{item}]]></record>"


def _datastore(total: int, records: list[str]) -> bytes:
    body = (
        f"<datastore><totalrecord>{total}</totalrecord><recordset>{''.join(records)}</recordset></datastore>"
    )
    return ('<?xml version="1.0" encoding="utf-8"?>' + body).encode()


DATAPROXY = "/module/web/jpage/dataproxy.jsp"
REPORT_2019 = "威海市文登区2019年度法治政府建设情况报告"


def with_total(fixture_text, total: int) -> str:
    html = fixture_text("hanweb_column.html")
    return html.replace("<totalrecord>3</totalrecord>", f"<totalrecord>{total}</totalrecord>")


@pytest.fixture
def hanweb_five(server, fixture_text):
    """A column page holding 3 of its 5 records; dataproxy.jsp serves the other two."""
    html = fixture_text("hanweb_column.html").replace(
        "<totalrecord>3</totalrecord>", "<totalrecord>5</totalrecord>"
    )
    entry = server.html("/col/col4521/index.html", html)
    more = [
        _record(
            "/art/2020/1/10/art_4521_1001.html", "威海市文登区2019年度法治政府建设情况报告", "2020-01-10"
        ),
        _record("/art/2019/5/10/art_4521_901.html", "关于法治政府建设考核的通知", "2019-05-10"),
    ]
    server.route(
        DATAPROXY + "?startrecord=4&endrecord=5&perpage=15",
        server.Reply(body=_datastore(5, more), content_type="text/xml;charset=UTF-8"),
    )
    return entry


def test_hanweb_dataproxy_pages_beyond_the_column_page(run, server, hanweb_five):
    discovery = run("hanweb", hanweb_five)
    assert urls(discovery)[-1] == server.url + "/art/2020/1/10/art_4521_1001.html"
    assert len(discovery.candidates) == 3 and discovery.failures == []
    assert [c.listed_date for c in discovery.candidates][-1] == "2020-01-10"
    assert "关于法治政府建设考核的通知" in [s.item.title for s in discovery.skipped]


def test_hanweb_dataproxy_is_a_post_with_the_column_parameters(run, server, hanweb_five):
    discovery = run("hanweb", hanweb_five)
    (post,) = [r for r in server.requests if r.method == "POST"]
    assert post.path == DATAPROXY + "?startrecord=4&endrecord=5&perpage=15"
    from urllib.parse import parse_qs

    form = {k: v[0] for k, v in parse_qs(post.body.decode()).items()}
    assert form["columnid"] == "4521" and form["unitid"] == "23456" and form["webid"] == "4"
    assert form["col"] == "1" and form["appid"] == "1" and form["permissiontype"] == "0"
    assert discovery.pages_seen[-1] == server.url + post.path


def test_hanweb_dataproxy_is_logged_as_a_post(run, server, hanweb_five, fetcher_factory, make_source):
    source = make_source(platform="hanweb", entry_urls=[hanweb_five])
    fetcher = fetcher_factory(source)
    discover(source, fetcher)
    lines = fetcher.log.read_all()
    assert [line["http"].get("method") for line in lines] == [None, "POST"]


def test_hanweb_dataproxy_in_several_batches(run, server, fixture_text):
    html = fixture_text("hanweb_column.html").replace(
        "<totalrecord>3</totalrecord>", "<totalrecord>5</totalrecord>"
    )
    html = html.replace("</body>", "<script>var pageJs = {perpage: 1};</script></body>")
    entry = server.html("/col/col4521/index.html", html)
    for n in (4, 5):
        record = _record(
            f"/art/2019/1/{n}/art_4521_{n}.html", f"{2010 + n}年法治政府建设情况报告", "2019-01-01"
        )
        end = min(5, n + 2)
        server.route(
            f"{DATAPROXY}?startrecord={n}&endrecord={end}&perpage=1",
            server.Reply(body=_datastore(5, [record])),
        )
    discovery = run("hanweb", entry)
    assert len(discovery.candidates) == 4 and discovery.failures == []
    assert len([r for r in server.requests if r.method == "POST"]) == 2


def test_hanweb_failed_dataproxy_is_a_failure_and_the_first_batch_is_kept(run, server, fixture_text):
    html = fixture_text("hanweb_column.html").replace(
        "<totalrecord>3</totalrecord>", "<totalrecord>45</totalrecord>"
    )
    entry = server.html("/col/col4521/index.html", html)  # no dataproxy route: 404
    discovery = run("hanweb", entry)
    assert [f.reason for f in discovery.failures] == ["http_404"]
    assert len(discovery.candidates) == 2


def test_hanweb_dataproxy_answer_without_datastore(run, server, fixture_text):
    html = fixture_text("hanweb_column.html").replace(
        "<totalrecord>3</totalrecord>", "<totalrecord>4</totalrecord>"
    )
    entry = server.html("/col/col4521/index.html", html)
    server.route(
        DATAPROXY + "?startrecord=4&endrecord=4&perpage=15", server.Reply(body=b"<html>login</html>")
    )
    assert [f.reason for f in run("hanweb", entry).failures] == ["bad_dataproxy"]


def test_hanweb_more_records_without_a_fetcher_is_reported(fixture_text):
    from scrapers.portals.hanweb import HanwebAdapter

    html = fixture_text("hanweb_column.html").replace(
        "<totalrecord>3</totalrecord>", "<totalrecord>45</totalrecord>"
    )
    page = HanwebAdapter().parse_list_page(html, "http://www.wendeng.gov.cn/col/col4521/index.html")
    assert [reason for reason, _ in page.problems] == ["pagination_unsupported"]


def test_hanweb_total_from_jpage_script_is_read(fixture_text):
    html = fixture_text("hanweb_column.html").replace("<totalrecord>3</totalrecord>", "")
    html = html.replace("</body>", "<script>var pageJs_1 = {totalRecord: 30, perPage: 15};</script></body>")
    assert parse_datastore(html).total == 30


def test_hanweb_dataproxy_params_are_parsed(fixture_text):
    store = parse_datastore(fixture_text("hanweb_column.html"))
    assert store.params.form["columnid"] == "4521"
    assert store.params.form["unitid"] == "23456"


# -- generic ------------------------------------------------------------------------------------


def test_generic_follows_next_until_last_page(run, server, fixture_text):
    entry = server.html("/gk/list.html", fixture_text("generic_list_1.html"))
    server.html("/gk/list.html?page=2", fixture_text("generic_list_2.html"))
    discovery = run("generic", entry)
    assert discovery.pages_seen == [entry, server.url + "/gk/list.html?page=2"]


def test_generic_candidates(run, server, fixture_text):
    entry = server.html("/gk/list.html", fixture_text("generic_list_1.html"))
    server.html("/gk/list.html?page=2", fixture_text("generic_list_2.html"))
    assert [(c.title, c.listed_date) for c in run("generic", entry).candidates] == [
        ("某县2022年政府信息公开工作年度报告", "2023-01-20"),
        ("某县2021年政府信息公开工作年度报告", "2022-01-25"),
        ("某县司法局2021年人民调解工作情况", "2022-01-10"),
    ]


def test_candidates_are_deduplicated_across_entry_urls(fetcher_factory, make_source, server, fixture_text):
    entry = server.html("/gk/list.html", fixture_text("generic_list_1.html"))
    server.html("/gk/list.html?page=2", fixture_text("generic_list_2.html"))
    source = make_source(platform="generic", entry_urls=[entry, server.url + "/gk/list.html?page=2"])
    discovery = discover(source, fetcher_factory(source))
    assert len(urls(discovery)) == len(set(urls(discovery))) == 3


def test_links_back_to_list_pages_are_not_candidates(run, server):
    html = (
        '<a href="./index.html">法治政府建设</a> <a href="index_1.html">法治政府建设（第2页）</a>'
        '<h3><a href="/fzzf/">法治政府建设</a></h3>'
        '<ul><li><a href="/fzzf/2024/r.html">2023年法治政府建设情况报告</a></li></ul>'
    )
    entry = server.html("/fzzf/index.html", html)
    assert urls(run("generic", entry)) == [server.url + "/fzzf/2024/r.html"]


def test_breadcrumb_article_link_is_not_a_candidate(run, server):
    html = (
        '<div class="crumb"><a href="/a/1.html">法治政府建设</a></div>'
        '<a href="/a/2.html">法治政府建设年度报告</a>'
    )
    entry = server.html("/l.html", html)
    assert urls(run("generic", entry)) == [server.url + "/a/2.html"]


def test_gbk_list_page_is_decoded(run, server):
    body = '<meta charset="gbk"><a href="/r.html">2023年法治政府建设年度报告</a>'.encode("gbk")
    entry = server.route("/gbk.html", server.Reply(body=body, content_type="text/html; charset=utf-8"))
    assert [c.title for c in run("generic", entry).candidates] == ["2023年法治政府建设年度报告"]


def test_unsupported_platform_is_a_failure(make_source, server):
    from scrapers.portals.base import unsupported

    discovery = unsupported(make_source(entry_urls=[server.url + "/x/index"]))
    assert [f.reason for f in discovery.failures] == ["unsupported_platform"]
    assert server.requests == []


# -- helpers ------------------------------------------------------------------------------------


def test_title_filter_accepts_regex_include():
    assert TitleFilter([r"20\d{2}年度?法治政府"], []).accepts("某区2021年度法治政府建设报告")


def test_title_filter_exclude_wins():
    assert not TitleFilter(["法治政府建设"], ["征求意见"]).accepts("法治政府建设规划征求意见稿")


def test_normalize_date_variants():
    assert normalize_date("[2024/1/5]") == "2024-01-05"
    assert normalize_date("2023年03月30日") == "2023-03-30"
    assert normalize_date("2022.13.40") is None
