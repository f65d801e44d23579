"""`make bench`: speed and scale measured against their limits, on a generated corpus with known answers.

- ``corpus``  the seeded generator: reports with their true facts (every doc type, several phrasing
  families, traps), rendered as text, HTML (UTF-8 and GBK) and PDF;
- ``portal``  a generated portal (TRS, Hanweb, gkmlpt and generic list pages) served like the bundled one;
- ``staged``  staged Parquet written directly (``scrapers.stage.SCHEMAS``) for the load bench;
- ``harness`` the suites (extraction, accuracy, crawl, load, incremental, dag_parse) and the report.
"""
