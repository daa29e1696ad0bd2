"""JSON Lines input: one article per line, ``{"id", "text", "title", "url", "source", "published", "lang"}``.

A broken line is reported as ``path:LINE: invalid JSON …`` and the other lines are still read.
``Article.text`` is exactly the record's ``text`` field, so offsets are into that string.

>>> out = list(read_jsonl('{"id": "a", "text": "one"}\\n{oops\\n\\n{"id": "b"}\\n', "n.jsonl"))
>>> for x in out: print(getattr(x, "id", None) or x)
a
n.jsonl:2: invalid JSON at column 2: Expecting property name enclosed in double quotes
n.jsonl:4: field 'text' is missing; record skipped
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator

from graph.ingest.records import article_from_record
from graph.types import Article, Problem

__all__ = ["read_jsonl", "looks_like_jsonl"]


def looks_like_jsonl(text: str) -> bool:
    """Whether the first non-blank line of ``text`` is a JSON object (for stdin sniffing)."""
    for line in text.split("\n", 20)[:20]:
        s = line.strip()
        if not s:
            continue
        if not (s.startswith("{") and s.endswith("}")):
            return False
        try:
            return isinstance(json.loads(s), dict)
        except ValueError:
            return False
    return False


def read_jsonl(
    text: str,
    path: str,
    *,
    published: _dt.date | None = None,
    lang: str | None = None,
) -> Iterator[Article | Problem]:
    """Articles and problems from the JSONL document ``text`` read from ``path``."""
    loads = json.loads
    # split on "\n" only: U+2028 and friends may legally sit inside JSON strings
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = loads(line)
        except ValueError as e:
            msg = getattr(e, "msg", str(e))
            col = getattr(e, "colno", None)
            yield Problem(where, f"invalid JSON at column {col}: {msg}" if col else f"invalid JSON: {msg}")
            continue
        if not isinstance(rec, dict):
            yield Problem(where, f"expected a JSON object, got {type(rec).__name__}; record skipped")
            continue
        art, problems = article_from_record(rec, where, published=published, lang=lang)
        yield from problems
        if art is not None:
            yield art
