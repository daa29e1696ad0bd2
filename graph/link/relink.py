"""``newsgraph relink``: re-link stored mentions after a KB update, without re-reading articles.

The KB side (:func:`graph.kb.relink.relink_mentions`) decides which mentions move; this module
applies the changes to each affected article graph in place: the mention's ``ng:refersTo`` and
``ng:kbVersion`` change, and when every mention of a local (NIL) entity in that graph moved, the
local entity's IRI is replaced by the new one throughout the graph, which gains ``ng:qid`` and
the KB's labels.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.iri import DEFAULT_BASE, entity_iri, is_qid
from graph.kb.base import KnowledgeBase
from graph.kb.relink import LinkChange, relink_mentions

__all__ = ["RelinkSummary", "relink_store", "MENTIONS_IN_GRAPHS"]

#: like graph.kb.relink.MENTIONS_QUERY, plus the graph each mention lives in
MENTIONS_IN_GRAPHS = """PREFIX ng: <urn:newsgraph:ontology#>
SELECT DISTINCT ?g ?mention ?surface ?type ?country ?entity ?version WHERE {
  GRAPH ?g {
    ?mention a ng:Mention ; ng:surface ?surface ; ng:mentionType ?type ; ng:refersTo ?entity .
    OPTIONAL { ?mention ng:kbVersion ?version }
    OPTIONAL { ?entity ng:country ?country }
  }
}"""


@dataclass
class RelinkSummary:
    mentions: int = 0
    changes: list[LinkChange] = field(default_factory=list)
    graphs: int = 0
    kb_version: str = ""

    def by_reason(self) -> dict[str, int]:
        return dict(sorted(Counter(c.reason for c in self.changes).items()))


def relink_store(store, kb: KnowledgeBase, *, base: str = DEFAULT_BASE) -> RelinkSummary:
    """Re-link the NIL and outdated mentions of ``store`` against ``kb``; returns what changed."""
    import pyoxigraph as ox

    from graph.kb.relink import mentions_from_rows
    from graph.rdf.vocab import NG, RDFS

    rows = store.query(MENTIONS_IN_GRAPHS)
    graph_of = {r["mention"]: r["g"] for r in rows}
    summary = RelinkSummary(mentions=len(graph_of), kb_version=kb.version)
    summary.changes = relink_mentions(mentions_from_rows(rows, base), kb)
    per_graph: dict[str, list[LinkChange]] = defaultdict(list)
    for c in summary.changes:
        per_graph[graph_of[c.mention_id]].append(c)
    if not per_graph:
        return summary
    wanted = {ox.NamedNode(g) for g in per_graph}
    quads_of: dict[str, list] = defaultdict(list)
    for q in store.quads():
        if q.graph_name in wanted:
            quads_of[q.graph_name.value].append(q)
    refers, kbv = ox.NamedNode(NG.refersTo), ox.NamedNode(NG.kbVersion)
    for g, changes in per_graph.items():
        quads = quads_of[g]
        moved = {ox.NamedNode(c.mention_id): c for c in changes}
        out = []
        for q in quads:
            c = moved.get(q.subject)
            if c is not None and q.predicate in (refers, kbv):
                continue
            out.append(q)
        gnode = ox.NamedNode(g)
        for m, c in moved.items():
            out.append(ox.Quad(m, refers, ox.NamedNode(entity_iri(c.new_entity, base)), gnode))
            out.append(ox.Quad(m, kbv, ox.Literal(c.kb_version), gnode))
        # a local entity none of whose mentions still points at it becomes the linked entity
        still = {q.object for q in out if q.predicate == refers}
        renames = {}
        for c in changes:
            old = ox.NamedNode(entity_iri(c.old_entity, base))
            if c.old_entity != c.new_entity and old not in still:
                renames[old] = c
        if renames:
            label = ox.NamedNode(RDFS + "label")
            relabel = {old for old, c in renames.items() if kb.get(c.new_entity) is not None}
            out = [q for q in out if not (q.subject in relabel and q.predicate == label)]
            out = [ox.Quad(_rename(q.subject, renames, base), q.predicate, _rename(q.object, renames, base), gnode)
                   for q in out]
            for c in renames.values():
                e = kb.get(c.new_entity)
                new = ox.NamedNode(entity_iri(c.new_entity, base))
                if is_qid(c.qid):
                    out.append(ox.Quad(new, ox.NamedNode(NG.qid), ox.Literal(c.qid), gnode))
                for lang in ("ar", "en"):
                    label = e.label(lang) if e is not None else None
                    if label:
                        out.append(ox.Quad(new, ox.NamedNode(RDFS + "label"), ox.Literal(label, language=lang), gnode))
        store.replace_graph(g, list(dict.fromkeys(out)))
        summary.graphs += 1
    return summary


def _rename(term, renames, base):
    import pyoxigraph as ox

    c = renames.get(term)
    return ox.NamedNode(entity_iri(c.new_entity, base)) if c is not None else term
