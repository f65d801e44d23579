"""The HTTP session: one identifiable User-Agent, no hidden retries, no hidden redirects.

`requests` retries and follows redirects on its own by default; both are switched off here because
the fetcher has to see every hop (to refuse hosts a source does not allow) and every attempt (to
log it and to back off politely).
"""

from __future__ import annotations

import os
from importlib import metadata

import requests
from requests.adapters import HTTPAdapter

CONTACT_ENV = "GOVREPORTS_CONTACT"
DEFAULT_CONTACT = "https://github.com/govreports/govreports"


def package_version() -> str:
    try:
        return metadata.version("govreports")
    except metadata.PackageNotFoundError:
        return "0"


def default_user_agent() -> str:
    """`govreports/<version> (+<contact>)`: a site operator can tell who we are and reach us."""
    contact = os.environ.get(CONTACT_ENV, DEFAULT_CONTACT)
    return f"govreports/{package_version()} (+{contact})"


def robots_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against (`govreports`)."""
    return user_agent.split("/", 1)[0].split()[0] or "*"


def make_session(user_agent: str) -> requests.Session:
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=0, pool_connections=4, pool_maxsize=4)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update(
        {
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8",
            "Accept-Language": "zh-CN,zh;q=0.9",
        }
    )
    # No environment magic: ~/.netrc credentials must never reach a portal, and a proxy picked up
    # from the environment would make the address checks in netguard meaningless.
    session.trust_env = False
    return session
