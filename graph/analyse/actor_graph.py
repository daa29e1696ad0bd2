"""Store → networkx actor graph: entities as nodes, events and co-mentions as edges.

Nodes are keyed by entity id (QID, or the local id such as ``PER-3f2a…``) and carry
``label_ar``, ``label_en``, ``type``, ``country``, ``qid``, ``iri``. Every event is one edge
(``kind="event"``) from its source to its target (to its location when it has no target) with
``type``, ``cameo``, ``quad_class``, ``sign`` (+1 cooperation, −1 conflict, 0 neutral),
``goldstein``, ``weight``, ``date`` (ISO string or ``""``), ``mediator``, and its evidence:
``evidence`` (sentence IRIs), ``sentences``, ``titles``, ``urls`` (parallel lists). Every
co-mention relation is one edge (``kind="comention"``, ``sign=0``, ``weight=count``).

>>> from graph.analyse.sample import sample_store
>>> G = actor_graph(sample_store(), rollup=True)
>>> sorted(G)
['Q159', 'Q227', 'Q399', 'Q44302']
>>> sorted((d["type"], d["sign"]) for *_, d in G.edges("Q227", data=True))
[('ASSAULT', -1), ('RETREAT', 1)]
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Any

from graph.analyse.plover import score
from graph.analyse.sparql import COMENTIONS, ENTITIES, EVENTS, EVIDENCE, RELATIONS, run_query
from graph.errors import NewsgraphError, QueryError
from graph.iri import WD, is_qid

__all__ = ["ROLLUP_TYPES", "actor_graph", "entity_key", "resolve_actor"]

#: entity types that ``rollup=True`` replaces by their country
ROLLUP_TYPES = frozenset({"PER", "ORG"})


def entity_key(iri: str) -> str:
    """Node id of an entity IRI: the QID, or what follows ``entity:`` under any base IRI.

    >>> entity_key("http://www.wikidata.org/entity/Q159")
    'Q159'
    >>> entity_key("urn:newsgraph:entity:PER-3f2a")
    'PER-3f2a'
    """
    if iri.startswith(WD):
        return iri[len(WD) :]
    i = iri.rfind("entity:")
    return iri[i + len("entity:") :] if i >= 0 else iri


def _as_date(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    text = str(value)[:10]
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise QueryError(f"not an ISO date: {value!r}") from exc


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"true", "1"}


def _nodes(store: Any) -> dict[str, dict[str, str]]:
    nodes: dict[str, dict[str, str]] = {}
    for row in run_query(store, ENTITIES):
        iri = row["e"]
        node = nodes.setdefault(
            entity_key(iri), {"iri": iri, "label_ar": "", "label_en": "", "type": "", "country": "", "qid": ""}
        )
        # several articles may describe one entity: keep the smallest value, so runs agree
        for attr, var in (("label_ar", "ar"), ("label_en", "en"), ("type", "type"), ("qid", "qid")):
            v = row.get(var)
            if v and (not node[attr] or v < node[attr]):
                node[attr] = v
        c = row.get("country")
        if c:
            ck = entity_key(c)
            if ck != entity_key(iri) and (not node["country"] or ck < node["country"]):
                node["country"] = ck
    for key, node in nodes.items():
        if not node["qid"] and is_qid(key):
            node["qid"] = key
    return nodes


def _evidence(store: Any) -> dict[str, list[tuple[str, str, str, str]]]:
    ev: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    for row in run_query(store, EVIDENCE):
        ev[row["x"]].add((row["sent"], row.get("text", ""), row.get("title", ""), row.get("url", "")))
    return {k: sorted(v) for k, v in ev.items()}


def _evidence_attrs(items: list[tuple[str, str, str, str]]) -> dict[str, list[str]]:
    return {
        "evidence": [i[0] for i in items],
        "sentences": [i[1] for i in items],
        "titles": [i[2] for i in items],
        "urls": [i[3] for i in items],
    }


def _edges(store: Any) -> list[tuple[str, str, str, dict[str, Any]]]:
    evidence = _evidence(store)
    edges: dict[str, tuple[str, str, str, dict[str, Any]]] = {}
    for row in run_query(store, EVENTS):
        src = row.get("src") or row.get("sc")
        tgt = row.get("tgt") or row.get("loc") or row.get("tc")
        if not src or not tgt or row["ev"] in edges:
            continue
        s = score(row.get("etype"), cameo=row.get("cameo"), negated=_truthy(row.get("neg")))
        attrs = {
            "kind": "event",
            "type": (row.get("etype") or "").upper(),
            "cameo": row.get("cameo", ""),
            "mode": row.get("mode", ""),
            "quad_class": s.quad_class,
            "sign": s.sign,
            "goldstein": s.goldstein,
            "weight": s.weight,
            "count": 1,
            "date": _as_date(row.get("date") or row.get("pub")),
            "target_role": "target" if row.get("tgt") else "location" if row.get("loc") else "target",
            "mediator": entity_key(row["med"]) if row.get("med") else "",
            "symmetric": _truthy(row.get("sym")),
            "iri": row["ev"],
            "source_country": entity_key(row["sc"]) if row.get("sc") else "",
            "target_country": entity_key(row["tc"]) if row.get("tc") else "",
            **_evidence_attrs(evidence.get(row["ev"], [])),
        }
        edges[row["ev"]] = (entity_key(src), entity_key(tgt), row["ev"], attrs)
    relation_rows = run_query(store, RELATIONS)
    for row in relation_rows:
        if row["r"] in edges:
            continue
        rtype = row.get("rtype") or "comention"
        count = int(float(row.get("count") or 1))
        attrs = {
            "kind": "comention" if rtype == "comention" else "relation",
            "type": rtype,
            "cameo": "",
            "mode": "",
            "quad_class": "neutral",
            "sign": 0,
            "goldstein": 0.0,
            "weight": float(count),
            "count": count,
            "date": _as_date(row.get("pub")),
            "target_role": "object",
            "mediator": "",
            "symmetric": rtype == "comention",
            "iri": row["r"],
            "source_country": "",
            "target_country": "",
            **_evidence_attrs(evidence.get(row["r"], [])),
        }
        edges[row["r"]] = (entity_key(row["s"]), entity_key(row["o"]), row["r"], attrs)
    if not relation_rows:
        for row in run_query(store, COMENTIONS):
            key = f"comention:{row['s']}|{row['o']}"
            edges[key] = (
                entity_key(row["s"]),
                entity_key(row["o"]),
                key,
                {
                    "kind": "comention",
                    "type": "comention",
                    "cameo": "",
                    "mode": "",
                    "quad_class": "neutral",
                    "sign": 0,
                    "goldstein": 0.0,
                    "weight": 1.0,
                    "count": 1,
                    "date": "",
                    "target_role": "object",
                    "mediator": "",
                    "symmetric": True,
                    "iri": "",
                    "source_country": "",
                    "target_country": "",
                    "evidence": [],
                    "sentences": [],
                    "titles": [],
                    "urls": [],
                },
            )
    return [edges[k] for k in sorted(edges)]


def _rolled(node_id: str, nodes: dict[str, dict[str, str]], hint: str = "") -> str:
    node = nodes.get(node_id)
    if node is None or node["type"] not in ROLLUP_TYPES:
        return node_id
    return hint or node["country"] or node_id


def _fill_labels(G: Any) -> None:
    """Give label-less nodes (countries that only rollup brought in) their names from the seed KB."""
    missing = [n for n, d in G.nodes(data=True) if not d.get("label_ar") or not d.get("label_en") or not d.get("type")]
    if not missing:
        return
    try:
        from graph.kb.seed import load_seed_kb

        kb = load_seed_kb()
    except (ImportError, OSError, NewsgraphError):  # the KB is a nicety here; a graph without labels is still one
        return
    for n in missing:
        e = kb.get(n)
        if e is None:
            continue
        d = G.nodes[n]
        d["label_ar"] = d.get("label_ar") or e.label("ar") or ""
        if not d.get("label_en") or d["label_en"] == n:
            d["label_en"] = e.label("en") or d.get("label_en", "")
        d["type"] = d.get("type") or e.type


def resolve_actor(G: Any, actor: str) -> str:
    """Node id of ``actor`` given as id, IRI, or an Arabic/English label (folded match)."""
    if actor in G:
        return actor
    if entity_key(actor) in G:
        return entity_key(actor)
    from graph.text.fold import fold_key

    want = fold_key(actor).strip()
    hits = sorted(
        n
        for n, d in G.nodes(data=True)
        if want and want in {fold_key(d.get("label_ar") or ""), fold_key(d.get("label_en") or "")}
    )
    if not hits:
        raise QueryError(f"unknown actor: {actor!r} (give a QID, a local id or a label in the graph)")
    return hits[0]


def actor_graph(
    store: Any,
    *,
    rollup: bool = False,
    since: Any = None,
    until: Any = None,
    min_weight: float = 0,
    actor: str | None = None,
    depth: int = 1,
    country_edges: bool = False,
):
    """Build the actor graph (``nx.MultiDiGraph``) from a store.

    ``rollup`` maps persons and organisations to their country (an event's
    ``ng:sourceCountry``/``ng:targetCountry`` first, else the entity's ``ng:country``);
    ``since``/``until`` (dates or ISO strings, inclusive) drop dated edges outside the window;
    ``min_weight`` drops lighter edges; ``actor`` + ``depth`` keep its ego network. Nodes left
    without edges by these filters are dropped. ``country_edges`` (without ``rollup``) adds, for
    an event between persons or organisations, a second edge between their countries
    (``level="country"``), so one view shows both who acted and which states they act for.
    """
    import networkx as nx

    nodes = _nodes(store)
    edges = _edges(store)
    lo, hi = _as_date(since), _as_date(until)
    G = nx.MultiDiGraph(rollup=rollup, since=lo, until=hi)
    for key in sorted(nodes):
        if not (rollup and nodes[key]["type"] in ROLLUP_TYPES and nodes[key]["country"]):
            G.add_node(key, **nodes[key])
    dropped_loops = 0
    for u, v, key, attrs in edges:
        if rollup:
            u = _rolled(u, nodes, attrs["source_country"])
            v = _rolled(v, nodes, attrs["target_country"] if attrs["target_role"] == "target" else "")
            if u == v:  # a minister consulting his own state says nothing about states
                dropped_loops += 1
                continue
        date = attrs["date"]
        if date and ((lo and date < lo) or (hi and date > hi)):
            continue
        if attrs["weight"] < min_weight:
            continue
        for n in (u, v):
            if n not in G:  # referenced but never described (e.g. a country IRI from rollup)
                G.add_node(
                    n,
                    iri=f"{WD}{n}" if is_qid(n) else n,
                    label_ar="",
                    label_en=n if not is_qid(n) else "",
                    type="GPE" if rollup else "",
                    country="",
                    qid=n if is_qid(n) else "",
                )
        G.add_edge(u, v, key=key, **attrs)
        if country_edges and not rollup and attrs["kind"] == "event":
            cu = _rolled(u, nodes, attrs["source_country"])
            cv = _rolled(v, nodes, attrs["target_country"] if attrs["target_role"] == "target" else "")
            if cu != cv and (cu, cv) != (u, v):
                for n in (cu, cv):
                    if n not in G:
                        G.add_node(n, iri=f"{WD}{n}" if is_qid(n) else n, label_ar="", label_en="" if is_qid(n) else n,
                                   type="GPE", country="", qid=n if is_qid(n) else "")
                G.add_edge(cu, cv, key=f"{key}#country", **{**attrs, "level": "country"})
    G.graph["rollup_self_loops_dropped"] = dropped_loops
    _fill_labels(G)
    if lo or hi or min_weight:
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    if actor is not None:
        center = resolve_actor(G, actor)
        keep = nx.ego_graph(G.to_undirected(as_view=True), center, radius=depth)
        G = G.subgraph(keep).copy()
        G.graph["actor"] = center
        G.graph["depth"] = depth
    return G
