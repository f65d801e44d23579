"""Discovery: a source's list pages → Candidates (title filters applied), plus Failures.

    discovery = discover(source, fetcher)
    discovery.candidates  # Candidate(source, url, title, listed_date)
    discovery.failures    # Failure(stage="discover"): list pages that failed, limits hit, ...
    discovery.pages_seen  # list page URLs requested

One adapter per platform (`trs`, `hanweb`, `generic`), all `PortalAdapter`s sharing the walk in
`base`. `gkmlpt` has no adapter yet: its entry URLs come back as `unsupported_platform` failures.
"""

from __future__ import annotations

from scrapers.fetch import Fetcher
from scrapers.portals.base import Discovery, PortalAdapter, TitleFilter, unsupported
from scrapers.portals.generic import GenericAdapter
from scrapers.portals.hanweb import HanwebAdapter
from scrapers.portals.trs import TrsAdapter
from scrapers.sources.registry import Source

ADAPTERS: dict[str, type[PortalAdapter]] = {
    "trs": TrsAdapter,
    "hanweb": HanwebAdapter,
    "generic": GenericAdapter,
}


def adapter_for(platform: str) -> PortalAdapter | None:
    adapter = ADAPTERS.get(platform)
    return adapter() if adapter else None


def discover(source: Source, fetcher: Fetcher) -> Discovery:
    """Walk the source's entry URLs with its platform's adapter; never raises for fetch trouble."""
    adapter = adapter_for(source.platform)
    if adapter is None:
        return unsupported(source)
    return adapter.discover(source, fetcher)


__all__ = ["ADAPTERS", "Discovery", "PortalAdapter", "TitleFilter", "adapter_for", "discover"]
