"""Co-mention relations: two entities named in the same sentence, with counts and evidence.

>>> from graph.types import Mention
>>> ms = [Mention(0, 5, "روسيا", "GPE", "Q159", "Q159", 0.9, 0), Mention(7, 15, "أذربيجان", "GPE", "Q227", "Q227", 0.9, 0),
...       Mention(20, 25, "روسيا", "GPE", "Q159", "Q159", 0.9, 1)]
>>> [(r.subject, r.object, r.count) for r in comentions(ms)]
[('Q159', 'Q227', 1)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.types import Mention, Relation

__all__ = ["comentions", "ACTOR_TYPES"]

#: types that take part in the actor network
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "NORP"})


def comentions(mentions: Iterable[Mention]) -> tuple[Relation, ...]:
    """One symmetric ``comention`` relation per entity pair sharing at least one sentence."""
    # per sentence, each entity's first mention in it
    by_sentence: dict[int, dict[str, Mention]] = defaultdict(dict)
    for m in mentions:
        if m.via != "byline" and m.type in ACTOR_TYPES:
            by_sentence[m.sentence].setdefault(m.entity, m)
    evidence: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for s, ents in sorted(by_sentence.items()):
        if len(ents) < 2:
            continue  # one entity: no pair
        firsts = sorted(ents.items())
        for i, (a, ma) in enumerate(firsts):
            for b, mb in firsts[i + 1:]:
                evidence[(a, b)].append((s, min(ma.start, mb.start), max(ma.end, mb.end)))
    return tuple(
        Relation(a, "comention", b, count=len(ev), confidence=min(1.0, 0.5 + 0.1 * len(ev)), evidence=tuple(ev))
        for (a, b), ev in sorted(evidence.items())
    )
