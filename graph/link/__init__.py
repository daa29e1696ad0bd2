"""Linking: choose a KB entity (QID) for each recognised span, or a stable local (NIL) entity.

Score = popularity prior + type fit + coherence with the article (its countries and
entities) + how the name matched (label, alias, short form, clitics). Short or ambiguous
aliases link only when the article gives them context; below the NIL threshold a span keeps
a local entity derived from its name, type and country.

>>> from graph.kb.base import Entity, MemoryKB
>>> from graph.recognise.found import Found
>>> kb = MemoryKB([Entity("Q159", "Q159", "GPE", "country", names=(("ar", "روسيا", "label"), ("en", "Russia", "label")), prior=0.9)])
>>> ms, ents = link([Found(0, 5, "روسيا", None, kb.lookup("روسيا"), sentence=0)], kb)
>>> (ms[0].qid, ms[0].type, ents[0].label_en)
('Q159', 'GPE', 'Russia')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from graph.iri import is_qid, local_entity_id
from graph.kb.base import Entity, KnowledgeBase, name_key
from graph.recognise.found import Found
from graph.recognise.kbcache import PerKB
from graph.types import EntityRef, Mention

__all__ = ["link", "NIL_THRESHOLD"]

NIL_THRESHOLD = 0.35
_NAME_KIND = {"label": 0.25, "alias": 0.2, "short": 0.05, "generated": 0.1}


#: (entity id, name key) → (the entity, :func:`_kind_of` it)
_KINDS = PerKB(limit=100_000)
#: entity id → (the entity, :func:`_labels_of` it)
_LABELS = PerKB(limit=100_000)


def _kind_of(e: Entity, key: str, memo: dict | None = None) -> str:
    """How ``key`` names ``e``: label, alias or short (alias when none of its names has that key).

    ``memo``: the KB's table of earlier answers; an answer is for the very record it was worked
    out for (a record that is not the KB's own is worked out afresh).
    """
    got = memo.get((e.id, key)) if memo is not None else None
    if got is not None and got[0] is e:
        return got[1]
    kind = e.first_kind(key) or "alias"
    if memo is not None:
        memo[(e.id, key)] = (e, kind)
    return kind


def _labels_of(e: Entity, memo: dict | None = None) -> tuple[str | None, str | None, str | None]:
    """(QID, English label, Arabic label) of a KB entity; ``memo`` as for :func:`_kind_of`."""
    got = memo.get(e.id) if memo is not None else None
    if got is not None and got[0] is e:
        return got[1]
    labels = (e.qid if is_qid(e.qid) else None, e.label("en"), e.label("ar"))
    if memo is not None:
        memo[e.id] = (e, labels)
    return labels


def _score(f: Found, e: Entity, countries: Counter, seen: set[str], memo: dict | None = None) -> float:
    s = 0.15 + 0.3 * e.prior + _NAME_KIND[_kind_of(e, name_key(f.text if not f.clitics else (f.name or f.text)), memo)]
    if f.type and f.type != e.type:
        s -= 0.4
    if e.id in seen:
        s += 0.2
    if e.country and e.country in countries:
        s += 0.15
    if f.country and e.country and f.country != e.country:
        s -= 0.3
    if f.clitics:
        s -= 0.03 * f.clitics
    return max(0.0, min(1.0, s))


def _context(found: Sequence[Found]) -> tuple[Counter, set[str]]:
    """Countries and entities the article names unambiguously (for coherence)."""
    countries: Counter = Counter()
    seen: set[str] = set()
    for f in found:
        if len(f.candidates) == 1 and not f.short:
            e = f.candidates[0]
            seen.add(e.id)
            if e.kind == "country" or (e.type == "GPE" and e.country is None):
                countries[e.id] += 1
            elif e.country:
                countries[e.country] += 1
        for c in f.countries:
            countries[c] += 1
    return countries, seen


def link(found: Sequence[Found], kb: KnowledgeBase, *, kb_version: str | None = None,
         threshold: float = NIL_THRESHOLD, published=None) -> tuple[tuple[Mention, ...], tuple[EntityRef, ...]]:
    """Mentions (one per span kept) and the entities they refer to.

    ``published`` (the article's date) lets a role mention without a name ("the Russian foreign
    minister") link to the holder of that office on that day (:mod:`graph.link.offices`); without
    a date, or with no holder known, such a mention is dropped.
    """
    kb_version = kb_version or getattr(kb, "version", None)
    countries, seen = _context(found)
    memo, labels = _KINDS.get(kb), _LABELS.get(kb)
    mentions: list[Mention] = []
    refs: dict[str, EntityRef] = {}
    for f in found:
        best, score = None, 0.0
        if f.via == "office":
            from graph.link.offices import resolve_office

            f = resolve_office(f, kb, published)
            if f is None:
                continue
            best, score = f.candidates[0], 0.8  # the office table names the holder; no name to weigh
        elif f.type == "PER" and not f.candidates and (f.role or f.country):
            f = _by_skeleton(f, kb)
        for e in f.candidates if best is None else ():
            sc = _score(f, e, countries, seen, memo)
            if sc > score:
                best, score = e, sc
        if f.short and best is not None and best.id not in seen and not (best.country and best.country in countries):
            continue  # a short alias with nothing in the article to support it
        if best is not None and score >= threshold:
            type_ = best.type
            ent_id = best.id
            qid, label_en, label_ar = _labels_of(best, labels)
            role = f.role or best.role
            country = f.country or best.country or (best.id if best.kind == "country" else None)
            ref = (ent_id, qid, type_, label_en, label_ar, country if country != ent_id else None, role, kb_version)
            seen.add(ent_id)
        else:
            if f.type is None:
                if not f.candidates:
                    continue
                type_ = f.candidates[0].type
            else:
                type_ = f.type
            score = 0.5 if f.via in ("role", "pattern", "nisba", "coref") else max(score, 0.3)
            ent_id = local_entity_id(f.name or f.text, type_, f.country)
            qid = None
            role, country = f.role, f.country
            is_ar = any("\u0600" <= ch <= "\u06ff" for ch in (f.name or f.text))
            name = f.name or f.text
            label_en, label_ar = (None, name) if is_ar else (name, None)
            ref = (ent_id, None, type_, label_en, label_ar, country, role, kb_version)
        # the record is built only when it is kept: an entity named again mostly is not
        if ent_id not in refs or (role and not refs[ent_id].role):
            refs[ent_id] = EntityRef(*ref)
        mentions.append(Mention(f.start, f.end, f.text, type_, ent_id, qid, round(score, 3), f.sentence,
                                label=label_en or label_ar, role=role, country=country, via=f.via,
                                kb_version=kb_version))
    return tuple(mentions), tuple(refs.values())


def _by_skeleton(f: Found, kb: KnowledgeBase) -> Found:
    """A transliteration variant of a known person, accepted only if country and role agree."""
    from dataclasses import replace

    from graph.link.skeleton import skeleton_index

    own = getattr(kb, "skeleton_candidates", None)
    found = own(f.name or f.text) if own else skeleton_index(kb).candidates(f.name or f.text, kb)
    cands = tuple(
        e for e in found
        if (f.country is None or e.country == f.country) and (f.role is None or e.role in (None, f.role))
        and (f.country or f.role)
    )
    if len(cands) != 1:
        return f
    return replace(f, candidates=cands, via="skeleton")
