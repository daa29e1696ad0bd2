"""article_quads: the RDF shape of one article, idempotent rebuilds, and files that round-trip."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from graph.iri import article_iri, graph_iri
from graph.rdf.convert import FORMATS, article_quads, write_dataset
from graph.rdf.vocab import NG, OA, PROV, RDF, RDFS, SCHEMA
from graph.types import (
    AnnotatedArticle,
    Article,
    EntityRef,
    Event,
    EventRole,
    Mention,
    Relation,
    Sentence,
)

WHEN = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
WD = "http://www.wikidata.org/entity/"


def hand_doc() -> AnnotatedArticle:
    text = "كتب: أحمد حسني\nبحث سيرجي لافروف مع جيهون بيراموف الأوضاع في قره باغ. وقالت روسيا إن \"الحل\" قريب."
    def span(s, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)
    s0 = text.index("بحث")
    s1 = text.index("وقالت")
    sents = (Sentence(0, s0, s1 - 1), Sentence(1, s1, len(text)))
    lav, bay, kar, rus = span("سيرجي لافروف"), span("جيهون بيراموف"), span("قره باغ"), span("روسيا")
    mentions = (
        Mention(*lav, "سيرجي لافروف", "PER", "Q58217", "Q58217", 0.95, sentence=0, label="Sergey Lavrov", country="Q159"),
        Mention(*bay, "جيهون بيراموف", "PER", "PER-0123456789abcdef", None, 0.6, sentence=0, role="وزير الخارجية"),
        Mention(*kar, "قره باغ", "LOC", "Q44302", "Q44302", 0.9, sentence=0),
        Mention(*rus, "روسيا", "GPE", "Q159", "Q159", 0.9),  # no sentence index: placed by its offsets
    )
    entities = (
        EntityRef("Q58217", "Q58217", "PER", "Sergey Lavrov", "سيرجي لافروف", "Q159", "وزير الخارجية"),
        EntityRef("PER-0123456789abcdef", None, "PER", None, "جيهون بيراموف", "Q227"),
        EntityRef("Q44302", "Q44302", "LOC", "Nagorno-Karabakh", "ناغورني قره باغ"),
        EntityRef("Q159", "Q159", "GPE", "Russia", "روسيا", "Q159"),
    )
    relations = (Relation("Q58217", "comention", "PER-0123456789abcdef", 1, 1.0, ((0, s0, s1 - 1),)),
                 Relation("Q44302", "country", "Q227"))
    events = (Event("CONSULT", "040", mode="phone", source=EventRole("Q58217", "Q159", "GOV"),
                    target=EventRole("PER-0123456789abcdef", "Q227", "GOV"), location="Q44302",
                    date=dt.date(2023, 9, 20), symmetric=True, confidence=0.8, evidence=((0, s0, s1 - 1),),
                    id="t-e0"),)
    art = Article(id="hand-1", text=text, origin="hand.txt", lang="ar", title="روسيا وأذربيجان",
                  author="أحمد حسني", published=dt.date(2023, 9, 20), url="https://example.org/a?x=1&y=\"2\"",
                  source="Elasimah", content_hash="0" * 64)
    return AnnotatedArticle(art, sents, mentions, entities, relations, events, extractor="newsgraph test",
                            kb_version="kb-test")


def triples(quads):
    return {(q.subject.value, q.predicate.value, q.object.value) for q in quads}


def test_everything_in_the_article_graph_and_offsets_point_into_the_text():
    doc = hand_doc()
    quads = article_quads(doc, generated_at=WHEN)
    assert {q.graph_name.value for q in quads} == {graph_iri("hand-1")}
    t = triples(quads)
    a = article_iri("hand-1")
    assert (a, NG.contentHash, "0" * 64) in t
    assert (a, SCHEMA + "datePublished", "2023-09-20") in t
    for m in doc.mentions:
        mi = f"{a}#m{m.start}-{m.end}"
        assert (mi, NG.surface, doc.article.text[m.start:m.end]) in t
        assert (mi, NG.start, str(m.start)) in t and (mi, NG.kbVersion, "kb-test") in t
        assert (mi + "-sel", OA + "exact", m.text) in t
    # the mention given without a sentence index is placed by its offsets
    rus = doc.mentions[3]
    assert (f"{a}#m{rus.start}-{rus.end}", NG.inSentence, f"{a}#s1") in t


def test_entities_relations_events_and_provenance():
    quads = article_quads(hand_doc(), generated_at=WHEN)
    t = triples(quads)
    a = article_iri("hand-1")
    labels = {(q.object.value, q.object.language) for q in quads
              if q.subject.value == WD + "Q58217" and q.predicate.value == RDFS + "label"}
    assert labels == {("سيرجي لافروف", "ar"), ("Sergey Lavrov", "en")}
    nil = "urn:newsgraph:entity:PER-0123456789abcdef"
    assert (nil, NG.country, WD + "Q227") in t and not any(s == nil and p == NG.qid for s, p, _ in t)
    assert (WD + "Q58217", NG.coMentionedWith, nil) in t and (nil, NG.coMentionedWith, WD + "Q58217") in t
    assert (WD + "Q44302", NG.country, WD + "Q227") in t  # the 'country' relation as a direct triple
    ev = "urn:newsgraph:event:t-e0"
    assert {(ev, RDF + "type", NG.CONSULT),
            (ev, NG.sourceCountry, WD + "Q159"), (ev, NG.date, "2023-09-20"), (ev, NG.evidence, f"{a}#s0"),
            (ev, PROV + "wasGeneratedBy", a + "#extraction")} <= t
    dates = {q.object.datatype.value for q in quads if q.predicate.value == NG.date}
    assert dates == {"http://www.w3.org/2001/XMLSchema#date"}
    assert (graph_iri("hand-1"), PROV + "generatedAtTime", "2024-05-01T12:00:00Z") in t
    assert (a + "#extraction", NG.extractor, "newsgraph test") in t


def test_rebuild_is_idempotent_with_a_fixed_time_and_differs_only_in_time_otherwise():
    one = article_quads(hand_doc(), generated_at=WHEN)
    assert one == article_quads(hand_doc(), generated_at=WHEN)
    later = article_quads(hand_doc(), generated_at=WHEN + dt.timedelta(hours=1))
    changed = {q.predicate.value for q in set(one) ^ set(later)}
    assert changed == {PROV + "generatedAtTime", PROV + "endedAtTime"}


def test_unknown_event_type_is_reported_and_the_rest_kept():
    doc = hand_doc()
    bad = Event("TELEPORT", None, id="bad")
    doc = AnnotatedArticle(doc.article, doc.sentences, doc.mentions, doc.entities, doc.relations,
                           doc.events + (bad,), doc.extractor, doc.kb_version)
    with pytest.warns(UserWarning, match="hand-1.*TELEPORT"):
        quads = article_quads(doc, generated_at=WHEN)
    subjects = {q.subject.value for q in quads}
    assert "urn:newsgraph:event:bad" not in subjects and "urn:newsgraph:event:t-e0" in subjects


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_parses_back_to_the_same_dataset(tmp_path, fmt):
    quads = article_quads(hand_doc(), generated_at=WHEN)
    path = write_dataset(quads, tmp_path / f"out.{fmt}", fmt)
    oxfmt, keeps_graphs = FORMATS[fmt]
    with open(path, "rb") as fh:
        back = list(ox.parse(fh, format=oxfmt))
    if keeps_graphs:
        assert set(back) == set(quads)
    else:  # Turtle: one graph, graph names gone, every triple kept
        assert {t if isinstance(t, ox.Triple) else t.triple for t in back} == {q.triple for q in quads}
    assert "قره باغ" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,rdflib_fmt", [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_other_tools_read_the_same_graphs(tmp_path, fmt, rdflib_fmt):
    quads = article_quads(hand_doc(), generated_at=WHEN)
    ds = Dataset()
    ds.parse(write_dataset(quads, tmp_path / f"out.{fmt}", fmt), format=rdflib_fmt)
    ref = Dataset()
    ref.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    from rdflib import URIRef

    g = URIRef(graph_iri("hand-1"))
    assert len(ds.graph(g)) == len(quads)
    assert isomorphic(ds.graph(g), ref.graph(g))


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown RDF format 'xml'"):
        write_dataset([], tmp_path / "x", "xml")


def test_duplicate_spans_and_event_ids_are_reported_not_merged():
    doc = hand_doc()
    dup = AnnotatedArticle(doc.article, doc.sentences, doc.mentions + (doc.mentions[0],), doc.entities,
                           doc.relations, doc.events + (doc.events[0],), doc.extractor, doc.kb_version)
    with pytest.warns(UserWarning, match="two mentions of span"):
        quads = article_quads(dup, generated_at=WHEN)
    assert set(quads) == set(article_quads(doc, generated_at=WHEN))


def test_format_names_match_the_writer():
    from graph.rdf.convert import FORMATS
    from graph.rdf.formats import NAMES, SUFFIXES

    assert tuple(FORMATS) == NAMES and set(SUFFIXES) == set(FORMATS)
