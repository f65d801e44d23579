"""The bundled portal's catalog (`catalog.yaml`): which publisher sites exist and what each holds.

Configuration is data: a site's name, domain, 网站标识码, layout and charset, its columns, and the
items of each column (a seed file, an example report, or a short notice that is not a report) are
edited in YAML. This module only validates that file, so a mistake (an unknown layout, a
SiteIDCode that does not start with the site's division code) fails before any page is built.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

CATALOG_PATH = Path(__file__).resolve().parent / "catalog.yaml"


class Notice(BaseModel):
    """A short page that is not a report (通知, 公告, 征求意见稿 …): the crawler must skip it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    source: str | None = None  # 来源; defaults to the site's publisher
    body: list[str] = Field(min_length=1)


class Item(BaseModel):
    """One entry of a column list: exactly one of seed / example / notice."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: str | None = None  # file name in the seeds folder
    example: str | None = None  # key of a file in examples/
    notice: Notice | None = None
    date: dt.date | None = None  # listing date (URL, list page); examples default to their publish date
    id: int | None = None  # article id in the URL; derived from the item when absent

    @model_validator(mode="after")
    def _one_kind(self) -> Item:
        kinds = [k for k in (self.seed, self.example, self.notice) if k is not None]
        if len(kinds) != 1:
            raise ValueError("an item is exactly one of: seed, example, notice")
        if (self.seed or self.notice) and self.date is None:
            raise ValueError("seed and notice items need a listing date")
        return self


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str = Field(pattern=r"^[a-z0-9_]+$")  # path segment (trs, generic)
    name: str  # ColumnName
    col: int | None = None  # Hanweb column number (col<N>); gkmlpt category id
    # Items per list page (TRS, generic); records on a Hanweb column page (the rest come from
    # dataproxy.jsp); articles per gkmlpt API page.
    page_size: int = Field(default=10, ge=1)
    items: list[Item] = Field(min_length=1)


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")  # URL prefix /<slug>/
    name: str  # SiteName
    publisher: str  # default ContentSource
    domain: str  # SiteDomain
    division: str = Field(pattern=r"^\d{6}$")
    site_id_code: str = Field(pattern=r"^\d{10}$")
    icp: str
    police_record: str | None = None  # 公安备案号
    sponsor: str  # 主办单位 in the footer
    layout: Literal["trs", "hanweb", "gkmlpt", "generic"]
    charset: Literal["utf-8", "gbk"] = "utf-8"
    columns: list[Column] = Field(min_length=1)

    @model_validator(mode="after")
    def _code_prefix(self) -> SiteConfig:
        if not self.site_id_code.startswith(self.division):
            raise ValueError(
                f"site {self.slug}: SiteIDCode must start with its division code {self.division}"
            )
        if self.layout in ("hanweb", "gkmlpt") and any(c.col is None for c in self.columns):
            raise ValueError(f"site {self.slug}: {self.layout} columns need a col number")
        return self

    @property
    def sid(self) -> str:
        """The site's id on the gkmlpt platform (its index page's inline `SID`)."""
        return str(int(self.site_id_code[-4:]) + 2000)


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sites: list[SiteConfig] = Field(min_length=1)


def load_catalog(path: Path = CATALOG_PATH) -> Catalog:
    return Catalog.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
