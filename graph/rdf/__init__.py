"""RDF stage: records → quads in one named graph per article, files of quads, SHACL checks.

The vocabulary comes from ``ontology/newsgraph.ttl`` (:mod:`graph.rdf.vocab`); names are
re-exported lazily so importing :mod:`graph.rdf` loads nothing heavy.
"""

from __future__ import annotations

__all__ = ["FORMATS", "NG", "article_quads", "validate", "write_dataset"]

_LAZY = {
    "article_quads": "graph.rdf.convert",
    "write_dataset": "graph.rdf.convert",
    "FORMATS": "graph.rdf.convert",
    "validate": "graph.rdf.validate",
    "NG": "graph.rdf.vocab",
}


def __getattr__(name: str):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'graph.rdf' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(mod), name)
