"""Date expressions in Arabic and English news, resolved against the publication date.

News rarely writes full dates: ``اليوم الأربعاء``, ``يوم الثلاثاء الماضي``, ``19 سبتمبر الجاري``,
``أمس``, "last Tuesday", "on Sept. 19". Each is resolved relative to the article's publication
date; without one the answer is ``None`` with the reason ``"no publication date"`` rather than a
guess. Calendar words (MSA, Levantine, Maghrebi and Algerian month names, Hijri months, weekdays,
relative words) live in ``graph/lexicons/months.tsv``; one compiled regex per language runs over
the folded text, so no per-call parsing library sits on the hot path. ``dateparser`` is used by
:func:`resolve_date` only when the own rules find nothing.

>>> from datetime import date
>>> pub = date(2023, 9, 20)   # a Wednesday
>>> resolve_date("يوم الثلاثاء الماضي", pub, "ar")
(datetime.date(2023, 9, 19), 'weekday-past')
>>> resolve_date("19 سبتمبر الجاري", pub, "ar")
(datetime.date(2023, 9, 19), 'day-month')
>>> resolve_date("on Sept. 19", pub, "en")
(datetime.date(2023, 9, 19), 'day-month')
>>> resolve_date("أمس", None, "ar")
(None, 'no publication date')
>>> [(s, e, d.isoformat(), k) for s, e, d, k in find_dates("قال أمس إن", 0, 10, pub, "ar")]
[(4, 7, '2023-09-19', 'relative')]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress
from operator import itemgetter

from graph.resources import lexicon_dir
from graph.text.fold import fold_key

__all__ = ["NO_PUBLICATION_DATE", "calendar_words", "find_dates", "resolve_date"]

NO_PUBLICATION_DATE = "no publication date"

# a match of these kinds needs the publication date as anchor
_ANCHORED = {"relative", "days-ago", "weekday", "weekday-past", "weekday-next", "weekday-today", "day-month", "hijri-day-month"}


@dataclass(frozen=True, slots=True)
class _Words:
    """Folded calendar words of one language: form → value per kind."""

    by_kind: dict[str, dict[str, str]]

    def alt(self, kind: str) -> str:
        forms = sorted(self.by_kind.get(kind, {}), key=len, reverse=True)
        # spaces inside multiword forms match any run of whitespace
        return "|".join(r"\s+".join(re.escape(p) for p in f.split()) for f in forms) or r"(?!x)x"


@cache
def calendar_words(lang: str) -> _Words:
    """The calendar words of ``lang`` from ``months.tsv``, keyed by folded form.

    >>> calendar_words("ar").by_kind["month"][fold_key("أيلول")]
    '9'
    """
    by_kind: dict[str, dict[str, str]] = {}
    path = lexicon_dir() / "months.tsv"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "kind\t")) or not line.strip():
                continue
            kind, lg, forms, value = line.rstrip("\n").split("\t")
            if lg != lang:
                continue
            table = by_kind.setdefault(kind, {})
            for f in forms.split("|"):
                table[" ".join(fold_key(f).split())] = value
    return _Words(by_kind)


def _norm(s: str) -> str:
    return " ".join(s.split())


#: words that open an Arabic weekday expression ("اليوم الأربعاء", "مساء الثلاثاء")
_AR_PRE = ("اليوم", "يوم", "مساء", "صباح", "ليله", "فجر", "ظهر", "عصر")
_RUN = re.compile(r"\w+")


@cache
def _pattern(lang: str) -> re.Pattern:
    # every alternative opens with a word character and follows its first word with a non-word
    # character (or ends there): _first_words relies on it, update it with the pattern
    w = calendar_words(lang)
    mon, hij, wd, rel, q, num = (w.alt(k) for k in ("month", "hijri", "weekday", "relative", "qualifier", "number"))
    b, e = r"(?<!\w)", r"(?!\w)"
    iso = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    if lang == "ar":
        dmy = r"(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4})"
        day_month = (
            rf"(?:(?:يوم\s+)?(?:{wd})\s+(?:الموافق\s+)?)?(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?"
            rf"(?:(?P<m>{mon})|(?P<hm>{hij}))(?:\s*\((?:{mon})\))?"
            rf"(?:\s+(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+)?(?P<y>\d{{4}}))?(?:\s*(?P<h>هـ|ه){e})?(?:\s+(?P<q>{q}){e})?"
        )
        weekday = rf"(?:(?P<pre>{'|'.join(_AR_PRE)})\s+)?(?P<wd>{wd})(?:\s+(?P<wq>{q}))?"
        ago = rf"قبل\s+(?P<n>\d{{1,2}}|{num})(?:\s+(?:ايام|يوما))?"
        relative = rf"(?:[وف])?(?P<rel>{rel})"
    else:
        dmy = r"(?P<nm>\d{1,2})/(?P<nd>\d{1,2})/(?P<ny>\d{4})"
        day_month = (
            rf"(?:(?:on\s+)?(?:{wd}),?\s+)?(?:on\s+)?(?:(?P<m>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{mon})\.?)(?:,?\s+(?P<y>\d{{4}}))?"
        )
        weekday = rf"(?:(?P<wq>{q})\s+|on\s+)?(?P<wd>{wd})"
        ago = rf"(?P<n>\d{{1,2}}|{num})\s+days?\s+ago"
        relative = rf"(?P<rel>{rel})"
    return re.compile(rf"{b}(?:(?P<iso>{iso})|(?P<dmy>{dmy})|(?P<dm>{day_month})|(?P<ago>{ago})|(?P<w>{weekday})|(?P<r>{relative})){e}")


@cache
def _first_words() -> frozenset[str] | None:
    """The word runs a match of :func:`_pattern` (either language) can begin with, besides a run
    that starts with a digit; None when some form opens with a non-word character.

    A match opens with a word character after ``(?<!\\w)`` and its first word is followed by a
    non-word character, so it begins exactly at a whole word run: one of these (Arabic: ``يوم``,
    ``قبل``, the words before a weekday, weekdays, relative words with or without و/ف; English:
    "on", weekdays, months, qualifiers, numbers, relative words) or a run led by a digit.
    """
    out = {"يوم", "قبل", "on", *_AR_PRE}
    for lang, kinds in (("ar", ("weekday", "relative")),
                        ("en", ("weekday", "month", "qualifier", "number", "relative"))):
        by_kind = calendar_words(lang).by_kind
        for kind in kinds:
            for form in by_kind.get(kind, ()):
                first = _RUN.match(form)
                if first is None:
                    return None
                out.add(first.group())
                if lang == "ar" and kind == "relative":  # (?:[وف])?(?P<rel>…)
                    out.update(("و" + first.group(), "ف" + first.group()))
    return frozenset(out)


def _safe(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, pub: _dt.date, qual: str | None) -> _dt.date | None:
    cand = _safe(pub.year, m, d)
    if cand is None:
        return None
    if qual == "current":
        return cand
    if qual == "past":
        return cand if cand < pub else _safe(pub.year - 1, m, d)
    if qual == "next":
        return cand if cand > pub else _safe(pub.year + 1, m, d)
    # news mostly reports the recent past: a date far ahead of publication is last year's
    diff = (cand - pub).days
    if diff > 60:
        return _safe(pub.year - 1, m, d)
    if diff < -300:
        return _safe(pub.year + 1, m, d)
    return cand


def _hijri(y: int | None, m: int, d: int, pub: _dt.date | None) -> _dt.date | None:
    from hijridate import Gregorian, Hijri  # small pure-Python table lookup

    try:
        if y is None:
            hy = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
            g = Hijri(hy, m, d).to_gregorian()
            out = _dt.date(g.year, g.month, g.day)
            if (out - pub).days > 60:
                g = Hijri(hy - 1, m, d).to_gregorian()
                out = _dt.date(g.year, g.month, g.day)
            return out
        g = Hijri(y, m, d).to_gregorian()
        return _dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def _weekday(pub: _dt.date, wd: int, how: str) -> _dt.date:
    if how == "next":
        return pub + _dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if how == "past":
        return pub - _dt.timedelta(days=(pub.weekday() - wd) % 7 or 7)
    return pub - _dt.timedelta(days=(pub.weekday() - wd) % 7)


def _resolve(mt: re.Match, pub: _dt.date | None, words: _Words) -> tuple[_dt.date | None, str]:
    g = mt.groupdict()
    kinds = words.by_kind
    if g["iso"]:
        return _safe(int(g["iy"]), int(g["im"]), int(g["id"])), "iso"
    if g["dmy"]:
        return _safe(int(g["ny"]), int(g["nm"]), int(g["nd"])), "numeric"
    if g["dm"]:
        day = int(g["d"] or g.get("d2") or 0)
        year = int(g["y"]) if g["y"] else None
        qual = kinds.get("qualifier", {}).get(_norm(g["q"])) if g.get("q") else None
        if g.get("hm") or g.get("h"):
            hm = g.get("hm")
            if not hm:
                return None, "hijri marker on a Gregorian month"
            month = int(kinds["hijri"][_norm(hm)])
            if year is None and pub is None:
                return None, NO_PUBLICATION_DATE
            return _hijri(year, month, day, pub), "hijri" if year else "hijri-day-month"
        month = int(kinds["month"][_norm(g["m"] or g.get("m2"))])
        if year is not None:
            return _safe(year, month, day), "absolute"
        if pub is None:
            return None, NO_PUBLICATION_DATE
        return _infer_year(month, day, pub, qual), "day-month"
    if pub is None:
        return None, NO_PUBLICATION_DATE
    if g["ago"]:
        n = g["n"]
        days = int(n) if n.isdigit() else int(kinds["number"][_norm(n)])
        return pub - _dt.timedelta(days=days), "days-ago"
    if g["w"]:
        wd = int(kinds["weekday"][_norm(g["wd"])])
        qual = kinds.get("qualifier", {}).get(_norm(g["wq"])) if g.get("wq") else None
        if g.get("pre") == "اليوم" or qual == "current":
            return _weekday(pub, wd, "on-or-before"), "weekday-today"
        if qual in ("past", "next"):
            return _weekday(pub, wd, qual), f"weekday-{qual}"
        return _weekday(pub, wd, "on-or-before"), "weekday"
    offset = int(kinds["relative"][_norm(g["rel"])])
    return pub + _dt.timedelta(days=offset), "relative"


def _acceptable(mt: re.Match, lang: str) -> bool:
    # a bare Arabic "الجمعة" is usually Friday prayer ("صلاة الجمعة"), not a date
    if mt.group("w") and lang == "ar" and not mt.group("pre") and not mt.group("wq"):
        return fold_key("الجمعة") != _norm(mt.group("wd"))
    return True


def find_dates(
    text: str, start: int, end: int, published: _dt.date | None, lang: str
) -> list[tuple[int, int, _dt.date | None, str]]:
    """Date expressions in ``text[start:end]``: (start, end, date or None, kind), offsets into ``text``."""
    lang = "ar" if lang == "ar" else "en"
    seg = text[start:end]
    # folded piece by piece between spaces (the table keeps a space a space): news repeats its
    # words, so most pieces are memo hits, far cheaper than translating every character again
    pieces = list(map(_fold_piece, seg.split(" ")))
    key = " ".join(map(itemgetter(0), pieces))
    words = calendar_words(lang)
    out = []
    for mt in _matches(_pattern(lang), key, pieces):
        if not _acceptable(mt, lang):
            continue
        d, kind = _resolve(mt, published, words)
        if len(key) == len(seg):
            s, e = mt.start(), mt.end()  # nothing was dropped: same positions
        else:
            s, e = _to_original(seg, mt.start(), mt.end())
        out.append((start + s, start + e, d, kind))
    return out


def _matches(pattern: re.Pattern, key: str, pieces: list[tuple[str, tuple[int, ...]]]) -> Iterator[re.Match]:
    """``pattern.finditer(key)``, tried only where a match can begin.

    ``key`` is the folded pieces joined by single spaces. A scan tries the long alternation at
    every word; a sentence has a handful of words a date can begin with (:func:`_first_words`).
    """
    if _first_words() is None:
        yield from pattern.finditer(key)
        return
    at = list(compress(range(len(pieces)), map(itemgetter(1), pieces)))
    if not at:
        return
    offsets = list(accumulate(map(len, map(itemgetter(0), pieces)), initial=0))
    done = 0  # end of the last match: finditer goes on from there
    for i in at:
        piece_start = offsets[i] + i  # each piece before it is followed by one space
        for p in pieces[i][1]:
            if piece_start + p >= done:
                mt = pattern.match(key, piece_start + p)
                if mt is not None:
                    done = mt.end()
                    yield mt


def _to_original(seg: str, start: int, end: int) -> tuple[int, int]:
    """Map a span of ``seg.translate(_table())`` back to ``seg`` (only dropped characters shift it)."""
    table = _table()
    dropped = [i for i, ch in enumerate(seg) if table.get(ord(ch)) == ""]

    def orig(p: int) -> int:  # original index of folded position p
        o = p
        for d in dropped:
            if d <= o:
                o += 1
            else:
                break
        return o

    s = orig(start)
    e = orig(end - 1) + 1
    # keep the diacritics written on the last letter
    while e < len(seg) and not seg[e].isspace() and table.get(ord(seg[e])) == "":
        e += 1
    return s, e


@cache
def _table() -> dict[int, str]:
    """``str.translate`` table doing :func:`fold_key` for the characters dates are written in.

    Folding through a C-level translate keeps the hot path cheap; when it drops characters
    (diacritics) the slower :func:`graph.text.fold.fold` maps a match back to the original.
    """
    table: dict[int, str] = {}
    ranges = [(0x41, 0x5A), (0x00AD, 0x00AD), (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF),
              (0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069), (0xFEFF, 0xFEFF)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            f = fold_key(ch)
            if f != ch and len(f) <= 1:
                table[cp] = f
    return table


@lru_cache(maxsize=65536)
def _fold_piece(piece: str) -> tuple[str, tuple[int, ...]]:
    """``piece`` (no space in it) folded by ``translate(_table())``, and the offsets in the folded
    piece where a date expression can begin (:func:`_first_words`); memoised."""
    key = piece.translate(_table())
    firsts = _first_words() or ()
    return key, tuple(m.start() for m in _RUN.finditer(key) if m.group() in firsts or m.group()[0].isdecimal())


def resolve_date(expr: str, published: _dt.date | None, lang: str) -> tuple[_dt.date | None, str]:
    """Resolve one date expression; the string says which rule applied (or why not).

    Falls back to ``dateparser`` (slow) only when no own rule matches.
    """
    found = find_dates(expr, 0, len(expr), published, lang)
    if found:
        _s, _e, d, kind = max(found, key=lambda x: x[1] - x[0])
        return d, kind
    if not expr.strip():
        return None, "empty"
    if published is None:
        return None, NO_PUBLICATION_DATE
    return _dateparser(expr, published, lang)


def _dateparser(expr: str, published: _dt.date, lang: str) -> tuple[_dt.date | None, str]:
    import dateparser  # heavy import, fallback only

    base = _dt.datetime(published.year, published.month, published.day, 12)
    got = dateparser.parse(
        expr, languages=[lang if lang in ("ar", "en") else "en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False},
    )
    return (got.date(), "dateparser") if got else (None, "unrecognised")
