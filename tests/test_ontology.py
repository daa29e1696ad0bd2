"""The ontology is the single source of terms: complete, bilingual, aligned, and obeyed by the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.errors import OntologyError
from graph.rdf.vocab import NG, NS, Vocabulary

ROOT = Path(__file__).resolve().parents[1]
NGN = Namespace(NS)
WDT = Namespace("http://www.wikidata.org/prop/direct/")
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ROOT / "ontology" / "newsgraph.ttl", format="turtle")
    return g


def ng_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_every_term_has_label_and_comment_in_english_and_arabic(onto):
    terms = ng_terms(onto)
    assert len(terms) > 60
    for t in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(t, prop) if isinstance(o, Literal)}
            assert {"en", "ar"} <= langs, f"{t} lacks an English or Arabic {prop}"
        ar = [o for o in onto.objects(t, RDFS.label) if o.language == "ar"]
        assert all(re.search("[\u0600-\u06ff]", o) for o in ar), f"{t}: Arabic label without Arabic letters"


def test_plover_classes_form_a_skos_scheme_with_cameo_notations(onto):
    for code in PLOVER:
        c = NGN[code]
        assert (c, RDF.type, OWL.Class) in onto and (c, RDF.type, SKOS.Concept) in onto
        assert (c, SKOS.inScheme, NGN.PLOVER) in onto
        notations = [str(n) for n in onto.objects(c, SKOS.notation)]
        assert notations and all(re.fullmatch(r"[012][0-9]", n) for n in notations), c
        assert (c, RDFS.subClassOf, None) in onto
    assert set(NG.PLOVER_TYPES) == set(PLOVER)
    assert NG.QUAD_CLASS["ASSAULT"] == "MaterialConflict" and NG.QUAD_CLASS["CONSULT"] == "VerbalCooperation"


def test_aligned_with_wikidata_prov_schema_and_web_annotation(onto):
    aligned = {o for o in onto.objects(None, RDFS.seeAlso)} | {o for o in onto.objects(None, OWL.equivalentProperty)}
    for p in ("P39", "P27", "P17", "P131", "P361"):
        assert WDT[p] in aligned, p
    assert (NGN.Mention, RDFS.subClassOf, URIRef("http://www.w3.org/ns/oa#SpecificResource")) in onto
    assert (NGN.Extraction, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Activity")) in onto
    assert (NGN.inArticle, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in onto
    assert (NGN.Person, OWL.equivalentClass, URIRef("http://schema.org/Person")) in onto


def test_vocabulary_raises_on_terms_the_ontology_lacks():
    assert NG.refersTo == NS + "refersTo"
    with pytest.raises(OntologyError, match="ng:refersToo"):
        _ = NG.refersToo
    with pytest.raises(OntologyError):
        NG["Sentense"]


def test_vocabulary_reads_its_terms_from_the_turtle_file(tmp_path):
    ttl = tmp_path / "tiny.ttl"
    ttl.write_text("@prefix ng: <urn:newsgraph:ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                   "ng:Only a owl:Class .\n", encoding="utf-8")
    v = Vocabulary(path=str(ttl))
    assert v.Only == NS + "Only"
    with pytest.raises(OntologyError):
        _ = v.Mention
    with pytest.raises(OntologyError, match="not found"):
        Vocabulary(path=str(tmp_path / "absent.ttl"))


_USE = re.compile(r"(?<![A-Za-z0-9_])ng:([A-Za-z_]\w*)|urn:newsgraph:ontology#([A-Za-z_]\w*)|\bNG\.([A-Za-z_]\w*)"
                  r"|\bNG\[\"([A-Za-z_]\w*)\"\]")
_NOT_TERMS = {"PLOVER_TYPES", "QUAD_CLASS", "term", "_ns", "_names"}


def test_every_ng_term_used_in_code_and_queries_is_defined():
    """Scans graph/ (code, SPARQL strings) and queries/ for ng: terms; the vocabulary module
    itself is left out because its doctest shows an undefined term being refused."""
    defined = set(NG)
    used: dict[str, str] = {}
    files = [p for p in (ROOT / "graph").rglob("*.py") if p.name != "vocab.py"]
    files += list((ROOT / "queries").glob("*.rq")) + [ROOT / "ontology" / "shapes.ttl"]
    for path in files:
        if not path.exists():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in _USE.finditer(line):
                term = next(g for g in m.groups() if g)
                if term not in _NOT_TERMS:
                    used.setdefault(term, f"{path.relative_to(ROOT)}:{n}")
    assert len(used) > 30
    missing = {t: where for t, where in used.items() if t not in defined}
    assert not missing, f"terms used but not in ontology/newsgraph.ttl: {missing}"
