"""From decoded text and metadata to an :class:`~graph.types.Article`.

Every reader (plain text, JSONL, CSV, HTML, feeds) ends here, so ids, hashes, cleaning,
language and dates are decided the same way for all of them.

>>> a = make_article("Russia and Azerbaijan discussed Karabakh.", "x.txt")
>>> a.lang, a.id == make_article("Russia and Azerbaijan discussed Karabakh.", "y.txt").id
('en', True)
>>> r, problems = article_from_record({"id": "n1", "text": "نص الخبر", "published": "2023-09-20"}, "a.jsonl:1")
>>> r.id, r.published.isoformat(), r.lang, problems
('n1', '2023-09-20', 'ar', [])
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Collection, Mapping

from graph.ingest.clean import clean
from graph.ingest.dates import parse_published
from graph.ingest.lang import detect_lang
from graph.iri import article_id
from graph.types import Article, Problem

__all__ = ["make_article", "article_from_record", "normalise_lang", "FIELDS"]

#: Fields a JSONL/CSV record may carry; others are ignored.
FIELDS = ("id", "text", "title", "url", "source", "published", "lang", "author")


def normalise_lang(value: object) -> str | None:
    """``"AR-eg"`` → ``"ar"``; empty or non-string → None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower()


def make_article(
    text: str,
    origin: str,
    *,
    given_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: _dt.date | None = None,
    lang: str | None = None,
    author: str | None = None,
    boilerplate: Collection[str] = (),
) -> Article:
    """Clean ``text`` into spans and wrap it with its metadata; ``text`` is kept exactly.

    ``lang`` given wins over detection; ``author`` (from metadata) is used only when the text
    has no byline, and then has no span.
    """
    c = clean(text, title=title, boilerplate=boilerplate)
    if lang is None:
        body = c.body or ()
        lang = detect_lang("\n".join(text[s.start : s.end] for s in body) if body else text)
    return Article(
        id=article_id(text, given=given_id, url=url),
        text=text,
        origin=origin,
        lang=lang,
        title=c.title,
        title_span=c.title_span,
        author=c.author or (author.strip() if author and author.strip() else None),
        author_span=c.author_span,
        published=published,
        url=url or None,
        source=source or None,
        body=c.body,
        excluded=c.excluded,
        content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )


def _opt_str(rec: Mapping, key: str) -> str | None:
    v = rec.get(key)
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        v = str(v)
    if not isinstance(v, str):
        return None
    # an unpaired surrogate cannot be written out later; replace it rather than lose the field
    v = v.encode("utf-8", "replace").decode("utf-8")
    return v.strip() or None


def article_from_record(
    rec: Mapping,
    where: str,
    *,
    published: _dt.date | None = None,
    lang: str | None = None,
) -> tuple[Article | None, list[Problem]]:
    """An article from one JSONL/CSV record, plus problems (errors skip it, warnings don't).

    ``published`` and ``lang`` are defaults for records that do not give their own.
    """
    text = rec.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return None, [Problem(where, f"field 'text' is {what}; record skipped")]
    if not text.strip():
        return None, [Problem(where, "field 'text' is empty; record skipped")]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        # JSON allows "\ud800" escapes that no UTF-8 output (RDF, HTML) can carry
        return None, [Problem(where, f"field 'text' has an unpaired surrogate {text[e.start]!r} at offset {e.start}; record skipped")]
    problems: list[Problem] = []
    date = published
    raw_date = rec.get("published")
    if raw_date not in (None, ""):
        parsed = parse_published(raw_date)
        if parsed is None:
            problems.append(Problem(where, f"unrecognised date in 'published': {raw_date!r}; ignored", "warning"))
        else:
            date = parsed
    art = make_article(
        text,
        where,
        given_id=_opt_str(rec, "id"),
        title=_opt_str(rec, "title"),
        url=_opt_str(rec, "url"),
        source=_opt_str(rec, "source"),
        published=date,
        lang=normalise_lang(rec.get("lang")) or lang,
        author=_opt_str(rec, "author"),
    )
    return art, problems
