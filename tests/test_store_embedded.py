"""The embedded (pyoxigraph on disk) and in-memory (rdflib) stores behind one interface."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from graph.errors import QueryError, StoreError
from graph.iri import graph_iri
from graph.rdf.convert import article_quads
from graph.rdf.synthetic import synthetic_article
from graph.store import BACKENDS, open_store, register_backend

WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(params=["oxigraph", "memory"])
def store(request, tmp_path):
    s = open_store(tmp_path / "out" if request.param == "oxigraph" else "memory")
    yield s
    s.close()


def load(store, ids):
    docs = [synthetic_article(i) for i in ids]
    for d in docs:
        store.replace_graph(graph_iri(d.article.id), article_quads(d, generated_at=WHEN))
    return docs


def test_replace_twice_keeps_the_same_quads(store):
    d = synthetic_article(0)
    q = article_quads(d, generated_at=WHEN)
    assert store.replace_graph(graph_iri(d.article.id), q) == len(q)
    assert store.replace_graph(graph_iri(d.article.id), q) == len(q)
    assert len(store) == len(q) and store.graph_names() == [graph_iri(d.article.id)]
    assert sorted(map(str, store.quads())) == sorted(map(str, q))


def test_a_changed_article_replaces_its_graph(store):
    d = synthetic_article(0)
    g = graph_iri(d.article.id)
    store.replace_graph(g, article_quads(d, generated_at=WHEN))
    other = synthetic_article(1)  # different content under the same graph name
    q2 = article_quads(other, generated_at=WHEN)
    store.replace_graph(g, q2)
    assert len(store) == len(q2)
    assert {q.graph_name.value for q in store.quads()} == {g}


def test_union_counts_a_triple_shared_by_graphs_once(store):
    docs = load(store, range(6))
    # Russia is described in several articles' graphs; the union graph holds its type once
    held = sum(1 for d in docs if any(e.id == "Q159" for e in d.entities))
    assert held >= 2
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { <http://www.wikidata.org/entity/Q159> a ?t }")
    assert rows == [{"n": "2"}]  # ng:Entity and ng:GeopoliticalEntity, each once


def test_remove_graph_leaves_the_others_and_their_shared_triples(store):
    docs = load(store, range(4))
    before = {d.article.id: len(article_quads(d, generated_at=WHEN)) for d in docs}
    gone = docs[0].article.id
    assert store.remove_graph(graph_iri(gone)) is True
    assert store.remove_graph(graph_iri(gone)) is False
    assert graph_iri(gone) not in store.graph_names()
    assert len(store) == sum(before.values()) - before[gone]
    # what the removed graph shared with others is still visible; what only it said is gone
    art = store.query("SELECT ?a WHERE { ?a a <http://schema.org/NewsArticle> }")
    assert {r["a"].rsplit(":", 1)[1] for r in art} == {d.article.id for d in docs[1:]}
    shared = store.query("ASK { <http://www.wikidata.org/entity/Q159> a ?t }")
    still = any(any(e.id == "Q159" for e in d.entities) for d in docs[1:])
    assert shared == [{"ask": "true"}] if still else [{"ask": "false"}]


def test_typed_values_and_plain_strings(store):
    load(store, [0])
    q = ("PREFIX ng: <urn:newsgraph:ontology#> SELECT ?start ?date ?neg WHERE { "
         "?m a ng:Mention ; ng:start ?start . ?e a ng:Event ; ng:date ?date ; ng:negated ?neg } LIMIT 1")
    plain = store.query(q)[0]
    typed = store.query(q, typed=True)[0]
    assert isinstance(plain["start"], str) and typed["start"] == int(plain["start"])
    assert typed["date"] == dt.date.fromisoformat(plain["date"]) and typed["neg"] is False


def test_bindings_must_be_terms_and_syntax_errors_are_query_errors(store):
    load(store, [0])
    with pytest.raises(QueryError, match="NamedNode or Literal"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": "raw text"})
    with pytest.raises(QueryError):
        store.query("SELECT ?s WHERE { ?s ?p ")
    rows = store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": ox.Literal("أذربيجان", language="ar")})
    assert rows == [{"s": "http://www.wikidata.org/entity/Q227"}]


def test_dump_writes_every_named_graph(store, tmp_path):
    docs = load(store, range(3))
    path = store.dump(tmp_path / "all.nq", "nquads")
    with open(path, "rb") as fh:
        back = set(ox.parse(fh, format=ox.RdfFormat.N_QUADS))
    expected = {q for d in docs for q in article_quads(d, generated_at=WHEN)}
    assert back == expected


def test_embedded_store_persists_and_reopens(tmp_path):
    d = synthetic_article(5)
    with open_store(tmp_path / "out") as s:
        s.replace_graph(graph_iri(d.article.id), article_quads(d, generated_at=WHEN))
        n = len(s)
    assert (tmp_path / "out" / "store").is_dir()
    with open_store(tmp_path / "out", create=False) as s:
        assert len(s) == n and s.query(COUNT)[0]["n"] == str(n)


def test_missing_store_and_unknown_backend_are_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "nothing", create=False)
    with pytest.raises(StoreError, match="unknown store backend 'nosuch'"):
        open_store("x", backend="nosuch")
    with pytest.raises(ValueError):
        register_backend("bad", "no-colon")
    assert {"oxigraph", "memory", "sparql"} <= set(BACKENDS)


def test_a_locked_store_is_a_store_error(tmp_path):
    with open_store(tmp_path / "out"), pytest.raises(StoreError, match="cannot open"):
        open_store(tmp_path / "out")
