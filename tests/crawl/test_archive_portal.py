"""Discovery, fetch and parse against the bundled portal (scrapers/archive), when it is present.

The portal and its registry belong to another module; these tests only check that our adapters
read its TRS, Hanweb, generic and GBK sites, and are skipped if it is not there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from scrapers.fetch import Fetcher
from scrapers.parse import parse_page, pdf_text, sniff_format
from scrapers.portals import Discovery, discover
from scrapers.records import ParsedPage

server_module = pytest.importorskip("scrapers.archive.server")
REGISTRY = Path(__file__).resolve().parents[2] / "scrapers" / "sources" / "archive.yaml"


@dataclass
class Crawl:
    discoveries: dict[str, Discovery] = field(default_factory=dict)
    pages: dict[str, list[ParsedPage]] = field(default_factory=dict)
    pdf_texts: list[str] = field(default_factory=list)
    second_pass_not_modified: list[bool] = field(default_factory=list)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    from scrapers.sources.registry import load_sources

    data_dir = tmp_path_factory.mktemp("archive-data")
    result = Crawl()
    with pytest.MonkeyPatch.context() as patch, server_module.ArchiveServer() as srv:
        patch.setenv("GOVREPORTS_ARCHIVE_URL", srv.url)
        sources = load_sources(REGISTRY)
        for source in sources:
            with Fetcher(source, data_dir, retries=0) as fetcher:
                found = discover(source, fetcher)
                result.discoveries[source.name] = found
                pages = result.pages.setdefault(source.name, [])
                for candidate in found.candidates:
                    fetched = fetcher.get(candidate.url)
                    assert fetched.ok, (candidate.url, fetched.attempt.error)
                    page = parse_page(fetched.body, fetched.final_url, fetched.content_type)
                    pages.append(page)
                    for attachment in page.attachments:
                        body = fetcher.get(attachment.url).body or b""
                        if sniff_format(body, None) == "pdf":
                            result.pdf_texts.append(pdf_text(body))
        for source in sources:  # second crawl: everything should come back not modified
            with Fetcher(source, data_dir, retries=0) as fetcher:
                for candidate in discover(source, fetcher).candidates:
                    result.second_pass_not_modified.append(fetcher.get(candidate.url).not_modified)
    return result


def test_every_source_yields_candidates(crawl):
    assert all(d.candidates for d in crawl.discoveries.values())


def test_no_discovery_failures(crawl):
    assert [f for d in crawl.discoveries.values() for f in d.failures] == []


def test_notices_are_not_candidates(crawl):
    titles = [c.title for d in crawl.discoveries.values() for c in d.candidates]
    assert not any(word in title for title in titles for word in ("通知", "公告", "公示", "征求意见"))


def test_every_page_has_text(crawl):
    assert all(page.text for pages in crawl.pages.values() for page in pages)


def test_gbk_site_is_decoded(crawl):
    (page,) = crawl.pages["changxingdao"]
    assert page.charset == "gb18030" and "法治政府建设" in page.text


def test_pdf_attachment_has_text(crawl):
    assert crawl.pdf_texts and all("政府信息公开" in text for text in crawl.pdf_texts)


def test_boilerplate_not_in_any_text(crawl):
    texts = [page.text for pages in crawl.pages.values() for page in pages]
    assert not any(marker in text for text in texts for marker in ("当前位置", "打印本页", "网站标识码"))


def test_second_crawl_is_not_modified(crawl):
    assert crawl.second_pass_not_modified and all(crawl.second_pass_not_modified)


def test_hanweb_column_is_paged_through_dataproxy(crawl):
    deqing = crawl.discoveries["deqing"]
    assert len(deqing.candidates) == 3
    assert any("dataproxy.jsp?startrecord=5&endrecord=7" in url for url in deqing.pages_seen)


def test_gkmlpt_site_is_read_through_its_api(crawl):
    found = crawl.discoveries["jiangyin-xxgk"]
    assert [c.title for c in found.candidates] == ["江阴市人民政府2022年政府信息公开工作年度报告"]
    assert sum("/gkmlpt/api/all/2301?page=" in url for url in found.pages_seen) == 2
    assert len(found.skipped) == 2
