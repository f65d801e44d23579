"""A third synthetic source for the dbt tests, about 新余市 (360500, 江西省), a city of exactly two
counties in the division seed (渝水区 360502, 分宜县 360521), for the parts of the warehouse the data
of staged_data.py does not reach: the city roll-up, stated year-on-year changes, cross-field quality
rules, publishers of each kind, a code the division seed lacks, and a report found under several URLs.

  source c, 渝水区人民政府 and 分宜县人民政府: rule_of_law_report 2022 (both counties: the city
      total is complete, 20 + 10) and 2023 (渝水区 only: no total, 分宜县 missing); 新余市人民政府's own
      2022 figure (35) is shown beside the total; 新余高新区管委会 (a functional zone, attributed to
      360500) states one too, and the government's figure is preferred.
      分宜县 2022 concluded 12 of 10 received (info: carried-over cases) and corrected 15 of 12
      concluded (a warning).
  source c, 渝水区司法局 (a department): mediation_report 2022, resolved 120 of 100 disputes with a
      stated success rate of 50 (two warnings).
  source c, 新余市12345热线: hotline_report 2022, 2023, 2024: 1000, 1100 (+10 % stated: agrees),
      1000 (+5 % stated, computed -9.09 %: a mismatch).
  source c, 某某县司法局 (369901, a code the division seed does not know), no figure; its 2022
      report was also found under two other URLs.
"""

from __future__ import annotations

import json

from staged_data import _document, _fact

XINYU = {"province": "江西省", "city": "新余市", "county": None}
YUSHUI = {"province": "江西省", "city": "新余市", "county": "渝水区"}
FENYI = {"province": "江西省", "city": "新余市", "county": "分宜县"}
NOWHERE = {"province": "江西省", "city": None, "county": "某某县"}

XY_GOV = "新余市人民政府"
YS_GOV = "渝水区人民政府"
FY_GOV = "分宜县人民政府"
YS_JUSTICE = "渝水区司法局"
XY_HOTLINE = "新余市12345热线"
XY_ZONE = "新余高新区管委会"
NOWHERE_JUSTICE = "某某县司法局"
MEDIATION = "mediation_report"
HOTLINE = "hotline_report"

DOCUMENTS_C = [
    _document("ys2022", "c", YS_GOV, 2022, "2023-03-01", "360502", YUSHUI),
    _document("ys2023", "c", YS_GOV, 2023, "2024-03-01", "360502", YUSHUI),
    _document("fy2022", "c", FY_GOV, 2022, "2023-03-02", "360521", FENYI),
    _document("xy2022", "c", XY_GOV, 2022, "2023-03-03", "360500", XINYU),
    _document("xyzone2022", "c", XY_ZONE, 2022, "2023-03-04", "360500", XINYU),
    _document("ysmed2022", "c", YS_JUSTICE, 2022, "2023-02-01", "360502", YUSHUI, doc_type=MEDIATION),
    _document("xyhl2022", "c", XY_HOTLINE, 2022, "2023-01-10", "360500", XINYU, doc_type=HOTLINE),
    _document("xyhl2023", "c", XY_HOTLINE, 2023, "2024-01-10", "360500", XINYU, doc_type=HOTLINE),
    _document("xyhl2024", "c", XY_HOTLINE, 2024, "2025-01-10", "360500", XINYU, doc_type=HOTLINE),
    {
        **_document("nw2022", "c", NOWHERE_JUSTICE, 2022, "2023-04-01", "369901", NOWHERE),
        "alt_urls": json.dumps(["http://127.0.0.1/c/nw2022-print.html", "http://127.0.0.1/c/nw2022.pdf"]),
    },
]
FACTS_C = [
    _fact("ys2022", "reconsideration.received", 20),
    _fact("ys2023", "reconsideration.received", 22),
    _fact("fy2022", "reconsideration.received", 10),
    _fact("fy2022", "reconsideration.concluded", 12),  # > received: info (carried-over cases)
    _fact("fy2022", "reconsideration.corrected", 15),  # > concluded: a warning
    _fact("xy2022", "reconsideration.received", 35),
    _fact("xyzone2022", "reconsideration.received", 4),
    _fact("ysmed2022", "mediation.disputes", 100, unit="起"),
    _fact("ysmed2022", "mediation.resolved", 120, unit="起"),  # > disputes: a warning
    _fact("ysmed2022", "mediation.success_rate", 50, unit="%"),  # 120 / 100 = 120 %: a warning
    _fact("xyhl2022", "hotline.contacts", 1000),
    _fact("xyhl2023", "hotline.contacts", 1100),
    _fact("xyhl2023", "hotline.contacts_yoy_pct", 10, unit="%"),  # computed +10 %: agrees
    _fact("xyhl2024", "hotline.contacts", 1000),
    _fact("xyhl2024", "hotline.contacts_yoy_pct", 5, unit="%"),  # computed -9.09 %: a mismatch
]
FAILURES_C: list[dict] = []
FETCH_LOG_C: list[dict] = []
