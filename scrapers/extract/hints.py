"""What a parsed page tells the extractor besides its text, as `DocumentHints`.

One function for the pipeline and for `govreports extract FILE.html`, so the warehouse and the
command read the same page the same way. The pipeline adds what the source registry knows (the
publisher it crawls, a jurisdiction hint); a file on disk has only the page.
"""

from __future__ import annotations

from scrapers.records import DocumentHints, ParsedPage


def hints_for_page(
    page: ParsedPage | None,
    *,
    publisher: str | None = None,
    jurisdiction_name: str | None = None,
    jurisdiction_code: str | None = None,
    fallback_title: str | None = None,
) -> DocumentHints:
    """Page metadata as hints: the article title, the first date the page states (PubDate, then the
    block's 发布日期, then 成文日期), and the codes that break ties between same-named places. The
    registry's publisher wins over the block's 发布机构, which is often an internal office
    (党政办公室) rather than the body that reports."""
    meta = page.metadata if page else None
    published = None
    if meta:
        published = next(
            (raw.strip() for raw in (meta.pub_date, meta.publish_date, meta.doc_date) if raw and raw.strip()),
            None,
        )
    return DocumentHints(
        title=(meta.article_title if meta else None) or (page.title if page else None) or fallback_title,
        publisher=publisher or (meta.issuing_org if meta else None),
        published=published,
        site_id_code=meta.site_id_code if meta else None,
        index_no=meta.index_no if meta else None,
        jurisdiction_name=jurisdiction_name,
        jurisdiction_code=jurisdiction_code,
    )
