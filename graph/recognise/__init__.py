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
import weakref
from collections.abc import Sequence

from graph.kb.base import KnowledgeBase
from graph.recognise.coref import resolve_coreference
from graph.recognise.english import find_english
from graph.recognise.found import Found
from graph.recognise.gazetteer import match_names, probe
from graph.recognise.lexicon import load_lexicon
from graph.recognise.nisba import is_plural_people, word_nisba
from graph.recognise.patterns import find_given_names, find_orgs, find_roles
from graph.recognise.tokens import TOKEN_RE, Word, original_start, word_parts
from graph.types import Article, Sentence

__all__ = ["Found", "recognise"]


_LATIN = re.compile(r"[A-Za-z]")


def _peoples(text: str, ws: list[Word], kb: KnowledgeBase, taken: list[bool], sentence: int,
             skip: list[bool]) -> list[Found]:
    out = []
    for i, w in enumerate(ws):
        if taken[i] or skip[i] or not w.is_word:
            continue
        if w.text[:1].isascii():
            # English: a capitalised plural demonym ("Armenians") is the people
            plural = next((n for n in kb.nisba(w.key) if n.lang == "en" and n.number == "pl"), None)
            if plural is not None and w.text[:1].isupper():
                cands = tuple(e for e in ([kb.get(plural.group)] if plural.group else []) if e is not None)
                out.append(Found(w.start, w.end, w.text, "NORP", cands, via="nisba", country=plural.country,
                                 countries=(plural.country,), name=w.text, sentence=sentence))
                taken[i] = True
            continue
        readings = word_nisba(w, kb)
        plural = is_plural_people(readings) if readings else None
        if plural is None:
            continue
        # the people is named with its article (الأرمن); a bare indefinite plural is an adjective
        r = next((r for r in w.readings if r.key.startswith("ال")), None)
        if r is None:
            continue
        start = original_start(w, r.prefix_len)
        cands = tuple(e for e in ([kb.get(plural.group)] if plural.group else []) if e is not None)
        out.append(Found(start, w.end, text[start:w.end], "NORP", cands, via="nisba", country=plural.country,
                         countries=(plural.country,), name=text[start:w.end], sentence=sentence))
        taken[i] = True
    return out


_INTEREST: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _interest_cache(kb) -> dict:
    try:
        c = _INTEREST.get(kb)
        if c is None or len(c) > 300_000:
            c = _INTEREST[kb] = {}
        return c
    except TypeError:
        return {}


def _interesting(w: Word, kb: KnowledgeBase, lex, cache: dict) -> bool:
    """Can a mention, role, organisation head or nisba start at this word? Memoised per KB.

    Most words of running text are none of these; one dict lookup lets every pass skip them.
    """
    hit = cache.get(w.text)
    if hit is not None:
        return hit
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
    cache[w.text] = ok
    return ok


_new = tuple.__new__


def _flagged_words(text: str, start: int, end: int, kb, lex, cache: dict
                   ) -> tuple[list[Word], list[bool], list[bool]]:
    """Words of a sentence and, per word, whether nothing can start there, and whether no KB
    name can (one dict probe a token)."""
    ws: list[Word] = []
    skip: list[bool] = []
    no_name: list[bool] = []
    add_w, add_s, add_n = ws.append, skip.append, no_name.append
    get = cache.get
    for m in TOKEN_RE.finditer(text, start, end):
        t = m.group()
        entry = get(t)
        if entry is None:
            k, is_word, readings = word_parts(t)
            w = _new(Word, (0, 0, t, k, is_word, readings))
            dull = not _interesting(w, kb, lex, {})
            can_name = not dull and is_word and any(any(probe(kb, r.key)) for r in readings if not r.bare)
            entry = cache[t] = (k, is_word, readings, dull, not can_name)
        s0, e0 = m.span()
        add_w(_new(Word, (s0, e0, t, entry[0], entry[1], entry[2])))
        add_s(entry[3])
        add_n(entry[4])
    return ws, skip, no_name


def recognise(article: Article, sentences: Sequence[Sentence], kb: KnowledgeBase) -> list[Found]:
    """All recognised spans of ``article`` in text order (no overlaps)."""
    lex = load_lexicon()
    text = article.text
    found: list[Found] = []
    icache = _interest_cache(kb)
    per_sentence: list[tuple[Sentence, list[Word], list[bool]]] = []
    for s in sentences:
        # words that cannot start anything are skipped by the start-only passes below;
        # the name matcher still extends over them ("قره باغ": باغ starts nothing)
        ws, skip, no_name = _flagged_words(text, s.start, s.end, kb, lex, icache)
        if all(skip):
            per_sentence.append((s, ws, [False] * len(ws)))
            continue
        taken = [False] * len(ws)
        latin = _LATIN.search(text, s.start, s.end) is not None
        found += find_roles(text, ws, kb, lex, taken, s.index, skip)
        if latin:
            found += find_english(text, ws, kb, taken, s.index, "people")
        found += match_names(text, ws, kb, taken, s.index, no_name)
        found += find_orgs(text, ws, kb, lex, taken, s.index, skip)
        found += find_given_names(text, ws, kb, lex, taken, s.index)
        if latin:
            found += find_english(text, ws, kb, taken, s.index, "orgs")
        found += _peoples(text, ws, kb, taken, s.index, skip)
        per_sentence.append((s, ws, taken))
    found += resolve_coreference(text, found, per_sentence)
    found.sort(key=lambda f: f.start)
    return found
