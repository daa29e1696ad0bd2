"""The RDF file formats newsgraph writes, by name, with their file suffixes.

Kept apart from :mod:`graph.rdf.convert` so that command-line option lists need not import
pyoxigraph.

>>> SUFFIXES["nquads"]
'nq'
"""

from __future__ import annotations

__all__ = ["NAMES", "SUFFIXES"]

#: format name → file suffix, in the order shown to users (TriG first: the default)
SUFFIXES = {"trig": "trig", "nquads": "nq", "turtle": "ttl", "jsonld": "jsonld"}
NAMES = tuple(SUFFIXES)
