"""Embedded on-disk store: pyoxigraph's RocksDB-backed ``Store`` in a build's output directory.

Queries run against the default graph, which the store keeps as the set union of all named
graphs (see :mod:`graph.store.union` for why not ``use_default_graph_as_union``).

>>> import pyoxigraph as ox
>>> s = OxigraphStore(None)
>>> q = lambda g: [ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("x"), ox.NamedNode(g))]
>>> s.replace_graph("urn:g1", q("urn:g1")), s.replace_graph("urn:g2", q("urn:g2"))
(1, 1)
>>> s.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), len(s)
([{'n': '1'}], 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.store.base import Store, _regraph
from graph.store.union import remove_update, replace_update

__all__ = ["OxigraphStore", "store_path"]


def store_path(spec: str | Path) -> Path:
    """Where the database of an output directory lives: ``DIR/store`` (or DIR if it is one)."""
    p = Path(spec)
    if (p / "CURRENT").is_file() and not (p / "store").exists():
        return p  # already the RocksDB directory itself
    return p / "store"


class OxigraphStore(Store):
    name = "oxigraph"

    def __init__(self, spec: str | Path | None = None, *, create: bool = True):
        self.path = store_path(spec) if spec is not None else None
        try:
            if self.path is None:
                self._s = ox.Store()
            else:
                if not self.path.exists() and not create:
                    raise StoreError(f"{self.path}: no store here (build first, or pass create=True)")
                self.path.mkdir(parents=True, exist_ok=True)
                self._s = ox.Store(path=str(self.path))
        except OSError as exc:  # e.g. another process holds the RocksDB lock
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc

    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad]) -> int:
        data = list(dict.fromkeys(_regraph(graph_iri, quads)))
        try:
            self._s.update(replace_update({graph_iri: data}))  # one transaction
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write graph {graph_iri}: {exc}") from exc
        return len(data)

    def bulk_load(self, quads: Iterable[ox.Quad]) -> None:
        """Fast, non-transactional load of new graphs (fresh stores, benchmarks): each quad is
        written to its named graph and, as a triple, to the union default graph."""
        def both():
            for q in quads:
                yield q
                yield ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())

        self._s.bulk_extend(both())

    def remove_graph(self, graph_iri: str) -> bool:
        existed = self._s.contains_named_graph(ox.NamedNode(graph_iri))
        if existed:
            self._s.update(remove_update(graph_iri))
        return existed

    def _select(self, sparql: str) -> tuple[list[str], list[list[Any]]]:
        try:
            res = self._s.query(sparql)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: query failed: {exc}") from exc
        if isinstance(res, ox.QueryBoolean):
            return ["ask"], [[ox.Literal(bool(res))]]
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK queries return rows")
        variables = [v.value for v in res.variables]
        return variables, [[sol[v] for v in variables] for sol in res]

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._s.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self) -> Iterable[ox.Quad]:
        return (q for q in self._s if not isinstance(q.graph_name, ox.DefaultGraph))

    def __len__(self) -> int:
        res = self._s.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(res))["n"].value)

    def flush(self) -> None:
        if self.path is not None:
            self._s.flush()

    def close(self) -> None:
        # pyoxigraph releases the RocksDB lock when the Store object is collected
        if getattr(self, "_s", None) is not None:
            self.flush()
            del self._s
            self._s = None
