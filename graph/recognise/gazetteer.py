"""Longest-match lookup of KB names over a sentence's words, Arabic clitics handled.

Matching runs on folded keys. A proclitic reading (``وروسيا`` → ``روسيا``) is used only when it
gives a strictly longer match than the surface form, so ``لبنان`` and ``بغداد`` stay whole
and ``وليد`` is not read as و + ``ليد``. Among equally long matches the one with fewer
stripped clitics wins.

>>> from graph.kb.base import Entity, MemoryKB
>>> kb = MemoryKB([Entity("Q159", "Q159", "GPE", names=(("ar", "روسيا", "label"),)),
...                Entity("Q44302", "Q44302", "LOC", names=(("ar", "قره باغ", "alias"),))])
>>> from graph.recognise.tokens import words
>>> text = "وروسيا في قرة باغ"
>>> [(f.text, f.clitics) for f in match_names(text, words(text, 0, len(text)), kb, [False] * 4)]
[('روسيا', 1), ('قرة باغ', 0)]
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.kb.base import KnowledgeBase
from graph.recognise.found import Found
from graph.recognise.kbcache import PerKB
from graph.recognise.tokens import Word, original_start

__all__ = ["longest_at", "match_names", "name_entities"]

_MAX_TOKENS = 10
#: generic words before a place name ("region of", "city of") and the English article; folded
DESCRIPTORS = frozenset({"اقليم", "منطقه", "مدينه", "محافظه", "ولايه", "العاصمه", "بلده", "قريه", "جزيره", "the"})


def _case_ok(word: Word, key: str) -> bool:
    """Latin-script names must look like names in the original (capitalised, or all caps)."""
    first = word.text[:1]
    if not first.isascii() or not first.isalpha():
        return True
    if not first.isupper():
        return False
    # short all-caps aliases (US, UN, EU) only match an all-caps surface
    return len(key) > 3 or word.text.isupper() or word.text.istitle()


_PROBES = PerKB(limit=300_000)
#: name key → (its KB entities, whether only short aliases give it)
_NAMES = PerKB(limit=100_000)
#: (word, key of the next word) → True: no name starts at that word before that next word
_DEAD = PerKB(limit=300_000)


def _probe_cache(kb: KnowledgeBase) -> dict | None:
    return _PROBES.get(kb)


def _name_entities(kb: KnowledgeBase, key: str, cache: dict | None) -> tuple[tuple, bool]:
    got = cache.get(key) if cache is not None else None
    if got is None:
        cands = kb.lookup(key)
        got = (cands, all(_is_short(e, key) for e in cands))
        if cache is not None:
            cache[key] = got
    return got


def name_entities(kb: KnowledgeBase, key: str) -> tuple:
    """``kb.lookup(key)``, memoised per KB (the passes ask for the same names again and again)."""
    return _name_entities(kb, key, _NAMES.get(kb))[0]


def probe(kb: KnowledgeBase, key: str) -> tuple[bool, bool]:
    """(is a name key, is the first part of a longer name key), memoised per KB.

    Running text repeats its words; most are no name at all, so two trie probes per word
    become one dict lookup.
    """
    cache = _probe_cache(kb)
    if cache is None:
        return bool(kb.lookup(key)), kb.is_prefix(key)
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = (bool(kb.lookup(key)), kb.is_prefix(key))
    return hit


def longest_at(ws: list[Word], i: int, kb: KnowledgeBase, taken: list[bool]) -> tuple[int, int, int, str] | None:
    """Best match starting at word ``i``: (end word index, clitics, prefix_len, key)."""
    return _longest_at(ws, i, kb, taken, _probe_cache(kb))


def _longest_at(ws: list[Word], i: int, kb: KnowledgeBase, taken: list[bool], cache: dict | None
                ) -> tuple[int, int, int, str] | None:
    """:func:`longest_at` with the KB's probe cache fetched once by the caller (None: no cache)."""
    best = None
    n = len(ws)
    get = cache.get if cache is not None else None
    for r in ws[i].readings:
        if r.bare:
            continue
        key = r.key
        j = i + 1
        hit = None
        got = get(key) if get is not None else None
        is_name, more = got if got is not None else probe(kb, key)
        if is_name:
            hit = (j, key)
        while more and j < n and j - i < _MAX_TOKENS:
            if taken[j]:
                break
            key = key + " " + ws[j].key
            j += 1
            got = get(key) if get is not None else None
            is_name, more = got if got is not None else probe(kb, key)
            if is_name:
                hit = (j, key)
        if hit and (best is None or hit[0] > best[0]):
            best = (hit[0], r.clitics, r.prefix_len, hit[1])
    if best and not _case_ok(ws[i], best[3]):
        return None
    return best


def _dead(ws: list[Word], i: int, kb: KnowledgeBase) -> bool:
    """No name starts at word ``i`` followed by word ``i + 1``, whatever comes after them: no
    reading of word i is a name, and none is the first part of a name that goes on with word i+1."""
    for r in ws[i].readings:
        if not r.bare:
            is_name, more = probe(kb, r.key)
            if is_name or (more and any(probe(kb, r.key + " " + ws[i + 1].key))):
                return False
    return True


def match_names(text: str, ws: list[Word], kb: KnowledgeBase, taken: list[bool], sentence: int = -1,
                *, starts: Sequence[int] | None = None) -> list[Found]:
    """KB name matches among words not yet ``taken``; marks the matched words taken.

    ``starts``, when given, lists (ascending) the only words a match can start at; matches
    still extend over any word.
    """
    out: list[Found] = []
    n = len(ws)
    cache = _probe_cache(kb)
    names = _NAMES.get(kb)
    # most words that begin some name are followed by a word no such name goes on with
    # ("على" + "الحكومة"): the pair, once known to be dead, is skipped with one dict test
    dead = _DEAD.get(kb)
    pos = 0  # words before pos are inside an earlier match
    for i in range(n) if starts is None else starts:
        if i < pos or taken[i] or not ws[i].is_word:
            continue
        pair = None
        if dead is not None and i + 1 < n:
            pair = (ws[i].text, ws[i + 1].key)
            if pair in dead:
                continue
        m = _longest_at(ws, i, kb, taken, cache)
        if m is None:
            if pair is not None and _dead(ws, i, kb):
                dead[pair] = True
            continue
        j, clitics, plen, key = m
        cands, short = _name_entities(kb, key, names)
        if j - i > 1 and ws[i].key in DESCRIPTORS:
            # "إقليم قره باغ": the descriptor is not part of the name when the rest names the same entity
            rest = key.split(" ", 1)[1]
            if {e.id for e in _name_entities(kb, rest, names)[0]} & {e.id for e in cands}:
                i += 1
                clitics, plen, key = 0, 0, rest
                cands, short = _name_entities(kb, key, names)
        start = original_start(ws[i], plen)
        end = ws[j - 1].end
        out.append(Found(start, end, text[start:end], None, cands, via="clitic" if clitics else "kb",
                         clitics=clitics, short=short, name=text[start:end], sentence=sentence))
        for k in range(i, j):
            taken[k] = True
        pos = j
    return out


def _is_short(entity, key: str) -> bool:
    if all(kind != "short" for _, _, kind in entity.names):
        return False  # no short alias at all (most entities): no name needs keying
    kinds = entity.kinds_for(key)
    return bool(kinds) and kinds <= {"short"}
