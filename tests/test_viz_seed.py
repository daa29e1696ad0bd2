"""Issue 2 acceptance for the view: the seed article, built for real, drawn offline in Chromium."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "elasimah-karabakh.jsonl"

_spec = importlib.util.spec_from_file_location("newsgraph_test_browser", Path(__file__).with_name("browser.py"))
browser = sys.modules.get(_spec.name) or importlib.util.module_from_spec(_spec)
if _spec.name not in sys.modules:
    sys.modules[_spec.name] = browser
    _spec.loader.exec_module(browser)

STATES = {"Q159", "Q227", "Q399"}
KARABAKH = {"Q44302", "Q244165"}


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory):
    if not SEED.exists():
        pytest.skip("../shared/seed/elasimah-karabakh.jsonl is absent")
    from graph.analyse import actor_graph
    from graph.api import build
    from graph.store import open_store

    out = tmp_path_factory.mktemp("seed")
    build([SEED], out, html=False)
    store = open_store(out, create=False)
    try:
        return actor_graph(store, rollup=True)
    finally:
        store.close()


def test_seed_graph_joins_the_states_and_karabakh(seed_graph):
    import networkx as nx

    G = seed_graph
    k = KARABAKH & set(G)
    assert STATES <= set(G) and k
    U = nx.Graph(G.to_undirected())
    sub = U.subgraph(STATES | k)
    assert nx.is_connected(sub)  # Russia, Azerbaijan, Armenia and Karabakh joined by edges
    assert all(G.nodes[n]["label_ar"] for n in STATES | k)


@pytest.mark.browser
@pytest.mark.skipif(not browser.chromium_available(), reason=f"{browser.CHROMIUM} is missing")
def test_seed_view_draws_offline_with_arabic_labels(seed_graph, tmp_path):
    from graph.visualise import render_html

    html = render_html(seed_graph, tmp_path / "actors.html")
    with browser.open_page(html) as page:
        p = page.page
        assert page.blocked == [] and page.errors == []
        assert p.evaluate("NEWSGRAPH.network.body.nodeIndices.length") == seed_graph.number_of_nodes()
        labels = p.evaluate("NEWSGRAPH.nodeData.get().map(n => n.label)")
        assert "روسيا" in labels and "أذربيجان" in labels
        p.type("#search", "اذربيجان")
        assert p.evaluate("NEWSGRAPH.lastHits")[:1] == ["Q227"]
        shot = tmp_path / "seed.png"
        p.screenshot(path=str(shot))
        assert shot.stat().st_size > 5000


def test_seed_view_has_cooperation_and_conflict_between_the_states(tmp_path):
    if not SEED.exists():
        pytest.skip("../shared/seed/elasimah-karabakh.jsonl is absent")
    from graph.api import actor_graph, build

    out = tmp_path / "seed"
    build([SEED], out, html=False)
    G = actor_graph(str(out), country_edges=True)  # what `newsgraph build` draws
    signs = {}
    for u, v, d in G.edges(data=True):
        if d.get("kind") == "event":
            signs.setdefault(frozenset((u, v)), set()).add(d["sign"])
    assert 1 in signs.get(frozenset(("Q159", "Q227")), set())  # Russia–Azerbaijan: the call
    karabakh = [k for k in signs if "Q227" in k and k & KARABAKH]
    assert any(-1 in signs[k] for k in karabakh)  # Azerbaijan–Karabakh: the military operation
    people = {n for n, d in G.nodes(data=True) if d.get("type") == "PER"}
    assert "Q58217" in people  # Lavrov is drawn too


def test_analyze_prints_centrality_and_the_signed_triad(tmp_path):
    if not SEED.exists():
        pytest.skip("../shared/seed/elasimah-karabakh.jsonl is absent")
    from click.testing import CliRunner

    from graph.api import build
    from graph.cli import main

    out = tmp_path / "seed"
    build([SEED], out, html=False)
    res = CliRunner().invoke(main, ["analyze", "--store", str(out), "--rollup"], env={"COLUMNS": "160"})
    assert res.exit_code == 0, res.output
    assert "Centrality" in res.output and "pagerank" in res.output
    assert "Russia – Azerbaijan – Armenia" in res.output
