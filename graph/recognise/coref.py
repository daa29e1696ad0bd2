"""Within-article coreference: a later surname or short form refers to the earlier full name.

``سيرجي لافروف`` … later ``لافروف`` → the same person; ``وزارة الخارجية الروسية`` … later
``الخارجية الروسية`` → the same ministry (found by the organisation pattern as a short form).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter, not_

from graph.recognise.found import Found
from graph.recognise.tokens import Word, original_start
from graph.text.fold import fold_key
from graph.types import Sentence

__all__ = ["resolve_coreference"]

# the second half of a compound given name (عبد الله، أبو بكر) is no surname to look for
_JOINED = frozenset({"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ال"})
_NOT_SURNAMES = frozenset({"الله", "الدين", "الرحمن", "الثاني", "الاول", "الابن", "الاب"})


_START = attrgetter("start")


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return " ".join(fold_key(text).split())


def resolve_coreference(text: str, found: list[Found],
                        per_sentence: list[tuple[Sentence, list[Word], list[bool]]],
                        keys: Sequence[Iterable[Iterable[str]]] | None = None) -> list[Found]:
    """New Found records for surnames of earlier persons; short org forms get the full form's name.

    ``keys``: per sentence, per word, the reading keys a surname is looked up by (the keys of
    its first two readings); only the words sharing one with a surname are then visited.
    """
    surnames: dict[str, Found] = {}
    for f in sorted(found, key=_START):
        if f.type != "PER" and not any(c.type == "PER" for c in f.candidates) or f.via == "office":
            continue  # no person (or a role without a name): asked first, it is cheaper than the name's key
        parts = _key(f.text).split(" ")
        if len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-2] not in _JOINED and parts[-1] not in _NOT_SURNAMES:
            surnames.setdefault(parts[-1], f)
    out: list[Found] = []
    if surnames:
        known = set(surnames)  # a set: its isdisjoint is the cheapest test of the sentences below
        first = min(f.start for f in surnames.values())
        for n, (s, ws, taken) in enumerate(per_sentence):
            if not ws or ws[-1].start <= first:
                continue  # every word starts before any full name: none can refer back to one
            idx: Iterable[int] = range(len(ws))
            if keys is not None:
                kn = keys[n]
                if known.isdisjoint(chain.from_iterable(kn)):
                    continue
                # just the words with a key in common with some surname, picked out in C
                idx = compress(range(len(kn)), map(not_, map(known.isdisjoint, kn)))
            for i in idx:
                w = ws[i]
                rs = w.readings
                # cheap membership test first: almost no word is a known surname
                if rs[0].key not in surnames and (len(rs) < 2 or rs[1].key not in surnames):
                    continue
                if taken[i] or not w.is_word:
                    continue
                for r in rs[:2]:
                    full = surnames.get(r.key)
                    if full is not None and full.start < w.start:
                        start = original_start(w, r.prefix_len)
                        out.append(replace(full, start=start, end=w.end, text=text[start:w.end], via="coref",
                                           sentence=s.index))
                        taken[i] = True
                        break
    # organisation short forms: reuse the earlier full name so both link to one entity
    orgs = [f for f in found if f.type == "ORG" and f.via == "pattern"]
    for idx, f in enumerate(orgs):
        k = _key(f.text)
        for g in orgs[:idx]:
            gk = _key(g.text)
            if g.start < f.start and gk != k and gk.endswith(" " + k) and g.countries == f.countries:
                found[found.index(f)] = replace(f, name=g.name, via="coref")
                break
    return out
