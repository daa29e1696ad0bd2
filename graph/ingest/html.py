"""HTML pages: the main text extracted by trafilatura, with the page's title, date and URL.

For HTML input ``Article.text`` is *not* the markup: it is the headline (when the page has
one) on the first line, a blank line, then the main text trafilatura extracted, one paragraph
per line. All offsets refer to that extracted text. Nothing is fetched from the network.
"""

from __future__ import annotations

import datetime as _dt
import logging

from graph.errors import InputError
from graph.ingest.dates import parse_published
from graph.ingest.records import make_article
from graph.types import Article

__all__ = ["read_html", "html_to_text"]

# trafilatura logs every page it finds too short; those are our Problems to report, not logs
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def html_to_text(html: str) -> tuple[str, dict]:
    """``(text, metadata)`` of an HTML page; metadata keys: title, date, url, author, source."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        # dates from the page's metadata only: guessing from body text finds the wrong ones
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return "", {}
    get = doc.get if isinstance(doc, dict) else lambda k, d=None: getattr(doc, k, d)
    body = (get("text") or "").strip()
    title = (get("title") or "").strip()
    lines = [ln.strip() for ln in body.split("\n")]
    body = "\n".join(ln for ln in lines if ln)
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}" if body else ""
    else:
        text = body
    meta = {
        "title": title or None,
        "date": get("date"),
        "url": get("url"),
        "author": get("author"),
        "source": get("sitename"),
    }
    return text, meta


def read_html(
    html: str,
    path: str,
    *,
    published: _dt.date | None = None,
    lang: str | None = None,
) -> Article:
    """One article from an HTML page, or :class:`InputError` when it has no main text."""
    try:
        text, meta = html_to_text(html)
    except (ValueError, TypeError, AttributeError, RecursionError) as e:
        # lxml/trafilatura reject some malformed pages this way; one bad page must not stop a batch
        raise InputError(f"HTML could not be parsed ({type(e).__name__}: {e})", path=path) from None
    if not text.strip():
        raise InputError("no main text found in HTML page", path=path)
    return make_article(
        text,
        path,
        title=meta.get("title"),
        url=meta.get("url"),
        source=meta.get("source"),
        published=parse_published(meta.get("date")) or published,
        lang=lang,
        author=meta.get("author"),
    )
