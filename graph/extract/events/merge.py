"""One event per happening: reports of the same event merged, within an article and across articles.

Two reports are the same event when they have the same PLOVER type and polarity, the same
country-level actors (in either order when symmetric; a missing target matches any), and dates
at most ``window`` days apart. The merged event keeps the most specific CAMEO code, the actors as
written that say most (a minister rather than his state), the explicitly written date over the
publication-date default, and every report's evidence.

>>> from datetime import date
>>> from graph.types import Event, EventRole
>>> az = EventRole("Q227", "Q227")
>>> mod = EventRole("ORG-1", "Q227", "MIL")
>>> a = Event("ASSAULT", "190", "military", source=mod, date=date(2023, 9, 19), date_text="يوم الثلاثاء الماضي", evidence=((5, 970, 1110),))
>>> b = Event("ASSAULT", "190", "military", source=az, date=date(2023, 9, 19), date_text="19 سبتمبر الجاري", evidence=((7, 1300, 1400),))
>>> (m,) = merge_events([a, b])
>>> m.source.entity, m.evidence
('ORG-1', ((5, 970, 1110), (7, 1300, 1400)))
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from graph.types import Event, EventRole

__all__ = ["event_id", "merge_events", "same_event"]


def _who(r: EventRole | None) -> str | None:
    return None if r is None else (r.country or r.entity)


def event_id(ev: Event, article_id: str = "") -> str:
    """Stable short id from type, country-level actors, date and article.

    >>> event_id(Event("CONSULT", "041")) == event_id(Event("CONSULT", "041"))
    True
    """
    actors = [_who(ev.source) or "", _who(ev.target) or ""]
    if ev.symmetric:
        actors.sort()
    parts = [ev.type, *actors, ev.date.isoformat() if ev.date else "", article_id]
    return "ev" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def same_event(a: Event, b: Event, window: int = 1) -> bool:
    """True when ``a`` and ``b`` report one event (see the module doc)."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if (a.date is None) != (b.date is None):
        return False
    if a.date is not None and abs((a.date - b.date).days) > window:
        return False
    sa, ta, sb, tb = _who(a.source), _who(a.target), _who(b.source), _who(b.target)
    if sa is None and sb is None:
        # no actor on either side: only the same place makes it the same event
        return a.location is not None and a.location == b.location and ta == tb
    if a.symmetric or b.symmetric:
        pa, pb = {x for x in (sa, ta) if x}, {x for x in (sb, tb) if x}
        return pa == pb or ((ta is None or tb is None) and (pa <= pb or pb <= pa))
    return sa == sb and (ta == tb or ta is None or tb is None)


def _richer(x: EventRole | None, y: EventRole | None) -> EventRole | None:
    # an actor as written that is not itself the country (a minister, a ministry) says more
    if x is None:
        return y
    if y is None:
        return x
    if x.entity == x.country and y.entity != y.country:
        return y
    return x


def _combine(a: Event, b: Event) -> Event:
    spec = a if (len(a.cameo or ""), a.mode is not None) >= (len(b.cameo or ""), b.mode is not None) else b
    dated = a if a.date_text or not b.date_text else b
    evidence = tuple(sorted(set(a.evidence) | set(b.evidence)))
    symmetric = a.symmetric or b.symmetric
    src, tgt = _richer(a.source, b.source), _richer(a.target, b.target)
    if symmetric and a.source and b.source and _who(a.source) != _who(b.source):
        # symmetric reports may name the pair in either order: align b onto a
        src, tgt = _richer(a.source, b.target), _richer(a.target, b.source)
    # the firmest telling wins: asserted, then reported, then talked about
    modality = next((m for m in ("asserted", "reported", "mentioned") if m in (a.modality, b.modality)), a.modality)
    return dataclasses.replace(
        a,
        cameo=spec.cameo,
        mode=spec.mode or a.mode or b.mode,
        source=src,
        target=tgt,
        mediator=a.mediator or b.mediator,
        location=a.location or b.location,
        date=dated.date,
        date_text=dated.date_text,
        symmetric=symmetric,
        modality=modality,
        reported_by=a.reported_by or b.reported_by,
        confidence=min(0.99, 1 - (1 - a.confidence) * (1 - b.confidence)),
        evidence=evidence,
    )


def merge_events(events: Iterable[Event], window: int = 1) -> tuple[Event, ...]:
    """Merge reports of the same event; order follows each event's first report.

    Works within one article and across articles. Merged events keep the id of their first
    report (the ids of single-article events are stable, so the result is stable too).
    """
    out: list[Event] = []
    for ev in events:
        for k, have in enumerate(out):
            if same_event(have, ev, window):
                out[k] = _combine(have, ev)
                break
        else:
            out.append(ev)
    return tuple(out)
