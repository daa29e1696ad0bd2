"""Cleaning as spans: which lines of an article are content, which are left out, and why.

Nothing is removed from the text. :func:`clean` looks at the text line by line and returns
``body`` spans (the headline's first occurrence, then one span per paragraph line, trimmed)
and ``excluded`` spans labelled with the reason:

* ``boilerplate`` — a short line repeated within the article (ad placeholders such as
  "Elasimah AdPlace"), or a line the corpus pass found in many articles of a batch;
* ``duplicate-title`` — a later repetition of the headline;
* ``duplicate`` — a later repetition of a long paragraph (its first occurrence stays content);
* ``byline`` — "كتب: أحمد حسني", "بقلم …", "By John Smith"; its name becomes the author.

>>> text = "Ad\\nAd\\n\\nHeadline of the day here\\n\\u00a0كتب:\\u00a0 أحمد حسني\\nHeadline of the day here\\nFirst paragraph."
>>> c = clean(text)
>>> c.title, c.author
('Headline of the day here', 'أحمد حسني')
>>> [(text[s.start:s.end], s.label) for s in c.excluded]
[('Ad', 'boilerplate'), ('Ad', 'boilerplate'), ('كتب:\\xa0 أحمد حسني', 'byline'), ('Headline of the day here', 'duplicate-title')]
>>> [s.label for s in c.body]
['title', 'paragraph']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from graph.types import Span

__all__ = ["Cleaned", "Line", "clean", "content_lines", "line_key", "parse_byline"]

# Every Unicode space (incl. U+00A0) plus zero-width and bidi marks that scrapers leave at the
# edges of lines; trimming them keeps spans tight around visible text.
_TRIM = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + (
    "\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff"
)
_SENTENCE_END = tuple(".!?؟:؛،,…")
_AR_MARKERS = ("كتبت", "كتب", "بقلم", "إعداد", "اعداد")
_AR_NEEDS_COLON = ("إعداد", "اعداد")  # "إعداد خطة جديدة" is a phrase; "إعداد: …" a byline
# words that start a sentence after "كتب", never a name: "كتب الرئيس رسالة إلى نظيره"
_AR_FUNCTION_WORDS = {
    "إلى", "الى", "في", "على", "من", "عن", "مع", "أن", "ان", "إن", "التي", "الذي", "هذا", "هذه",
    "حول", "بعد", "قبل", "خلال", "رسالة", "بيان", "مقالا", "مقالًا", "تقريرا", "تقريرًا",
}
_EN_MARKERS = ("written by", "reported by", "story by", "by")
_SEPARATORS = set(":：-–—|/\u200e\u200f") | {ch for ch in _TRIM}
_NAME_STOPS = ("،", ",", "|", " - ", " – ", " — ", "(", "\t")
_EN_PARTICLES = {"and", "de", "da", "del", "van", "von", "der", "al", "el", "bin", "ibn", "la", "le", "&"}
_LONG_LINE_WORDS = 12  # a repeated line this long is a duplicated paragraph, not boilerplate
_BYLINE_HEAD, _BYLINE_TAIL = 8, 3  # bylines sit among the first or the last few lines


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: trimmed span and its comparison key (spaces collapsed, casefolded)."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    title: str | None
    title_span: Span | None
    author: str | None
    author_span: Span | None
    body: tuple[Span, ...]
    excluded: tuple[Span, ...]


def line_key(segment: str) -> str:
    """How lines are compared: whitespace runs collapsed, case folded.

    >>> line_key("  Elasimah\\u00a0 AdPlace ") == line_key("elasimah adplace")
    True
    """
    return " ".join(segment.split()).casefold()


def content_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with trimmed spans (any line break: LF, CRLF, CR …)."""
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped_left = raw.lstrip(_TRIM)
        if stripped_left:
            start = pos + len(raw) - len(stripped_left)
            end = pos + len(raw.rstrip(_TRIM))
            out.append(Line(start, end, line_key(text[start:end])))
        pos += len(raw)
    return out


def parse_byline(segment: str) -> tuple[int, int] | None:
    """Where the author's name sits in a byline ``segment``, or None if it is not a byline.

    >>> s = "\\u00a0كتب:\\u00a0 أحمد حسني"
    >>> a, b = parse_byline(s); s[a:b]
    'أحمد حسني'
    >>> s = "By John Smith, Reuters"
    >>> a, b = parse_byline(s); s[a:b]
    'John Smith'
    >>> parse_byline("By Tuesday the army had withdrawn from the town") is None
    True
    """
    seg = segment.rstrip(_TRIM)
    i = len(seg) - len(seg.lstrip(_TRIM))
    if len(seg) - i > 120:
        return None
    english = False
    head = seg[i : i + 12]
    marker = ""
    for m in _AR_MARKERS:
        if head.startswith(m):
            i += len(m)
            marker = m
            break
    else:
        low = head.lower()
        for m in _EN_MARKERS:
            if low.startswith(m):
                i += len(m)
                english = True
                break
        else:
            return None
    if i >= len(seg) or seg[i] not in _SEPARATORS:
        return None  # "كتبه", "Byrne": the marker is only the start of a word
    marker_end = i
    while i < len(seg) and seg[i] in _SEPARATORS:
        i += 1
    # "كتب: …" is a byline for sure; "كتب …" only when what follows reads like a name
    explicit = any(not ch.isspace() and ch not in _TRIM for ch in seg[marker_end:i])
    end = len(seg)
    for stop in _NAME_STOPS:
        k = seg.find(stop, i)
        if k != -1 and k < end:
            end = k
    while end > i and (seg[end - 1] in _TRIM or seg[end - 1] in ":-" or (seg[end - 1] == "." and end - i > 3 and seg[end - 3] != " ")):
        end -= 1
    name = seg[i:end]
    words = name.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in name) or any(p in name for p in "!?؟؛"):
        return None
    if any("." in w and len(w) > 3 for w in words):  # "د." and "J." are initials; "talks." ends a sentence
        return None
    if not english and not explicit and (len(words) > 4 or marker in _AR_NEEDS_COLON or any(w in _AR_FUNCTION_WORDS for w in words)):
        return None
    if english and not all(w[0].isupper() or w.lower() in _EN_PARTICLES for w in words):
        return None
    if english and not words[0][0].isupper():
        return None
    return i, end


def _headline_sized(text: str, line: Line) -> bool:
    seg = text[line.start : line.end]
    return 3 <= len(seg.split()) <= 30 and len(seg) <= 250


def _looks_like_headline(text: str, line: Line) -> bool:
    """An unrepeated first line counts as the headline only if it is short and not a sentence."""
    return _headline_sized(text, line) and not text[line.start : line.end].endswith(_SENTENCE_END)


def clean(text: str, *, title: str | None = None, boilerplate: Collection[str] = ()) -> Cleaned:
    """Split ``text`` into body and excluded spans; find title and author.

    ``title`` is a title given by the input's metadata (JSONL, HTML, feed): it is kept as the
    title, and ``title_span`` points at it only when it occurs in the text. ``boilerplate`` is a
    set of :func:`line_key` values known to be boilerplate (from the corpus pass).
    """
    lines = content_lines(text)
    counts = Counter(ln.key for ln in lines)
    adjacent = {a.key for a, b in zip(lines, lines[1:]) if a.key == b.key}

    def boiler(ln: Line) -> bool:
        return ln.key in boilerplate or ln.key in adjacent or counts[ln.key] >= 4

    # byline: first match among the first and last few lines that are not boilerplate
    byline_idx, author, author_span = -1, None, None
    n = len(lines)
    candidates = [k for k in range(n) if not boiler(lines[k])]
    for k in candidates[:_BYLINE_HEAD] + candidates[-_BYLINE_TAIL:]:
        ln = lines[k]
        if counts[ln.key] > 1:
            continue
        hit = parse_byline(text[ln.start : ln.end])
        if hit:
            byline_idx = k
            author_span = Span(ln.start + hit[0], ln.start + hit[1], "author")
            author = text[author_span.start : author_span.end]
            break

    title_idx, title_span = -1, None
    if title is not None:
        title = title.strip() or None
    if title:
        key = line_key(title)
        for k, ln in enumerate(lines):
            if ln.key == key and text[ln.start : ln.end] == title:
                title_idx = k
                break
        else:
            at = text.find(title)
            if at != -1:
                title_span = Span(at, at + len(title), "title")
    else:
        # a repeated one-word line ("Advertisement") is boilerplate, never the headline
        rest = [k for k in candidates if k != byline_idx and (counts[lines[k].key] == 1 or " " in lines[k].key)]
        if rest:
            first = lines[rest[0]]
            repeated = counts[first.key] in (2, 3) and _headline_sized(text, first)
            if repeated or (len(rest) > 1 and counts[first.key] == 1 and _looks_like_headline(text, first)):
                title_idx = rest[0]
                title = text[first.start : first.end]
    title_key = lines[title_idx].key if title_idx >= 0 else None
    if title_idx >= 0:
        title_span = Span(lines[title_idx].start, lines[title_idx].end, "title")

    body: list[Span] = []
    excluded: list[Span] = []
    seen: set[str] = set()
    for k, ln in enumerate(lines):
        if k == title_idx:
            body.append(title_span)  # type: ignore[arg-type]
        elif title_key is not None and ln.key == title_key and k > title_idx:
            excluded.append(Span(ln.start, ln.end, "duplicate-title"))
        elif k == byline_idx:
            excluded.append(Span(ln.start, ln.end, "byline"))
        elif boiler(ln) or (counts[ln.key] > 1 and len(ln.key.split()) < _LONG_LINE_WORDS):
            excluded.append(Span(ln.start, ln.end, "boilerplate"))
        elif ln.key in seen:
            excluded.append(Span(ln.start, ln.end, "duplicate"))
        else:
            body.append(Span(ln.start, ln.end, "paragraph"))
        seen.add(ln.key)
    return Cleaned(title, title_span, author, author_span, tuple(body), tuple(excluded))

