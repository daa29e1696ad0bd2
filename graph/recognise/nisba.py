"""Nisba adjectives and demonyms: ``الروسي``, ``الأذربيجانية``, ``الأرمن``, "Russian".

A nisba qualifies the noun phrase it follows (it gives that phrase a country) and is never a
mention of the country itself. A plural demonym used as a noun (``الأرمن``) names the people.

>>> from graph.kb.base import MemoryKB, Nisba
>>> kb = MemoryKB([], nisbas=[("روسي", Nisba("Q159", "m", "sg")), ("روسية", Nisba("Q159", "f", "sg"))])
>>> [n.country for n in nisba_readings("الروسيه", kb)]
['Q159']
>>> nisba_readings("روسيا", kb)
()
"""

from __future__ import annotations

from graph.kb.base import KnowledgeBase, Nisba
from graph.recognise.kbcache import PerKB
from graph.recognise.tokens import Word

__all__ = ["is_plural_people", "nisba_readings", "word_nisba"]


def nisba_readings(key: str, kb: KnowledgeBase) -> tuple[Nisba, ...]:
    """Nisba readings of one folded word (with or without the article ال)."""
    stems = [key[2:], key] if key.startswith("ال") and len(key) > 3 else [key]
    for stem in stems:
        found = kb.nisba(stem)
        if found:
            return found
        # oblique masculine plural: الأمريكيين ~ أمريكيون
        if stem.endswith("يين"):
            found = kb.nisba(stem[:-2] + "ون")
            if found:
                return tuple(Nisba(n.country, n.gender, "pl", n.lang, n.group) for n in found)
    return ()


_CACHES = PerKB(limit=200_000)


def _cache_for(kb) -> dict:
    c = _CACHES.get(kb)
    return {} if c is None else c  # a KB that cannot be weakly referenced: no cache


def word_nisba(word: Word, kb: KnowledgeBase) -> tuple[Nisba, ...]:
    """Nisba readings of a word, trying its conjunction-stripped reading too (والروسية)."""
    if not word.is_word:
        return ()
    cache = _cache_for(kb)
    hit = cache.get(word.key)
    if hit is not None:
        return hit
    found: tuple[Nisba, ...] = ()
    for r in word.readings[:2]:
        if r.clitics and not r.key.startswith("ال"):
            continue
        found = nisba_readings(r.key, kb)
        if found:
            break
    cache[word.key] = found
    return found


def is_plural_people(readings: tuple[Nisba, ...]) -> Nisba | None:
    """The plural reading if the word can only be a plural demonym (a people), else None."""
    plural = [n for n in readings if n.number == "pl" and n.gender != "f"]
    if plural and len(plural) == len(readings):
        return plural[0]
    return None
