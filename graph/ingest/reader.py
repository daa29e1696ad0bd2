"""Read a batch of inputs — files, directories, ``-`` for stdin — into articles and problems.

Kinds by extension: ``.txt`` (one article as scraped), ``.jsonl``/``.ndjson``, ``.csv``,
``.tsv``, ``.html``/``.htm``, feeds ``.xml``/``.rss``/``.atom``. A file named explicitly with
another extension is read as text; a directory is walked recursively in sorted order, taking
only known extensions and skipping hidden entries (``.git``, ``.DS_Store``).

Bad input never stops a batch: each unreadable file or record becomes a
:class:`~graph.types.Problem` naming ``path`` or ``path:line``, and reading goes on.

Offsets: ``Article.text`` is the decoded input with any byte-order mark removed and newlines
left as they are; for JSONL/CSV it is exactly the ``text`` field; for HTML and feeds it is
the extracted text (see :mod:`graph.ingest.html`, :mod:`graph.ingest.feeds`).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import InputError
from graph.ingest.boilerplate import MIN_ARTICLES, mark_corpus_boilerplate
from graph.ingest.dates import parse_published
from graph.ingest.decode import decode_with_note
from graph.ingest.records import make_article, normalise_lang
from graph.types import Article, Problem

__all__ = ["read_inputs", "ingest", "KINDS", "STDIN"]

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
STDIN = "-"
_STDIN_NAME = "<stdin>"


def _walk(root: Path, problems: list[Problem]) -> list[Path]:
    found = []

    def unreadable(err: OSError) -> None:
        problems.append(Problem(str(err.filename), f"cannot read directory: {err.strerror or err}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in KINDS:
                found.append(Path(dirpath) / name)
    # sort whole paths, so the order does not depend on the file system's listing order
    return sorted(found, key=lambda p: p.as_posix())


def _sniff(data: bytes) -> str:
    """Kind of stdin input, judged from its first bytes."""
    from graph.ingest.feeds import is_feed
    from graph.ingest.jsonl import looks_like_jsonl

    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "html"
    if is_feed(data):
        return "feed"
    try:
        if looks_like_jsonl(data[:65536].decode("utf-8", "ignore")):
            return "jsonl"
    except ValueError:
        pass
    return "text"


def _read_one(data: bytes, where: str, kind: str, published, lang) -> Iterator[Article | Problem]:
    text, note = decode_with_note(data, where)
    if note:
        yield Problem(where, note, "warning")
    if kind == "feed":
        from graph.ingest.feeds import read_feed

        yield from read_feed(text, where, published=published, lang=lang)
    elif kind == "jsonl":
        from graph.ingest.jsonl import read_jsonl

        yield from read_jsonl(text, where, published=published, lang=lang)
    elif kind in ("csv", "tsv"):
        from graph.ingest.tabular import read_table

        yield from read_table(text, where, delimiter="," if kind == "csv" else "\t", published=published, lang=lang)
    elif kind == "html":
        from graph.ingest.html import read_html

        yield read_html(text, where, published=published, lang=lang)
    else:
        yield make_article(text, where, published=published, lang=lang)


def _sources(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, str | None, Path | None] | Problem]:
    """(origin, kind, path) per input file; kind None means "decide from the bytes" (stdin)."""
    for p in paths:
        if str(p) == STDIN:
            yield _STDIN_NAME, None, None
            continue
        path = Path(p)
        if path.is_dir():
            problems: list[Problem] = []
            files = _walk(path, problems)
            yield from problems
            if not files and not problems:
                yield Problem(str(path), f"no input files ({', '.join(sorted(KINDS))}) in directory", "warning")
            for f in files:
                yield str(f), KINDS[f.suffix.lower()], f
        elif path.exists():
            yield str(path), KINDS.get(path.suffix.lower(), "text"), path
        else:
            yield Problem(str(path), "no such file or directory")


def read_inputs(
    paths: Iterable[str | os.PathLike],
    *,
    published: _dt.date | None = None,
    lang: str | None = None,
) -> Iterator[Article | Problem]:
    """Articles and problems from ``paths``, in order, one at a time.

    ``published`` is the date for articles whose input gives none; ``lang`` ("ar"/"en")
    replaces language detection (a JSONL/CSV record's own ``lang`` still wins). Articles whose
    id was already read in this batch are skipped with a warning (same text read twice).
    The corpus boilerplate pass needs the whole batch: use :func:`ingest` for it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path given bare, not a string to iterate character by character
    if published is not None and not isinstance(published, _dt.date):
        parsed = parse_published(published)
        if parsed is None:
            raise ValueError(f"published: not a date: {published!r}")
        published = parsed
    lang = normalise_lang(lang)
    seen: dict[str, tuple[str, str]] = {}  # id → (origin, content hash) of its first article
    for src in _sources(paths):
        if isinstance(src, Problem):
            yield src
            continue
        where, kind, path = src
        try:
            data = sys.stdin.buffer.read() if path is None else path.read_bytes()
        except OSError as e:
            yield Problem(where, f"cannot read: {e.strerror or e}")
            continue
        if kind is None:
            kind = _sniff(data)
        try:
            for item in _read_one(data, where, kind, published, lang):
                if isinstance(item, Article):
                    first = seen.get(item.id)
                    if first is not None:
                        same = "same text" if first[1] == item.content_hash else "different text"
                        yield Problem(item.origin, f"duplicate article id {item.id!r} ({same} as {first[0]}); skipped", "warning")
                        continue
                    seen[item.id] = (item.origin, item.content_hash)
                    if not item.body:
                        msg = "no content left after removing boilerplate; the whole text is kept as content"
                        yield Problem(item.origin, msg, "warning")
                yield item
        except InputError as e:
            yield Problem(e.where, e.message)


def ingest(
    paths: Iterable[str | os.PathLike],
    *,
    published: _dt.date | None = None,
    lang: str | None = None,
    min_share: float = 0.5,
) -> tuple[list[Article], list[Problem]]:
    """All articles and problems of a batch; with at least 5 articles, lines found in
    ``min_share`` of them are marked boilerplate (:func:`mark_corpus_boilerplate`).

    >>> arts, problems = ingest(["no/such/file.txt"])
    >>> arts, [str(p) for p in problems]
    ([], ['no/such/file.txt: no such file or directory'])
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_inputs(paths, published=published, lang=lang):
        (articles if isinstance(item, Article) else problems).append(item)
    if len(articles) >= MIN_ARTICLES:
        articles = mark_corpus_boilerplate(articles, min_share=min_share)
    return articles, problems
