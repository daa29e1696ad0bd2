"""What every store offers, and the term handling the stores share.

Results come back as rows of plain strings (an IRI's text, a literal's lexical form, ``None``
when unbound), or, with ``typed=True``, as Python values (``int``, ``float``, ``datetime.date``,
``bool``, ``str``). Parameters are bound by injecting a ``VALUES`` block built from serialised
RDF terms at the start of the outermost ``WHERE`` group, never by pasting raw text.

>>> import pyoxigraph as ox
>>> inject_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": ox.Literal('"} ; DROP ALL ; {"')})
'SELECT ?x WHERE { VALUES (?o) { ("\\\\"} ; DROP ALL ; {\\\\"") }\\n ?x ?p ?o }'
>>> to_python(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
3
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError

__all__ = ["Row", "Store", "check_term", "inject_values", "quads_by_graph", "term_text", "to_python"]

Row = dict[str, Any]
_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def check_term(value: object) -> ox.NamedNode | ox.Literal:
    """Accept only real RDF terms as bound values: never a string that would be pasted."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    raise QueryError(f"a bound value must be a pyoxigraph NamedNode or Literal, got {type(value).__name__}")


def inject_values(sparql: str, bindings: Mapping[str, object] | None) -> str:
    """``sparql`` with ``VALUES (?k …) { (term …) }`` opening its outermost ``WHERE`` group.

    Terms are written in their N-Triples form, which escapes every quote and backslash, so a
    value can never close the literal or the group it sits in.
    """
    if not bindings:
        return sparql
    names = list(bindings)
    for n in names:
        if not _VAR.match(n):
            raise QueryError(f"invalid variable name {n!r}")
    terms = [str(check_term(bindings[n])) for n in names]
    # skip whole-line comments: the header of a query file may say "WHERE {" in prose
    offset = 0
    for line in sparql.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            m = _WHERE.search(line)
            if m:
                pos = offset + m.end()
                head = " VALUES (" + " ".join("?" + n for n in names) + ") { (" + " ".join(terms) + ") }\n"
                return sparql[:pos] + head + sparql[pos:]
        offset += len(line)
    raise QueryError("cannot bind parameters: the query has no WHERE { … } group")


def term_text(term: Any) -> str | None:
    """Plain text of a pyoxigraph/rdflib term: IRI, literal lexical form or blank node id."""
    if term is None:
        return None
    value = getattr(term, "value", None)
    return str(value) if value is not None else str(term)


def to_python(term: Any) -> Any:
    """A literal as its Python value (via rdflib's datatype mapping); IRIs as strings."""
    if term is None:
        return None
    from rdflib import Literal, URIRef

    if isinstance(term, ox.Literal):
        lit = Literal(term.value, lang=term.language,
                      datatype=None if term.language else URIRef(term.datatype.value))
        return lit.toPython() if not isinstance(lit.toPython(), Literal) else str(lit)
    if isinstance(term, Literal):
        v = term.toPython()
        return str(term) if isinstance(v, Literal) else v
    return term_text(term)


def quads_by_graph(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Quad]]:
    out: dict[str, list[ox.Quad]] = {}
    for q in quads:
        out.setdefault(term_text(q.graph_name) or "", []).append(q)
    return out


def _regraph(graph_iri: str, quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Quads moved into ``graph_iri`` (whatever graph they came in) so a replace stays in place."""
    g = ox.NamedNode(graph_iri)
    return [q if q.graph_name == g else ox.Quad(q.subject, q.predicate, q.object, g) for q in quads]


class Store(ABC):
    """One interface over embedded, in-memory and remote stores; queries see the union graph."""

    name = "?"

    @abstractmethod
    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad]) -> int:
        """Make ``graph_iri`` hold exactly ``quads``; returns how many it now holds."""

    @abstractmethod
    def remove_graph(self, graph_iri: str) -> bool:
        """Delete a named graph; returns whether it existed."""

    @abstractmethod
    def _select(self, sparql: str) -> tuple[list[str], list[list[Any]]]:
        """Run a SELECT/ASK already carrying its bindings; variables and rows of terms."""

    @abstractmethod
    def graph_names(self) -> list[str]:
        """IRIs of the named graphs, sorted."""

    @abstractmethod
    def quads(self) -> Iterable[ox.Quad]:
        """Every quad of every named graph."""

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, *,
              typed: bool = False) -> list[Row]:
        """Rows of a SELECT (or ``[{"ask": bool}]`` for ASK) over the union of named graphs."""
        variables, rows = self._select(inject_values(sparql, bindings))
        conv = to_python if typed else term_text
        return [{v: conv(t) for v, t in zip(variables, row)} for row in rows]

    def dump(self, path: str | Path, format: str = "trig") -> Path:
        from graph.rdf.convert import write_dataset

        return write_dataset(self.quads(), path, format)

    def close(self) -> None:
        """Release files and connections; the store is unusable afterwards."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
