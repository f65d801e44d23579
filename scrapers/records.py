"""The records that cross stage boundaries: discover → fetch → parse → extract → stage.

Each stage reads only what the stage before it wrote, so these types are the contract between
modules (and between the people working on them). They are plain dataclasses: cheap to build in
the hot path, trivially converted to JSON (`dataclasses.asdict`) for the per-report files and to
Parquet rows for dbt. Validation of *configuration* lives in `scrapers.sources`; these records
carry data that code already produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Qualifier = Literal["exact", "at_least", "approx", "at_most"]
DocType = Literal["rule_of_law_report", "ogi_annual_report", "hotline_report", "mediation_report", "other"]


@dataclass(frozen=True)
class Candidate:
    """A link found on a list page that looks like a report (title filters already applied)."""

    source: str
    url: str
    title: str
    listed_date: str | None = None  # YYYY-MM-DD as shown on the list page: a hint, never the publish date


@dataclass
class FetchAttempt:
    """One HTTP attempt, successful or not: one line of the fetch log."""

    source: str
    url: str
    requested_at: str  # ISO 8601 UTC
    status: int | None  # HTTP status, None when no response arrived
    sha256: str | None  # of the body, when a body was stored
    content_type: str | None
    size: int | None
    elapsed_ms: int
    not_modified: bool = False  # a 304, or a body whose sha256 we already had for this URL
    error: str | None = None  # a reason code (timeout, http_500, too_large, ...) and detail


@dataclass
class Attachment:
    url: str
    name: str | None = None


@dataclass
class PageMetadata:
    """What a portal page says about itself: standard meta tags and the 信息公开 metadata block."""

    site_name: str | None = None
    site_domain: str | None = None
    site_id_code: str | None = None  # 政府网站标识码; first 6 characters are a division code
    column_name: str | None = None
    article_title: str | None = None
    pub_date: str | None = None  # as written (YYYY-MM-DD HH:MM usually)
    content_source: str | None = None
    index_no: str | None = None  # 索引号
    issuing_org: str | None = None  # 发布机构 / 发文机关 / 发文单位
    doc_date: str | None = None  # 成文日期 / 生成日期 / 发文日期, as written
    publish_date: str | None = None  # 发布日期, as written
    doc_number: str | None = None  # 文号 / 发文字号


@dataclass
class ParsedPage:
    """A detail page reduced to what extraction needs: its text and what it says about itself."""

    url: str
    title: str | None
    text: str  # main content, boilerplate removed; the text every fact offset refers to
    metadata: PageMetadata = field(default_factory=PageMetadata)
    attachments: list[Attachment] = field(default_factory=list)
    charset: str | None = None


@dataclass(frozen=True)
class DocumentHints:
    """What is known about a document besides its text (page metadata, the source registry)."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD when known
    site_id_code: str | None = None
    index_no: str | None = None
    jurisdiction_name: str | None = None  # the source registry's hint, e.g. 潍坊市
    jurisdiction_code: str | None = None


@dataclass
class Jurisdiction:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    code: str | None = None  # 6-digit GB/T 2260


@dataclass
class DocumentFields:
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    report_year: int | None = None
    doc_type: DocType = "other"
    jurisdiction: Jurisdiction = field(default_factory=Jurisdiction)


@dataclass
class Fact:
    """One figure, bound to a vocabulary key, with the verbatim span it came from.

    `evidence == text[start:end]` always holds for the text the extractor was given.
    """

    metric: str
    value: float
    unit: str | None
    qualifier: Qualifier
    year: int | None
    evidence: str
    start: int
    end: int


@dataclass
class Extraction:
    document: DocumentFields
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """Something that did not become a report, and why: nothing is dropped silently."""

    source: str
    url: str
    stage: Literal["discover", "fetch", "parse", "extract"]
    reason: str  # short code: http_404, timeout, needs_ocr, unsupported_format, no_text, ...
    detail: str
    occurred_at: str  # ISO 8601 UTC; once staged, the first run in which this failure occurred
