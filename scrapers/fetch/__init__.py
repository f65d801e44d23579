"""Fetching: polite HTTP for one source, a content-addressed raw zone and an append-only fetch log.

    with Fetcher(source, data_dir) as fetcher:
        result = fetcher.get(url)
        if result.ok: ...  # result.body, result.sha256, result.content_type, result.not_modified
        else: ...          # result.reason ("http_404", "timeout", ...), result.attempt.error

Modules: `fetcher` (the retry/redirect loop), `session` (User-Agent, requests Session), `netguard`
(scheme / host / private-address policy), `robots`, `throttle` (per-host delay), `hostslots`
(per-host requests in flight, across processes), `rawstore`, `fetchlog`, `errors` (reason codes).
"""

from scrapers.fetch.errors import BlockedURL
from scrapers.fetch.fetcher import Fetcher, FetchResult
from scrapers.fetch.fetchlog import FetchLog
from scrapers.fetch.rawstore import RawStore

__all__ = ["BlockedURL", "FetchLog", "FetchResult", "Fetcher", "RawStore"]
