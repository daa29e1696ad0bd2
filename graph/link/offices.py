"""Dated offices drive linking: a role mention resolves to the holder of the office on the article's date.

"وزير الخارجية الروسي" / "the Russian foreign minister" in an article published on 2023-05-01 is
Sergey Lavrov; in 2003 it is Igor Ivanov. The recogniser finds such a mention (``via="office"``:
a role and a country, no name); :func:`resolve_office` is asked once per mention by
:func:`graph.link.link`, the only caller. The terms come from the KB's ``offices.tsv``
(:mod:`graph.kb.offices`); a KB without one resolves nothing, and without a date nothing is resolved.

>>> from graph.kb.offices import Term
>>> idx = OfficeIndex([Term("foreign minister", "Q159", "1998", "2004", "Q378027", ""),
...                    Term("foreign minister", "Q159", "2004-03-09", "", "Q58217", "")])
>>> idx.holder("foreign minister", "Q159", "2003-06-01"), idx.holder("foreign minister", "Q159", "2023-01-01")
('Q378027', 'Q58217')
>>> idx.holder("foreign minister", "Q159", "2004-06-01")  # Ivanov's term ends "2004": the later start wins
'Q58217'
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from graph.kb.base import KnowledgeBase
from graph.kb.offices import Term, date_bounds, read_offices
from graph.recognise.found import Found
from graph.recognise.kbcache import PerKB

__all__ = ["OfficeIndex", "office_index", "resolve_office"]

#: roles the lexicons write differently from the office tables
_SAME = {"head of government": "prime minister", "monarch": "king", "chancellor": "prime minister"}


class OfficeIndex:
    """Terms by (role, country), asked for the holder on a day."""

    def __init__(self, terms: Iterable[Term]):
        self._by: dict[tuple[str, str], list[Term]] = defaultdict(list)
        for t in terms:
            self._by[(t.role, t.country)].append(t)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by.values())

    def holder(self, role: str, country: str | None, day: str) -> str | None:
        """The holder's id on ``day`` (ISO); where terms overlap, the most precise and then latest start
        wins; none if the holders on that day still disagree (two people with the same start)."""
        role = _SAME.get(role, role)
        terms = [t for t in self._by.get((role, country or ""), ()) if t.covers(day)]
        if not terms:
            return None
        # a start known to the day beats one known to the year ("2012" is not 1 January 2012), then the later start
        best = max((len(t.start), date_bounds(t.start)[0] or "") for t in terms)
        holders = {t.holder for t in terms if (len(t.start), date_bounds(t.start)[0] or "") == best}
        return holders.pop() if len(holders) == 1 else None


def _terms_of(kb) -> list[Term]:
    out: list[Term] = []
    for layer in getattr(kb, "layers", (kb,)):
        own = getattr(layer, "offices", None)
        if own is not None:
            out += list(own)
            continue
        path = getattr(layer, "path", None)
        if path is not None and (Path(path) / "offices.tsv").is_file():
            out += list(read_offices(Path(path) / "offices.tsv"))
    return out


_INDEX = PerKB()


def office_index(kb: KnowledgeBase) -> OfficeIndex:
    """The office index of ``kb`` (read once per KB)."""
    table = _INDEX.get(kb)
    if table is None:
        return OfficeIndex(_terms_of(kb))
    if "index" not in table:
        table["index"] = OfficeIndex(_terms_of(kb))
    return table["index"]


def resolve_office(f: Found, kb: KnowledgeBase, published: _dt.date | str | None) -> Found | None:
    """``f`` (a role mention) with the holder on ``published`` as its only candidate, or None."""
    if published is None or not f.role:
        return None
    day = published.isoformat() if isinstance(published, _dt.date) else str(published)[:10]
    holder = office_index(kb).holder(f.role, f.country, day)
    e = kb.get(holder) if holder else None
    return replace(f, candidates=(e,)) if e is not None else None
