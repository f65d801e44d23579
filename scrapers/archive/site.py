"""Build the bundled portal in memory: every path → bytes, content type, last-modified.

The site is a pure function of the catalog, the example files, the templates and the seed texts:
nothing depends on the clock, the port or the order of dictionaries, so two builds are byte for
byte the same and a second crawl sees nothing changed (same ETag, same Last-Modified). URLs are
absolute paths without a host, so the same bytes work on whatever port the server picks.

Each publisher site imitates one platform (TRS WCM, Hanweb JCMS, Guangdong's gkmlpt, a generic
CMS); the URL shapes are those of ARCHITECTURE.md ("The bundled portal").

Two kinds of resource are not pages a browser would be linked to:
- `/module/web/jpage/dataproxy.jsp?columnid=<N>`: a Hanweb column's complete `<datastore>` (every
  record, newest first). The column page holds the first `page_size` records; the server answers
  dataproxy.jsp POSTs (`startrecord`/`endrecord`, form `columnid`) by slicing this one.
- `/<site>/gkmlpt/api/all/<category>?page=N&sid=<SID>`: the JSON pages of a gkmlpt category.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from scrapers.archive.catalog import Column, Item, SiteConfig, load_catalog
from scrapers.archive.examples import ExampleReport, load_examples
from scrapers.archive.pdf import render_pdf
from scrapers.archive.seeds import SeedDocument, load_seed, locate_seeds_dir

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
CHINA = timezone(timedelta(hours=8))
ROBOTS_TXT = "User-agent: *\nDisallow: /module/search/\nDisallow: /cgi-bin/\n"
STYLE_CSS = (
    "body{font:14px/1.8 'Microsoft YaHei',SimSun,sans-serif;margin:0}.w1200{width:1200px;margin:0 auto}"
    ".position{color:#666}.xxgk-table th{background:#f5f5f5;text-align:right}"
    ".footer{text-align:center;color:#666}"
)
# Hanweb columns load this script; the stub keeps every referenced path servable.
JPAGE_JS = "/* jpage: records are rendered from the datastore block of the page */\n"
DATAPROXY_PATH = "/module/web/jpage/dataproxy.jsp"
HANWEB_PERPAGE = 15  # jpage's perPage in the column page's inline config


def dataproxy_key(columnid: int | str) -> str:
    """Where a Hanweb column's complete datastore is kept (see the module docstring)."""
    return f"{DATAPROXY_PATH}?columnid={columnid}"


def hanweb_record(title: str, href: str, date: str) -> str:
    """One `<record>` of a datastore, as the column page and dataproxy.jsp both write it."""
    from markupsafe import escape

    t, h = escape(title), escape(href)
    li = f'<li><a href="{h}" title="{t}" target="_blank">{t}</a><span>{date}</span></li>'
    return f"<record><![CDATA[{li}]]></record>"


def datastore_xml(records: list[str], total: int) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n'
        f"<totalrecord>{total}</totalrecord>\n<totalpage>{-(-total // HANWEB_PERPAGE)}</totalpage>\n"
        "<recordset>\n" + "\n".join(records) + "\n</recordset>\n</datastore>\n"
    )


def gkmlpt_api_key(site: SiteConfig, column: Column, page: int) -> str:
    return f"/{site.slug}/gkmlpt/api/all/{column.col}?page={page}&sid={site.sid}"


@dataclass(frozen=True)
class Resource:
    """One served file. `etag` and `last_modified` are fixed per content, never per request."""

    body: bytes
    content_type: str
    last_modified: datetime  # aware, UTC

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


@dataclass
class Article:
    """What an article template needs, whichever kind of item it came from."""

    key: str  # seed file, example key, or a notice slug
    kind: str  # seed | example | notice
    title: str
    listed: date
    id: int
    path: str = ""  # absolute URL path, set by the layout
    pubdate: str = ""  # PubDate meta (YYYY-MM-DD HH:MM) or "" when the page shows no date
    source: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    metadata: list[tuple[str, str]] = field(default_factory=list)
    info_line: bool = False
    lead: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    chrome_tail: list[str] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (name, path)
    pdf: bytes | None = None

    @property
    def modified(self) -> datetime:
        return _at(self.listed, self.key)


def _digest(*parts: str) -> int:
    return int(hashlib.sha256("/".join(parts).encode()).hexdigest()[:12], 16)


def _at(day: date, key: str) -> datetime:
    """A fixed, plausible office-hours time for a page published on `day` (UTC)."""
    minutes = _digest("time", key) % (9 * 60)
    local = datetime.combine(day, time(8, 0), CHINA) + timedelta(minutes=minutes)
    return local.astimezone(UTC)


def _local(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def _article_id(site: SiteConfig, column: Column, item: Item, key: str) -> int:
    return item.id if item.id is not None else 1_000_000 + _digest(site.slug, column.slug, key) % 9_000_000


def _dedupe(parts: list[str]) -> list[str]:
    """Drop empty and repeated breadcrumb parts (a column label equal to the column name)."""
    kept: list[str] = []
    for part in parts:
        if part and part not in kept:
            kept.append(part)
    return kept


def _from_seed(seed: SeedDocument, item: Item, site: SiteConfig, column: Column) -> Article:
    assert item.date is not None
    article = Article(
        key=seed.file,
        kind="seed",
        title=seed.title,
        listed=item.date,
        id=_article_id(site, column, item, seed.file),
        source=seed.source or site.publisher,
        breadcrumb=seed.breadcrumb or _dedupe(["首页", seed.column_label or "", column.name]),
        metadata=list(seed.metadata),
        info_line=seed.info_line,
        lead=list(seed.lead),
        paragraphs=list(seed.paragraphs),
        signature=list(seed.signature),
        chrome_tail=list(seed.chrome_tail),
    )
    if seed.date:  # PubDate only when the seed shows a date
        article.pubdate = _local(_at(date.fromisoformat(seed.date), seed.file))
    return article


def _from_example(report: ExampleReport, item: Item, site: SiteConfig, column: Column) -> Article:
    meta = report.meta
    listed = item.date or meta.published
    article = Article(
        key=report.key,
        kind="example",
        title=meta.title,
        listed=listed,
        id=_article_id(site, column, item, report.key),
        pubdate=_local(_at(meta.published, report.key)),
        source=meta.content_source or meta.publisher,
        breadcrumb=["首页", column.name],
        metadata=list(meta.metadata.items()),
    )
    if meta.format == "pdf":
        article.paragraphs = [f"{meta.title}详见附件。"]
        article.pdf = render_pdf(report)
    else:
        body = report.paragraphs
        split = max((i for i, p in enumerate(body) if len(p) > 30), default=-1) + 1
        article.paragraphs, article.signature = body[:split], body[split:]
    return article


def _from_notice(item: Item, site: SiteConfig, column: Column) -> Article:
    assert item.notice is not None and item.date is not None
    key = f"notice-{_digest(item.notice.title) % 10**8:08d}"
    article = Article(
        key=key,
        kind="notice",
        title=item.notice.title,
        listed=item.date,
        id=_article_id(site, column, item, key),
        source=item.notice.source or site.publisher,
        breadcrumb=["首页", column.name],
        paragraphs=list(item.notice.body),
    )
    article.pubdate = _local(_at(item.date, key))
    article.metadata = [("发布时间", article.pubdate), ("来源", article.source)]
    article.info_line = True
    return article


class _Layout:
    """URL shapes of one platform."""

    def __init__(self, site: SiteConfig):
        self.site = site

    def list_paths(self, column: Column, pages: int) -> list[str]:
        s = self.site
        if s.layout == "hanweb":
            return [f"/{s.slug}/col/col{column.col}/index.html"]
        if s.layout == "gkmlpt":
            return [f"/{s.slug}/gkmlpt/index"]
        base = f"/{s.slug}/{column.slug}/"
        if s.layout == "trs":
            return [base + ("index.html" if k == 0 else f"index_{k}.html") for k in range(pages)]
        return [base + ("index.html" if k == 0 else f"index_{k + 1}.html") for k in range(pages)]

    def article_path(self, column: Column, article: Article) -> str:
        s, d = self.site, article.listed
        if s.layout == "trs":
            return f"/{s.slug}/{column.slug}/{d:%Y%m}/t{d:%Y%m%d}_{article.id}.html"
        if s.layout == "hanweb":
            return f"/{s.slug}/art/{d.year}/{d.month}/{d.day}/art_{column.col}_{article.id}.html"
        if s.layout == "gkmlpt":
            return f"/{s.slug}/gkmlpt/content/{column.col}/{article.id // 1000}/post_{article.id}.html"
        return f"/{s.slug}/{column.slug}/{d:%Y}/{d:%m%d}/{article.id}.html"

    def attachment_path(self, article: Article) -> str:
        folder = article.path.rsplit("/", 1)[0]
        if self.site.layout == "trs":
            return f"{folder}/P0{article.listed:%Y%m%d}{article.id}.pdf"
        return f"{folder}/{article.id}_1.pdf"

    def list_href(self, article: Article, list_path: str) -> str:
        """TRS lists link articles relative to the list folder (./YYYYMM/t…); others by path."""
        if self.site.layout == "trs":
            return "./" + article.path[len(list_path.rsplit("/", 1)[0]) + 1 :]
        return article.path


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _html(text: str, charset: str, modified: datetime) -> Resource:
    return Resource(
        body=text.encode(charset, errors="xmlcharrefreplace"),
        content_type=f"text/html; charset={charset}",
        last_modified=modified,
    )


def _articles(
    site: SiteConfig, column: Column, examples: dict[str, ExampleReport], seeds_dir: Path | None
) -> list[Article]:
    articles: list[Article] = []
    for item in column.items:
        if item.seed is not None:
            seed = load_seed(seeds_dir, item.seed) if seeds_dir else None
            if seed is not None:
                articles.append(_from_seed(seed, item, site, column))
        elif item.example is not None:
            if item.example not in examples:
                raise KeyError(f"catalog: site {site.slug} lists unknown example {item.example!r}")
            articles.append(_from_example(examples[item.example], item, site, column))
        else:
            articles.append(_from_notice(item, site, column))
    # Lists show the newest first; ties broken by key so the order never depends on the YAML.
    return sorted(articles, key=lambda a: (a.listed, a.key), reverse=True)


def _latest(moments: Iterable[datetime]) -> datetime:
    return max(moments, default=datetime(2018, 1, 1, tzinfo=UTC))


def _gkmlpt_page(articles: list[Article], total: int, column: Column) -> bytes:
    """One page of gkmlpt's `api/all/<category>` answer."""
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "url": a.path,
            "first_publish_time": int(a.modified.timestamp()),
            "publisher": a.source,
            "identifier": dict(a.metadata).get("索引号", ""),
        }
        for a in articles
    ]
    payload = {
        "articles": rows,
        "total": total,
        "page_size": column.page_size,
        "classify": {"id": column.col},
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def render_column(
    env: Environment,
    site: SiteConfig,
    layout: _Layout,
    column: Column,
    articles: list[Article],
    pages: int,
    resources: dict[str, Resource],
) -> tuple[list[str], datetime]:
    """Add one column's resources (attachments, Hanweb datastore, gkmlpt API pages, ``pages`` list
    pages, articles) to ``resources``; set each article's path. Returns the list paths and the
    column's last-modified. Shared with the crawl bench's generated portal (scrapers/bench/portal.py)."""
    list_paths = layout.list_paths(column, pages)
    for article in articles:
        article.path = layout.article_path(column, article)
        if article.pdf is not None:
            pdf_path = layout.attachment_path(article)
            article.attachments = [(f"{article.title}.pdf", pdf_path)]
            resources[pdf_path] = Resource(article.pdf, "application/pdf", article.modified)
    modified = _latest(a.modified for a in articles)
    if site.layout == "hanweb":
        records = [hanweb_record(a.title, a.path, a.listed.isoformat()) for a in articles]
        resources[dataproxy_key(column.col or 0)] = Resource(
            datastore_xml(records, len(records)).encode("utf-8"), "text/xml; charset=UTF-8", modified
        )
    if site.layout == "gkmlpt":
        api_pages = max(1, -(-len(articles) // column.page_size))
        for number in range(api_pages):
            chunk = articles[number * column.page_size : (number + 1) * column.page_size]
            resources[gkmlpt_api_key(site, column, number + 1)] = Resource(
                _gkmlpt_page(chunk, len(articles), column),
                "application/json; charset=UTF-8",
                modified,
            )
    per_page = column.page_size
    for number, list_path in enumerate(list_paths):
        chunk = articles[number * per_page : (number + 1) * per_page]
        entries = [
            {
                "title": a.title,
                "href": layout.list_href(a, list_path),
                "date": a.listed.isoformat(),
            }
            for a in chunk
        ]
        text = env.get_template(f"{site.layout}_list.html").render(
            site=site,
            column=column,
            entries=entries,
            page=number,
            pages=pages,
            page_paths=list_paths,
            total=len(articles),
            charset=site.charset,
            perpage=HANWEB_PERPAGE,
            categories=[{"id": c.col, "name": c.name} for c in site.columns],
        )
        resources[list_path] = _html(text, site.charset, modified)
    for article in articles:
        text = env.get_template(f"{site.layout}_article.html").render(
            site=site,
            column=column,
            a=article,
            list_href=list_paths[0],
            charset=site.charset,
        )
        resources[article.path] = _html(text, site.charset, article.modified)
    return list_paths, modified


def build_site(seeds_dir: Path | None = None) -> dict[str, Resource]:
    """Every page of the bundled portal, by absolute URL path."""
    seeds = locate_seeds_dir(seeds_dir)
    if seeds is None:
        log.warning("seed folder not found (set GOVREPORTS_SEEDS_DIR): serving the portal without the seeds")
    catalog = load_catalog()
    examples = load_examples()
    env = _environment()
    resources: dict[str, Resource] = {}
    site_summaries = []

    for site in catalog.sites:
        layout = _Layout(site)
        columns = []
        for column in site.columns:
            articles = _articles(site, column, examples, seeds)
            pages = max(1, -(-len(articles) // column.page_size))
            if site.layout in ("hanweb", "gkmlpt"):
                pages = 1  # one column page; the rest comes from dataproxy.jsp / the JSON API
            list_paths, modified = render_column(env, site, layout, column, articles, pages, resources)
            href = list_paths[0] + (f"#{column.col}" if site.layout == "gkmlpt" else "")
            columns.append({"column": column, "href": href, "modified": modified})
        site_modified = _latest(c["modified"] for c in columns)
        home = env.get_template("site_home.html").render(site=site, columns=columns, charset=site.charset)
        resources[f"/{site.slug}/index.html"] = _html(home, site.charset, site_modified)
        site_summaries.append({"site": site, "href": f"/{site.slug}/index.html", "columns": columns})

        resources[f"/{site.slug}/images/style.css"] = Resource(
            STYLE_CSS.encode(), "text/css; charset=utf-8", datetime(2018, 1, 1, tzinfo=UTC)
        )

    everything = _latest(r.last_modified for r in resources.values())
    resources["/module/web/jpage/jpage.js"] = Resource(
        JPAGE_JS.encode(), "application/javascript; charset=utf-8", datetime(2018, 1, 1, tzinfo=UTC)
    )
    root = env.get_template("root.html").render(sites=site_summaries, charset="utf-8")
    resources["/index.html"] = _html(root, "utf-8", everything)
    resources["/robots.txt"] = Resource(ROBOTS_TXT.encode(), "text/plain; charset=utf-8", everything)
    return dict(sorted(resources.items()))
