"""A remote SPARQL 1.1 store: queries through SPARQLWrapper, writes through SPARQL Update, the
whole dataset read back through the Graph Store Protocol; every request retried with back-off.

``URL`` is the endpoint's base, as Oxigraph serves it: ``URL/query``, ``URL/update`` and
``URL/store``. A batch of whole named graphs goes in one update request (atomic on Oxigraph)
that replaces each graph and keeps the default graph as the set union of the named graphs
(:mod:`graph.store.union`), so queries need no server-side union setting (run the server
*without* ``--union-default-graph``) and sending the same batch twice leaves the same data:
that is what lets :mod:`graph.store.push` resend a spooled batch safely.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.store.base import Store, _regraph
from graph.store.union import remove_update, replace_update

__all__ = ["SparqlStore"]

_NQ = "application/n-quads"




def _term(b: dict[str, str]):
    kind = b.get("type")
    if kind == "uri":
        return ox.NamedNode(b["value"])
    if kind == "bnode":
        return ox.BlankNode(b["value"])
    if "xml:lang" in b:
        return ox.Literal(b["value"], language=b["xml:lang"])
    dt = b.get("datatype")
    return ox.Literal(b["value"], datatype=ox.NamedNode(dt) if dt else None)


class SparqlStore(Store):
    name = "sparql"

    def __init__(self, url: str, *, create: bool = True, timeout: float = 60.0, retries: int = 3,
                 backoff: float = 0.5, union: bool = False):
        if not str(url).startswith(("http://", "https://")):
            raise StoreError(f"{url}: a remote store needs an http(s) URL")
        self.url = str(url).rstrip("/")
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        # union=True also asks Oxigraph for its (bag) union default graph: only for stores
        # filled by other tools, whose default graph is not kept as the union
        self.union = union

    # -- transport -------------------------------------------------------------------------------
    def _retry(self, what: str, fn):
        """Run ``fn``; retry connection failures and 5xx answers, never 4xx (a 4xx will not heal)."""
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            try:
                return fn()
            except urllib.error.HTTPError as exc:
                body = exc.read()[:500].decode("utf-8", "replace")
                if exc.code < 500:
                    raise StoreError(f"{self.url}: {what} refused: HTTP {exc.code}: {body}") from exc
                last = exc
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
                last = exc
            if attempt < self.retries:
                time.sleep(self.backoff * (2 ** attempt))
        raise StoreError(f"{self.url}: {what} failed after {self.retries + 1} attempts: {last}") from last

    def _http(self, method: str, path: str, *, data: bytes | None = None, ctype: str | None = None,
              accept: str | None = None, params: dict[str, str] | None = None) -> tuple[int, bytes]:
        url = f"{self.url}/{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
        req = urllib.request.Request(url, data=data, method=method)
        if ctype:
            req.add_header("Content-Type", ctype)
        if accept:
            req.add_header("Accept", accept)

        def go():
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.status, resp.read()

        return self._retry(f"{method} {path}", go)

    def update(self, sparql: str) -> None:
        self._http("POST", "update", data=sparql.encode("utf-8"), ctype="application/sparql-update")

    # -- writes ------------------------------------------------------------------------------------
    def send_batch(self, graphs: Mapping[str, list[ox.Quad]]) -> None:
        """Replace several whole named graphs in one update request."""
        if graphs:
            self.update(replace_update(graphs))

    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad]) -> int:
        data = list(dict.fromkeys(_regraph(graph_iri, quads)))
        self.send_batch({graph_iri: data})
        return len(data)

    def remove_graph(self, graph_iri: str) -> bool:
        existed = graph_iri in self.graph_names()
        if existed:
            self.update(remove_update(graph_iri))
        return existed

    # -- reads -------------------------------------------------------------------------------------
    def _select(self, sparql: str) -> tuple[list[str], list[list[Any]]]:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import (
            QueryBadFormed,
            SPARQLWrapperException,
        )

        sw = SPARQLWrapper(f"{self.url}/query")
        sw.setMethod(POST)
        sw.setReturnFormat(JSON)
        sw.setTimeout(int(self.timeout))
        sw.setQuery(sparql)
        if self.union:
            sw.addParameter("union-default-graph", "true")
        try:
            res = self._retry("query", lambda: sw.queryAndConvert())
        except StoreError as exc:
            if isinstance(exc.__cause__, (QueryBadFormed,)):
                raise QueryError(f"{self.url}: {exc.__cause__}") from exc
            raise
        except QueryBadFormed as exc:
            raise QueryError(f"{self.url}: query rejected: {exc}") from exc
        except SPARQLWrapperException as exc:
            raise StoreError(f"{self.url}: query failed: {exc}") from exc
        if "boolean" in res:
            return ["ask"], [[ox.Literal(bool(res["boolean"]))]]
        variables = res["head"].get("vars", [])
        rows = [[_term(b[v]) if v in b else None for v in variables] for b in res["results"]["bindings"]]
        return variables, rows

    def graph_names(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"] for r in rows if r["g"])

    def quads(self) -> Iterable[ox.Quad]:
        _status, body = self._http("GET", "store", accept=_NQ)
        return [q for q in ox.parse(body, format=ox.RdfFormat.N_QUADS)
                if not isinstance(q.graph_name, ox.DefaultGraph)]

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"])
