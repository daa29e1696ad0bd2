"""Affiliation relations: a person or organisation and the country it belongs to or acts for.

The country comes from the text (a nisba: ``وزارة الدفاع الأذربيجانية``) or from the KB.

>>> from graph.types import Mention
>>> ms = [Mention(0, 5, "لافروف", "PER", "Q58217", "Q58217", 0.9, 0, country="Q159"),
...       Mention(9, 14, "روسيا", "GPE", "Q159", "Q159", 0.9, 0, country="Q159")]
>>> [(r.subject, r.predicate, r.object) for r in affiliations(ms)]
[('Q58217', 'country', 'Q159')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.types import Mention, Relation

__all__ = ["affiliations"]

_TYPES = frozenset({"PER", "ORG"})


def affiliations(mentions: Iterable[Mention]) -> tuple[Relation, ...]:
    evidence: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for m in mentions:
        if m.type in _TYPES and m.country and m.country != m.entity and m.via != "byline":
            evidence[(m.entity, m.country)].append((m.sentence, m.start, m.end))
    return tuple(Relation(e, "country", c, count=len(ev), confidence=0.9, evidence=tuple(ev))
                 for (e, c), ev in sorted(evidence.items()))
