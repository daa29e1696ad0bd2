"""Corpus-level boilerplate: lines that recur across many articles of one batch.

A site's navigation line, copyright notice or "Follow us on Telegram" shows up once per
article, so the per-article pass (which catches lines repeated *within* an article) cannot
see it. Across a batch it stands out: its line occurs in a large share of the articles.
The share is counted over the whole batch and also within each site (articles with the same
``source``, else from the same file or directory), so one site's footer is found in a batch
that mixes many sites.

>>> from graph.ingest.records import make_article
>>> arts = [make_article(f"Story number {i} about Karabakh talks.\\nFollow us on Telegram", f"{i}.txt") for i in range(6)]
>>> marked = mark_corpus_boilerplate(arts)
>>> [s.label for s in marked[0].excluded], [s.label for s in arts[0].excluded]
(['boilerplate'], [])
"""

from __future__ import annotations

import dataclasses
import math
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from graph.ingest.clean import clean, content_lines, line_key
from graph.types import Article

__all__ = ["mark_corpus_boilerplate", "corpus_boilerplate_keys", "MIN_ARTICLES"]

#: Fewer articles than this give no evidence that a shared line is boilerplate.
MIN_ARTICLES = 5


def corpus_boilerplate_keys(articles: Sequence[Article], *, min_share: float = 0.5, min_articles: int = MIN_ARTICLES) -> set[str]:
    """Line keys found in at least ``min_share`` of ``articles`` (and in at least 3 of them)."""
    return _shared([_line_keys(a) for a in articles], min_share, min_articles)


def _line_keys(a: Article) -> frozenset[str]:
    return frozenset(ln.key for ln in content_lines(a.text))


def _shared(keysets: Sequence[frozenset[str]], min_share: float, min_articles: int) -> set[str]:
    if len(keysets) < min_articles:
        return set()
    df: Counter[str] = Counter()
    for ks in keysets:
        df.update(ks)
    need = max(3, math.ceil(min_share * len(keysets)))
    return {k for k, c in df.items() if c >= need}


_LINE_SUFFIX = re.compile(r":\d+$")


def _site(a: Article) -> str:
    """Which site an article belongs to: its source, else the folder (or file) it came from."""
    if a.source:
        return "source:" + a.source.casefold()
    where = _LINE_SUFFIX.sub("", a.origin).replace("\\", "/")
    # records of one JSONL/CSV file share their file; loose files share their folder
    return "file:" + (where if where != a.origin else posixpath.dirname(where))


def mark_corpus_boilerplate(
    articles: Sequence[Article],
    *,
    min_share: float = 0.5,
    min_articles: int = MIN_ARTICLES,
) -> list[Article]:
    """New articles with corpus-level boilerplate lines moved from ``body`` to ``excluded``.

    The input articles are not changed. An article is re-cleaned only if it contains such a
    line, so that a site name on the first line no longer passes for the headline; a title
    or author that came from metadata (not from the text) is kept.
    """
    keysets = [_line_keys(a) for a in articles]
    everywhere = _shared(keysets, min_share, min_articles)
    groups: dict[str, list[frozenset[str]]] = defaultdict(list)
    for a, ks in zip(articles, keysets):
        groups[_site(a)].append(ks)
    per_site = {
        site: everywhere | _shared(members, min_share, min_articles)
        for site, members in groups.items()
        if len(members) < len(articles)
    }
    out = []
    for a in articles:
        keys = per_site.get(_site(a), everywhere)
        if not keys or not any(line_key(a.text[s.start : s.end]) in keys for s in a.body):
            out.append(a)
            continue
        # the title came from metadata when cleaning the text alone does not find it
        given = a.title if a.title is not None and clean(a.text).title != a.title else None
        c = clean(a.text, title=given, boilerplate=keys)
        out.append(
            dataclasses.replace(
                a,
                title=c.title,
                title_span=c.title_span,
                author=c.author or (a.author if a.author_span is None else None),
                author_span=c.author_span,
                body=c.body,
                excluded=c.excluded,
            )
        )
    return out

