"""Actors written as a noun plus a nationality adjective: ``القوات الأميركية``, ``جنود إسرائيليون``.

The recogniser does not make mentions of nisba adjectives (they are not names), yet in event
sentences "the American forces" is the actor and America its country. For event roles only,
this module turns [actor noun] + [nisba] and plural nisbas used as nouns (``الفلسطينيون``) into
extra :class:`~graph.types.Mention` records whose entity is the country; they never leave the
events stage. Needs a KB with ``nisba(key)``; without one it finds nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from itertools import compress
from operator import attrgetter

from graph.recognise.kbcache import PerKB
from graph.resources import lexicon_dir
from graph.text.fold import fold_key
from graph.types import Mention

__all__ = ["actor_nouns", "nisba_actors"]


@cache
def actor_nouns(lang: str = "ar") -> frozenset:
    """Folded nouns that a nisba turns into a country's actor (forces, police, settlers …)."""
    out = set()
    with open(lexicon_dir() / "actor_nouns.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "lang\t")) or not line.strip():
                continue
            lg, forms = line.rstrip("\n").split("\t")[:2]
            if lg == lang:
                out.update(fold_key(f) for f in forms.split("|"))
    return frozenset(out)


def _bare(key: str) -> str:
    for p in ("وال", "بال", "لل", "ال", "و"):
        if key.startswith(p) and len(key) - len(p) >= 3:
            return key[len(p):]
    return key


#: token key → (country, number) of its nisba reading, or None
_COUNTRIES = PerKB(limit=200_000)


def _countries(kb, keys: list[str]) -> list:
    """:func:`_lookup` of each key, memoised per KB: most words are no nisba, and running text
    repeats its words, so the common case is one C-level pass of dict lookups."""
    table = _COUNTRIES.get(kb)
    if table is None:  # a KB that cannot be weakly referenced: no memo
        return [_lookup(kb, k) for k in keys]
    for k in set(keys).difference(table):  # keys not seen yet
        table[k] = _lookup(kb, k)
    return list(map(table.__getitem__, keys))


def _lookup(kb, key: str) -> tuple[str, str] | None:
    k = _bare(key) if key[:1] > "\u0600" else key
    for cand in (k, k[:-2] + "ون" if k.endswith("ين") else None):
        if cand:
            for n in kb.nisba(cand):
                if n.country:
                    return n.country, n.number
    return None


def nisba_actors(text: str, toks, mentions, kb, lang: str = "ar") -> list[Mention]:
    """Extra actor mentions from nisba phrases among ``toks`` that overlap no existing mention.

    Arabic puts the adjective after the noun (``القوات الأميركية``), English before it
    ("Sudanese government"); a plural demonym alone (``الفلسطينيون``, "Palestinians") is a group.
    """
    if kb is None or not hasattr(kb, "nisba"):
        return []
    found = _countries(kb, list(map(attrgetter("key"), toks)))
    nisbas = [i for i in compress(range(len(toks)), found) if toks[i].is_word and len(toks[i].key) >= 4]
    if not nisbas:
        return []
    nouns = actor_nouns(lang)
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in spans]
    out = []
    for i in nisbas:
        t = toks[i]
        k = bisect_right(starts, t.start) - 1
        if k >= 0 and spans[k][0] <= t.start < spans[k][1]:
            continue
        country, number = found[i]
        start, end = t.start, t.end
        if lang == "ar":
            prev = toks[i - 1] if i > 0 and toks[i - 1].is_word else None
            if prev is not None and (_bare(prev.key) in nouns or prev.key in nouns):
                start, typ = prev.start, "ORG"
            elif number == "pl":
                typ = "NORP"
            else:
                continue
        else:
            nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].is_word else None
            if nxt is not None and nxt.key in nouns:
                end, typ = nxt.end, "ORG"
            elif number == "pl":
                typ = "NORP"
            else:
                continue
        out.append(Mention(start, end, text[start:end], typ, country, None, 0.5, country=country, via="nisba"))
    return out
