"""render_html: the written file itself (offline, UTF-8, stable, escaped, styled)."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph.analyse import actor_graph
from graph.analyse.sample import sample_quads, sample_store
from graph.visualise import render_html
from graph.visualise.html import SIGN_COLOURS, TYPE_COLOURS

XSS = "<img src=x onerror=alert(1)>"


def page_data(html: str) -> dict:
    m = re.search(r"var DATA = (\{.*?\});\n", html, re.DOTALL)
    assert m, "embedded data not found"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def G():
    return actor_graph(sample_store(sample_quads(headline=XSS)))


def test_offline_utf8_single_file(G, tmp_path):
    out = render_html(G, tmp_path / "sub" / "g.html", title="روسيا & <أذربيجان>")
    raw = out.read_bytes()
    html = raw.decode("utf-8")  # fails if not UTF-8
    assert "روسيا" in html and "????" not in html
    # nothing is fetched: no external scripts, stylesheets, images or fonts
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "https://cdn" not in html and "@import" not in html
    assert "vis.Network" in html and "window.NEWSGRAPH" in html
    assert "<title>روسيا &amp; &lt;أذربيجان&gt;</title>" in html


def test_precomputed_layout_is_stable_and_physics_off(G, tmp_path):
    a = render_html(G, tmp_path / "a.html").read_bytes()
    b = render_html(G.copy(), tmp_path / "b.html").read_bytes()
    assert a == b
    data = page_data(a.decode("utf-8"))
    assert data["options"]["physics"]["enabled"] is False
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) == G.number_of_nodes()  # every node placed, no two on one spot
    assert all(n["physics"] is False for n in data["nodes"])


def test_data_counts_colours_and_widths(G, tmp_path):
    data = page_data(render_html(G, tmp_path / "g.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["Q227"]["label"] == "أذربيجان" and nodes["Q227"]["label_en"] == "Azerbaijan"
    assert nodes["Q227"]["color"] == TYPE_COLOURS["GPE"] and nodes["Q58217"]["color"] == TYPE_COLOURS["PER"]
    # Azerbaijan has the most ties: drawn largest
    assert nodes["Q227"]["size"] == max(n["size"] for n in data["nodes"])
    by_type = {e["etype"]: e for e in data["edges"]}
    assert by_type["ASSAULT"]["color"] == SIGN_COLOURS["conflict"]
    assert by_type["CONSULT"]["color"] == SIGN_COLOURS["cooperation"]
    assert by_type["comention"]["color"] == SIGN_COLOURS["comention"] and by_type["comention"]["dashes"]
    assert by_type["ASSAULT"]["width"] > by_type["CONSULT"]["width"]
    assert data["periods"] == ["2023-09", "2023-10"]
    assert by_type["ASSAULT"]["ev"][0]["t"] == XSS  # kept as data, escaped in the page


def test_markup_in_data_cannot_close_the_script(G, tmp_path):
    html = render_html(G, tmp_path / "g.html").read_text(encoding="utf-8")
    assert XSS not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    H = nx.MultiDiGraph()
    H.add_node("x", label_en="</script><script>alert(1)</script>", type="PER")
    html = render_html(H, tmp_path / "h.html", lang="en").read_text(encoding="utf-8")
    assert "</script><script>alert(1)" not in html
    assert page_data(html)["nodes"][0]["label"] == "</script><script>alert(1)</script>"


def test_english_view_and_empty_graph(tmp_path):
    H = nx.MultiDiGraph()
    out = render_html(H, tmp_path / "empty.html", lang="en")
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["edges"] == [] and data["lang"] == "en"
    H.add_node("Q1", label_ar="الكون", label_en="Universe", type="")
    data = page_data(render_html(H, tmp_path / "one.html", lang="en").read_text(encoding="utf-8"))
    assert data["nodes"][0]["label"] == "Universe"
    data = page_data(render_html(H, tmp_path / "phys.html", physics=True).read_text(encoding="utf-8"))
    assert data["options"]["physics"]["enabled"] is True and data["nodes"][0]["physics"] is True
    assert data["nodes"][0]["label"] == "الكون"  # Arabic label by default


def test_large_component_layout_is_seeded_spread_and_keeps_neighbours_close():
    import math

    from graph.analyse.collapse import simple_undirected
    from graph.visualise.layout import grid_force_layout

    ring = nx.MultiDiGraph()
    nodes = [f"n{i:03d}" for i in range(300)]
    for i, u in enumerate(nodes):
        ring.add_edge(u, nodes[(i + 1) % len(nodes)], weight=1.0)
    H = simple_undirected(ring)
    a = grid_force_layout(H, nodes, seed=3)
    assert a == grid_force_layout(H, nodes, seed=3)
    assert all(-1.0 <= c <= 1.0 for xy in a.values() for c in xy)
    assert len({(round(x, 6), round(y, 6)) for x, y in a.values()}) == len(nodes)
    d = lambda u, v: math.dist(a[u], a[v])
    edge_mean = sum(d(u, v) for u, v in H.edges()) / H.number_of_edges()
    far_mean = sum(d(nodes[i], nodes[(i + 150) % 300]) for i in range(300)) / 300
    assert edge_mean * 5 < far_mean
