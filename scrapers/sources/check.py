"""`govreports sources check NAME`: does a source's configuration work? Ask the portal and say.

Walks the source's entry URLs the way the pipeline's discover step does (same adapter, same title
filters, same host policy, same politeness), but into a throw-away data directory, so a check
leaves no trace in the raw store or the fetch log. It reports, per entry URL, the platform the
page looks like (`scrapers.portals.detect`) next to the configured one; then the list pages and
list API requests walked, the candidate reports (date, title, URL), the links the title filters
and `report_years` skipped (with the pattern or year that skipped them) and the failures with
their reason codes (a report on a year newer than `report_years` is one:
`report_year_not_configured`).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from scrapers.fetch import Fetcher
from scrapers.parse.encoding import decode_html, header_charset
from scrapers.portals import Discovery, discover
from scrapers.portals.base import REPORT_YEAR_NOT_CONFIGURED
from scrapers.portals.detect import Detection, detect_platform
from scrapers.sources.registry import Source

_NEW_YEAR = re.compile(r" reports on (\d{4}), which is not in report_years")


@dataclass
class EntryCheck:
    url: str
    detection: Detection | None  # None: the entry page could not be fetched
    error: str | None = None


@dataclass
class SourceCheck:
    source: Source
    entries: list[EntryCheck] = field(default_factory=list)
    discovery: Discovery = field(default_factory=Discovery)

    @property
    def platform_mismatch(self) -> list[EntryCheck]:
        return [
            e
            for e in self.entries
            if e.detection is not None
            and e.detection.platform != self.source.platform
            and not (e.detection.platform == "generic" and self.source.platform != "gkmlpt")
        ]

    @property
    def ok(self) -> bool:
        """Candidates found, nothing failed, and no entry page looks like another platform."""
        return bool(self.discovery.candidates) and not self.discovery.failures and not self.platform_mismatch


def check_source(source: Source, data_dir: Path | None = None, **fetcher_options: object) -> SourceCheck:
    """Fetch the entry pages, detect their platform, run discovery; never raises for fetch trouble."""
    options: dict = {"retries": 1, "max_wait": 5.0} | fetcher_options
    with (
        tempfile.TemporaryDirectory(prefix="govreports-check-") as scratch,
        Fetcher(source, data_dir or Path(scratch), **options) as fetcher,
    ):
        result = SourceCheck(source)
        for url in source.entry_urls:
            fetched = fetcher.get(url.split("#", 1)[0])
            if not fetched.ok or fetched.body is None:
                result.entries.append(EntryCheck(url, None, fetched.attempt.error))
                continue
            html, _ = decode_html(fetched.body, header_charset(fetched.content_type))
            result.entries.append(EntryCheck(url, detect_platform(html, fetched.final_url)))
        result.discovery = discover(source, fetcher)
    return result


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_check(check: SourceCheck) -> str:
    source, found = check.source, check.discovery
    lines = [f"source {source.name}: {source.publisher}, platform {source.platform}"]
    if not source.enabled:
        lines[0] += " [disabled]"
    lines.append(f"  title_include: {source.title_include or '(everything)'}")
    lines.append(f"  title_exclude: {source.title_exclude}")
    if source.report_years:
        lines.append(f"  report_years: {sorted(source.report_years)}")
    lines.append("")
    lines.append("entry pages:")
    for entry in check.entries:
        lines.append(f"  {entry.url}")
        if entry.detection is None:
            lines.append(f"    could not fetch it: {entry.error}")
            continue
        mark = "matches the configuration" if entry.detection.platform == source.platform else ""
        if entry in check.platform_mismatch:
            mark = f"but the source says {source.platform!r}: set platform: {entry.detection.platform}?"
        lines.append(f"    looks like: {entry.detection.describe()} {mark}".rstrip())
    lines.append("")
    lines.append(f"list pages walked ({len(found.pages_seen)}):")
    lines += [f"  {'POST ' if 'dataproxy.jsp' in url else ''}{url}" for url in found.pages_seen]
    lines.append("")
    lines.append(f"candidate reports ({len(found.candidates)}):")
    for candidate in found.candidates:
        lines.append(f"  {candidate.listed_date or '----------'}  {candidate.title}")
        lines.append(f"              {candidate.url}")
    lines.append("")
    filters = "the title filters and report_years" if source.report_years else "the title filters"
    lines.append(f"skipped by {filters} ({len(found.skipped)}):")
    for skipped in found.skipped:
        item = skipped.item
        lines.append(f"  {item.listed_date or '----------'}  {_shorten(item.title)}  [{skipped.why}]")
        lines.append(f"              {item.url}")
    lines.append("")
    lines.append(f"failures ({len(found.failures)}):")
    for failure in found.failures:
        lines.append(f"  {failure.reason:<22} {failure.url}")
        if failure.detail:
            lines.append(f"  {'':<22} {_shorten(failure.detail, 100)}")
    lines.append("")
    if check.ok:
        verdict = (
            f"OK: {len(found.candidates)} candidate report(s). Next: govreports ingest --source {source.name}"
        )
    elif not found.candidates:
        verdict = (
            "NO CANDIDATES: check the platform, the entry URLs, and title_include against the skipped"
            " titles above"
        )
    else:
        verdict = "CHECK THE FAILURES / PLATFORM ABOVE before ingesting"
    lines.append(verdict)
    new_years = sorted(
        {
            match.group(1)
            for f in found.failures
            if f.reason == REPORT_YEAR_NOT_CONFIGURED and (match := _NEW_YEAR.search(f.detail))
        }
    )
    if new_years:
        lines.append(
            f"  the portal lists reports on {', '.join(new_years)}: add to report_years to fetch them"
        )
    return "\n".join(lines)
