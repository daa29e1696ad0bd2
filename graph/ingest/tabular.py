"""CSV and TSV exports: a header row naming the columns ``id, text, title, url, source, published, lang``.

Column names are matched case-insensitively; ``text`` (or ``content``/``body``) is required.
``origin`` is ``path:LINE`` with the line where the record starts (records may span lines).

>>> rows = "id,text,published\\nx1,\\"Russia, Azerbaijan\\",2023-09-20\\nx2,,\\n"
>>> [getattr(r, "id", None) or str(r) for r in read_table(rows, "t.csv", delimiter=",")]
['x1', "t.csv:3: field 'text' is empty; record skipped"]
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Iterator

from graph.ingest.records import FIELDS, article_from_record
from graph.types import Article, Problem

__all__ = ["read_table"]

_ALIASES = {"content": "text", "body": "text", "headline": "title", "date": "published", "link": "url", "language": "lang"}


def _raise_field_limit() -> None:
    # whole articles sit in one cell; the default 128 KiB limit is too small for long ones
    limit = 1 << 30
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def read_table(
    text: str,
    path: str,
    *,
    delimiter: str,
    published: _dt.date | None = None,
    lang: str | None = None,
) -> Iterator[Article | Problem]:
    """Articles and problems from the CSV/TSV document ``text`` read from ``path``."""
    _raise_field_limit()
    # newline="" keeps "\r\n" inside quoted cells exactly as written
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield Problem(path, "empty table")
        return
    except csv.Error as e:
        yield Problem(f"{path}:1", f"unreadable header ({e})")
        return
    names = []
    for h in header:
        k = h.strip().lstrip("\ufeff").lower()
        names.append(_ALIASES.get(k, k) if k not in FIELDS else k)
    if "text" not in names:
        yield Problem(f"{path}:1", f"no 'text' column in header {header!r}; file skipped")
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Problem(f"{path}:{start}", f"malformed row ({e}); rest of file skipped")
            return
        where = f"{path}:{start}"
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            yield Problem(where, f"{len(row)} cells for {len(names)} columns; extra cells ignored", "warning")
        rec = {}
        for k, v in zip(names, row):
            if k in FIELDS and k not in rec:
                rec[k] = v
        rec.setdefault("text", "")
        art, problems = article_from_record(rec, where, published=published, lang=lang)
        yield from problems
        if art is not None:
            yield art
