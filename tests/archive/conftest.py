"""Fixtures for the bundled portal: one build and one running server per test session."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from scrapers.archive.seeds import locate_seeds_dir
from scrapers.archive.server import ArchiveServer
from scrapers.archive.site import Resource, build_site, dataproxy_key

_HREF = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
_COLUMNID = re.compile(r"dataproxy\.jsp\?[^\"'\]]*columnid=(\d+)")
_GKMLPT = re.compile(r"SID: '(\d+)'.*?CATEGORIES: \[(.*?)\]", re.DOTALL)
_TRS_PAGER = re.compile(r'createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*\)')


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = locate_seeds_dir()
    # ../shared is always beside the checkout (here and in CI): its absence is a broken set-up, not a skip.
    assert path is not None, (
        "the seed folder ../shared/seeds is missing; put the shared folder beside the checkout"
    )
    return path


@pytest.fixture(scope="session")
def site() -> dict[str, Resource]:
    return build_site()


@pytest.fixture(scope="session")
def server() -> Iterator[ArchiveServer]:
    with ArchiveServer() as srv:
        yield srv


@pytest.fixture(scope="session")
def page_text():
    """Decode a page with the charset its Content-Type header declares."""
    return _text


@pytest.fixture(scope="session")
def page_links():
    """Every local path a page points to."""
    return _links


def _charset(resource: Resource) -> str:
    return resource.content_type.split("charset=")[-1] if "charset=" in resource.content_type else "utf-8"


def _text(resource: Resource) -> str:
    return resource.body.decode(_charset(resource))


def _links(path: str, resource: Resource) -> list[str]:
    """Every local path a page points to: anchors, datastore records (CDATA), TRS pager pages, the
    Hanweb column's whole datastore (dataproxy.jsp), gkmlpt API pages and the articles they list.
    Resource keys with a query string (dataproxy, gkmlpt API) keep it."""
    text = _text(resource)
    if resource.content_type.startswith("application/json"):
        data = json.loads(text)
        found = [urlsplit(a["url"]).path for a in data["articles"]]
        base, _, query = path.partition("?")
        page = int(dict(p.split("=") for p in query.split("&"))["page"])
        if page * data["page_size"] < data["total"]:
            found.append(f"{base}?{query.replace(f'page={page}', f'page={page + 1}')}")
        return found
    found = []
    for columnid in _COLUMNID.findall(text):
        found.append(dataproxy_key(columnid))
    if gkmlpt := _GKMLPT.search(text):
        sid, categories = gkmlpt.group(1), re.findall(r"id: (\d+)", gkmlpt.group(2))
        found += [f"{path.rsplit('/', 1)[0]}/api/all/{c}?page=1&sid={sid}" for c in categories]
    for href in _HREF.findall(text):
        if href.startswith(("javascript:", "#", "mailto:")) or urlsplit(href).scheme in ("http", "https"):
            continue
        if "dataproxy.jsp" in href:  # Hanweb's POST endpoint: the records are in the page already
            continue
        found.append(urlsplit(urljoin(path, href)).path)
    for count, _current, name, ext in _TRS_PAGER.findall(text):
        found += [
            urljoin(path, f"{name}.{ext}" if k == 0 else f"{name}_{k}.{ext}") for k in range(int(count))
        ]
    return found
