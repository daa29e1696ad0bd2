"""rdflib in-memory ``Dataset`` for tiny jobs and tests; queries see the union graph."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.store.base import Store, _regraph

__all__ = ["MemoryStore", "from_rdflib", "to_rdflib"]


def to_rdflib(term: Any):
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        # xsd:string is the plain literal in RDF 1.1; rdflib keeps the two apart, so normalise
        # normalize=False keeps the lexical form as written ("1"^^xsd:double stays "1"), as Oxigraph does
        if dt.endswith("#string"):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt), normalize=False)
    raise TypeError(f"cannot convert {term!r} to rdflib")


def from_rdflib(term: Any):
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return None if term is None else term


class MemoryStore(Store):
    name = "memory"

    def __init__(self, spec: str | None = None, *, create: bool = True):
        from rdflib import Dataset

        self._ds = Dataset(default_union=True)

    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad]) -> int:
        from rdflib import URIRef

        self._ds.remove_graph(URIRef(graph_iri))
        g = self._ds.graph(URIRef(graph_iri))
        for q in _regraph(graph_iri, quads):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return len(g)

    def remove_graph(self, graph_iri: str) -> bool:
        from rdflib import URIRef

        existed = graph_iri in self.graph_names()
        self._ds.remove_graph(URIRef(graph_iri))
        return existed

    def _select(self, sparql: str) -> tuple[list[str], list[list[Any]]]:
        try:
            res = self._ds.query(sparql)
        except Exception as exc:  # rdflib raises pyparsing errors and bare Exceptions alike
            raise QueryError(f"SPARQL error: {exc}") from exc
        if res.type == "ASK":
            return ["ask"], [[ox.Literal(bool(res.askAnswer))]]
        if res.type != "SELECT":
            raise QueryError("only SELECT and ASK queries return rows")
        variables = [str(v) for v in res.vars]
        return variables, [[from_rdflib(row[i]) for i in range(len(variables))] for row in res]

    def graph_names(self) -> list[str]:
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        return sorted(str(c.identifier) for c in self._ds.graphs()
                      if c.identifier != DATASET_DEFAULT_GRAPH_ID and len(c))

    def quads(self) -> Iterable[ox.Quad]:
        for s, p, o, g in self._ds.quads((None, None, None, None)):
            if g is None or str(g.identifier if hasattr(g, "identifier") else g) == "urn:x-rdflib:default":
                continue
            gi = g.identifier if hasattr(g, "identifier") else g
            yield ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), ox.NamedNode(str(gi)))
