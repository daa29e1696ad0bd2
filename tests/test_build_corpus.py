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
