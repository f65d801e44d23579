"""Hanweb (大汉) JCMS columns: `/col/col<N>/index.html`.

The list is not in the page's HTML but in an inline `<script type="text/xml">` holding
`<datastore><totalrecord>N</totalrecord><recordset><record><![CDATA[<li><a href=…>…]]></record>…`.
The column page carries the first batch only; the rest comes from a POST to
`/module/web/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=P` with the column's parameters
(col, appid, webid, path, columnid, unitid, webname, permissiontype, read from the page's
`nextgroup` link and inline jpage config), answering the same `<datastore>` XML.

`HanwebAdapter.more_records` asks for the records beyond the first batch, in groups of three jpage
pages (what jpage itself does), until the announced total is reached or a batch comes back empty.
A POST that fails becomes a Failure with the fetch's reason; when there is no fetcher (a page
parsed on its own) and the datastore announces more records than the page holds, the adapter
reports `pagination_unsupported` instead of silently stopping at the first batch.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup

from scrapers.parse.encoding import decode_html, header_charset
from scrapers.portals.base import ListItem, ListPage, PortalAdapter, links_as_items, page_base
from scrapers.portals.generic import GenericAdapter

PAGINATION_UNSUPPORTED = "pagination_unsupported"
BAD_DATAPROXY = "bad_dataproxy"  # dataproxy.jsp answered, but not with a <datastore>
DATAPROXY_PATH = "/module/web/jpage/dataproxy.jsp"
DEFAULT_PERPAGE = 15
PAGES_PER_REQUEST = 3  # jpage fetches three of its pages per request

DATASTORE = re.compile(r"<datastore>(.*?)</datastore>", re.IGNORECASE | re.DOTALL)
RECORD = re.compile(r"<record>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.IGNORECASE | re.DOTALL)
NEXTGROUP_PATH = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=[\"']([^\"'?]+)", re.IGNORECASE | re.DOTALL)
TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.IGNORECASE)
TOTAL_JS = re.compile(r"\btotalRecord\s*[:=]\s*['\"]?(\d+)", re.IGNORECASE)  # jpage's inline config
NEXTGROUP_HREF = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=[\"']([^\"']+)", re.IGNORECASE | re.DOTALL)
# {col:1,webid:1,path:'/',columnid:4,sourceContentType:1,unitid:5,webname:'…',permissiontype:0}
PARAM = re.compile(
    r"""\b(col|appid|webid|path|columnid|sourceContentType|unitid|webname|permissiontype)"""
    r"""\s*:\s*['"]?([^,'"}]*)"""
)
PERPAGE = re.compile(r"\bperpage\s*[:=]\s*['\"]?(\d+)", re.IGNORECASE)


@dataclass
class DataproxyParams:
    """What a dataproxy.jsp POST needs; parsed now, used once paging is implemented."""

    form: dict[str, str] = field(default_factory=dict)
    perpage: int | None = None
    total: int | None = None
    endpoint: str = DATAPROXY_PATH  # path (or URL) of dataproxy.jsp, from the nextgroup link

    def request(self, base: str, start: int, end: int) -> tuple[str, dict[str, str]]:
        """URL (paging in the query string, as jpage sends it) and form of one POST."""
        perpage = self.perpage or DEFAULT_PERPAGE
        query = urlencode({"startrecord": start, "endrecord": end, "perpage": perpage})
        form = {"col": "1", "appid": "1", "permissiontype": "0", **self.form}
        return f"{urljoin(base, self.endpoint)}?{query}", form


@dataclass
class Datastore:
    records: list[str]  # each record's HTML fragment (usually one <li>)
    total: int | None
    params: DataproxyParams


def parse_datastore(html: str) -> Datastore | None:
    match = DATASTORE.search(html)
    if match is None:
        return None
    block = match.group(1)
    records = [cdata or html_lib.unescape(plain) for cdata, plain in RECORD.findall(block)]
    total_match = TOTAL.search(block) or TOTAL_JS.search(html)
    total = int(total_match.group(1)) if total_match else None
    perpage = PERPAGE.search(html)
    form = {k: v.strip() for k, v in PARAM.findall(html)}
    nextgroup = NEXTGROUP_HREF.search(block)
    if nextgroup:  # the nextgroup link carries the same parameters as a query string
        query = parse_qs(urlsplit(html_lib.unescape(nextgroup.group(1))).query)
        form.update({k: v[0] for k, v in query.items() if k != "page" and v})
    endpoint = NEXTGROUP_PATH.search(block)
    params = DataproxyParams(
        form=form,
        perpage=int(perpage.group(1)) if perpage else None,
        total=total,
        endpoint=html_lib.unescape(endpoint.group(1)) if endpoint else DATAPROXY_PATH,
    )
    return Datastore(records=records, total=total, params=params)


class HanwebAdapter(PortalAdapter):
    platform = "hanweb"

    def __init__(self) -> None:
        self._static = GenericAdapter()

    def parse_list_page(self, html: str, url: str) -> ListPage:
        store = parse_datastore(html)
        if store is None:
            # Some Hanweb columns are rendered statically: read them like any link list.
            return self._static.parse_list_page(html, url)
        base = page_base(BeautifulSoup(html[:4096], "lxml"), url)
        page = ListPage(items=self.record_items(store.records, base))
        if store.total is None or store.total <= len(store.records):
            return page
        if self.fetcher is None:
            page.problems.append(
                (
                    PAGINATION_UNSUPPORTED,
                    f"datastore announces {store.total} records, the column page holds {len(store.records)};"
                    " no fetcher to ask dataproxy.jsp for the rest",
                )
            )
            return page
        self.more_records(store, url, page)
        return page

    @staticmethod
    def record_items(records: list[str], base: str) -> list[ListItem]:
        items: list[ListItem] = []
        for record in records:
            items.extend(links_as_items(BeautifulSoup(record, "lxml"), base))
        return items

    def more_records(self, store: Datastore, url: str, page: ListPage) -> list[ListItem]:
        """Records beyond the first batch: POSTs to dataproxy.jsp, `perpage * 3` records at a time,
        from the record after the page's last one to the announced total. Items go into `page`
        (and are returned); requests into `page.extra_requests`; a failed POST ends the paging
        with a problem naming its reason. Bounded by the source's `max_pages`."""
        assert self.fetcher is not None
        total = store.total or 0
        perpage = store.params.perpage or DEFAULT_PERPAGE
        batch = perpage * PAGES_PER_REQUEST
        budget = self.source.max_pages if self.source is not None else 50
        start = len(store.records) + 1
        found: list[ListItem] = []
        while start <= total:
            if budget <= 0:
                page.problems.append(
                    ("max_pages_reached", f"dataproxy.jsp: records {start}-{total} left unrequested")
                )
                break
            budget -= 1
            request_url, form = store.params.request(url, start, min(total, start + batch - 1))
            page.extra_requests.append(request_url)
            result = self.fetcher.post(request_url, form)
            if not result.ok or result.body is None:
                page.problems.append(
                    (result.reason or "fetch_failed", f"{request_url}: {result.attempt.error}")
                )
                break
            text, _ = decode_html(result.body, header_charset(result.content_type))
            answer = parse_datastore(text)
            if answer is None:
                page.problems.append((BAD_DATAPROXY, f"{request_url}: no <datastore> in the answer"))
                break
            if not answer.records:
                break
            items = self.record_items(answer.records, url)
            found.extend(items)
            start += len(answer.records)
            if answer.total is not None:
                total = answer.total
        page.items.extend(found)
        return found
