"""Recognition: find the spans of an article that name entities.

Passes over each sentence, in this order, each skipping words an earlier pass took:
role + name appositions → KB names (longest match, clitics) → organisation patterns →
plural demonyms as peoples; then, over the whole article, surnames and short forms that
refer back to an earlier full name (coreference). Returns :class:`Found` records for linking.

>>> from graph.kb.base import Entity, MemoryKB, Nisba
>>> from graph.types import Article, Sentence
>>> kb = MemoryKB([Entity("Q159", "Q159", "GPE", names=(("ar", "روسيا", "label"),))],
...               nisbas=[("روسي", Nisba("Q159", "m", "sg")), ("روسيه", Nisba("Q159", "f", "sg"))])
>>> text = "قال وزير الخارجية الروسي، سيرجي لافروف إن روسيا مستعدة"
>>> found = recognise(Article("a", text, "x"), (Sentence(0, 0, len(text)),), kb)
>>> [(f.text, f.type or f.candidates[0].type, f.role, f.country) for f in found]
[('سيرجي لافروف', 'PER', 'foreign minister', 'Q159'), ('روسيا', 'GPE', None, None)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import reduce
from itertools import accumulate, compress, repeat
from operator import and_, or_

from graph.kb.base import KnowledgeBase, Nisba
from graph.recognise.coref import resolve_coreference
from graph.recognise.english import find_english
from graph.recognise.found import Found
from graph.recognise.gazetteer import match_names, probe
from graph.recognise.kbcache import PerKB
from graph.recognise.lexicon import load_lexicon
from graph.recognise.nisba import is_plural_people, word_nisba
from graph.recognise.patterns import find_given_names, find_orgs, find_roles
from graph.recognise.tokens import Reading, Word, original_start, word_parts
from graph.text.tokenize import WORD_RE, remember_words
from graph.types import Article, Sentence

__all__ = ["Found", "recognise"]


_LATIN = re.compile(rb"[A-Za-z]")


def _has_latin(text: str, start: int, end: int) -> bool:
    """Is there a Latin letter in ``text[start:end]``? Searched among the range's ASCII
    characters only, picked out in C: news in Arabic has few, a regex scan of all is slower."""
    return _LATIN.search(text[start:end].encode("ascii", "ignore")) is not None


def _people_of(w: Word, kb: KnowledgeBase) -> tuple[Nisba, Reading | None] | None:
    """The people a word names on its own, and the reading that names it (None: the whole word)."""
    if w.text[:1].isascii():
        # English: a capitalised plural demonym ("Armenians") is the people
        plural = next((n for n in kb.nisba(w.key) if n.lang == "en" and n.number == "pl"), None)
        if plural is not None and w.text[:1].isupper():
            return plural, None
        return None
    readings = word_nisba(w, kb)
    plural = is_plural_people(readings) if readings else None
    if plural is None:
        return None
    # the people is named with its article (الأرمن); a bare indefinite plural is an adjective
    r = next((r for r in w.readings if r.key.startswith("ال")), None)
    return None if r is None else (plural, r)


def _peoples(text: str, ws: list[Word], kb: KnowledgeBase, taken: list[bool], sentence: int,
             starts: Sequence[int] | None = None) -> list[Found]:
    """Plural demonyms used as nouns; ``starts``: the only words worth trying (default: all)."""
    out = []
    for i in range(len(ws)) if starts is None else starts:
        w = ws[i]
        if taken[i] or not w.is_word:
            continue
        hit = _people_of(w, kb)
        if hit is None:
            continue
        plural, r = hit
        start = w.start if r is None else original_start(w, r.prefix_len)
        cands = tuple(e for e in ([kb.get(plural.group)] if plural.group else []) if e is not None)
        out.append(Found(start, w.end, text[start:w.end], "NORP", cands, via="nisba", country=plural.country,
                         countries=(plural.country,), name=text[start:w.end], sentence=sentence))
        taken[i] = True
    return out


def _interesting(w: Word, kb: KnowledgeBase, lex) -> bool:
    """Can a mention, role, organisation head or nisba start at this word?

    Asked once per distinct token and KB (:func:`_entry` results are cached).
    """
    ok = False
    if w.is_word:
        if w.text[:1].isupper():
            ok = True
        else:
            for r in w.readings:
                k = r.key
                if (k in lex.role_first or k in lex.org_heads or k in lex.counterparts or k in lex.given_names
                        or (not r.bare and any(probe(kb, k)))):
                    ok = True
                    break
            ok = ok or bool(word_nisba(w, kb))
    return ok


_new = tuple.__new__


# What can start at a token, one bit per pass; a pass visits only the words with its bit.
# _LIVE: something may start here; a sentence without it is left alone.
# _NISBA is no start: the word has nisba readings (organisation patterns end on one).
_ROLE, _NAME, _ORG, _GIVEN, _PEOPLE, _LIVE, _NISBA = 1, 2, 4, 8, 16, 32, 64


def _entry(t: str, kb, lex) -> tuple:
    """(key, is_word, readings, start bits, coreference keys, is a WORD_RE run) of a token text,
    worked out once per KB (the caller caches it).

    Each bit holds exactly when the pass that owns it could do more at this word than move on:
    the passes' own tests, evaluated once per distinct token instead of once per occurrence.
    """
    k, is_word, readings = word_parts(t)
    w = _new(Word, (0, 0, t, k, is_word, readings))
    bits = 0
    if is_word and _interesting(w, kb, lex):
        bits = _LIVE
        if k in lex.counterparts or any(r.key in lex.role_first and r.clitics <= 1 for r in readings[:3]):
            bits |= _ROLE
        if any(any(probe(kb, r.key)) for r in readings if not r.bare):
            bits |= _NAME
        if any(r.key in lex.org_heads for r in readings[:3]):
            bits |= _ORG
        given = next((r for r in readings[:2] if r.key in lex.given_names and not r.bare and r.clitics <= 1), None)
        # find_given_names never takes على for علي, whatever follows: no need to visit it
        if given is not None and not (given.key in lex.function_words and t.endswith("ى")):
            bits |= _GIVEN
        if _people_of(w, kb) is not None:
            bits |= _PEOPLE
        if word_nisba(w, kb):
            bits |= _NISBA
    # the keys a later surname is looked up by (resolve_coreference tests the first two readings)
    coref = tuple(r.key for r in readings[:2]) if is_word else ()
    # a WORD_RE run ("_" too, which is no word for recognition): what event cues are read from
    return k, is_word, readings, bits, coref, is_word or t == "_"


# tokens.TOKEN_RE with its match captured: split() then gives every token and the whitespace between
# tokens as plain strings, and their running lengths are the offsets (no Match objects). The
# basic Arabic letters lead the class: \w holds them already, but a range test is cheaper
# than the Unicode category test for the commonest characters.
_SPLIT_RE = re.compile("([\u0621-\u063a\u0641-\u064a" + WORD_RE.pattern[1:] + "|[^\\s])")


def _scan(text: str, start: int, end: int, kb, lex, cache: dict
          ) -> tuple[list[int], list[str], list[Word], tuple, tuple, tuple]:
    """Tokens of ``text[start:end]``: (start offsets, texts, Words, start bits, coreference keys,
    is a WORD_RE run).

    Built with C-level split/map/zip: most tokens of running text start nothing, so per-token
    Python work is what this stage would otherwise spend its time on.
    """
    parts = _SPLIT_RE.split(text[start:end])
    toks = parts[1::2]
    if not toks:
        return [], [], [], (), (), ()
    cum = list(accumulate(map(len, parts), initial=start))
    entries = list(map(cache.get, toks))
    if not all(entries):  # a token not seen yet (entries are non-empty tuples; all() skips comparisons)
        for i, e in enumerate(entries):
            if e is None:
                t = toks[i]
                e = cache.get(t)
                if e is None:
                    if len(cache) > 300_000:
                        cache.clear()
                    e = cache[t] = _entry(t, kb, lex)
                entries[i] = e
    keys, is_word, readings, bits, coref, wordlike = zip(*entries)
    starts = cum[1:-1:2]
    ws = list(map(_new, repeat(Word, len(toks)), zip(starts, cum[2:-1:2], toks, keys, is_word, readings)))
    return starts, toks, ws, bits, coref, wordlike


def _scan_sentences(text: str, sentences: Sequence[Sentence], kb, lex, cache: dict):
    """Per sentence: its Words, their start bits and coreference keys.

    The text is tokenised once from the first sentence to the last and cut at the sentence
    edges; a sentence whose edge falls inside a token (which a scan of the sentence alone
    would cut differently) is scanned on its own.
    """
    if not sentences:
        return []
    starts, toks, ws, bits, coref, wordlike = _scan(text, min(s.start for s in sentences),
                                                   max(s.end for s in sentences), kb, lex, cache)
    out = []
    for s in sentences:
        a, b = bisect_left(starts, s.start), bisect_left(starts, s.end)
        if (a and ws[a - 1].end > s.start) or (b and ws[b - 1].end > s.end):
            _, toks1, ws1, bits1, coref1, wordlike1 = _scan(text, s.start, s.end, kb, lex, cache)
            remember_words(text, s.start, s.end, list(compress(toks1, wordlike1)), ws1)
            out.append((ws1, bits1, coref1))
            continue
        sw = ws[a:b]  # one list for the recogniser and the events stage; neither modifies it
        remember_words(text, s.start, s.end, list(compress(toks[a:b], wordlike[a:b])), sw)
        out.append((sw, bits[a:b], coref[a:b]))
    return out


#: token text → its _entry; cleared by _scan when it grows past 300,000
_TOKENS = PerKB()


def _token_cache(kb) -> dict:
    c = _TOKENS.get(kb)
    return {} if c is None else c


def _with(bits: tuple, nz: list[int], bit: int) -> list[int]:
    return [i for i in nz if bits[i] & bit]


def recognise(article: Article, sentences: Sequence[Sentence], kb: KnowledgeBase) -> list[Found]:
    """All recognised spans of ``article`` in text order (no overlaps)."""
    lex = load_lexicon()
    text = article.text
    found: list[Found] = []
    cache = _token_cache(kb)
    per_sentence: list[tuple[Sentence, list[Word], list[bool]]] = []
    coref_keys: list[tuple] = []
    # one search for the article; the English passes then look again per sentence
    any_latin = bool(sentences) and _has_latin(text, min(s.start for s in sentences), max(s.end for s in sentences))
    for s, (ws, bits, coref) in zip(sentences, _scan_sentences(text, sentences, kb, lex, cache)):
        # each start-only pass below visits just the words its bit marks; the name matcher
        # still extends over any word ("قره باغ": باغ starts nothing)
        taken = [False] * len(ws)
        per_sentence.append((s, ws, taken))
        coref_keys.append(coref)
        nz = list(compress(range(len(ws)), bits))
        if not nz:
            continue  # nothing can start here: no pass runs, the English ones neither (as ever)
        present = reduce(or_, [bits[i] for i in nz])
        latin = any_latin and _has_latin(text, s.start, s.end)
        if present & _ROLE:
            found += find_roles(text, ws, kb, lex, taken, s.index, starts=_with(bits, nz, _ROLE))
        if latin:
            found += find_english(text, ws, kb, taken, s.index, "people")
        if present & _NAME:
            found += match_names(text, ws, kb, taken, s.index, starts=_with(bits, nz, _NAME))
        if present & _ORG and present & _NISBA:  # an organisation pattern ends on a nisba
            found += find_orgs(text, ws, kb, lex, taken, s.index, starts=_with(bits, nz, _ORG),
                               nisba=list(map(and_, bits, repeat(_NISBA))))
        if present & _GIVEN:
            found += find_given_names(text, ws, kb, lex, taken, s.index, starts=_with(bits, nz, _GIVEN))
        if latin:
            found += find_english(text, ws, kb, taken, s.index, "orgs")
        if present & _PEOPLE:
            found += _peoples(text, ws, kb, taken, s.index, starts=_with(bits, nz, _PEOPLE))
    found += resolve_coreference(text, found, per_sentence, coref_keys)
    found.sort(key=lambda f: f.start)
    return found
