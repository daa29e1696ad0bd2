"""Word tokens of a sentence with their folded keys and Arabic clitic readings.

A word like ``وبالأرمن`` can be read as itself or with its proclitics stripped: ``بالأرمن``,
``الأرمن``. Each :class:`Word` carries those readings (folded), fewest clitics first, so
matchers try the surface form before any stripped form.

>>> ws = words("وبالأرمن، Russia's", 0, 18)
>>> [w.key for w in ws]
['وبالارمن', '،', 'russia', "'", 's']
>>> [(r.key, r.clitics) for r in ws[0].readings]
[('وبالارمن', 0), ('بالارمن', 1), ('الارمن', 2), ('ارمن', 3)]
>>> [r.key for r in words("للجيش", 0, 5)[0].readings]
['للجيش', 'الجيش', 'لجيش', 'جيش']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from graph.text.fold import fold_key
from graph.text.tokenize import WORD_RE

__all__ = ["Reading", "Word", "is_arabic", "original_start", "readings_of", "words"]

# proclitics in the order they can stack: conjunction, preposition, article
_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Reading:
    key: str  # folded key of the word without the stripped proclitics
    clitics: int  # how many proclitic letters were stripped
    prefix_len: int  # characters of the *folded* key stripped (to move the span start)
    bare: bool = False  # the definite article was stripped too (never used for KB names)


class Word(NamedTuple):
    """A token; a NamedTuple because sentences make hundreds of thousands of them a second."""

    start: int
    end: int
    text: str
    key: str
    is_word: bool
    readings: tuple[Reading, ...]


def is_arabic(key: str) -> bool:
    return bool(key) and "\u0600" <= key[0] <= "\u06ff"


@lru_cache(maxsize=65536)
def readings_of(key: str) -> tuple[Reading, ...]:
    """Readings of a folded word: itself, then with proclitic chains stripped."""
    out = [Reading(key, 0, 0)]
    if not is_arabic(key):
        return tuple(out)
    seen = {key}

    def add(k: str, n: int, plen: int, bare: bool = False) -> None:
        if len(k) >= _MIN_STEM and k not in seen:
            seen.add(k)
            out.append(Reading(k, n, plen, bare))

    stems = [(key, 0, 0)]
    if key[0] in _CONJ and len(key) > 3:
        stems.append((key[1:], 1, 1))
    for k, n, plen in list(stems):
        if len(k) > 3 and k[0] in _PREP:
            rest = k[1:]
            # لل + noun is ل + ال with the alef elided: restore the article
            if k[0] == "ل" and rest.startswith("ل") and len(rest) > 2:
                add("ا" + rest, n + 1, plen + 1)  # the span starts at the second ل
            add(rest, n + 1, plen + 1)
            stems.append((rest, n + 1, plen + 1))
        add(k, n, plen)
    # the definite article as a last resort: الجيش → جيش
    for k, n, plen in list((r.key, r.clitics, r.prefix_len) for r in out):
        if k.startswith("ال") and len(k) > 4:
            add(k[2:], n + 1, plen + 2, True)
    out.sort(key=lambda r: r.clitics)
    return tuple(out)


def original_start(word: Word, prefix_len: int) -> int:
    """Original offset where a reading that stripped ``prefix_len`` key characters begins."""
    if prefix_len == 0:
        return word.start
    from graph.text.fold import fold

    return word.start + fold(word.text).offsets[prefix_len]


TOKEN_RE = re.compile(f"{WORD_RE.pattern}|[^\\s]")
_new = tuple.__new__


@lru_cache(maxsize=262144)
def word_parts(token: str) -> tuple[str, bool, tuple[Reading, ...]]:
    k = fold_key(token)
    is_word = token != "_" and WORD_RE.fullmatch(token) is not None
    return k, is_word, (readings_of(k) if is_word else (Reading(k, 0, 0),))


def words(text: str, start: int, end: int) -> list[Word]:
    """Tokens of ``text[start:end]`` (words and punctuation) with keys and readings."""
    out = []
    append = out.append
    parts = word_parts
    for m in TOKEN_RE.finditer(text, start, end):
        t = m.group()
        k, is_word, readings = parts(t)
        # tuple.__new__ skips NamedTuple's Python-level __new__: this loop runs per token
        append(_new(Word, (m.start(), m.end(), t, k, is_word, readings)))
    return out
