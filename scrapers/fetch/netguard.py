"""Which URLs a source may request: http(s) only, allowed hosts only, no private networks.

Portal pages are untrusted input: a list page, a redirect or a copied page on another domain can
point anywhere, including at services inside our own network (SSRF). Every URL, including every
redirect hop, goes through `check_url` before a request is made.

Limitation: the address check resolves the name itself, and `requests` resolves it again when
connecting; a hostile DNS server could answer differently the second time (DNS rebinding). The host
allow-list is the main defence; the address check is a second one.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from scrapers.fetch import errors
from scrapers.fetch.errors import BlockedURL
from scrapers.sources.registry import Source

ALLOWED_SCHEMES = ("http", "https")


def host_allowed(host: str, port: int | None, allowed_hosts: list[str]) -> bool:
    """A host is allowed when it equals an entry or is a subdomain of one.

    An entry may carry a port (`127.0.0.1:8080`), which then has to match too; an entry without a
    port allows any port (the bundled portal picks a free one at start-up).
    """
    host = host.lower().rstrip(".")
    for entry in allowed_hosts:
        entry = entry.strip().lower().rstrip(".")
        entry_host, _, entry_port = entry.rpartition(":") if _has_port(entry) else (entry, "", "")
        if entry_port and (port is None or str(port) != entry_port):
            continue
        if host == entry_host or host.endswith("." + entry_host):
            return True
    return False


def _has_port(entry: str) -> bool:
    # "[::1]:8080" or "host:8080"; a bare IPv6 address has several colons and no port.
    if entry.startswith("["):
        return "]:" in entry
    return entry.count(":") == 1


def is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def resolve(host: str, port: int) -> list[str]:
    """Every address the name resolves to (an IP literal resolves to itself)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedURL(errors.DNS_ERROR, f"{host}: {exc}") from exc
    return sorted({str(info[4][0]).split("%")[0] for info in infos})


def check_url(url: str, source: Source) -> None:
    """Raise BlockedURL when `source` may not request `url`; return quietly otherwise."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket in a link scraped from a page
        raise BlockedURL(errors.BAD_URL, f"{url!r}: {exc}") from exc
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise BlockedURL(errors.UNSUPPORTED_SCHEME, url)
    if not host:
        raise BlockedURL(errors.BAD_URL, f"no host in {url}")
    try:
        port = parts.port
    except ValueError as exc:
        raise BlockedURL(errors.BAD_URL, f"bad port in {url}") from exc
    if not host_allowed(host, port, source.allowed_hosts):
        raise BlockedURL(errors.HOST_NOT_ALLOWED, f"{host} is not in allowed_hosts of {source.name}")
    if source.allow_private_network:
        return
    default_port = 443 if parts.scheme.lower() == "https" else 80
    for address in resolve(host, port or default_port):
        if is_private(address):
            raise BlockedURL(errors.PRIVATE_ADDRESS, f"{host} resolves to {address}")
