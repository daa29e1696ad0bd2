"""A real Oxigraph server on 127.0.0.1: push, the query library through SPARQLWrapper, and a
push that survives the server dying in the middle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import StoreError
from graph.iri import graph_iri
from graph.query import list_queries, load_query, run_query
from graph.rdf.convert import article_quads
from graph.rdf.synthetic import synthetic_corpus
from graph.store import open_store
from graph.store.push import pending_batches, push
from tests.oxigraph_server import OxigraphServer, require_oxigraph
from tests.query_data import PARAMS, norm

WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def build(out: Path, docs) -> set[ox.Quad]:
    """What `newsgraph build` leaves: an output directory with the embedded store."""
    expected: set[ox.Quad] = set()
    with open_store(out) as s:
        for d in docs:
            q = article_quads(d, generated_at=WHEN)
            s.replace_graph(graph_iri(d.article.id), q)
            expected |= set(q)
    return expected


def remote_quads(url: str) -> list[ox.Quad]:
    return list(open_store(url).quads())


@pytest.fixture(scope="module")
def pushed(tmp_path_factory):
    require_oxigraph()
    tmp = tmp_path_factory.mktemp("remote")
    docs = list(synthetic_corpus(25))
    expected = build(tmp / "out", docs)
    with OxigraphServer(tmp / "db") as srv:
        report = push(tmp / "out", srv.url, batch_size=7, spool=tmp / "spool")
        assert report.ok, report.summary()
        emb = open_store(tmp / "out", create=False)
        yield srv, emb, expected, report
        emb.close()


def test_push_sends_every_graph_once(pushed):
    srv, emb, expected, report = pushed
    assert report.graphs_sent == 25 and report.batches_sent == 4 and report.quads_sent == len(expected)
    got = remote_quads(srv.url)
    assert len(got) == len(set(got)) and set(got) == expected
    assert sorted(open_store(srv.url).graph_names()) == emb.graph_names()


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries() if not q.network))
def test_every_query_agrees_between_server_and_embedded_store(pushed, name):
    srv, emb, _, _ = pushed
    params = {p.name: PARAMS[p.name] for p in load_query(name).params}
    remote = run_query(open_store(srv.url), name, params)  # SPARQLWrapper over HTTP
    local = run_query(emb, name, params)
    assert local, f"{name} found nothing"
    assert norm(remote) == norm(local)


def test_remote_replace_and_remove_are_idempotent(pushed, tmp_path):
    srv, _, expected, _ = pushed
    r = open_store(srv.url)
    d = next(synthetic_corpus(1, seed=9))
    g = graph_iri(d.article.id)
    q = article_quads(d, generated_at=WHEN)
    assert r.replace_graph(g, q) == len(q) and r.replace_graph(g, q) == len(q)
    assert len(r) == len(expected) + len(q)
    assert r.remove_graph(g) is True and r.remove_graph(g) is False
    assert set(remote_quads(srv.url)) == expected


def test_server_stopped_mid_push_loses_and_duplicates_nothing(tmp_path):
    require_oxigraph()
    docs = list(synthetic_corpus(4, seed=3))
    expected = build(tmp_path / "out", docs)
    spool = tmp_path / "spool"
    srv = OxigraphServer(tmp_path / "db").start()
    try:
        def die_after_first(n, _path):
            if n == 1:
                srv.stop()

        first = push(tmp_path / "out", srv.url, batch_size=1, spool=spool, retries=1, backoff=0.01,
                     timeout=5, on_batch=die_after_first)
        assert not first.ok and first.batches_sent == 1 and first.error
        assert "FAILED" in first.summary() and len(first.pending) == 3
        assert all(p.exists() for p in first.pending)

        srv.start()  # same data directory, same port
        part = remote_quads(srv.url)
        assert 0 < len(part) < len(expected) and set(part) < expected  # only the first batch arrived

        second = push(None, srv.url, spool=spool, retries=1, backoff=0.01)  # resend the spool only
        assert second.ok and second.resent == 3 and pending_batches(second.spool) == []
        got = remote_quads(srv.url)
        assert len(got) == len(set(got)) == len(expected) and set(got) == expected

        third = push(tmp_path / "out", srv.url, batch_size=1, spool=spool)  # everything again
        assert third.ok and third.batches_sent == 4
        got = remote_quads(srv.url)
        assert len(got) == len(expected) and set(got) == expected
        rows = open_store(srv.url).query("SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://schema.org/NewsArticle> }")
        assert rows == [{"n": "4"}]
    finally:
        srv.stop()


def test_unreachable_server_is_a_store_error():
    from tests.oxigraph_server import free_port

    s = open_store(f"http://127.0.0.1:{free_port()}", retries=1, backoff=0.01, timeout=2)
    with pytest.raises(StoreError, match="failed after 2 attempts"):
        s.query("SELECT * WHERE { ?s ?p ?o }")


def test_seed_article_pushed_and_queried(tmp_path):
    require_oxigraph()
    seed = SHARED / "seed" / "elasimah-karabakh.txt"
    if not seed.exists():
        pytest.skip("../shared/seed/elasimah-karabakh.txt is absent (data beside the project)")
    import graph

    doc = graph.annotate(seed.read_bytes().decode("utf-8"), published=dt.date(2023, 9, 20))
    expected = build(tmp_path / "out", [doc])
    with OxigraphServer(tmp_path / "db") as srv:
        assert push(tmp_path / "out", srv.url, spool=tmp_path / "spool").ok
        assert set(remote_quads(srv.url)) == expected
        with open_store(tmp_path / "out", create=False) as emb:
            for q in list_queries():
                if q.network or q.params:
                    continue
                assert norm(run_query(open_store(srv.url), q.name)) == norm(run_query(emb, q.name)), q.name
            actors = {r["qid"] for r in run_query(emb, "actors") if r["qid"]}
    assert {"Q159", "Q227"} <= actors
