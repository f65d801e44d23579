"""archive.yaml validates, points at the portal, and its title filters keep reports, skip notices."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from scrapers.archive.catalog import load_catalog
from scrapers.archive.examples import load_examples
from scrapers.archive.site import Resource, dataproxy_key
from scrapers.sources import load_sources
from scrapers.sources.registry import Source

REGISTRY = Path(__file__).resolve().parents[2] / "scrapers" / "sources" / "archive.yaml"
_RECORD_TITLE = re.compile(r'<a href="[^"]+" title="([^"]+)"')


@pytest.fixture(scope="module")
def sources(monkeypatch_module: pytest.MonkeyPatch) -> list[Source]:
    monkeypatch_module.setenv("GOVREPORTS_ARCHIVE_URL", "http://127.0.0.1:8765/")
    return load_sources(REGISTRY)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _accepts(source: Source, title: str) -> bool:
    """A plain pattern is a substring; the crawler's TitleFilter treats patterns as regexes."""
    return any(re.search(p, title) for p in source.title_include) and not any(
        re.search(p, title) for p in source.title_exclude
    )


_COLUMNID = re.compile(r"columnid=(\d+)")
_SID = re.compile(r"SID: '(\d+)'")


def _gkmlpt_titles(site: dict[str, Resource], entry: str, text: str, category: str) -> list[str]:
    sid = _SID.search(text).group(1)  # type: ignore[union-attr]
    titles, page = [], 1
    root = entry.rsplit("/", 1)[0]
    while (key := f"{root}/api/all/{category}?page={page}&sid={sid}") in site:
        titles += [a["title"] for a in json.loads(site[key].body)["articles"]]
        page += 1
    return titles


def _list_titles(site: dict[str, Resource], entry: str, page_text, fragment: str = "") -> list[str]:
    """Titles on every page of a list (following the TRS pager and generic 下一页 links, the whole
    Hanweb datastore that dataproxy.jsp serves, the gkmlpt API pages)."""
    titles, pending, seen = [], [entry], set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        text = page_text(site[path])
        soup = BeautifulSoup(text, "html.parser")
        if "/gkmlpt/" in path:
            titles += _gkmlpt_titles(site, path, text, fragment)
        elif "<datastore>" in text:
            store = site[dataproxy_key(_COLUMNID.search(text).group(1))]  # type: ignore[union-attr]
            titles += _RECORD_TITLE.findall(page_text(store))
        else:
            titles += [a.get_text(strip=True) for a in soup.select("ul.list_ul a, table.list a")]
        folder = path.rsplit("/", 1)[0]
        if match := re.search(r"createPageHTML\((\d+), (\d+),", text):
            pending += [f"{folder}/index_{k}.html" for k in range(1, int(match.group(1)))]
        pending += [a["href"] for a in soup.find_all("a", string="下一页")]
    return titles


def test_registry_validates_and_substitutes(sources: list[Source]) -> None:
    assert {s.name for s in sources} == {s.slug for s in load_catalog().sites}
    for source in sources:
        assert source.allowed_hosts == ["127.0.0.1"] and source.allow_private_network and source.delay_s == 0
        assert all(url.startswith("http://127.0.0.1:8765/") for url in source.entry_urls)


def test_entry_urls_exist_and_platform_matches(sources: list[Source], site: dict[str, Resource]) -> None:
    layouts = {s.slug: s.layout for s in load_catalog().sites}
    for source in sources:
        assert source.platform == layouts[source.name]
        for url in source.entry_urls:
            assert urlsplit(url).path in site, url


def test_example_flag_matches_what_the_site_holds(sources: list[Source]) -> None:
    by_site = {s.slug: s for s in load_catalog().sites}
    for source in sources:
        items = [item for column in by_site[source.name].columns for item in column.items]
        if source.example:
            assert not any(item.seed for item in items) and any(item.example for item in items)
        else:
            assert not any(item.example for item in items) and any(item.seed for item in items)


def test_title_filters_keep_every_report_and_skip_every_notice(
    sources: list[Source], site: dict[str, Resource], seeds_dir: Path, page_text
) -> None:
    examples = load_examples()
    by_site = {s.slug: s for s in load_catalog().sites}
    for source in sources:
        items = [item for column in by_site[source.name].columns for item in column.items]
        notices = {item.notice.title for item in items if item.notice}
        reports_expected = sum(1 for item in items if item.seed or item.example)
        titles = [
            t
            for url in source.entry_urls
            for t in _list_titles(site, urlsplit(url).path, page_text, urlsplit(url).fragment)
        ]
        kept = [t for t in titles if _accepts(source, t)]
        assert not set(kept) & notices, (source.name, set(kept) & notices)
        assert len(kept) == reports_expected, (source.name, kept)
        for item in items:
            if item.example:
                assert examples[item.example].meta.title in kept
