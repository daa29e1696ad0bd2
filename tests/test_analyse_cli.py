"""``newsgraph analyze`` and ``newsgraph viz`` on a real on-disk store in a tmp dir."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.analyse.sample import sample_store
from graph.cli import main


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    import pyoxigraph as ox

    from graph.store import open_store

    out = tmp_path_factory.mktemp("build")
    by_graph = {}
    for q in sample_store().quads_for_pattern(None, None, None, None):
        by_graph.setdefault(q.graph_name.value, []).append(ox.Quad(q.subject, q.predicate, q.object, q.graph_name))
    st = open_store(out)
    for g, qs in by_graph.items():
        st.replace_graph(g, qs)
    st.close()
    return out


def test_analyze_prints_tables_and_the_triad(out_dir):
    res = CliRunner().invoke(
        main, ["analyze", "--store", str(out_dir), "--rollup", "--path", "Q399", "Q44302"], env={"COLUMNS": "200"}
    )
    assert res.exit_code == 0, res.output
    for title in ("Centrality", "Communities", "Signed triads", "Per-period change"):
        assert title in res.output
    assert "Russia – Azerbaijan – Armenia" in res.output
    assert "cooperation→conflict" in res.output
    assert "Armenia → Azerbaijan" in res.output and "ASSAULT" in res.output


def test_analyze_json_and_export(out_dir, tmp_path):
    target = tmp_path / "g.graphml"
    res = CliRunner().invoke(
        main,
        [
            "analyze",
            "--store",
            str(out_dir),
            "--json",
            "--top",
            "3",
            "--actor",
            "Q159",
            "--depth",
            "1",
            "--export",
            str(target),
        ],
    )
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["nodes"] == 2  # Russia's ego network: Azerbaijan only (Lavrov's call is his own edge)
    assert {r["node"] for r in report["centrality"]} == {"Q159", "Q227"}
    assert report["changes"] == []  # Russia's ego network without rollup: only the October accusation is signed
    back = nx.read_graphml(target, force_multigraph=True)
    assert "Q159" in back and back.number_of_nodes() == report["nodes"]


def test_analyze_period_option(out_dir):
    args = ["analyze", "--store", str(out_dir), "--rollup", "--json"]
    monthly = json.loads(CliRunner().invoke(main, args).stdout)["changes"]
    yearly = json.loads(CliRunner().invoke(main, [*args, "--period", "year"]).stdout)["changes"]
    assert [c["change"] for c in monthly] == ["cooperation→conflict"] and yearly == []


def test_analyze_errors_are_clear(out_dir, tmp_path):
    res = CliRunner().invoke(main, ["analyze", "--store", str(out_dir), "--actor", "Atlantis"])
    assert res.exit_code != 0 and "unknown actor" in res.output
    res = CliRunner().invoke(main, ["analyze"])
    assert res.exit_code != 0 and "--store" in res.output
    res = CliRunner().invoke(main, ["analyze", "--store", str(tmp_path / "missing")])
    assert res.exit_code == 1 and "store" in res.output.lower() and not (tmp_path / "missing").exists()
    res = CliRunner().invoke(main, ["viz", "--store", "memory"])
    assert res.exit_code == 2 and "-o FILE" in res.output


def test_viz_english_rollup_to_chosen_file(out_dir, tmp_path):
    target = tmp_path / "v" / "en.html"
    res = CliRunner().invoke(
        main, ["viz", "--store", str(out_dir), "--rollup", "--lang", "en", "-o", str(target), "--title", "Karabakh"]
    )
    assert res.exit_code == 0, res.output
    html = target.read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in html and "<title>Karabakh</title>" in html
    assert "4 nodes" in res.output


def test_viz_writes_default_file(out_dir):
    res = CliRunner().invoke(main, ["viz", "--store", str(out_dir), "--since", "2023-09-01"])
    assert res.exit_code == 0, res.output
    html = (out_dir / "actors.html").read_text(encoding="utf-8")
    assert "أذربيجان" in html and "window.NEWSGRAPH" in html
    # 6 edges as written, plus one drawn again between the states its actors act for
    assert "6 nodes, 7 edges" in res.output
    plain = CliRunner().invoke(main, ["viz", "--store", str(out_dir), "--since", "2023-09-01", "--no-country-edges"])
    assert "6 nodes, 6 edges" in plain.output
