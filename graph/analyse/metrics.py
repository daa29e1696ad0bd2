"""Who matters, who sides with whom, and what changed: metrics over an actor graph.

Every function takes the ``MultiDiGraph`` from :func:`graph.analyse.actor_graph.actor_graph`
and returns plain data (lists of dicts), which the CLI prints as tables.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("RU", "AZ", kind="event", sign=1, weight=1.0, date="2023-09-20")
0
>>> G.add_edge("AZ", "AM", kind="event", sign=-1, weight=9.0, date="2023-09-19")
0
>>> G.add_edge("RU", "AM", kind="event", sign=-1, weight=2.0, date="2023-09-21")
0
>>> triad_balance(G, "RU", "AZ", "AM")["balanced"]
True
>>> centrality(G)[0]["node"]  # the heaviest ties
'AM'
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations, pairwise
from typing import Any

from graph.analyse.collapse import simple_undirected
from graph.errors import QueryError

__all__ = [
    "centrality",
    "communities",
    "is_state",
    "pair_signs",
    "period_changes",
    "shortest_path",
    "signed_triads",
    "top_states",
    "triad_balance",
]


def _label(G: Any, n: Any) -> str:
    d = G.nodes[n] if n in G else {}
    return d.get("label_en") or d.get("label_ar") or str(n)


def centrality(G: Any, *, top: int | None = None, seed: int = 0) -> list[dict[str, Any]]:
    """Per node: degree, weighted degree, betweenness, PageRank, eigenvector; sorted by PageRank.

    Betweenness is exact up to 500 nodes and estimated from 256 seeded pivots above (enough to
    rank the top actors; exact takes ~10 s at 2,000 nodes on 2 cores). Eigenvector centrality
    is ``None`` when power iteration does not converge.
    """
    import networkx as nx

    H = simple_undirected(G)
    n = H.number_of_nodes()
    if n == 0:
        return []
    k = None if n <= 500 else 256
    between = nx.betweenness_centrality(H, k=k, seed=seed, normalized=True)
    try:
        pagerank = nx.pagerank(H, weight="weight")
    except nx.PowerIterationFailedConvergence:
        pagerank = {v: 1.0 / n for v in H}
    try:
        eigen: dict[Any, float | None] = nx.eigenvector_centrality(H, weight="weight", max_iter=500, tol=1e-6)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        eigen = {v: None for v in H}
    rows = []
    for v in H:
        rows.append(
            {
                "node": v,
                "label": _label(G, v),
                "label_ar": G.nodes[v].get("label_ar", ""),
                "type": G.nodes[v].get("type", ""),
                "degree": G.degree(v),
                "weighted_degree": round(
                    sum(float(d.get("weight", 1.0)) for *_, d in G.in_edges(v, data=True))
                    + sum(float(d.get("weight", 1.0)) for *_, d in G.out_edges(v, data=True)),
                    3,
                ),
                "betweenness": round(between[v], 6),
                "pagerank": round(pagerank[v], 6),
                "eigenvector": None if eigen[v] is None or math.isnan(eigen[v]) else round(eigen[v], 6),
            }
        )
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], str(r["node"])))
    return rows[:top] if top else rows


def communities(G: Any, *, seed: int = 0, resolution: float = 1.0) -> list[list[Any]]:
    """Louvain communities (seeded, so stable), largest first, members sorted."""
    import networkx as nx

    H = simple_undirected(G)
    if H.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    return sorted((sorted(p, key=str) for p in parts), key=lambda p: (-len(p), str(p[0])))


def _edges_between(G: Any, u: Any, v: Any) -> list[dict[str, Any]]:
    out = []
    for a, b in ((u, v), (v, u)):
        for key, d in (G.get_edge_data(a, b) or {}).items():
            out.append(
                {
                    "from": a,
                    "to": b,
                    "key": key,
                    "kind": d.get("kind", ""),
                    "type": d.get("type", ""),
                    "sign": d.get("sign", 0),
                    "date": d.get("date", ""),
                    "sentences": list(d.get("sentences") or []),
                    "titles": list(d.get("titles") or []),
                    "urls": list(d.get("urls") or []),
                }
            )
    return out


def shortest_path(G: Any, a: Any, b: Any) -> list[dict[str, Any]]:
    """The fewest-hop path from ``a`` to ``b`` (either direction of edges), one step per hop with its evidence."""
    import networkx as nx

    from graph.analyse.actor_graph import resolve_actor

    a, b = resolve_actor(G, str(a)), resolve_actor(G, str(b))
    try:
        path = nx.shortest_path(G.to_undirected(as_view=True), a, b)
    except nx.NetworkXNoPath as exc:
        raise QueryError(f"no path between {a} and {b}") from exc
    return [
        {"from": u, "to": v, "from_label": _label(G, u), "to_label": _label(G, v), "edges": _edges_between(G, u, v)}
        for u, v in pairwise(path)
    ]


def pair_signs(G: Any, *, start: str = "", end: str = "") -> dict[frozenset, int]:
    """Net sign per unordered pair: sign of the weighted sum of signed edges dated in [start, end].

    Co-mentions and neutral events add nothing; pairs with only those get 0.
    """
    total: dict[frozenset, float] = defaultdict(float)
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        date = d.get("date") or ""
        if (start or end) and (not date or (start and date < start) or (end and date > end)):
            continue
        total[frozenset((u, v))] += int(d.get("sign") or 0) * float(d.get("weight") or 1.0)
    return {p: (1 if s > 0 else -1 if s < 0 else 0) for p, s in total.items()}


def triad_balance(G: Any, a: Any, b: Any, c: Any, *, signs: dict | None = None) -> dict[str, Any]:
    """Structural balance of one triad: the three pair signs, their product and the verdict.

    ``balanced`` is True (product +1), False (−1) or None when a pair has no signed tie.
    """
    signs = pair_signs(G) if signs is None else signs
    pairs = [(a, b), (b, c), (a, c)]
    s = [signs.get(frozenset(p), 0) for p in pairs]
    product = s[0] * s[1] * s[2]
    return {
        "nodes": [a, b, c],
        "labels": [_label(G, x) for x in (a, b, c)],
        "signs": {f"{x}-{y}": sv for (x, y), sv in zip(pairs, s)},
        "product": product,
        "balanced": None if product == 0 else product > 0,
    }


def is_state(G: Any, n: Any) -> bool:
    """A country-level actor: a GPE that belongs to no other country (cities do)."""
    d = G.nodes[n]
    return d.get("type") == "GPE" and d.get("country") in (None, "", n)


def top_states(G: Any, n: int = 10, *, rows: list[dict[str, Any]] | None = None) -> list[Any]:
    """The ``n`` most central states (PageRank), from ``rows`` of :func:`centrality` when given."""
    rows = centrality(G) if rows is None else rows
    return [r["node"] for r in rows if is_state(G, r["node"])][:n]


def signed_triads(G: Any, nodes: list[Any] | None = None, *, min_ties: int = 3) -> list[dict[str, Any]]:
    """Triads among ``nodes`` (default: the top 10 states) with at least ``min_ties`` tied pairs.

    ``min_ties=3`` keeps closed triangles; 2 also lists open ones (balanced None), such as
    Russia–Azerbaijan–Armenia when Russia and Armenia never meet in the news.
    """
    nodes = top_states(G) if nodes is None else list(nodes)
    signs = pair_signs(G)
    tied = {frozenset((u, v)) for u, v in G.to_undirected(as_view=True).edges() if u != v}
    out = []
    for a, b, c in combinations(sorted(nodes, key=str), 3):
        if sum(frozenset(p) in tied for p in ((a, b), (b, c), (a, c))) >= min_ties:
            out.append(triad_balance(G, a, b, c, signs=signs))
    return out


def _period(date: str, freq: str) -> str:
    if freq == "year":
        return date[:4]
    if freq == "month":
        return date[:7]
    if freq == "day":
        return date[:10]
    raise QueryError(f"unknown period {freq!r} (year, month or day)")


def period_changes(G: Any, *, freq: str = "month") -> list[dict[str, Any]]:
    """Pairs whose net sign changed between consecutive periods in which they had signed edges.

    ``change`` is ``"cooperation→conflict"``, ``"conflict→cooperation"`` (or to/from neutral).
    """
    per: dict[frozenset, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for u, v, d in G.edges(data=True):
        date, sign = d.get("date") or "", int(d.get("sign") or 0)
        if u == v or not date or d.get("kind", "event") != "event":
            continue
        per[frozenset((u, v))][_period(date, freq)] += sign * float(d.get("weight") or 1.0)
    name = {1: "cooperation", -1: "conflict", 0: "neutral"}
    out = []
    for pair, by_period in per.items():
        seq = sorted(by_period.items())
        for (p0, s0), (p1, s1) in pairwise(seq):
            a, b = (1 if s0 > 0 else -1 if s0 < 0 else 0), (1 if s1 > 0 else -1 if s1 < 0 else 0)
            if a != b:
                u, v = sorted(pair, key=str)
                out.append(
                    {
                        "pair": [u, v],
                        "labels": [_label(G, u), _label(G, v)],
                        "from_period": p0,
                        "to_period": p1,
                        "from_sign": a,
                        "to_sign": b,
                        "change": f"{name[a]}→{name[b]}",
                    }
                )
    return sorted(out, key=lambda r: (r["to_period"], [str(x) for x in r["pair"]]))
