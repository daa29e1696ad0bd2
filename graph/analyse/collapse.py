"""Collapse the actor multigraph into a simple undirected weighted graph.

Centralities, communities and layouts look at who is tied to whom and how strongly, not at
the direction or number of reports; nodes and edges are added in sorted order so that seeded
algorithms give the same answer on every run.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("a", "b", weight=2.0); G.add_edge("b", "a", weight=1.0)
0
0
>>> simple_undirected(G)["a"]["b"]["weight"]
3.0
"""

from __future__ import annotations

from typing import Any

__all__ = ["simple_undirected"]


def simple_undirected(G: Any):
    """Collapse a multigraph into an undirected simple graph with summed ``weight`` (sorted, so seeded runs agree)."""
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if u == v:
            continue
        w = float(d.get("weight", 1.0) or 1.0)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H
