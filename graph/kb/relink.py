"""Re-linking after a KB update: which stored mentions should now point elsewhere.

This is the KB side of ``newsgraph relink``: the store hands over its mentions (id, surface,
type, country, current entity, KB version of the link) and gets back the changes to make; it
never re-reads articles. A NIL mention (local id) whose name the new KB knows becomes linked; a
mention linked by an older KB version is checked again: it keeps its entity (with the new
version) when the new KB still gives it for that name, and moves when the new KB gives another.

>>> from graph.kb.base import Entity, MemoryKB
>>> kb = MemoryKB([Entity(id="Q990000010", qid="Q990000010", type="PER", country="Q990000001", prior=0.6,
...                       names=(("ar", "كامران تستوغلو", "label"),))], version="v2")
>>> [(c.new_entity, c.reason, c.kb_version) for c in relink_mentions(
...     [("m1", "كامران تستوغلو", "PER", None, "PER-0123abcd", None)], kb)]
[('Q990000010', 'linked', 'v2')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.iri import DEFAULT_BASE, iri_to_entity_id, is_qid
from graph.kb.base import Entity, KnowledgeBase, compatible_types, name_key

__all__ = ["MENTIONS_QUERY", "LinkChange", "candidates", "mentions_from_rows", "relink_mentions"]

#: The stored mentions that :func:`relink_mentions` needs, in the RDF shape of docs/architecture.md
#: (the union of all article graphs); rows go through :func:`mentions_from_rows`.
MENTIONS_QUERY = """PREFIX ng: <urn:newsgraph:ontology#>
SELECT DISTINCT ?mention ?surface ?type ?country ?entity ?version WHERE {
  ?mention a ng:Mention ; ng:surface ?surface ; ng:mentionType ?type ; ng:refersTo ?entity .
  OPTIONAL { ?mention ng:kbVersion ?version }
  OPTIONAL { ?entity ng:country ?country }
}"""

#: Arabic one-letter proclitics (and, with, for, so, like) tried when the whole surface is unknown
_PROCLITICS = ("و", "ب", "ل", "ف", "ك")
#: two candidates closer than this are ambiguous: no change is made
_MARGIN = 0.05


@dataclass(frozen=True, slots=True)
class LinkChange:
    """A change to one stored mention: from ``old_entity`` to ``new_entity`` (may be the same).

    ``reason``: ``linked`` (NIL → QID), ``relinked`` (QID → another QID), ``version`` (same
    entity, link now carries the new KB version).
    """

    mention_id: str
    old_entity: str
    new_entity: str
    qid: str | None
    kb_version: str
    reason: str
    score: float


def mentions_from_rows(rows: Iterable[dict], base: str = DEFAULT_BASE):
    """:data:`MENTIONS_QUERY` rows (``store.query`` dicts of plain strings) → relink tuples.

    >>> next(mentions_from_rows([{"mention": "urn:newsgraph:article:a1#m0-5", "surface": "تستلاند",
    ...     "type": "GPE", "country": None, "entity": "urn:newsgraph:entity:GPE-1", "version": "seed-1"}]))
    ('urn:newsgraph:article:a1#m0-5', 'تستلاند', 'GPE', None, 'GPE-1', 'seed-1')
    """
    for r in rows:
        country = r.get("country")
        yield (r["mention"], r["surface"], r["type"], iri_to_entity_id(country, base) if country else None,
               iri_to_entity_id(r["entity"], base), r.get("version"))


def candidates(kb: KnowledgeBase, surface: str, type_: str | None = None) -> tuple[Entity, ...]:
    """KB entities for ``surface`` of a compatible type (trying without one Arabic proclitic)."""
    key = name_key(surface)
    found = kb.lookup(key)
    if not found and len(key) > 3 and key[0] in _PROCLITICS:
        found = kb.lookup(key[1:])
    if type_:
        ok = compatible_types(type_)
        found = tuple(e for e in found if e.type in ok)
    return found


def _best(cands: tuple[Entity, ...], country: str | None) -> tuple[Entity | None, float]:
    if not cands:
        return None, 0.0
    scored = sorted(((e.prior + (0.2 if country and e.country == country else 0.0), e.id, e) for e in cands),
                    key=lambda t: (-t[0], t[1]))
    if len(scored) > 1 and scored[0][0] - scored[1][0] < _MARGIN:
        return None, 0.0
    return scored[0][2], round(min(1.0, scored[0][0]), 4)


def _version(kb: KnowledgeBase, entity_id: str) -> str:
    version_of = getattr(kb, "version_of", None)
    return (version_of(entity_id) if version_of else None) or kb.version


def relink_mentions(mentions: Iterable[tuple[str, str, str, str | None, str, str | None]],
                    kb: KnowledgeBase) -> list[LinkChange]:
    """Changes for mentions ``(mention_id, surface, type, country, current_entity, kb_version)``.

    Mentions that need no change are left out; an entity the new KB does not know is never
    unlinked, and an ambiguous name (two candidates with close scores) is left alone.
    """
    changes: list[LinkChange] = []
    for mention_id, surface, type_, country, current, version in mentions:
        linked = is_qid(current)
        if linked and kb.get(current) is None:
            continue
        cands = candidates(kb, surface, type_)
        if linked and any(e.id == current for e in cands):
            new_version = _version(kb, current)
            if version != new_version:
                changes.append(LinkChange(mention_id, current, current, current, new_version, "version",
                                          kb.get(current).prior))  # type: ignore[union-attr]
            continue
        if linked and version == kb.version:
            continue  # linked by this very KB (e.g. by context the name alone cannot give)
        best, score = _best(cands, country)
        if best is None or best.id == current:
            continue
        changes.append(LinkChange(mention_id, current, best.id, best.qid, _version(kb, best.id),
                                  "relinked" if linked else "linked", score))
    return changes
