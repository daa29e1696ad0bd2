"""Issue 6: what ``newsgraph build`` writes for a 200-article corpus conforms to the SHACL shapes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.rdf.synthetic import synthetic_corpus
from graph.rdf.validate import validate


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    src = tmp / "corpus.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for d in synthetic_corpus(200, seed=9):
            a = d.article
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat() if a.published else None,
                                 "source": a.source, "lang": "ar"}, ensure_ascii=False) + "\n")
    out = tmp / "out"
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--no-html"])
    assert res.exit_code == 0, res.output
    assert "articles  200" in res.output
    return out


def test_build_output_of_200_articles_conforms(corpus_out):
    from graph.store import open_store

    st = open_store(str(corpus_out), create=False)
    try:
        assert len(st.graph_names()) == 200
        ok, report = validate(st)
    finally:
        st.close()
    assert ok, report[:2000]
    ok, report = validate(corpus_out / "graph.trig")
    assert ok, report[:2000]


def test_seed_build_query_returns_actors_with_qids(tmp_path, seed_path):
    seed = seed_path
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(seed), "--published", "2023-09-20", "--out", str(out),
                                "--no-html"]).exit_code == 0
    res = runner.invoke(main, ["query", "actors", "--store", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    qids = {r.get("qid") for r in rows}
    assert {"Q159", "Q227", "Q399"} <= qids and qids & {"Q44302", "Q244165"}
    ok, report = validate(out / "graph.trig")
    assert ok, report[:2000]


def test_every_event_and_relation_points_at_its_characters(tmp_path, seed_path):
    from graph.store import open_store

    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(seed_path), "--published", "2023-09-20", "--out", str(out),
                                     "--no-html"]).exit_code == 0
    text = seed_path.read_bytes().decode("utf-8")
    q = """PREFIX ng: <urn:newsgraph:ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT ?fact ?start ?end ?sstart ?send WHERE {
      { ?fact a ng:Event } UNION { ?fact a ng:Relation }
      ?fact ng:evidenceSpan ?sel . ?sel oa:start ?start ; oa:end ?end ; ng:inSentence ?s .
      ?s ng:start ?sstart ; ng:end ?send }"""
    st = open_store(str(out), create=False)
    try:
        rows = st.query(q, typed=True)
        facts = st.query("PREFIX ng: <urn:newsgraph:ontology#> SELECT ?f WHERE { { ?f a ng:Event } UNION { ?f a ng:Relation } }")
    finally:
        st.close()
    assert {r["f"] for r in facts} == {r["fact"] for r in rows}  # no fact without its span
    for r in rows:
        assert r["sstart"] <= r["start"] < r["end"] <= r["send"] <= len(text)
        assert text[r["start"]:r["end"]].strip()
