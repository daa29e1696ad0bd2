"""Seeded, precomputed node positions and sizes for the HTML view.

The browser never runs physics: vis-network with a few hundred nodes takes over a minute to
settle, so positions come from networkx with a fixed seed (the same graph gives the same
picture on every run) and are written into the node data.

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
>>> positions(G) == positions(G)
True
>>> sorted(node_sizes(G).values())[-1]
36.0
"""

from __future__ import annotations

import math
from typing import Any

from graph.analyse.collapse import simple_undirected

__all__ = ["LARGE", "grid_force_layout", "node_sizes", "positions"]


#: components above this size use the cut-off force layout below instead of nx.spring_layout
LARGE = 500


def grid_force_layout(H: Any, nodes: list[Any], *, seed: int, iterations: int = 70) -> dict[Any, tuple[float, float]]:
    """Fruchterman–Reingold with repulsion cut off at 2k (their "grid variant"), in numpy/scipy.

    networkx's spring_layout costs O(n²) per step (> 15 s for 2,000 nodes here); with a k-d tree
    finding the close pairs each step is near-linear, and the picture is the same kind.
    Returns positions in [-1, 1].
    """
    import numpy as np
    from scipy.spatial import cKDTree

    n = len(nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    sub = H.subgraph(nodes)
    edges = sorted((idx[u], idx[v], d.get("lw", 1.0)) for u, v, d in sub.edges(data=True))
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    w = np.array([e[2] for e in edges], dtype=float)
    w = w / (w.mean() if len(w) else 1.0)
    pos = np.random.default_rng(seed).random((n, 2))
    k = 1.0 / math.sqrt(n)
    t, dt = 0.1, 0.1 / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(2.0 * k, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            d = pos[i] - pos[j]
            f = (k * k / np.maximum((d * d).sum(1), 1e-9))[:, None] * d
            for c in (0, 1):
                disp[:, c] += np.bincount(i, f[:, c], n) - np.bincount(j, f[:, c], n)
        if len(src):
            d = pos[src] - pos[dst]
            f = (np.sqrt((d * d).sum(1)) / k * w)[:, None] * d
            for c in (0, 1):
                disp[:, c] += np.bincount(dst, f[:, c], n) - np.bincount(src, f[:, c], n)
        length = np.sqrt(np.maximum((disp * disp).sum(1), 1e-12))
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    pos -= pos.mean(0)
    pos /= np.abs(pos).max() or 1.0
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in idx.items()}


def _component_layout(H: Any, nodes: list[Any], seed: int) -> tuple[dict[Any, tuple[float, float]], float]:
    """Seeded spring layout of one component, in pixels around (0, 0); returns it and its radius."""
    import networkx as nx

    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}, 45.0
    if n == 2:
        return {nodes[0]: (-70.0, 0.0), nodes[1]: (70.0, 0.0)}, 115.0
    if n > LARGE:
        pos = grid_force_layout(H, nodes, seed=seed)
    else:
        pos = nx.spring_layout(
            H.subgraph(nodes), seed=seed, weight="lw", iterations=50, k=1.6 / math.sqrt(n), method="force"
        )
    radius = 95.0 * math.sqrt(n)  # ~ constant node density whatever the size
    out = {v: (x * radius, y * radius) for v, (x, y) in pos.items()}
    return out, radius + 45.0


def positions(G: Any, *, seed: int = 7) -> dict[Any, tuple[int, int]]:
    """Node → (x, y) in screen pixels: each connected component laid out on its own (seeded),
    components packed in rows, largest first, so that isolated actors do not squeeze the rest."""
    import networkx as nx

    if G.number_of_nodes() == 0:
        return {}
    H = simple_undirected(G)
    # log-damped weights: one heavy edge should not pull a pair on top of each other
    for _, _, d in H.edges(data=True):
        d["lw"] = 1.0 + math.log1p(d["weight"])
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    laid = [_component_layout(H, c, seed) for c in comps]
    area = sum((2 * r) ** 2 for _, r in laid)
    row_width = max(2 * laid[0][1], math.sqrt(area) * 1.2)
    out: dict[Any, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for pos, r in laid:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + r, y + r
        for v, (px, py) in pos.items():
            out[v] = (round(cx + px), round(cy + py))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return out


def node_sizes(G: Any, *, lo: float = 10.0, hi: float = 36.0) -> dict[Any, float]:
    """Node → radius in pixels from PageRank on the collapsed graph (degree if it fails)."""
    import networkx as nx

    H = simple_undirected(G)
    if H.number_of_nodes() == 0:
        return {}
    try:
        score = nx.pagerank(H, weight="weight")
    except nx.PowerIterationFailedConvergence:
        score = {n: float(d) for n, d in H.degree(weight="weight")}
    top = max(score.values()) or 1.0
    low = min(score.values())
    span = (top - low) or 1.0
    return {n: round(lo + (hi - lo) * math.sqrt((s - low) / span), 1) for n, s in score.items()}
