"""SHACL validation of newsgraph output against ``ontology/shapes.ttl`` (pyshacl).

Each article's named graph is validated on its own, as a self-contained graph: the shapes'
``sh:class`` checks find the article, sentences and entities inside the same graph.

>>> from graph.rdf.convert import article_quads
>>> from graph.rdf.synthetic import synthetic_article
>>> validate(article_quads(synthetic_article(0)))[0]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from graph.errors import OntologyError
from graph.resources import ontology_dir

__all__ = ["shapes_graph", "validate"]


@lru_cache(maxsize=1)
def shapes_graph():
    from rdflib import Graph

    path = ontology_dir() / "shapes.ttl"
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"{path}: cannot read the SHACL shapes: {exc}") from exc
    return g


def _dataset(data):
    """Anything newsgraph makes (quads, a Store, a file, an rdflib Dataset) as an rdflib Dataset."""
    import pyoxigraph as ox
    from rdflib import Dataset

    if isinstance(data, Dataset):
        return data
    from graph.store import Store

    ds = Dataset()
    if isinstance(data, (str, Path)):
        fmt = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".jsonld": "json-ld", ".ttl": "turtle"}
        ds.parse(str(data), format=fmt.get(Path(data).suffix.lower(), "trig"))
        return ds
    quads: Iterable = data.quads() if isinstance(data, Store) else data
    # N-Quads text is the fastest faithful bridge from pyoxigraph terms to rdflib terms
    ds.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    return ds


def validate(data) -> tuple[bool, str]:
    """``(conforms, report_text)`` for quads, a Store, an RDF file path or an rdflib Dataset."""
    from pyshacl import validate as shacl
    from rdflib import Graph

    ds = _dataset(data)
    texts, ok = [], True
    for g in ds.graphs():
        if not len(g):
            continue
        one = Graph()
        for t in g:
            one.add(t)
        conforms, _report, text = shacl(one, shacl_graph=shapes_graph(), inference="none", advanced=True)
        if not conforms:
            ok = False
            texts.append(f"graph {g.identifier}:\n{text}")
    return ok, "\n".join(texts) if texts else "Conforms: every named graph satisfies ontology/shapes.ttl"
