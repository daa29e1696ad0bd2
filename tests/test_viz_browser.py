"""The HTML view in real headless Chromium with every network request blocked."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from graph.analyse import actor_graph
from graph.analyse.sample import sample_quads, sample_store
from graph.visualise import render_html

_spec = importlib.util.spec_from_file_location("newsgraph_test_browser", Path(__file__).with_name("browser.py"))
browser = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = browser
_spec.loader.exec_module(browser)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.chromium_available(), reason=f"{browser.CHROMIUM} is missing"),
]

XSS = "<img src=x onerror=alert(1)>"

DISTINCT_COLOURS = """() => {
  const c = document.querySelector('#net canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4) seen.add((d[i] >> 3) << 10 | (d[i + 1] >> 3) << 5 | (d[i + 2] >> 3));
  return seen.size;
}"""


@pytest.fixture(scope="module")
def graph():
    return actor_graph(sample_store(sample_quads(headline=XSS)))


@pytest.fixture(scope="module")
def chromium():
    with browser.launch() as c:
        yield c


@pytest.fixture(scope="module")
def page(chromium, graph, tmp_path_factory):
    return chromium.open(render_html(graph, tmp_path_factory.mktemp("viz") / "actors.html"))


def test_page_draws_offline(page, graph, tmp_path):
    assert page.blocked == [] and page.errors == []
    shot = tmp_path / "shot.png"
    page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 5000
    assert page.page.evaluate(DISTINCT_COLOURS) > 20  # a blank canvas has one colour


def test_drawn_node_count_matches_graph(page, graph):
    got = page.page.evaluate("""() => [NEWSGRAPH.nodes, NEWSGRAPH.edges, NEWSGRAPH.nodeView.length,
                                 NEWSGRAPH.network.body.nodeIndices.length, NEWSGRAPH.network.body.edgeIndices.length]""")
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    assert got == [n, m, n, n, m]


@pytest.mark.parametrize("query", ["أذربيجان", "اذربيجان", "azerbai"])
def test_search_finds_arabic_label(page, query):
    p = page.page
    p.fill("#search", "")
    p.type("#search", query)
    assert p.evaluate("NEWSGRAPH.lastHits") == ["Q227"]
    assert p.evaluate("NEWSGRAPH.network.getSelectedNodes()") == ["Q227"]
    assert "أذربيجان" in p.inner_text("#hits")
    assert "أذربيجان" in p.inner_text("#detail")


def test_search_ranks_exact_label_first(chromium, tmp_path):
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("ORG-a", label_ar="وزارة الدفاع الأذربيجانية", label_en="Ministry of Defence of Azerbaijan", type="ORG")
    G.add_node("Q227", label_ar="أذربيجان", label_en="Azerbaijan", type="GPE")
    G.add_edge("ORG-a", "Q227", kind="comention", sign=0, weight=1.0)
    opened = chromium.open(render_html(G, tmp_path / "rank.html"))
    opened.page.type("#search", "اذربيجان")
    assert opened.page.evaluate("NEWSGRAPH.lastHits") == ["Q227", "ORG-a"]


def test_hostile_title_is_shown_as_text_and_never_runs(page):
    p = page.page
    edge = p.evaluate("NEWSGRAPH.edgeData.get({filter: e => e.etype === 'ASSAULT'})[0].id")
    p.evaluate(f"NEWSGRAPH.showEdge({edge!r})")
    p.wait_for_timeout(300)  # an injected <img onerror> would have fired by now
    assert XSS in p.inner_text("#detail")
    assert p.evaluate("document.querySelectorAll('#detail img, #hits img').length") == 0
    p.evaluate("NEWSGRAPH.showNode('Q44302')")
    p.wait_for_timeout(200)
    assert XSS in p.inner_text("#detail")
    assert page.dialogs == []
    link = p.evaluate("document.querySelector('#detail a').getAttribute('href')")
    assert link.startswith("https://")


def test_hover_detail_links_wikidata(page):
    p = page.page
    p.evaluate("NEWSGRAPH.showNode('Q159')")
    hrefs = p.evaluate("[...document.querySelectorAll('#detail a')].map(a => a.href)")
    assert "https://www.wikidata.org/wiki/Q159" in hrefs
    text = p.inner_text("#detail")
    assert "روسيا" in text and "Russia" in text


def test_filters_and_time_control(page, graph):
    p = page.page
    per = sum(1 for n in graph if graph.nodes[n]["type"] == "PER")
    p.uncheck("input[data-group=types][data-key=PER]")
    assert p.evaluate("NEWSGRAPH.nodeView.length") == graph.number_of_nodes() - per
    p.check("input[data-group=types][data-key=PER]")
    conflict = sum(1 for *_, d in graph.edges(data=True) if d["kind"] == "event" and d["sign"] < 0)
    p.uncheck("input[data-group=classes][data-key=conflict]")
    assert p.evaluate("NEWSGRAPH.edgeView.length") == graph.number_of_edges() - conflict
    p.check("input[data-group=classes][data-key=conflict]")
    october = sum(1 for *_, d in graph.edges(data=True) if d["date"].startswith("2023-10"))
    assert p.evaluate("NEWSGRAPH.setPeriod(2)") == october
    assert p.evaluate("NEWSGRAPH.setPeriod(0)") == graph.number_of_edges()
