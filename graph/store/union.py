"""The default graph kept as the set union of all named graphs, updated with every write.

Queries must see every article's graph at once. Oxigraph 0.5's union-default-graph mode (and
``use_default_graph_as_union=True`` in pyoxigraph) treats the union as a *bag*: a triple held
by k named graphs matches k times (oxigraph/oxigraph#1919, fixed after 0.5), so an entity that
1,000 articles describe multiplies every join through it, ``COUNT``s are inflated and a query
with a few ``OPTIONAL`` labels does not finish. So the stores keep the union themselves: each
named-graph write is one SPARQL Update that also adds the graph's triples to the default graph
and removes from it the triples no other named graph still holds. Queries then run against the
plain default graph, which is an RDF graph (a set), on any SPARQL 1.1 server.

>>> import pyoxigraph as ox
>>> s = ox.Store()
>>> t = [ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("x")]
>>> for g in ("urn:g1", "urn:g2"):
...     s.update(replace_update({g: [ox.Quad(*t, ox.NamedNode(g))]}))
>>> len(list(s.query("SELECT * WHERE { ?s ?p ?o }")))
1
>>> s.update(remove_update("urn:g1")); s.update(remove_update("urn:g2"))
>>> len(s)
0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

__all__ = ["remove_update", "replace_update", "triples_text"]


def triples_text(quads: Iterable[ox.Quad]) -> str:
    """N-Triples lines, which are valid SPARQL triples with every literal properly escaped."""
    return "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)


def remove_update(graph_iri: str) -> str:
    """Drop a named graph and the default-graph triples that only it held."""
    g = ox.NamedNode(graph_iri)  # validated: a graph name cannot carry text into the update
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {g}) }} }} ;\n"
            f"DROP SILENT GRAPH {g}")


def replace_update(graphs: Mapping[str, list[ox.Quad]]) -> str:
    """One update making each named graph hold exactly its quads, default graph kept in step.

    Running it twice leaves the same data as running it once.
    """
    ops = []
    for g, quads in graphs.items():
        ops.append(remove_update(g))
        if quads:
            body = triples_text(quads)
            ops.append(f"INSERT DATA {{ GRAPH {ox.NamedNode(g)} {{\n{body}}} }}")
            ops.append(f"INSERT DATA {{\n{body}}}")
    return " ;\n".join(ops)
