"""Discovery: a source's list pages → Candidates (title filters applied), plus Failures.

    discovery = discover(source, fetcher)
    discovery.candidates  # Candidate(source, url, title, listed_date)
    discovery.failures    # Failure(stage="discover"): list pages that failed, limits hit, ...
    discovery.pages_seen  # list page URLs requested

One adapter per platform (`trs`, `hanweb`, `gkmlpt`, `generic`), all `PortalAdapter`s sharing
the walk in `base` (gkmlpt walks its JSON API instead). A platform without an adapter gets its
entry URLs back as `unsupported_platform` failures. `detect.detect_platform` tells from a page
which platform it most looks like (`govreports sources check`).
"""

from __future__ import annotations

from scrapers.fetch import Fetcher
from scrapers.portals.base import Discovery, PortalAdapter, TitleFilter, unsupported
from scrapers.portals.generic import GenericAdapter
from scrapers.portals.gkmlpt import GkmlptAdapter
from scrapers.portals.hanweb import HanwebAdapter
from scrapers.portals.trs import TrsAdapter
from scrapers.sources.registry import Source

ADAPTERS: dict[str, type[PortalAdapter]] = {
    "trs": TrsAdapter,
    "hanweb": HanwebAdapter,
    "gkmlpt": GkmlptAdapter,
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
