"""RDF stage: records → quads in one named graph per article, files of quads, SHACL checks.

The vocabulary comes from ``ontology/newsgraph.ttl`` (:mod:`graph.rdf.vocab`); names are
re-exported lazily so importing :mod:`graph.rdf` loads nothing heavy.
"""

from __future__ import annotations

from graph._lazy import lazy_exports

__all__ = ["FORMATS", "NG", "article_quads", "validate", "write_dataset"]

_LAZY = {
    "article_quads": "graph.rdf.convert",
    "write_dataset": "graph.rdf.convert",
    "FORMATS": "graph.rdf.convert",
    "validate": "graph.rdf.validate",
    "NG": "graph.rdf.vocab",
}


__getattr__ = lazy_exports(__name__, _LAZY)
