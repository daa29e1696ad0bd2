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
