"""A generated portal for the crawl bench: generated reports laid out as TRS, Hanweb, gkmlpt and generic
sites (the bundled portal's templates and URL shapes), served by the bundled portal's HTTP server.

``build_portal(pages)`` returns the site (path → ``Resource``) and one registry ``Source`` per site,
so that crawling every source requests about ``pages`` pages (list pages, API pages, articles, PDF
attachments). Every list also carries notices the title filters must skip.

``python -m scrapers.bench.portal serve --pages N --url-file F`` serves it (a process of its own, so
the crawler and the server do not share a GIL, as with ``govreports serve-archive``);
``python -m scrapers.bench.portal crawl --url U --pages N --data-dir D`` crawls it (discover + fetch,
``delay_s`` 0, default concurrency) and prints a JSON line: pages, seconds, peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

from scrapers.archive.catalog import Column, Item, Notice, SiteConfig
from scrapers.archive.site import Article, Resource, _at, _environment, _Layout, _local, render_column
from scrapers.bench.corpus import GeneratedReport, generate, render_pdf
from scrapers.sources import Source

PLATFORMS = ("trs", "hanweb", "gkmlpt", "generic")
ARTICLES_PER_SITE = 100
PAGE_SIZE = 20
TITLE_INCLUDE = ["法治政府建设", "政府信息公开", "热线", "人民调解"]


def _site_config(index: int, platform: str, place_code: str, name: str) -> SiteConfig:
    slug = f"b{index:03d}{platform}"
    notice = Item(
        notice=Notice(title="关于做好年度考核工作的通知", body=["各单位：请按要求报送材料。"]),
        date=date(2022, 5, 1),
    )
    return SiteConfig(
        slug=slug,
        name=f"{name}人民政府",
        publisher=f"{name}人民政府",
        domain=f"www.{slug}.gov.cn",
        division=place_code,
        site_id_code=f"{place_code}{index % 10000:04d}",
        icp="京ICP备00000000号",
        sponsor=f"{name}人民政府办公室",
        layout=platform,
        charset="gbk" if index % 4 == 3 else "utf-8",
        columns=[
            Column(slug="fzzf", name="法治政府建设", col=1229000 + index, page_size=PAGE_SIZE, items=[notice])
        ],
    )


def _article(report: GeneratedReport, n: int, with_pdf: bool) -> Article:
    listed = date.fromisoformat(report.published)
    article = Article(
        key=report.key,
        kind="example",
        title=report.title,
        listed=listed,
        id=2_000_000 + n,
        source=report.publisher,
        breadcrumb=["首页", "法治政府建设"],
    )
    article.pubdate = _local(_at(listed, report.key))
    article.metadata = [("发布机构", report.publisher), ("发布日期", report.published)]
    if with_pdf and report.format == "pdf":
        article.paragraphs = [f"{report.title}详见附件。"]
        article.pdf = render_pdf(report)
    else:
        article.paragraphs = [
            b if isinstance(b, str) else b.as_text().replace("\t", " ") for b in report.blocks
        ]
    return article


def _notice(n: int, listed: date) -> Article:
    article = Article(
        key=f"notice-{n}",
        kind="notice",
        title=f"关于开展第{n}批政务公开检查的通知",
        listed=listed,
        id=3_000_000 + n,
        paragraphs=["各有关单位：现将有关事项通知如下，请遵照执行。"],
    )
    article.pubdate = _local(_at(listed, article.key))
    article.metadata = [("发布时间", article.pubdate)]
    article.info_line = True
    return article


def build_portal(
    pages: int, base_url: str = "http://127.0.0.1:0", *, seed: int = 20261123, with_pdf: bool = True
) -> tuple[dict[str, Resource], list[Source]]:
    """The site (path → resource) and its sources; about ``pages`` requests crawl all of it."""
    sites = max(len(PLATFORMS), round(pages / (ARTICLES_PER_SITE * 1.1)))
    per_site = max(2, pages // sites - 6)
    reports = generate(sites * per_site, jurisdictions=max(1, sites * per_site // 12), seed=seed)
    env = _environment()
    resources: dict[str, Resource] = {}
    sources: list[Source] = []
    for s in range(sites):
        platform = PLATFORMS[s % len(PLATFORMS)]
        chunk = reports[s * per_site : (s + 1) * per_site]
        place = chunk[0].place
        site = _site_config(s, platform, place.code, place.county)
        column = site.columns[0]
        layout = _Layout(site)
        articles = [_article(r, s * per_site + k, with_pdf) for k, r in enumerate(chunk)]
        articles += [
            _notice(s * 100 + k, articles[k * 10].listed) for k in range(max(1, len(articles) // 10))
        ]
        articles.sort(key=lambda a: (a.listed, a.key), reverse=True)
        list_pages = 1 if platform in ("hanweb", "gkmlpt") else -(-len(articles) // PAGE_SIZE)
        list_paths, _ = render_column(env, site, layout, column, articles, list_pages, resources)
        entry = base_url + list_paths[0] + (f"#{column.col}" if platform == "gkmlpt" else "")
        sources.append(
            Source(
                name=site.slug,
                publisher=site.publisher,
                jurisdiction={"name": place.county, "code": place.code},
                platform=platform,
                entry_urls=[entry],
                allowed_hosts=["127.0.0.1"],
                allow_private_network=True,
                title_include=TITLE_INCLUDE,
                delay_s=0,
                max_pages=500,
            )
        )
    resources["/robots.txt"] = Resource(
        b"User-agent: *\nDisallow: /cgi-bin/\n",
        "text/plain; charset=utf-8",
        max(r.last_modified for r in resources.values()),
    )
    resources["/module/web/jpage/jpage.js"] = Resource(
        b"/* jpage */\n", "application/javascript", resources["/robots.txt"].last_modified
    )
    return resources, sources


def serve(pages: int, url_file: Path, with_pdf: bool = True) -> None:
    from scrapers.archive.server import _ArchiveHTTPServer, _base_url

    site, _ = build_portal(pages, with_pdf=with_pdf)
    httpd = _ArchiveHTTPServer(("127.0.0.1", 0), site)
    url_file.write_text(_base_url(httpd) + "\n", encoding="utf-8")
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()


def crawl(url: str, pages: int, data_dir: Path) -> dict[str, float]:
    """Discover and fetch every source of the portal at ``url``; what the ingest task's first two steps do."""
    from scrapers.fetch.fetchlog import log_path, read_log
    from scrapers.pipeline import discover_step, fetch_step

    _, sources = build_portal(pages, url, with_pdf=False)  # the sources do not depend on the PDFs
    started = time.perf_counter()
    candidates = fetched = 0
    for source in sources:
        candidates += discover_step(source, data_dir)["candidates"]
        fetched += fetch_step(source, data_dir)["fetched"]
    seconds = time.perf_counter() - started
    requests = sum(len(read_log(log_path(data_dir, s.name))) for s in sources)
    return {
        "requests": requests,
        "candidates": candidates,
        "fetched": fetched,
        "seconds": seconds,
        "pages_per_s": requests / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "sources": len(sources),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrapers.bench.portal")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--pages", type=int, required=True)
    s.add_argument("--url-file", type=Path, required=True)
    s.add_argument("--no-pdf", action="store_true")
    c = sub.add_parser("crawl")
    c.add_argument("--url", required=True)
    c.add_argument("--pages", type=int, required=True)
    c.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "serve":
        serve(args.pages, args.url_file, not args.no_pdf)
    else:
        print(json.dumps(crawl(args.url, args.pages, args.data_dir)))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
