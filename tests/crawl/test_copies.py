"""Copies of government reports on other hosts (often converted to traditional characters, with
pinyin injected into words: 調(diào)解) are refused unless a source allows the host: links found
on list pages, redirects, and hosts that only look like an allowed one."""

from __future__ import annotations

from scrapers.fetch.netguard import host_allowed
from scrapers.portals import discover

COPY_PAGE = (
    "<html><body><h1>某縣2023年法治政府建設情況報告</h1>"
    "<p>人民調(diào)解委員會調(diào)解糾紛120件。</p></body></html>"
)


def _list(server) -> str:
    copy = f"http://localhost:{server.port}/copy/1.html"  # the same server under another name
    server.html("/copy/1.html", COPY_PAGE)
    server.html("/gov/1.html", "<html><body>某县2023年法治政府建设情况报告</body></html>")
    return server.html(
        "/list.html",
        f'<ul><li><a href="/gov/1.html">某县2023年法治政府建设情况报告</a></li>'
        f'<li><a href="{copy}">某县2023年法治政府建设情况报告（转载）</a></li></ul>',
    )


def test_listed_copy_on_another_host_is_a_failure_and_not_fetched(server, fetcher_factory, make_source):
    source = make_source(entry_urls=[_list(server)])
    found = discover(source, fetcher_factory(source))
    assert [c.url for c in found.candidates] == [server.url + "/gov/1.html"]
    (failure,) = found.failures
    assert (failure.reason, failure.url) == (
        "host_not_allowed",
        f"http://localhost:{server.port}/copy/1.html",
    )
    assert server.hits("/copy/1.html") == []


def test_copy_host_is_accepted_when_the_source_allows_it(server, fetcher_factory, make_source):
    source = make_source(entry_urls=[_list(server)], allowed_hosts=["127.0.0.1", "localhost"])
    fetcher = fetcher_factory(source)
    found = discover(source, fetcher)
    assert len(found.candidates) == 2 and found.failures == []
    assert fetcher.get(found.candidates[1].url).ok


def test_redirect_from_an_allowed_page_to_a_copy_is_refused(server, fetcher_factory, make_source):
    server.html("/copy/1.html", COPY_PAGE)
    copy = f"http://localhost:{server.port}/copy/1.html"
    url = server.route("/gov/moved.html", server.Reply(status=301, headers={"Location": copy}))
    result = fetcher_factory(make_source()).get(url)
    assert result.reason == "host_not_allowed" and "redirect refused" in (result.attempt.error or "")
    assert server.hits("/copy/1.html") == []


def test_lookalike_hosts_are_not_allowed():
    allowed = ["jiangyin.gov.cn"]
    assert host_allowed("www.jiangyin.gov.cn", None, allowed)
    assert not host_allowed("jiangyin.gov.cn.copy-site.com", None, allowed)
    assert not host_allowed("wwwjiangyin.gov.cn", None, allowed)
    assert not host_allowed("jiangyin.gov.cn.", 8080, ["jiangyin.gov.cn:80"])
