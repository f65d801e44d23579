"""Load and validate the source registry (YAML).

The registry is data: adding a portal is a YAML edit, never a code change. Validation errors name
the file, the source and the field, so the person editing the file knows what to fix.
`${VAR}` in any string is replaced by the environment variable VAR (the bundled portal's URL is
only known once its server has picked a free port).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_REGISTRY = Path(__file__).resolve().parent / "archive.yaml"
REGISTRY_ENV = "GOVREPORTS_SOURCES"

_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")


class RegistryError(ValueError):
    """The registry file is missing, malformed, or a source in it is invalid."""


class JurisdictionHint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    code: str | None = Field(default=None, pattern=r"^\d{6}$")


class Source(BaseModel):
    """One portal column (or a few) publishing one publisher's reports."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    publisher: str
    jurisdiction: JurisdictionHint = JurisdictionHint()
    platform: Literal["trs", "hanweb", "gkmlpt", "generic"]
    entry_urls: list[str] = Field(min_length=1)
    allowed_hosts: list[str] = Field(min_length=1)
    # Loopback / private / link-local targets are refused unless a source says otherwise
    # (the bundled portal on 127.0.0.1 does).
    allow_private_network: bool = False
    title_include: list[str] = Field(
        default_factory=lambda: ["法治政府建设", "政府信息公开工作年度报告", "政务服务热线", "人民调解"]
    )
    title_exclude: list[str] = Field(default_factory=lambda: ["通知", "公告", "公示", "征求意见"])
    # The years whose reports are wanted; None: every year found. Applied in discovery to the year
    # a listed title reports on (2021年度 / 2021年 / 二〇二一年, full-width digits too): an older or
    # unlisted year is skipped (`sources check` shows it); a year NEWER than all of them is not
    # fetched but becomes a Failure `report_year_not_configured`, so a site's new year is never a
    # silent skip. A title without a year is kept (the extractor reads the year from the text).
    report_years: list[int] | None = None
    delay_s: float = Field(default=1.0, ge=0)  # politeness: pause between requests to one host
    # Politeness: the most requests in flight to one host at a time, across every process crawling
    # with the same data directory (mapped Airflow tasks of sources sharing a host included): lock
    # files under <data_dir>/locks/<host>/ (scrapers/fetch/hostslots.py). Sources sharing a host
    # should agree; the host never sees more than the largest value among them.
    concurrency: int = Field(default=1, ge=1, le=8)
    max_pages: int = Field(default=50, ge=1)  # list pages walked at most per entry URL
    example: bool = False  # reports written by the project (the bundled portal), not real ones
    enabled: bool = True

    @field_validator("entry_urls")
    @classmethod
    def _http_only(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"entry URL must be http(s): {url!r}")
        return urls


def _substitute(value: object, path: Path) -> object:
    if isinstance(value, str):

        def repl(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in os.environ:
                raise RegistryError(
                    f"{path}: ${{{name}}} is used but the environment variable {name} is not set"
                    + (" (start the bundled portal: govreports serve-archive)" if "ARCHIVE" in name else "")
                )
            return os.environ[name].rstrip("/")

        return _VAR.sub(repl, value)
    if isinstance(value, list):
        return [_substitute(v, path) for v in value]
    if isinstance(value, dict):
        return {k: _substitute(v, path) for k, v in value.items()}
    return value


def registry_path() -> Path:
    return Path(os.environ.get(REGISTRY_ENV, DEFAULT_REGISTRY))


def load_sources(path: Path | None = None, *, include_disabled: bool = False) -> list[Source]:
    """Read, substitute and validate the registry; raise RegistryError naming what is wrong."""
    path = path or registry_path()
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RegistryError(f"{path}: registry file not found (set {REGISTRY_ENV} to its path)") from exc
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise RegistryError(f"{path}: expected a mapping with a 'sources' list")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, raw in enumerate(document["sources"]):
        label = raw.get("name", f"#{index}") if isinstance(raw, dict) else f"#{index}"
        try:
            source = Source.model_validate(_substitute(raw, path))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or '(source)'}: {err['msg']}" for err in exc.errors()
            )
            raise RegistryError(f"{path}: source {label!r}: {problems}") from exc
        if source.name in seen:
            raise RegistryError(f"{path}: source {source.name!r} is defined twice")
        seen.add(source.name)
        if source.enabled or include_disabled:
            sources.append(source)
    return sources


def source_named(name: str, path: Path | None = None) -> Source:
    for source in load_sources(path, include_disabled=True):
        if source.name == name:
            return source
    raise RegistryError(f"{path or registry_path()}: no source named {name!r} (see: govreports sources list)")
