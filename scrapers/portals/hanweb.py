"""Hanweb (大汉) JCMS columns: `/col/col<N>/index.html`.

The list is not in the page's HTML but in an inline `<script type="text/xml">` holding
`<datastore><totalrecord>N</totalrecord><recordset><record><![CDATA[<li><a href=…>…]]></record>…`.
The column page carries the first batch only; the rest comes from a POST to
`/module/web/jpage/dataproxy.jsp?startrecord=…&endrecord=…&perpage=…` with the column's parameters.

That POST is a later task. The seam for it is `HanwebAdapter.more_records`: today it returns
nothing, and when the datastore announces more records than the page holds the adapter reports a
`pagination_unsupported` problem (a Failure) instead of silently stopping at the first batch.
The parameters the POST will need are already parsed (`DataproxyParams`).
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from scrapers.portals.base import ListItem, ListPage, PortalAdapter, links_as_items, page_base
from scrapers.portals.generic import GenericAdapter

PAGINATION_UNSUPPORTED = "pagination_unsupported"

DATASTORE = re.compile(r"<datastore>(.*?)</datastore>", re.IGNORECASE | re.DOTALL)
RECORD = re.compile(r"<record>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.IGNORECASE | re.DOTALL)
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
    params = DataproxyParams(
        form=form,
        perpage=int(perpage.group(1)) if perpage else None,
        total=total,
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
        items = self.record_items(store.records, base)
        more = self.more_records(store, url)
        items.extend(more)
        page = ListPage(items=items)
        if store.total is not None and store.total > len(store.records) and not more:
            page.problems.append(
                (
                    PAGINATION_UNSUPPORTED,
                    f"datastore announces {store.total} records, the column page holds {len(store.records)};"
                    " dataproxy.jsp paging is not implemented",
                )
            )
        return page

    @staticmethod
    def record_items(records: list[str], base: str) -> list[ListItem]:
        items: list[ListItem] = []
        for record in records:
            items.extend(links_as_items(BeautifulSoup(record, "lxml"), base))
        return items

    def more_records(self, store: Datastore, url: str) -> list[ListItem]:
        """Records beyond the first batch (dataproxy.jsp POST). Not implemented yet: the Fetcher
        has no POST, and adding one must keep its guard, throttle and log. Returns []."""
        return []
