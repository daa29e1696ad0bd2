"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item/entry, nothing fetched.

Parsed with the standard library's expat with entity declarations refused (no "billion
laughs", no external entities); HTML named entities such as ``&nbsp;``, common in feeds,
are resolved from :data:`html.entities.html5` instead of a DTD. Each item's text is its
title, a blank line, then its content (``content:encoded``, Atom ``content``) or else its
description/summary, with markup stripped; offsets refer to that text. ``origin`` is
``path:LINE`` with the line where the item starts.

>>> feed = '''<rss version="2.0"><channel><title>Wire</title>
... <item><title>Lavrov calls Bayramov</title><link>https://x.example/1</link>
... <description>Russia&nbsp;and Azerbaijan &lt;b&gt;discussed&lt;/b&gt; Karabakh.</description>
... <pubDate>Wed, 20 Sep 2023 10:00:00 GMT</pubDate></item></channel></rss>'''
>>> [(a.origin, a.title, a.url, a.published.isoformat(), a.source) for a in read_feed(feed.encode(), "f.xml")]
[('f.xml:2', 'Lavrov calls Bayramov', 'https://x.example/1', '2023-09-20', 'Wire')]
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import xml.parsers.expat as expat
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.entities import html5

from graph.errors import InputError
from graph.ingest.dates import parse_published
from graph.ingest.records import make_article, normalise_lang
from graph.types import Article, Problem

__all__ = ["read_feed", "is_feed"]

_XML_DECL_ENCODING = re.compile(r"""(\A\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")
_TAG = re.compile(r"<[^>]{0,2000}>")
_BLOCK = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>")


@dataclass
class _El:
    name: str  # local name, namespace dropped
    ns: str
    attrs: dict
    line: int
    children: list = field(default_factory=list)
    text: list = field(default_factory=list)

    def find(self, *names: str, ns: str | None = None) -> "_El | None":
        for c in self.children:
            if c.name in names and (ns is None or c.ns == ns):
                return c
        return None

    def value(self) -> str:
        return "".join(self.text).strip()

    def deep_value(self) -> str:
        """Text of this element and its descendants, a line per child element (Atom xhtml)."""
        if not self.children:
            return self.value()
        parts = ["".join(self.text)] + [c.deep_value() for c in self.children]
        return "\n".join(p.strip() for p in parts if p.strip())


def _parse(data: bytes, path: str) -> _El:
    p = expat.ParserCreate(namespace_separator="\x1f")
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    # with a "foreign DTD", undefined entities reach SkippedEntityHandler instead of failing
    p.UseForeignDTD(True)
    root = _El("#root", "", {}, 0)
    stack = [root]

    def start(name, attrs):
        ns, _, local = name.rpartition("\x1f")
        el = _El(local, ns, {k.rpartition("\x1f")[2]: v for k, v in attrs.items()}, p.CurrentLineNumber)
        stack[-1].children.append(el)
        stack.append(el)

    def end(name):
        stack.pop()

    def chars(data):
        stack[-1].text.append(data)

    def skipped(name, is_param):
        ch = html5.get(name + ";")
        if ch is None:
            raise InputError(f"undefined entity &{name}; at line {p.CurrentLineNumber}", path=path)
        stack[-1].text.append(ch)

    def refuse(*_):
        raise InputError(f"entity declarations are not allowed (line {p.CurrentLineNumber})", path=path)

    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    p.SkippedEntityHandler = skipped
    p.EntityDeclHandler = refuse
    p.ExternalEntityRefHandler = lambda *a: 1  # never load anything from outside
    try:
        p.Parse(data, True)
    except expat.ExpatError as e:
        raise InputError(f"not well-formed XML ({expat.ErrorString(e.code)} at line {e.lineno}, column {e.offset})", path=path) from None
    return root


def is_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS/Atom/RDF document."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed") or head.startswith(b"<rdf")


def _strip_markup(s: str) -> str:
    if "<" not in s:
        return s.strip()
    s = _BLOCK.sub("\n", s)
    s = html.unescape(_TAG.sub("", s))
    lines = (" ".join(ln.split()) for ln in s.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _link(item: _El) -> str | None:
    for c in item.children:
        if c.name == "link":
            href = c.attrs.get("href")
            if href and c.attrs.get("rel", "alternate") == "alternate":
                return href.strip()
            if not href and c.value():
                return c.value()
    return None


def _first_text(item: _El, names: tuple[str, ...], deep: bool = False) -> str:
    """Text of the first child, by priority of ``names``, that has any (full content before summary)."""
    for name in names:
        for c in item.children:
            if c.name == name:
                value = _strip_markup(c.deep_value()) if deep else c.value()
                if value:
                    return value
    return ""


def _author(item: _El) -> str | None:
    a = item.find("creator", "author")
    if a is None:
        return None
    name = a.find("name")
    return (name.value() if name is not None else a.value()) or None


def read_feed(
    data: bytes | str,
    path: str,
    *,
    published: _dt.date | None = None,
    lang: str | None = None,
) -> Iterator[Article | Problem]:
    """Articles (one per item/entry) and problems from the feed document ``data``.

    Given text (already decoded, see :mod:`graph.ingest.decode`), the document's own encoding
    declaration no longer applies and is replaced; given bytes, expat decodes them.
    """
    if isinstance(data, str):
        data = _XML_DECL_ENCODING.sub(r"\1utf-8\2", data.lstrip("\ufeff"), count=1).encode("utf-8")
    root = _parse(data, path)
    top = root.children[0] if root.children else None
    if top is None or top.name not in ("rss", "feed", "RDF"):
        raise InputError(f"not an RSS or Atom feed (root element <{top.name if top else ''}>)", path=path)
    channel = top.find("channel") if top.name != "feed" else top
    holder = channel if top.name == "rss" and channel is not None else top
    source_el = channel.find("title") if channel is not None else None
    source = _strip_markup(source_el.value()) if source_el is not None else None
    lang_el = channel.find("language") if channel is not None else None
    feed_lang = normalise_lang(top.attrs.get("lang") or (lang_el.value() if lang_el is not None else None))
    items = [c for c in holder.children if c.name in ("item", "entry")]
    if not items:
        yield Problem(path, "feed has no items", "warning")
    for item in items:
        where = f"{path}:{item.line}"
        title_el = item.find("title")
        title = _strip_markup(title_el.value()) if title_el is not None else ""
        body = _first_text(item, ("encoded", "content", "description", "summary"), deep=True)
        if not body and not title:
            yield Problem(where, "feed item has neither title nor content; skipped")
            continue
        text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else (body or title)
        # the first publication, not the last edit: "updated" only when nothing else is given
        raw_date = _first_text(item, ("pubDate", "published", "date", "issued", "updated"))
        date = parse_published(raw_date) if raw_date else None
        if raw_date and date is None:
            yield Problem(where, f"unrecognised date {raw_date!r}; ignored", "warning")
        guid = item.find("guid", "id")
        url = _link(item)
        yield make_article(
            text,
            where,
            given_id=None if url else (guid.value() if guid is not None and guid.value() else None),
            title=title or None,
            url=url,
            source=source or None,
            published=date or published,
            lang=lang or feed_lang,
            author=_author(item),
        )
