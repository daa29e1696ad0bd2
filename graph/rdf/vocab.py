"""The ``ng:`` vocabulary, read from ``ontology/newsgraph.ttl`` at import.

Code never spells an ontology IRI by hand: it asks :data:`NG` for the term, and a term the
ontology does not define raises :class:`graph.errors.OntologyError` at once (like rdflib's
``DefinedNamespace``), so the Turtle file stays the single source of truth.

>>> NG.Mention
'urn:newsgraph:ontology#Mention'
>>> NG["coMentionedWith"]
'urn:newsgraph:ontology#coMentionedWith'
>>> NG.ASSAULT in NG.PLOVER_TYPES.values()
True
>>> NG.notAWord
Traceback (most recent call last):
...
graph.errors.OntologyError: ng:notAWord is not defined in ontology/newsgraph.ttl
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graph.errors import OntologyError
from graph.resources import ontology_dir

__all__ = [
    "NG",
    "NIF",
    "NS",
    "OA",
    "OWL",
    "PLOVER_QUAD",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "WDT",
    "XSD",
    "Vocabulary",
    "load_terms",
    "ontology_path",
]

NS = "urn:newsgraph:ontology#"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
WDT = "http://www.wikidata.org/prop/direct/"

_QUADS = ("VerbalCooperation", "MaterialCooperation", "VerbalConflict", "MaterialConflict")


def ontology_path() -> Path:
    return ontology_dir() / "newsgraph.ttl"


@lru_cache(maxsize=1)
def load_terms(path: str | None = None) -> tuple[frozenset[str], dict[str, str]]:
    """Local names the ontology defines, and each PLOVER type's quad class.

    A term counts as defined when the ontology gives it an ``rdf:type``; pyoxigraph parses the
    file because it is several times faster than rdflib and this runs at import.
    """
    import pyoxigraph as ox

    p = Path(path) if path else ontology_path()
    if not p.is_file():
        raise OntologyError(f"{p}: ontology file not found")
    try:
        with open(p, "rb") as fh:
            triples = list(ox.parse(fh, format=ox.RdfFormat.TURTLE))
    except (SyntaxError, ValueError) as exc:
        raise OntologyError(f"{p}: cannot parse ontology: {exc}") from exc
    rdf_type = RDF + "type"
    sub = RDFS + "subClassOf"
    names: set[str] = set()
    parents: dict[str, str] = {}
    for t in triples:
        s = getattr(t.subject, "value", "")
        if not s.startswith(NS):
            continue
        local = s[len(NS):]
        if t.predicate.value == rdf_type:
            names.add(local)
        elif t.predicate.value == sub and t.object.value.startswith(NS):
            parent = t.object.value[len(NS):]
            if parent in _QUADS:
                parents[local] = parent
    return frozenset(names), parents


class Vocabulary:
    """Attribute/item access to ontology terms as IRI strings; unknown terms raise."""

    def __init__(self, ns: str = NS, path: str | None = None):
        names, quads = load_terms(path)
        object.__setattr__(self, "_ns", ns)
        object.__setattr__(self, "_names", names)
        #: PLOVER type code → IRI of its class
        object.__setattr__(self, "PLOVER_TYPES", {n: ns + n for n in sorted(quads)})
        #: PLOVER type code → CAMEO quad class local name (VerbalCooperation …)
        object.__setattr__(self, "QUAD_CLASS", dict(sorted(quads.items())))

    def term(self, name: str) -> str:
        if name not in self._names:
            raise OntologyError(f"ng:{name} is not defined in ontology/newsgraph.ttl")
        return self._ns + name

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.term(name)

    __getitem__ = term

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._names

    def __iter__(self):
        return iter(sorted(self._names))

    def __setattr__(self, name, value):  # the vocabulary is the ontology's, not the caller's
        raise AttributeError("Vocabulary is read-only")


NG = Vocabulary()
#: PLOVER type → quad class local name, e.g. ``PLOVER_QUAD["CONSULT"] == "VerbalCooperation"``
PLOVER_QUAD = NG.QUAD_CLASS
