"""The site is deterministic, fully linked, and looks like the platforms it imitates."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from scrapers.archive.catalog import load_catalog
from scrapers.archive.site import Resource, build_site


def _meta(text: str) -> dict[str, str]:
    soup = BeautifulSoup(text, "html.parser")
    return {tag["name"]: tag.get("content", "") for tag in soup.find_all("meta", attrs={"name": True})}


def test_two_builds_are_byte_identical(site: dict[str, Resource]) -> None:
    again = build_site()
    assert list(again) == list(site)
    for path, resource in site.items():
        assert again[path].body == resource.body, path
        assert again[path].etag == resource.etag
        assert again[path].last_modified == resource.last_modified


def test_every_linked_page_exists_and_every_page_is_reachable(site: dict[str, Resource], page_links) -> None:
    seen, queue = set(), ["/index.html"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        assert path in site, f"broken link to {path}"
        if site[path].content_type.startswith(("text/html", "text/xml", "application/json")):
            queue.extend(page_links(path, site[path]))
    html = {p for p, r in site.items() if r.content_type.startswith(("text/html", "application/pdf"))}
    assert html <= seen, f"pages nobody links to: {sorted(html - seen)}"


def test_platform_shapes(site: dict[str, Resource]) -> None:
    paths = list(site)
    assert any(re.fullmatch(r"/[a-z-]+/[a-z]+/\d{6}/t\d{8}_\d+\.html", p) for p in paths)  # TRS
    assert any(re.fullmatch(r"/[a-z-]+/[a-z]+/index_1\.html", p) for p in paths)  # TRS page 2
    assert any(re.fullmatch(r"/[a-z-]+/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html", p) for p in paths)
    assert any(re.fullmatch(r"/[a-z-]+/[a-z]+/index_2\.html", p) for p in paths)  # generic page 2
    hanweb_list = next(r for p, r in site.items() if re.fullmatch(r"/[a-z]+/col/col\d+/index\.html", p))
    text = hanweb_list.body.decode()
    assert '<script type="text/xml"><datastore>' in text and "<record><![CDATA[<li><a href=" in text
    assert "Produced By 大汉网络" in text
    trs_article = next(r for p, r in site.items() if re.search(r"/t\d{8}_\d+\.html$", p))
    assert 'class="view TRS_UEDITOR trs_paper_default trs_web TRS_Editor"' in trs_article.body.decode()
    hanweb_article = next(r for p, r in site.items() if "/art/" in p)
    body = hanweb_article.body.decode()
    assert body.index("<!--ZJEG_RSS.content.begin-->") < body.index("<!--ZJEG_RSS.content.end-->")
    generic_list = site["/liuyang/fzzfjs/index.html"].body.decode()
    assert "下一页" in generic_list and "尾页" in generic_list


def test_gbk_site_is_gbk(site: dict[str, Resource]) -> None:
    gbk_sites = [s.slug for s in load_catalog().sites if s.charset == "gbk"]
    assert gbk_sites
    pages = [r for p, r in site.items() if p.startswith(f"/{gbk_sites[0]}/") and p.endswith(".html")]
    assert len(pages) > 1
    for resource in pages:
        assert resource.content_type == "text/html; charset=gbk"
        assert b'<meta charset="gbk">' in resource.body
        text = resource.body.decode("gbk")
        assert "网站标识码" in text
        try:
            resource.body.decode("utf-8")
        except UnicodeDecodeError:
            continue
        raise AssertionError("a GBK page that also decodes as UTF-8 proves nothing")


def test_meta_tags_and_boilerplate(site: dict[str, Resource], page_text) -> None:
    catalog = {s.slug: s for s in load_catalog().sites}
    articles = [(p, r) for p, r in site.items() if p.endswith(".html") and (re.search(r"/\d", p))]
    assert articles
    for path, resource in articles:
        meta = _meta(page_text(resource))
        slug = path.split("/")[1]
        for name in (
            "SiteName",
            "SiteDomain",
            "SiteIDCode",
            "ColumnName",
            "ArticleTitle",
            "PubDate",
            "ContentSource",
        ):
            assert name in meta, (path, name)
        assert meta["SiteIDCode"][:6] == catalog[slug].division
        assert meta["PubDate"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", meta["PubDate"])
        text = page_text(resource)
        for chrome in ("当前位置", "打印本页", "关闭窗口", "网站标识码", "ICP备"):
            assert chrome in text, (path, chrome)


def test_pdf_attachment_is_linked_from_a_short_detail_page(site: dict[str, Resource]) -> None:
    pdfs = [p for p, r in site.items() if r.content_type == "application/pdf"]
    assert pdfs and all(site[p].body.startswith(b"%PDF-") for p in pdfs)
    detail = next(r for p, r in site.items() if p.endswith(".html") and pdfs[0].encode() in r.body)
    assert "附件：".encode() in detail.body and "政府信息公开工作年度报告.pdf".encode() in detail.body


def test_without_seeds_the_portal_still_builds(tmp_path, caplog, page_links) -> None:
    empty = tmp_path / "seeds"
    empty.mkdir()
    resources = build_site(empty)
    assert "not found" in caplog.text
    assert not any("/wfgx/gongkai/2019/0222/" in path for path in resources)
    for path, resource in resources.items():
        if resource.content_type.startswith("text/html"):
            assert all(link in resources for link in page_links(path, resource)), path
