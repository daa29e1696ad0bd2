"""The query library: documented headers, safe parameter binding, same answers on every store."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.errors import QueryError
from graph.iri import graph_iri
from graph.query import PARAM_TYPES, bind_params, list_queries, load_query, run_query
from graph.rdf.convert import article_quads
from graph.rdf.synthetic import synthetic_corpus
from graph.store import open_store
from tests.query_data import PARAMS, norm

WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
REQUIRED = {"entities-of-article", "comentioned-actors", "mentions-of-entity", "events-of-actor", "who-met-whom",
            "coop-conflict-by-month", "nil-entities", "entities-by-country", "articles-by-source-date",
            "provenance-of-fact", "actors", "actor-nodes", "actor-edges", "wikidata-enrich"}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    emb = open_store(tmp_path_factory.mktemp("q") / "out")
    mem = open_store("memory")
    for d in synthetic_corpus(40):
        q = article_quads(d, generated_at=WHEN)
        emb.replace_graph(graph_iri(d.article.id), q)
        mem.replace_graph(graph_iri(d.article.id), q)
    yield emb, mem
    emb.close()


def test_library_has_the_documented_queries():
    qs = {q.name: q for q in list_queries()}
    assert REQUIRED <= set(qs) and len(qs) >= 14
    for q in qs.values():
        assert q.path.stem == q.name and len(q.description) > 30, q.name
        assert all(p.type in PARAM_TYPES and p.description for p in q.params), q.name
        for p in q.params:  # the example names only declared parameters
            assert p.name in PARAMS, f"{q.name}: add an example value for {p.name} to this test"
        assert ("SERVICE" in q.text) == q.network, q.name


def test_load_by_path_and_unknown_name(tmp_path):
    f = tmp_path / "mine.rq"
    f.write_text("# description: count everything\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    assert load_query(str(f)).name == "mine"
    with pytest.raises(QueryError, match="unknown query 'no-such-query'.*actors"):
        load_query("no-such-query")


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries() if not q.network))
def test_every_query_answers_the_same_on_embedded_and_memory_stores(stores, name):
    emb, mem = stores
    params = {p.name: PARAMS[p.name] for p in load_query(name).params}
    a = run_query(emb, name, params)
    b = run_query(mem, name, params)
    assert a, f"{name} found nothing in the corpus"
    assert norm(a) == norm(b)


def test_answers_match_the_corpus(stores):
    emb, _ = stores
    docs = list(synthetic_corpus(40))
    want = sorted({(m.entity, m.qid) for d in docs for m in d.mentions if m.qid})
    got = sorted((r["entity"].rsplit("/", 1)[1], r["qid"]) for r in run_query(emb, "actors") if r["qid"])
    assert got == want
    arts = run_query(emb, "articles-by-source-date", {"source": "Elasimah", "from": "2023-03-01", "to": "2023-10-31"})
    expect = {d.article.id for d in docs if d.article.source == "Elasimah"
              and dt.date(2023, 3, 1) <= d.article.published <= dt.date(2023, 10, 31)}
    assert {r["article"].rsplit(":", 1)[1] for r in arts} == expect
    dates = [r["date"] for r in run_query(emb, "events-of-actor", {"actor": PARAMS["actor"]})]
    assert dates == sorted(dates)
    mentions = run_query(emb, "mentions-of-entity", {"entity": PARAMS["entity"]}, typed=True)
    by_id = {d.article.id: d.article.text for d in docs}
    for r in mentions:
        text = by_id[r["article"].rsplit(":", 1)[1]]
        assert text[r["start"]:r["end"]] == r["surface"] == "روسيا"
        assert r["surface"] in r["sentence_text"]


@pytest.mark.parametrize("make", ["oxigraph", "memory"])
def test_injection_is_bound_as_a_literal_and_changes_nothing(tmp_path, make):
    s = open_store(tmp_path / "o" if make == "oxigraph" else "memory")
    d = next(synthetic_corpus(1))
    s.replace_graph(graph_iri(d.article.id), article_quads(d, generated_at=WHEN))
    before = len(s)
    evil = '"} ; DROP ALL ; {"'
    for value in (evil, evil.replace('"', "'"), 'x" } } DELETE WHERE { ?s ?p ?o } #'):
        assert run_query(s, "nil-entities", {"type": value}) == []
        assert run_query(s, "articles-by-source-date", {"source": value}) == []
    assert len(s) == before and s.graph_names() == [graph_iri(d.article.id)]
    s.close()


@pytest.mark.parametrize("bad", ["http://x/a>b", "http://x/a b", "<http://x/a> } ; DROP ALL ; {",
                                 "urn:x\"y", "not an iri", "", "http://x/{y}"])
def test_crafted_iris_are_rejected(bad):
    q = load_query("entities-of-article")
    with pytest.raises(QueryError, match="article"):
        bind_params(q, {"article": bad})


def test_parameter_checks():
    q = load_query("articles-by-source-date")
    with pytest.raises(QueryError, match="must be a date"):
        bind_params(q, {"from": "20/09/2023"})
    with pytest.raises(QueryError, match="unknown parameter.*nope"):
        bind_params(q, {"nope": "1"})
    with pytest.raises(QueryError, match="missing parameter.*entity"):
        bind_params(load_query("mentions-of-entity"), {})
    assert bind_params(q, {}) == {}  # every parameter of this one is optional
    iri = bind_params(load_query("mentions-of-entity"), {"entity": "<http://www.wikidata.org/entity/Q1>"})
    assert iri["entity"].value == "http://www.wikidata.org/entity/Q1"


def test_any_text_value_passes_through_verbatim():
    """Whatever a literal parameter holds comes back unchanged: it never becomes query syntax."""
    import pyoxigraph as ox
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from graph.store.oxigraph import OxigraphStore

    s = OxigraphStore(None)  # in memory: fast enough for many examples

    @settings(max_examples=100, deadline=None)
    @given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
           | st.sampled_from(['"} ; DROP ALL ; {"', "\\", '\\"', "'''", '"""', "\n}\n", "?v", "#"]))
    def check(value):
        rows = s.query("SELECT ?v WHERE { }", {"v": ox.Literal(value)})
        assert rows == [{"v": value}]

    check()
