"""Actor roll-up: the entity as written → the country-level actor and its CAMEO sector.

A state is its own country-level actor. A person or organisation rolls up to the country the
recogniser attributed to the mention (from the KB or a nisba in the text), else to the KB
entity's country; the sector (GOV, MIL, COP, REB, OPP, CVL …) comes from the person's role or the
words of the organisation's name, read from ``graph/lexicons/sectors.tsv``; a person pulled from
Wikidata with an office held (P39) and no end date is GOV. A city stands for its
country; a region (Karabakh) acts as itself.

>>> from graph.types import Mention
>>> m = Mention(995, 1020, "وزارة الدفاع الأذربيجانية", "ORG", "ORG-x", None, 0.9, country="Q227")
>>> actor_role(m)
EventRole(entity='ORG-x', country='Q227', sector='MIL', mention_start=995, mention_end=1020)
>>> p = Mention(289, 301, "سيرجي لافروف", "PER", "Q58217", "Q58217", 0.9, role="foreign minister", country="Q159")
>>> actor_role(p).country, actor_role(p).sector
('Q159', 'GOV')
>>> actor_role(Mention(0, 5, "روسيا", "GPE", "Q159", "Q159", 0.9)).country
'Q159'
"""

from __future__ import annotations

from functools import cache, lru_cache

from graph.resources import lexicon_dir
from graph.text.fold import fold_key
from graph.types import EventRole, Mention

__all__ = ["actor_role", "sector_of"]


@cache
def _sector_rows() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    rows = []
    with open(lexicon_dir() / "sectors.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "lang\t")) or not line.strip():
                continue
            lang, words, sector = line.rstrip("\n").split("\t")
            rows.append((lang, tuple(" " + " ".join(fold_key(w).split()) + " " for w in words.split("|")), sector))
    return tuple(rows)


@lru_cache(maxsize=65536)
def sector_of(text: str | None) -> str | None:
    """CAMEO sector suggested by a name or role ("وزارة الدفاع" → MIL, "foreign minister" → GOV).

    >>> sector_of("قوات حفظ السلام الروسية"), sector_of("foreign minister"), sector_of("روسيا")
    ('MIL', 'GOV', None)
    """
    if not text:
        return None
    key = " " + " ".join(fold_key(text).replace("،", " ").split()) + " "
    for _lang, words, sector in _sector_rows():
        for w in words:
            if w in key:
                return sector
    return None


def _holds_office(ent) -> bool:
    """A pulled person with a public office held (P39) and no end date (P582) acts for the state."""
    facts = getattr(ent, "facts", ()) or ()
    held = {v for p, v in facts if p == "P39"}
    ended = {p.split(":", 1)[1] for p, _v in facts if p.startswith("P582:")}
    return bool(held - ended)


def actor_role(m: Mention, kb=None) -> EventRole:
    """The :class:`EventRole` of mention ``m``: entity as written, country-level actor, sector."""
    ent = kb.get(m.entity) if kb is not None else None
    kind = getattr(ent, "kind", "") or ""
    country: str | None
    sector: str | None = None
    if m.type == "GPE":
        # a country is itself; a city or capital stands for the country it lies in
        if kind == "country" or not m.country or m.country == m.entity:
            country = m.entity
        else:
            country = m.country
    elif m.type == "LOC":
        country = m.entity
    else:
        country = m.country or (ent.country if ent is not None else None)
        if m.type == "PER":
            sector = sector_of(m.role or (ent.role if ent is not None else None))
            if sector is None and ent is not None and _holds_office(ent):
                sector = "GOV"
        elif m.type == "ORG":
            sector = sector_of(m.text) or (sector_of(ent.label("en")) if ent is not None else None)
        if country is None and m.type == "NORP":
            country = m.entity
    return EventRole(entity=m.entity, country=country, sector=sector, mention_start=m.start, mention_end=m.end)
