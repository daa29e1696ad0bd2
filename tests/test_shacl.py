"""Output validates against ontology/shapes.ttl, and the shapes do catch broken output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.iri import graph_iri
from graph.rdf.convert import article_quads
from graph.rdf.synthetic import synthetic_article, synthetic_corpus
from graph.rdf.validate import validate
from graph.rdf.vocab import NG, RDF, RDFS
from graph.store import open_store

WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def good():
    return article_quads(synthetic_article(2), generated_at=WHEN)


def edit(quads, drop=lambda q: False, add=()):
    g = quads[0].graph_name
    return [q for q in quads if not drop(q)] + [ox.Quad(s, p, o, g) for s, p, o in add]


def first(quads, pred, obj=None):
    return next(q.subject for q in quads if q.predicate.value == pred and (obj is None or q.object.value == obj))


def test_generated_output_conforms(good, tmp_path):
    ok, text = validate(good)
    assert ok, text
    s = open_store(tmp_path / "out")
    for d in synthetic_corpus(8, seed=4):
        s.replace_graph(graph_iri(d.article.id), article_quads(d))
    assert validate(s) == (True, "Conforms: every named graph satisfies ontology/shapes.ttl")
    path = s.dump(tmp_path / "all.trig")
    s.close()
    assert validate(path)[0]


def _bad_cases(q):
    n = ox.NamedNode
    m = first(q, RDF + "type", NG.Mention)
    ev = first(q, RDF + "type", NG.Event)
    ent = first(q, RDF + "type", NG.Entity)
    art = first(q, RDF + "type", "http://schema.org/NewsArticle")
    return {
        "contentHash": edit(q, drop=lambda x: x.predicate.value == NG.contentHash),
        "mentionType": edit(q, drop=lambda x: x.subject == m and x.predicate.value == NG.mentionType,
                            add=[(m, n(NG.mentionType), ox.Literal("PERSON"))]),
        "lessThan": edit(q, drop=lambda x: x.subject == m and x.predicate.value == NG.end,
                         add=[(m, n(NG.end), ox.Literal("0", datatype=n(XSD + "integer")))]),
        "confidence": edit(q, drop=lambda x: x.subject == m and x.predicate.value == NG.confidence,
                           add=[(m, n(NG.confidence), ox.Literal("2", datatype=n(XSD + "double")))]),
        "PLOVER class": edit(q, drop=lambda x: x.subject == ev and x.predicate.value == RDF + "type"
                             and x.object.value not in (NG.Event,)),
        "uniqueLang": edit(q, add=[(ent, n(RDFS + "label"), ox.Literal("اسم آخر", language="ar"))]),
        "datePublished": edit(q, drop=lambda x: x.predicate.value == "http://schema.org/datePublished",
                              add=[(art, n("http://schema.org/datePublished"), ox.Literal("20 Sept 2023"))]),
    }


@pytest.mark.parametrize("case", ["contentHash", "mentionType", "lessThan", "confidence", "PLOVER class",
                                  "uniqueLang", "datePublished"])
def test_broken_output_is_caught_with_a_readable_report(good, case):
    ok, text = validate(_bad_cases(good)[case])
    assert not ok
    key = {"PLOVER class": "PLOVER class", "lessThan": "LessThan", "uniqueLang": "UniqueLang",
           "mentionType": "InConstraint", "confidence": "MaxInclusive", "contentHash": "MinCount",
           "datePublished": "Datatype"}[case]
    assert key in text and "urn:newsgraph:graph:syn0-2" in text


def test_seed_article_output_conforms(tmp_path):
    seed = SHARED / "seed" / "elasimah-karabakh.txt"
    if not seed.exists():
        pytest.skip("../shared/seed/elasimah-karabakh.txt is absent (data beside the project)")
    import graph

    doc = graph.annotate(seed.read_bytes().decode("utf-8"), published=dt.date(2023, 9, 20))
    ok, text = validate(article_quads(doc))
    assert ok, text


@pytest.mark.parametrize(("modality", "conforms"), [("mentioned", True), ("reported", True), ("rumoured", False)])
def test_event_modality_values(good, modality, conforms):
    n = ox.NamedNode
    ev = first(good, RDF + "type", NG.Event)
    q = edit(good, drop=lambda x: x.subject == ev and x.predicate.value == NG.modality,
             add=[(ev, n(NG.modality), ox.Literal(modality))])
    assert validate(q)[0] is conforms
