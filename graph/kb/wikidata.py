"""One Wikidata item as newsgraph needs it, and its mapping to a KB :class:`Entity`.

Both ways in — the SPARQL pull (:mod:`graph.kb.pull`) and the JSON dump import
(:mod:`graph.kb.dump`) — first fill an :class:`Item`, then call :func:`item_to_entity` and
:func:`item_nisbas`; so the same item gives the same entity whichever way it came.

Facts kept on the entity (``Entity.facts``): ``P31``, ``P17``, ``P27``, ``P131``, ``P361``,
``P39`` (one per position QID), ``P580:<position>`` / ``P582:<position>`` (start/end date of that
position), ``P625`` (``"lat,lon"``), ``sitelinks`` and ``description:<lang>``.

>>> it = Item(id="Q990000001", labels={"en": "Testland", "ar": "تستلاند"}, p31=["Q3624078"],
...           sitelinks=120, demonyms=[("ar", "تستلاندي")])
>>> e = item_to_entity(it, ("ar", "en"))
>>> (e.type, e.kind, e.country, e.label("ar"))
('GPE', 'country', 'Q990000001', 'تستلاند')
>>> [(k, n.country) for k, n in item_nisbas(it, ("ar",))]
[('تستلاندي', 'Q990000001')]
>>> item_to_entity(Item(id="Q990000009", labels={"mul": "Testov"}, p31=["Q5"]), ("ar", "en")).names
(('en', 'Testov', 'label'),)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.errors import KBError
from graph.kb.base import Entity, Nisba, name_key

__all__ = [
    "CLASSES_PATH",
    "MUL_FALLBACK",
    "Item",
    "classify",
    "item_nisbas",
    "item_to_entity",
    "load_classes",
    "normalise_point",
    "normalise_time",
    "prior_from_sitelinks",
]

CLASSES_PATH = Path(__file__).resolve().parent / "scopes" / "classes.tsv"

#: sitelink count that maps to a prior of 1.0 (the most linked items have ~300 sitelinks)
_SITELINKS_FULL = 300


@dataclass(slots=True)
class Item:
    """A Wikidata item reduced to what the KB keeps (mutable while it is being filled)."""

    id: str
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    p31: list[str] = field(default_factory=list)
    p17: list[str] = field(default_factory=list)
    p27: list[str] = field(default_factory=list)
    p131: list[str] = field(default_factory=list)
    p361: list[str] = field(default_factory=list)
    point: str | None = None  # "lat,lon"
    sitelinks: int = 0
    demonyms: list[tuple[str, str]] = field(default_factory=list)  # (lang, text)
    positions: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (QID, start, end)


@lru_cache(maxsize=4)
def load_classes(path: str | None = None) -> tuple[tuple[str, str, str], ...]:
    """(class QID, type, kind) rows of the class table, in priority order."""
    p = Path(path) if path else CLASSES_PATH
    rows: list[tuple[str, str, str]] = []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KBError(f"{p}: cannot read class table: {exc}") from exc
    header = True
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header:
            header = False
            continue
        if len(cells) < 3 or not re.fullmatch(r"Q[1-9][0-9]*", cells[0]):
            raise KBError(f"{p}:{lineno}: expected 'qid<TAB>type<TAB>kind', got {line!r}")
        rows.append((cells[0], cells[1], cells[2]))
    return tuple(rows)


def classify(p31: list[str] | tuple[str, ...]) -> tuple[str, str] | None:
    """(type, kind) of an item from its P31 classes, or None when no class is known.

    >>> classify(["Q515", "Q5119"]), classify(["Q1"])
    (('GPE', 'city'), None)
    """
    have = set(p31)
    for qid, type_, kind in load_classes():
        if qid in have:
            return type_, kind
    return None


def prior_from_sitelinks(n: int) -> float:
    """Popularity prior in [0, 1] from a sitelink count (log-scaled, 300+ → 1.0).

    >>> prior_from_sitelinks(0), prior_from_sitelinks(300), 0.4 < prior_from_sitelinks(20) < 0.6
    (0.0, 1.0, True)
    """
    if n <= 0:
        return 0.0
    return round(min(1.0, math.log1p(n) / math.log1p(_SITELINKS_FULL)), 4)


def normalise_time(value: str | None) -> str | None:
    """A Wikidata time (``+2018-04-21T00:00:00Z`` in the dump, ``2018-04-21T00:00:00Z`` in
    SPARQL) as an ISO date; month/day of ``00`` (reduced precision) are dropped.

    >>> normalise_time("+2018-04-21T00:00:00Z"), normalise_time("2019-00-00T00:00:00Z")
    ('2018-04-21', '2019')
    """
    if not value:
        return None
    m = re.match(r"^([+-]?)(\d{1,})-(\d\d)-(\d\d)", value.strip())
    if not m:
        return None
    sign = "-" if m.group(1) == "-" else ""
    year = f"{sign}{int(m.group(2)):04d}"
    if m.group(3) == "00":
        return year
    if m.group(4) == "00":
        return f"{year}-{m.group(3)}"
    return f"{year}-{m.group(3)}-{m.group(4)}"


def normalise_point(lat: float, lon: float) -> str:
    """Coordinates as the ``"lat,lon"`` fact value (4 decimals, ~10 m).

    >>> normalise_point(40.40926, 49.86709)
    '40.4093,49.8671'
    """
    return f"{round(float(lat), 4):.4f},{round(float(lon), 4):.4f}"


#: Wikidata's "mul" (default for all languages) label stands in for a missing label in these
#: languages: it is written in Latin script, so it serves English but never Arabic
MUL_FALLBACK = ("en",)


def _names(item: Item, langs: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for lang in langs:
        label = item.labels.get(lang)
        aliases = list(item.aliases.get(lang, ()))
        if lang in MUL_FALLBACK:
            if not label:
                label = item.labels.get("mul")
            aliases += item.aliases.get("mul", ())
        if label and (lang, label) not in seen:
            seen.add((lang, label))
            out.append((lang, label, "label"))
        for alias in sorted(set(aliases)):
            if alias and (lang, alias) not in seen and name_key(alias):
                seen.add((lang, alias))
                out.append((lang, alias, "alias"))
    return tuple(out)


def item_to_entity(item: Item, langs: tuple[str, ...], default: tuple[str, str] | None = None) -> Entity | None:
    """The KB entity of ``item``, or None when it has no name in ``langs`` or no known type.

    ``default`` is the (type, kind) to use when no P31 class is in the class table (a pull
    scope knows what it asked for).
    """
    names = _names(item, langs)
    if not names:
        return None
    tk = classify(item.p31) or default
    if tk is None:
        return None
    type_, kind = tk
    facts: list[tuple[str, str]] = []
    for prop, values in (("P31", item.p31), ("P17", item.p17), ("P27", item.p27),
                         ("P131", item.p131), ("P361", item.p361)):
        facts.extend((prop, v) for v in sorted(set(values)))
    for qid, start, end in sorted(set(item.positions), key=lambda p: (p[0], p[1] or "", p[2] or "")):
        facts.append(("P39", qid))
        if start:
            facts.append((f"P580:{qid}", start))
        if end:
            facts.append((f"P582:{qid}", end))
    if item.point:
        facts.append(("P625", item.point))
    if item.sitelinks:
        facts.append(("sitelinks", str(item.sitelinks)))
    for lang in langs:
        if item.descriptions.get(lang):
            facts.append((f"description:{lang}", item.descriptions[lang]))
    if kind in ("country", "unrecognised_state", "historical_country"):
        country = item.id
    else:
        # a place's country is P17; a person's is citizenship when no P17 is given
        country = (sorted(set(item.p17)) or sorted(set(item.p27)) or [None])[0]
    return Entity(id=item.id, qid=item.id, type=type_, kind=kind, names=names, country=country,
                  prior=prior_from_sitelinks(item.sitelinks), facts=tuple(facts))


def item_nisbas(item: Item, langs: tuple[str, ...]) -> list[tuple[str, Nisba]]:
    """Nisba-table rows from the item's demonyms (P1549): (key without ال, Nisba).

    Wikidata does not mark gender/number on most demonyms; they are taken as masculine singular.
    """
    from graph.kb.seed import strip_article

    out: list[tuple[str, Nisba]] = []
    for lang, text in sorted(set(item.demonyms)):
        if lang not in langs:
            continue
        key = name_key(strip_article(text) if lang == "ar" else text)
        if key:
            out.append((key, Nisba(country=item.id, gender="m", number="sg", lang=lang)))
    return out
