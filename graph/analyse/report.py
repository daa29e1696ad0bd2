"""Everything ``newsgraph analyze`` prints, as one data structure.

>>> from graph.analyse.sample import sample_store
>>> from graph.analyse.actor_graph import actor_graph
>>> r = analysis_report(actor_graph(sample_store(), rollup=True), top=3)
>>> r["nodes"], r["edges"], len(r["centrality"])
(4, 6, 3)
>>> [t["labels"] for t in r["triads"]]
[['Russia', 'Azerbaijan', 'Armenia']]
"""

from __future__ import annotations

from typing import Any

from graph.analyse.metrics import centrality, communities, period_changes, signed_triads, top_states

__all__ = ["analysis_report"]


def analysis_report(G: Any, *, top: int = 10, seed: int = 0, freq: str = "month") -> dict[str, Any]:
    """Centrality (top ``top``), communities, signed triads among the top states, per-period change."""
    rows = centrality(G, seed=seed)
    states = top_states(G, top, rows=rows)
    label = {n: (d.get("label_en") or d.get("label_ar") or str(n)) for n, d in G.nodes(data=True)}
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "centrality": rows[:top],
        "communities": [
            {"size": len(c), "members": c, "labels": [label[n] for n in c]} for c in communities(G, seed=seed)
        ],
        # open triads too: a pair of states may never meet in the news and still matter
        "triads": signed_triads(G, states, min_ties=2),
        "changes": period_changes(G, freq=freq),
    }
