"""Stores behind one interface, chosen by name or URL, loaded only when used.

``open_store(spec)``: a build's output directory (embedded pyoxigraph in ``DIR/store``), the
name ``"memory"`` (rdflib in-memory Dataset), or an ``http(s)://`` SPARQL 1.1 endpoint base
(queries at ``URL/query``, writes at ``URL/update`` and ``URL/store``, as Oxigraph serves them).
A backend can also be picked by name: ``open_store(DIR, backend="oxigraph")``.

>>> s = open_store("memory")
>>> s.name, s.graph_names()
('memory', [])
>>> sorted(BACKENDS)
['memory', 'oxigraph', 'sparql']
"""

from __future__ import annotations

import importlib
from pathlib import Path

from graph.errors import StoreError
from graph.store.base import Store

__all__ = ["BACKENDS", "Store", "backend_for", "open_store", "register_backend"]

#: backend name → "module:Class"; heavy modules import only when a store of that kind opens
BACKENDS: dict[str, str] = {
    "oxigraph": "graph.store.oxigraph:OxigraphStore",
    "memory": "graph.store.memory:MemoryStore",
    "sparql": "graph.store.sparql:SparqlStore",
}


def register_backend(name: str, target: str) -> None:
    """Add a backend: ``target`` is ``"package.module:ClassName"`` taking ``(spec, create=)``."""
    if ":" not in target:
        raise ValueError(f"backend target must look like 'module:Class', got {target!r}")
    BACKENDS[name] = target


def backend_for(spec: str | Path) -> str:
    s = str(spec)
    if s == "memory":
        return "memory"
    if s.startswith(("http://", "https://")):
        return "sparql"
    return "oxigraph"


def open_store(spec: str | Path, *, create: bool = True, backend: str | None = None, **options) -> Store:
    """Open the store ``spec`` names; ``create=False`` refuses to make a new embedded store."""
    name = backend or backend_for(spec)
    try:
        module, cls = BACKENDS[name].split(":")
    except KeyError:
        raise StoreError(f"unknown store backend {name!r}; known: {', '.join(sorted(BACKENDS))}") from None
    return getattr(importlib.import_module(module), cls)(spec, create=create, **options)
