"""Sentence splitting inside an article's body ranges.

Splits at line breaks and at ``. ! ? ؟ ؛``-style ends followed by space; keeps English
abbreviations ("Sept.", "U.S.", "Mr.") and decimal numbers inside a sentence.

>>> text = "قال لافروف. وأضاف: نعم؟ Dr. Smith met Sept. 19 envoys.\\nNew line"
>>> [text[s.start:s.end] for s in split_sentences(text)]
['قال لافروف.', 'وأضاف: نعم؟', 'Dr. Smith met Sept. 19 envoys.', 'New line']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.types import Sentence, Span

__all__ = ["split_sentences"]

_END = re.compile(r"[.!?؟…]+[\"'»”)\]]*(?=\s)|\n+")
# every _END match starts with one of these: a plain character class scans text several
# times faster than the alternation, so _END is tried only where it can match
_END_FIRST = re.compile(r"[.!?؟…\n]")
# the last word of a range (group 1), as a search for r"[\w.]+$" finds it; anchored at the range
# start and backtracking from its end, instead of a new attempt at every position of the range
_LAST_WORD = re.compile(r"(?:.*[^\w.])?([\w.]+)$", re.S)
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e",
}


def _ends(text: str, start: int, end: int):
    """The matches of ``_END.finditer(text, start, end)``."""
    find, match = _END_FIRST.search, _END.match
    pos = start
    while (c := find(text, pos, end)) is not None:
        p = c.start()
        m = match(text, p, end)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()


def _pieces(text: str, start: int, end: int):
    pos = start
    for m in _ends(text, start, end):
        at, first = m.start(), text[m.start()]  # every match starts with its end mark
        if first == ".":
            before = _LAST_WORD.match(text, max(pos, at - 24), at)
            word = before.group(1).lower() if before else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha() and word.isascii()):
                continue
        yield pos, m.end() if first != "\n" else at
        pos = m.end()
    yield pos, end


def split_sentences(text: str, spans: Iterable[Span] | None = None) -> tuple[Sentence, ...]:
    """Sentences of ``text`` (restricted to ``spans`` when given), numbered in order."""
    spans = list(spans) if spans is not None else [Span(0, len(text))]
    out: list[Sentence] = []
    for sp in sorted(spans, key=lambda s: s.start):
        for s, e in _pieces(text, sp.start, sp.end):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(len(out), s, e))
    return tuple(out)
