"""relink_mentions: NIL and outdated links checked again against an updated KB."""

from __future__ import annotations

from graph.iri import local_entity_id
from graph.kb.base import Entity, MemoryKB
from graph.kb.disk import write_kb
from graph.kb.layered import LayeredKB
from graph.kb.relink import relink_mentions

MINISTER = Entity(id="Q990000010", qid="Q990000010", type="PER", country="Q990000001", prior=0.6,
                  names=(("ar", "كامران تستوغلو", "label"), ("en", "Kamran Testoglu", "label")))
NAMESAKE = Entity(id="Q990000013", qid="Q990000013", type="PER", country="Q990000002", prior=0.6,
                  names=(("en", "Kamran Testoglu", "label"),))
TESTLAND = Entity(id="Q990000001", qid="Q990000001", type="GPE", kind="country", prior=0.9,
                  names=(("ar", "تستلاند", "label"),))


def test_nil_person_becomes_linked_with_the_new_version(tmp_path):
    kb = LayeredKB([write_kb([MINISTER], [], tmp_path / "kb", source="wikidata-sparql"),
                    MemoryKB([TESTLAND], version="seed-x")])
    nil = local_entity_id("كامران تستوغلو", "PER", None)
    changes = relink_mentions([("m1", "كامران تستوغلو", "PER", None, nil, "seed-x"),
                               ("m2", "وكامران تستوغلو", "PER", None, nil, "seed-x"),  # with the proclitic و
                               ("m3", "Somebody Unknown", "PER", None, "PER-ffff", "seed-x")], kb)
    assert [(c.mention_id, c.old_entity, c.new_entity, c.reason) for c in changes] == [
        ("m1", nil, "Q990000010", "linked"), ("m2", nil, "Q990000010", "linked")]
    assert changes[0].kb_version == kb.layers[0].version != kb.version
    assert changes[0].qid == "Q990000010" and 0 < changes[0].score <= 1


def test_type_must_agree():
    kb = MemoryKB([MINISTER], version="v2")
    assert relink_mentions([("m1", "كامران تستوغلو", "ORG", None, "ORG-1", None)], kb) == []


def test_outdated_links_get_the_new_version_or_move():
    kb = MemoryKB([MINISTER, TESTLAND], version="v2")
    changes = relink_mentions([
        ("m1", "تستلاند", "GPE", None, "Q990000001", "v1"),  # same entity, newer KB
        ("m2", "تستلاند", "GPE", None, "Q990000001", "v2"),  # already current
        ("m3", "تستلاند", "GPE", None, "Q990000077", "v1"),  # unknown to the new KB: never unlinked
        ("m4", "كامران تستوغلو", "PER", None, "Q990000099", "v1"),
    ], kb)
    assert [(c.mention_id, c.new_entity, c.reason, c.kb_version) for c in changes] == [
        ("m1", "Q990000001", "version", "v2")]
    kb2 = MemoryKB([MINISTER, TESTLAND, Entity(id="Q990000099", qid="Q990000099", type="PER",
                                               names=(("en", "Other Person", "label"),))], version="v3")
    moved = relink_mentions([("m4", "كامران تستوغلو", "PER", None, "Q990000099", "v1")], kb2)
    assert [(c.new_entity, c.reason) for c in moved] == [("Q990000010", "relinked")]


def test_ambiguous_names_stay_nil_unless_the_country_decides():
    kb = MemoryKB([MINISTER, NAMESAKE], version="v2")
    assert relink_mentions([("m1", "Kamran Testoglu", "PER", None, "PER-1", None)], kb) == []
    [c] = relink_mentions([("m1", "Kamran Testoglu", "PER", "Q990000002", "PER-1", None)], kb)
    assert c.new_entity == "Q990000013"


def test_mentions_query_reads_the_stored_shape_and_relinks(tmp_path):
    """The stored RDF of an article with a NIL person → MENTIONS_QUERY → a change to the new QID."""
    from graph.iri import entity_iri
    from graph.kb.relink import MENTIONS_QUERY, mentions_from_rows
    from graph.rdf.convert import article_quads
    from graph.store import open_store
    from graph.types import AnnotatedArticle, Article, EntityRef, Mention

    text = "وقال وزير الخارجية كامران تستوغلو إن المحادثات ستستمر."
    start = text.index("كامران")
    surface = "كامران تستوغلو"
    nil = local_entity_id(surface, "PER", None)
    doc = AnnotatedArticle(
        article=Article(id="t1", text=text, origin="t1.txt", lang="ar"),
        mentions=(Mention(start, start + len(surface), surface, "PER", nil, None, 0.5, kb_version="seed-old"),),
        entities=(EntityRef(nil, None, "PER", label_ar=surface, kb_version="seed-old"),),
        extractor="test", kb_version="seed-old")
    store = open_store("memory")
    try:
        store.replace_graph("urn:newsgraph:graph:t1", article_quads(doc))
        rows = list(mentions_from_rows(store.query(MENTIONS_QUERY)))
    finally:
        store.close()
    assert [(r[1], r[2], r[4], r[5]) for r in rows] == [(surface, "PER", nil, "seed-old")]
    kb = write_kb([MINISTER], [], tmp_path / "kb", source="wikidata-sparql")
    [change] = relink_mentions(rows, kb)
    assert (change.old_entity, change.new_entity, change.kb_version) == (nil, "Q990000010", kb.version)
    assert entity_iri(change.new_entity) == "http://www.wikidata.org/entity/Q990000010"
