"""Which CMS a portal page comes from, by its fingerprints.

Used by `govreports sources check` to tell a user adding a portal whether the `platform` they
configured matches the page (a wrong platform is the commonest reason a new source finds nothing).
The fingerprints are the ones in ../shared/spec/field-notes.md:

- gkmlpt (Guangdong 政府信息公开目录平台): a `/gkmlpt/` URL and the site id (`SID`) in inline JS;
- Hanweb (大汉 JCMS): `/col/col<N>/` URLs, `dataproxy.jsp`, a `<datastore>` block, "大汉网络";
- TRS WCM: the `createPageHTML(` pager, `TRS_Editor` / `TRS_UEDITOR` bodies, `./YYYYMM/tYYYYMMDD_…`
  article links;
- anything else: generic.

Each platform scores one point per fingerprint found; the best score wins, ties in the order above.
A page that only *links* to another platform (a TRS site linking to a Hanweb one) scores low.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

GKMLPT_SID = re.compile(r"""\bSID\b\s*[:=]\s*['"]?([0-9A-Za-z_-]+)""")


@dataclass(frozen=True)
class Fingerprint:
    platform: str
    label: str  # what a person reads: "createPageHTML pager"
    pattern: re.Pattern[str]
    on_url: bool = False  # matched against the page's URL rather than its HTML


FINGERPRINTS: tuple[Fingerprint, ...] = (
    Fingerprint("gkmlpt", "/gkmlpt/ URL", re.compile(r"/gkmlpt/", re.I), on_url=True),
    Fingerprint("gkmlpt", "gkmlpt API path", re.compile(r"/gkmlpt/api/", re.I)),
    Fingerprint("gkmlpt", "SID in inline JS", GKMLPT_SID),
    Fingerprint("hanweb", "/col/col<N>/ URL", re.compile(r"/col/col\d+/", re.I), on_url=True),
    Fingerprint("hanweb", "dataproxy.jsp", re.compile(r"dataproxy\.jsp", re.I)),
    Fingerprint("hanweb", "<datastore> records", re.compile(r"<datastore>", re.I)),
    Fingerprint("hanweb", "大汉网络 footer", re.compile(r"大汉网络|hanweb", re.I)),
    Fingerprint("trs", "createPageHTML pager", re.compile(r"createPageHTML\s*\(")),
    Fingerprint("trs", "TRS_Editor body", re.compile(r"TRS_(?:Editor|UEDITOR)", re.I)),
    Fingerprint("trs", "./YYYYMM/tYYYYMMDD_<id> links", re.compile(r"/\d{6}/t\d{8}_\d+\.s?html?")),
)
ORDER = ("gkmlpt", "hanweb", "trs")


@dataclass
class Detection:
    platform: str  # trs | hanweb | gkmlpt | generic
    evidence: list[str] = field(default_factory=list)  # labels of the fingerprints found for it
    scores: dict[str, int] = field(default_factory=dict)
    sid: str | None = None  # gkmlpt only

    def describe(self) -> str:
        if not self.evidence:
            return f"{self.platform} (no platform fingerprint found)"
        return f"{self.platform} ({', '.join(self.evidence)})"


def detect_platform(html: str, url: str = "") -> Detection:
    """The platform `html` (fetched from `url`) most looks like."""
    path = urlsplit(url).path if url else ""
    found: dict[str, list[str]] = {}
    for fingerprint in FINGERPRINTS:
        target = path if fingerprint.on_url else html
        if fingerprint.pattern.search(target):
            found.setdefault(fingerprint.platform, []).append(fingerprint.label)
    sid_match = GKMLPT_SID.search(html)
    # A SID alone is any script variable; it counts for gkmlpt only together with a gkmlpt path.
    if found.get("gkmlpt") == ["SID in inline JS"]:
        del found["gkmlpt"]
    scores = {platform: len(labels) for platform, labels in found.items()}
    if not scores:
        return Detection("generic", [], {})
    best = max(scores.values())
    platform = next(p for p in ORDER if scores.get(p) == best)
    return Detection(
        platform,
        found[platform],
        scores,
        sid=sid_match.group(1) if platform == "gkmlpt" and sid_match else None,
    )
