"""The query and store commands, run as a user runs them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.iri import graph_iri
from graph.rdf.convert import article_quads
from graph.rdf.synthetic import synthetic_corpus
from graph.store import open_store
from tests.oxigraph_server import OxigraphServer, free_port, require_oxigraph

WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture()
def out(tmp_path):
    o = tmp_path / "out"
    with open_store(o) as s:
        for d in synthetic_corpus(5):
            s.replace_graph(graph_iri(d.article.id), article_quads(d, generated_at=WHEN))
    return o


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_query_list_shows_names_and_parameters():
    r = run("query", "--list")
    assert r.exit_code == 0
    assert "entities-of-article" in r.output and "article:iri" in r.output


def test_query_json_and_csv(out):
    r = run("query", "entities-of-article", "--store", out, "--param", "article=urn:newsgraph:article:syn0-1",
            "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert {row["qid"] for row in rows if row["qid"]} == {"Q159", "Q58217"}
    assert any(row["label_ar"] == "روسيا" for row in rows)
    r = run("query", "actors", "--store", out, "--format", "csv")
    table = list(csv.DictReader(io.StringIO(r.output)))
    assert r.exit_code == 0 and {"entity", "qid", "label_ar"} <= set(table[0])


def test_query_errors_are_clear(out):
    r = run("query", "entities-of-article", "--store", out, "--param", "article=http://x/a b")
    assert r.exit_code == 1 and "not a valid IRI" in r.output
    r = run("query", "no-such", "--store", out)
    assert r.exit_code == 1 and "unknown query" in r.output
    r = run("query", "actors", "--store", out.parent / "absent")
    assert r.exit_code == 1 and "no store here" in r.output


def test_remove_and_export(out, tmp_path):
    r = run("remove", "syn0-1", "--store", out)
    assert r.exit_code == 0 and "removed syn0-1" in r.output
    r = run("remove", "syn0-1", "--store", out)
    assert r.exit_code == 1 and "no article 'syn0-1'" in r.output
    r = run("export", "--store", out, "--format", "nquads", "-o", tmp_path / "all.nq")
    assert r.exit_code == 0, r.output
    with open(tmp_path / "all.nq", "rb") as fh:
        graphs = {q.graph_name.value for q in ox.parse(fh, format=ox.RdfFormat.N_QUADS)}
    assert graphs == {graph_iri(f"syn0-{i}") for i in (0, 2, 3, 4)}


def test_push_command_reports_and_exit_codes(out, tmp_path):
    require_oxigraph()
    with OxigraphServer(tmp_path / "db") as srv:
        r = run("push", out, "--to", srv.url, "--batch-size", 2, "--spool", tmp_path / "spool")
        assert r.exit_code == 0 and "pushed 5 graphs" in r.output
    r = run("push", out, "--to", f"http://127.0.0.1:{free_port()}", "--spool", tmp_path / "spool",
            "--retries", 0)
    assert r.exit_code == 1 and "FAILED" in r.output and "kept in" in r.output


def test_serve_answers_sparql_read_only(out):
    require_oxigraph()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(out), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1)
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.05)
        from graph.query import run_query

        remote = run_query(url, "actors")
        assert {r["qid"] for r in remote if r["qid"]} == {"Q159", "Q227", "Q399", "Q58217", "Q789889"} & {
            m.qid for d in synthetic_corpus(5) for m in d.mentions}
        req = urllib.request.Request(f"{url}/update", data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(req, timeout=5)
    finally:
        proc.terminate()
        proc.wait(10)
