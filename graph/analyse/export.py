"""Write an actor graph as GraphML, GEXF (opens in Gephi) or node-link JSON.

GraphML and GEXF hold only scalar attributes: lists (evidence, sentences …) and dicts become
JSON strings and ``None`` values are left out, so that the file loads back in networkx with
the same nodes, edges (and keys) and attributes as :func:`flatten` gives (in GEXF the edge
attribute ``type`` is written as ``event_type``, the format reserves ``type``). Node-link JSON
keeps lists as lists.

>>> import networkx as nx, tempfile, pathlib
>>> G = nx.MultiDiGraph()
>>> G.add_edge("Q159", "Q227", key="e1", sentences=["روسيا"], sign=1)
'e1'
>>> p = export_graph(G, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
>>> H = nx.read_graphml(p, force_multigraph=True)
>>> H.edges["Q159", "Q227", "e1"]["sentences"]
'["روسيا"]'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.errors import QueryError

__all__ = ["FORMATS", "GEXF_EDGE_TYPE", "export_graph", "flatten"]

#: name of the edge attribute ``type`` in GEXF files, where ``type`` is reserved
GEXF_EDGE_TYPE = "event_type"

FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json"}


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        if isinstance(value, (set, frozenset)):
            value = sorted(value, key=str)
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat_attrs(d: dict[str, Any]) -> dict[str, Any]:
    return {k: _scalar(v) for k, v in d.items() if v is not None}


def flatten(G: Any):
    """A copy of ``G`` whose attribute values are all str/int/float/bool (lists → JSON strings)."""
    H = G.__class__()
    H.graph.update(_flat_attrs(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(n, **_flat_attrs(d))
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=k, **_flat_attrs(d))
    else:
        for u, v, d in G.edges(data=True):
            H.add_edge(u, v, **_flat_attrs(d))
    return H


def export_graph(G: Any, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``G`` to ``path``; the format comes from ``fmt`` or the suffix (.graphml, .gexf, .json)."""
    import networkx as nx

    out = Path(path)
    fmt = fmt or FORMATS.get(out.suffix.lower())
    if fmt not in FORMATS.values():
        raise QueryError(f"{out}: unknown export format (use .graphml, .gexf or .json)")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        data = nx.node_link_data(G, edges="edges")
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(flatten(G), out, encoding="utf-8", named_key_ids=True)
    else:
        flat = flatten(G)
        if flat.is_multigraph():
            # GEXF edge ids become the multigraph keys when read back
            for _, _, k, d in flat.edges(keys=True, data=True):
                d.setdefault("id", str(k))
        for *_, d in flat.edges(data=True):
            # GEXF reserves an edge's "type" (directed/undirected): Gephi would reject "CONSULT"
            if "type" in d:
                d[GEXF_EDGE_TYPE] = d.pop("type")
        nx.write_gexf(flat, out, encoding="utf-8")
    return out
