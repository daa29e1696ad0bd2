"""Cross-article merge: the same event reported by several articles becomes one event.

Within an article :func:`graph.extract.events.merge.merge_events` already folds repeated
reports together. Across articles, each article keeps its own named graph, so a merged event is
one IRI that several article graphs describe: each adds its own report (``ng:inArticle``,
evidence spans), and the union of the graphs holds one event with several sources. This module
decides which IRI an event gets: that of an event already known (same PLOVER type, same
country-level actors, same negation, dates at most ``window`` days apart), else its own.

>>> import datetime as dt
>>> from graph.types import Event, EventRole
>>> idx = EventIndex()
>>> a = Event("ASSAULT", "190", source=EventRole("Q227", "Q227"), date=dt.date(2023, 9, 19), id="ev1")
>>> b = Event("ASSAULT", "190", source=EventRole("MOD", "Q227"), date=dt.date(2023, 9, 20), id="ev2")
>>> [e.id for e in idx.assign([a])], [e.id for e in idx.assign([b])]
(['ev1'], ['ev1'])
>>> c = replace(b, id="ev3")
>>> [e.id for e in idx.assign([b, c])]  # one article never holds the same event twice
['ev1', 'ev3']
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from graph.types import Event

__all__ = ["EventIndex", "KnownEvent", "STORED_EVENTS"]

#: the events a store already holds, in the shape :meth:`EventIndex.add_rows` reads
STORED_EVENTS = """PREFIX ng: <urn:newsgraph:ontology#>
SELECT DISTINCT ?event ?type ?sc ?tc ?sym ?neg ?date WHERE {
  ?event a ng:Event ; ng:eventType ?type .
  OPTIONAL { ?event ng:sourceCountry ?sc }
  OPTIONAL { ?event ng:targetCountry ?tc }
  OPTIONAL { ?event ng:symmetric ?sym }
  OPTIONAL { ?event ng:negated ?neg }
  OPTIONAL { ?event ng:date ?date }
}"""


@dataclass(frozen=True, slots=True)
class KnownEvent:
    id: str
    source: str | None
    target: str | None
    symmetric: bool
    negated: bool
    date: _dt.date | None


def _pair(source: str | None, target: str | None, symmetric: bool) -> tuple:
    return tuple(sorted(x for x in (source, target) if x)) if symmetric else (source, target)


class EventIndex:
    """Events seen so far (in the store or earlier in the batch), by type."""

    def __init__(self, window: int = 1):
        self.window = window
        self._by_type: dict[str, list[KnownEvent]] = defaultdict(list)

    def add(self, type_: str, known: KnownEvent) -> None:
        self._by_type[type_].append(known)

    def add_rows(self, rows: Iterable[dict], id_of) -> None:
        """Rows of :data:`STORED_EVENTS` (plain strings); ``id_of`` maps an IRI to an event id."""
        from graph.iri import iri_to_entity_id

        for r in rows:
            date = _dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None
            self.add(r["type"], KnownEvent(id_of(r["event"]), iri_to_entity_id(r["sc"]) if r.get("sc") else None,
                                           iri_to_entity_id(r["tc"]) if r.get("tc") else None,
                                           r.get("sym") == "true", r.get("neg") == "true", date))

    def match(self, ev: Event) -> str | None:
        source = ev.source.country if ev.source else None
        target = ev.target.country if ev.target else None
        if not (source or target):
            return None  # no country-level actor: nothing safe to merge on
        pair = _pair(source, target, ev.symmetric)
        for k in self._by_type.get(ev.type, ()):
            if k.negated != ev.negated or (k.date is None) != (ev.date is None):
                continue
            if k.date is not None and abs((k.date - ev.date).days) > self.window:
                continue
            if _pair(k.source, k.target, ev.symmetric or k.symmetric) == pair:
                return k.id
        return None

    def assign(self, events: Sequence[Event]) -> tuple[Event, ...]:
        """The events with the id of a known event they report again; the new ones become known."""
        out = []
        used: set[str] = set()
        for ev in events:
            known = self.match(ev)
            # an article describes an event once: a second event of the same article that matches
            # the same known event (the article's own merge kept them apart) stays its own event
            if known is not None and known not in used:
                ev = replace(ev, id=known)
            else:
                self.add(ev.type, KnownEvent(ev.id, ev.source.country if ev.source else None,
                                             ev.target.country if ev.target else None, ev.symmetric, ev.negated,
                                             ev.date))
            used.add(ev.id)
            out.append(ev)
        return tuple(out)
