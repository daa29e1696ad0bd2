"""Tokeniser over original text that keeps Arabic punctuation (، ؛ ؟) as punctuation.

A word is a run of letters, digits and the combining marks/tatweel inside words; every other
non-space character is a punctuation token of its own. A naive ``[\\u0600-\\u06FF]+`` would
swallow the Arabic comma, semicolon and question mark, which live in that block.

>>> [t.text for t in tokenize("لافروف، وبيراموف؟ نعم؛ لا")]
['لافروف', '،', 'وبيراموف', '؟', 'نعم', '؛', 'لا']
>>> tokenize("Russia's")[0].text
'Russia'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "tokenize", "WORD_RE", "remember_words", "sentence_words", "sentence_tokens", "token_texts"]

# \w already excludes Arabic punctuation (category Po); add the marks that \w leaves out
WORD_RE = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d]+")
_TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    is_word: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN_RE.finditer(text, start, end):
        s = m.group()
        out.append(Token(m.start(), m.end(), s, bool(WORD_RE.fullmatch(s)) and s != "_"))
    return out


def token_texts(text: str) -> list[str]:
    """The texts of :func:`tokenize`'s tokens of ``text``, without building the records."""
    return _TOKEN_RE.findall(text)


# The word lists of the sentences of the text tokenised last: recognition tokenises every
# sentence anyway, and event extraction, which runs next on the same text, needs its words
# too. One tuple, swapped whole, so a reader never pairs one text with another's words; it
# holds the text, so an identity test cannot be fooled by a reused id.
_memo: tuple[str | None, dict[tuple[int, int], tuple[list[str], list | None]]] = (None, {})


def remember_words(text: str, start: int, end: int, words: list[str], tokens: list | None = None) -> None:
    """Record ``WORD_RE.findall(text, start, end)``, computed by a caller that tokenised it,
    and optionally its token records (objects with ``start``, ``end``, folded ``key``, ``is_word``)."""
    global _memo
    memo = _memo
    if memo[0] is not text:
        memo = _memo = (text, {})
    memo[1][(start, end)] = (words, tokens)


def sentence_tokens(text: str, start: int, end: int) -> list | None:
    """The token records :func:`remember_words` saw for this span, or None (do not modify)."""
    memo = _memo
    if memo[0] is text:
        got = memo[1].get((start, end))
        if got is not None:
            return got[1]
    return None


def sentence_words(text: str, start: int, end: int) -> list[str]:
    """``WORD_RE.findall(text, start, end)``, reused when :func:`remember_words` saw it (do not modify)."""
    memo = _memo
    if memo[0] is text:
        got = memo[1].get((start, end))
        if got is not None:
            return got[0]
    return WORD_RE.findall(text, start, end)
