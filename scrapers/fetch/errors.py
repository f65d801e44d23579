"""Reason codes for fetch outcomes.

The codes end up in `FetchAttempt.error` ("<code>: <detail>"), in `Failure.reason` and, through
staging, in the warehouse, where people group by them: they must stay short and stable.
"""

from __future__ import annotations

HTTP_PREFIX = "http_"  # http_404, http_500, ... built from the status code
TIMEOUT = "timeout"
CONNECTION_ERROR = "connection_error"
TOO_LARGE = "too_large"
HOST_NOT_ALLOWED = "host_not_allowed"
PRIVATE_ADDRESS = "private_address"
UNSUPPORTED_SCHEME = "unsupported_scheme"
BAD_URL = "bad_url"
ROBOTS_DISALLOWED = "robots_disallowed"
TOO_MANY_REDIRECTS = "too_many_redirects"
BAD_REDIRECT = "bad_redirect"
DNS_ERROR = "dns_error"
STORE_MISSING = "store_missing"  # a 304 arrived but the body it refers to is not in the raw store

# Failures worth trying again after a pause: the server or the network may recover.
RETRYABLE = frozenset({TIMEOUT, CONNECTION_ERROR})


def http_code(status: int) -> str:
    return f"{HTTP_PREFIX}{status}"


def is_retryable_status(status: int) -> bool:
    """429 and 5xx are transient by definition; other 4xx will not change if asked again."""
    return status == 429 or 500 <= status <= 599


class BlockedURL(Exception):
    """A URL the fetcher refuses to request (scheme, host or address policy)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
