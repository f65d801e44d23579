"""The synthetic staged Parquet the dbt tests build from: two sources' documents, facts, failures and
fetch log, written with the pipeline's own schemas (scrapers.stage.SCHEMAS). Shared by the DuckDB
build tests (test_dbt_build.py), the PostgreSQL parity tests (test_postgres.py) and the publishing
tests (tests/test_publish.py); each test module builds from it once.

The data (report ids are readable stand-ins for the 16-hex-digit hashes):

  source a, 潍坊市司法局 (370700, prefecture), reconsideration + litigation, 2021, 2022, 2023;
      2023 has two reports: the later-published one counts although the other is longer;
      the 2022 report quotes a 2021 figure (fact_year 2021), which must not be kept.
  source a, 潍城区司法局 (370702, county), mediation, 2021 and 2023 (gap year 2022).
  source a, 潍坊市12345热线 (370700), hotline, 2022 and 2023; 2023 has two reports published the
      same day: the longer text counts. The 2022 satisfaction rate is 101 (a warn-only test).
  source a, 江阴市人民政府 (320281, county), two doc_types per year, 2021 and 2022: the
      法治政府建设 report (rule_of_law_report, the whole reconsideration/litigation caseload) and the
      政府信息公开工作年度报告 (ogi_annual_report, information-disclosure cases only, same metric
      keys). Both count and stay apart; yoy compares within each doc_type. The 2022 OGI report
      has a revised version published later: it supersedes the first within ogi_annual_report
      only (the 2022 rule_of_law_report, published later still, would have hidden it before).
  source b, 浙江省司法厅 (330000, province), two reports and an empty facts file; it also staged
      the 2022 report of source a (same text, fetched later) and a report without a year.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from scrapers.stage import SCHEMAS

# The staged data contract is the pipeline's own (scrapers.stage), never a copy of it.
DOCUMENT_SCHEMA = SCHEMAS["documents"]
FACT_SCHEMA = SCHEMAS["facts"]
FAILURE_SCHEMA = SCHEMAS["failures"]
FETCH_LOG_SCHEMA = SCHEMAS["fetch_log"]

WF_JUSTICE = "潍坊市司法局"
WC_JUSTICE = "潍城区司法局"
WF_HOTLINE = "潍坊市12345热线"
ZJ_JUSTICE = "浙江省司法厅"
JY_GOV = "江阴市人民政府"

SHANDONG = {"province": "山东省", "city": "潍坊市", "county": None}
WEICHENG = {"province": "山东省", "city": "潍坊市", "county": "潍城区"}
ZHEJIANG = {"province": "浙江省", "city": None, "county": None}
JIANGYIN = {"province": "江苏省", "city": "无锡市", "county": "江阴市"}
LAW = "rule_of_law_report"
OGI = "ogi_annual_report"


def _document(
    report_id,
    source,
    publisher,
    year,
    published,
    code,
    place,
    *,
    doc_type="rule_of_law_report",
    text_chars=3000,
    fetched="2024-05-01T08:00:00+00:00",
):
    return {
        "report_id": report_id,
        "source": source,
        "publisher": publisher,
        "url": f"http://127.0.0.1/{source}/{report_id}.html",
        "alt_urls": json.dumps([]),
        "title": f"{publisher}{year}年度报告",
        "published": published,
        "report_year": year,
        "doc_type": doc_type,
        **place,
        "jurisdiction_code": code,
        "is_example": True,
        "raw_sha256": "0" * 64,
        "text_chars": text_chars,
        "text_source": "html",
        "first_fetched_at": fetched,
        "last_fetched_at": fetched,
        "extractor_version": "test",
        "warnings": json.dumps([]),
    }


def _fact(report_id, metric, value, *, fact_year=None, char_start=100, qualifier="exact", unit="件"):
    evidence = f"{metric}={value:g}"
    return {
        "report_id": report_id,
        "metric": metric,
        "value": float(value),
        "unit": unit,
        "qualifier": qualifier,
        "fact_year": fact_year,
        "evidence": evidence,
        "char_start": char_start,
        "char_end": char_start + len(evidence),
    }


DOCUMENTS_A = [
    _document("wf2021", "a", WF_JUSTICE, 2021, "2022-03-01", "370700", SHANDONG),
    _document("wf2022", "a", WF_JUSTICE, 2022, "2023-03-01", "370700", SHANDONG),
    _document("wf2023new", "a", WF_JUSTICE, 2023, "2024-03-15", "370700", SHANDONG, text_chars=2000),
    _document("wf2023old", "a", WF_JUSTICE, 2023, "2024-02-01", "370700", SHANDONG, text_chars=9000),
    _document("wc2021", "a", WC_JUSTICE, 2021, "2022-02-01", "370702", WEICHENG, doc_type="mediation_report"),
    _document("wc2023", "a", WC_JUSTICE, 2023, "2024-02-01", "370702", WEICHENG, doc_type="mediation_report"),
    _document("hl2022", "a", WF_HOTLINE, 2022, "2023-01-10", "370700", SHANDONG, doc_type="hotline_report"),
    _document(
        "hl2023long",
        "a",
        WF_HOTLINE,
        2023,
        "2024-01-10",
        "370700",
        SHANDONG,
        doc_type="hotline_report",
        text_chars=5000,
    ),
    _document(
        "hl2023short",
        "a",
        WF_HOTLINE,
        2023,
        "2024-01-10",
        "370700",
        SHANDONG,
        doc_type="hotline_report",
        text_chars=2000,
    ),
    _document("jy2021law", "a", JY_GOV, 2021, "2022-03-20", "320281", JIANGYIN, doc_type=LAW),
    _document("jy2021ogi", "a", JY_GOV, 2021, "2022-01-20", "320281", JIANGYIN, doc_type=OGI),
    _document("jy2022law", "a", JY_GOV, 2022, "2023-03-20", "320281", JIANGYIN, doc_type=LAW),
    _document("jy2022ogi", "a", JY_GOV, 2022, "2023-01-20", "320281", JIANGYIN, doc_type=OGI),
    # a revised version of the 2022 OGI report: supersedes jy2022ogi, not jy2022law
    _document("jy2022ogirev", "a", JY_GOV, 2022, "2023-02-10", "320281", JIANGYIN, doc_type=OGI),
]
DOCUMENTS_B = [
    _document("zj2022", "b", ZJ_JUSTICE, 2022, "2023-02-01", "330000", ZHEJIANG),
    _document("zj2023", "b", ZJ_JUSTICE, 2023, None, "330000", ZHEJIANG),
    # the same text as source a's 2022 report, fetched later: one report, kept from source a
    _document(
        "wf2022", "b", WF_JUSTICE, 2022, "2023-03-01", "370700", SHANDONG, fetched="2024-06-01T08:00:00Z"
    ),
    _document("noyear", "b", ZJ_JUSTICE, None, None, "330000", ZHEJIANG, doc_type="ogi_annual_report"),
]
FACTS_A = [
    _fact("wf2021", "reconsideration.received", 100),
    _fact("wf2021", "reconsideration.correction_rate", 10, unit="%"),
    _fact("wf2021", "litigation.cases", 50),
    _fact("wf2022", "reconsideration.received", 120),
    _fact("wf2022", "reconsideration.received", 999, fact_year=2021, char_start=10),  # another year
    _fact("wf2022", "reconsideration.correction_rate", 12.5, fact_year=2022, unit="%"),
    _fact("wf2022", "litigation.cases", 0),
    _fact("wf2023new", "reconsideration.received", 150, char_start=50),
    _fact("wf2023new", "reconsideration.received", 151, char_start=400),  # second mention: dropped
    _fact("wf2023new", "litigation.cases", 40, qualifier="at_least"),
    _fact("wf2023old", "reconsideration.received", 9999),  # superseded report
    _fact("wc2021", "mediation.disputes", 300, unit="起"),
    _fact("wc2021", "mediation.success_rate", 95, unit="%"),
    _fact("wc2023", "mediation.disputes", 330, unit="起"),
    _fact("wc2023", "mediation.success_rate", 96, unit="%"),
    _fact("hl2022", "hotline.satisfaction_rate", 101, unit="%"),  # out of range: warns only
    _fact("hl2023long", "hotline.contacts", 1_000_000),
    _fact("hl2023long", "hotline.satisfaction_rate", 99.6, unit="%"),  # not exact in 4 bytes
    _fact("hl2023long", "hotline.first_contact_resolution_rate", 90, unit="%"),
    _fact("hl2023short", "hotline.contacts", 1),
    _fact("jy2021law", "reconsideration.received", 80),
    _fact("jy2021law", "litigation.cases", 30),
    _fact("jy2021ogi", "reconsideration.received", 3),  # no litigation.cases in the 2021 OGI report
    _fact("jy2022law", "reconsideration.received", 90),
    _fact("jy2022law", "litigation.cases", 33),
    _fact("jy2022ogi", "reconsideration.received", 5),  # superseded by the revised version
    _fact("jy2022ogirev", "reconsideration.received", 6),
    _fact("jy2022ogirev", "litigation.cases", 2),
]
FAILURES = {
    "a": [
        {
            "source": "a",
            "url": "http://127.0.0.1/a/missing.html",
            "stage": "fetch",
            "reason": "http_404",
            "detail": "Not Found",
            "occurred_at": "2024-05-01T08:00:00+00:00",
        },
        {
            "source": "a",
            "url": "http://127.0.0.1/a/wf2021.html",
            "stage": "fetch",
            "reason": "timeout",
            "detail": "read timeout",
            "occurred_at": "2024-04-30T08:00:00+00:00",
        },
    ],
    "b": [
        {
            "source": "b",
            "url": "http://127.0.0.1/b/scan.pdf",
            "stage": "parse",
            "reason": "needs_ocr",
            "detail": "no text layer",
            "occurred_at": "2024-05-01T17:00:00+08:00",
        },
    ],
}
FETCH_LOG = {
    "a": [
        {
            "source": "a",
            "url": "http://127.0.0.1/a/missing.html",
            "requested_at": "2024-05-01T08:00:00+00:00",
            "status": 404,
            "sha256": None,
            "content_type": "text/html",
            "size": 120,
            "elapsed_ms": 12,
            "not_modified": False,
            "error": "http_404",
        },
        {
            "source": "a",
            "url": "http://127.0.0.1/a/wf2021.html",
            "requested_at": "2024-04-30T08:00:00+00:00",
            "status": None,
            "sha256": None,
            "content_type": None,
            "size": None,
            "elapsed_ms": 30000,
            "not_modified": False,
            "error": "timeout",
        },
        {
            "source": "a",
            "url": "http://127.0.0.1/a/wf2021.html",
            "requested_at": "2024-05-01T08:00:00+00:00",
            "status": 200,
            "sha256": "0" * 64,
            "content_type": "text/html",
            "size": 5000,
            "elapsed_ms": 40,
            "not_modified": False,
            "error": None,
        },
    ],
    "b": [
        {
            "source": "b",
            "url": "http://127.0.0.1/b/scan.pdf",
            "requested_at": "2024-05-01T09:00:00+00:00",
            "status": 200,
            "sha256": "1" * 64,
            "content_type": "application/pdf",
            "size": 90000,
            "elapsed_ms": 80,
            "not_modified": False,
            "error": None,
        },
    ],
}


def _write(staged: Path, entity: str, source: str, rows: list[dict], schema: pa.Schema) -> None:
    folder = staged / entity
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), folder / f"{source}.parquet")


def write_staged(
    staged: Path,
    documents: dict | None = None,
    facts: dict | None = None,
    failures: dict | None = None,
    fetch_log: dict | None = None,
) -> Path:
    """Write the rows (per source; the data above by default) as `<staged>/<entity>/<source>.parquet`."""
    documents = {"a": DOCUMENTS_A, "b": DOCUMENTS_B} if documents is None else documents
    facts = {"a": FACTS_A, "b": []} if facts is None else facts  # b: a source whose reports gave no figure
    failures = FAILURES if failures is None else failures
    fetch_log = FETCH_LOG if fetch_log is None else fetch_log
    for source in documents:
        _write(staged, "documents", source, documents[source], DOCUMENT_SCHEMA)
        _write(staged, "facts", source, facts[source], FACT_SCHEMA)
        _write(staged, "failures", source, failures[source], FAILURE_SCHEMA)
        _write(staged, "fetch_log", source, fetch_log[source], FETCH_LOG_SCHEMA)
    return staged
