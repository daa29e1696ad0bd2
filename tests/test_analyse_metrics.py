"""Metrics and exports over actor graphs from a real pyoxigraph store and hand-made graphs."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.analyse import (
    actor_graph,
    centrality,
    communities,
    export_graph,
    flatten,
    period_changes,
    shortest_path,
    signed_triads,
    top_states,
    triad_balance,
)
from graph.analyse.export import GEXF_EDGE_TYPE
from graph.analyse.sample import sample_store
from graph.errors import QueryError


@pytest.fixture(scope="module")
def G():
    return actor_graph(sample_store(), rollup=True)


def test_centrality_table(G):
    rows = centrality(G)
    by = {r["node"]: r for r in rows}
    assert set(by) == set(G)
    # Azerbaijan is tied to every other state: highest degree and the only broker
    assert max(rows, key=lambda r: r["degree"])["node"] == "Q227"
    assert by["Q227"]["betweenness"] > 0 and by["Q399"]["betweenness"] == 0
    assert by["Q227"]["weighted_degree"] == pytest.approx(
        sum(d["weight"] for *_, d in G.edges("Q227", data=True))
        + sum(d["weight"] for *_, d in G.in_edges("Q227", data=True))
    )
    assert sum(r["pagerank"] for r in rows) == pytest.approx(1.0, abs=1e-3)
    assert [r["pagerank"] for r in rows] == sorted((r["pagerank"] for r in rows), reverse=True)
    assert len(centrality(G, top=2)) == 2


def test_eigenvector_non_convergence_gives_none(G, monkeypatch):
    def fail(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(500)

    assert all(r["eigenvector"] is not None for r in centrality(G))
    monkeypatch.setattr(nx, "eigenvector_centrality", fail)
    rows = centrality(G)
    assert all(r["eigenvector"] is None for r in rows) and all(r["pagerank"] > 0 for r in rows)


def test_louvain_communities_are_seeded_and_cover_the_graph():
    H = nx.MultiDiGraph()
    for block in (["a", "b", "c", "d"], ["w", "x", "y", "z"]):
        for i, u in enumerate(block):
            for v in block[i + 1 :]:
                H.add_edge(u, v, weight=5.0)
    H.add_edge("d", "w", weight=0.1)
    parts = communities(H)
    assert sorted(map(sorted, parts)) == [["a", "b", "c", "d"], ["w", "x", "y", "z"]]
    assert communities(H) == parts


def test_shortest_path_carries_evidence(G):
    path = shortest_path(G, "Q399", "Q44302")
    assert [(s["from"], s["to"]) for s in path] == [("Q399", "Q227"), ("Q227", "Q44302")]
    last = path[-1]["edges"]
    assert {e["type"] for e in last} == {"ASSAULT", "RETREAT"}
    assert any("قره باغ" in s for e in last for s in e["sentences"])
    H = G.copy()
    H.add_node("lonely")
    with pytest.raises(QueryError):
        shortest_path(H, "Q159", "lonely")


def test_signed_triad_balance():
    H = nx.MultiDiGraph()
    H.add_edge("RU", "AZ", kind="event", sign=1, weight=1.0)
    H.add_edge("AZ", "AM", kind="event", sign=-1, weight=9.0)
    H.add_edge("RU", "AM", kind="event", sign=1, weight=2.0)
    t = triad_balance(H, "RU", "AZ", "AM")
    assert t["product"] == -1 and t["balanced"] is False  # friend of both sides of a conflict
    H.add_edge("AM", "RU", kind="event", sign=-1, weight=7.0)  # net RU–AM turns to conflict
    t = triad_balance(H, "RU", "AZ", "AM")
    assert t["product"] == 1 and t["balanced"] is True
    H.add_edge("AM", "XX", kind="comention", sign=0, weight=3.0)
    assert triad_balance(H, "AM", "XX", "RU")["balanced"] is None


def test_top_states_are_countries_not_cities(G):
    H = G.copy()
    H.add_node("Q1953", type="GPE", country="Q399", label_en="Yerevan")
    H.add_edge("Q1953", "Q399", kind="comention", sign=0, weight=5.0)
    assert set(top_states(H)) == {"Q159", "Q227", "Q399"}


def test_signed_triads_among_top_states(G):
    tri = signed_triads(G, ["Q159", "Q227", "Q399"], min_ties=2)
    assert len(tri) == 1 and set(tri[0]["nodes"]) == {"Q159", "Q227", "Q399"}
    assert tri[0]["balanced"] is None  # Armenia–Russia has no tie in the sample
    assert signed_triads(G, ["Q159", "Q227", "Q399"]) == []  # not closed
    assert signed_triads(G, ["Q159", "Q399", "Q44302"], min_ties=2) == []  # one tie only


def test_period_change_finds_cooperation_turning_to_conflict(G):
    changes = period_changes(G)
    ru_az = [c for c in changes if set(c["pair"]) == {"Q159", "Q227"}]
    assert ru_az and ru_az[0]["change"] == "cooperation→conflict"
    assert (ru_az[0]["from_period"], ru_az[0]["to_period"]) == ("2023-09", "2023-10")
    assert period_changes(G, freq="year") == []  # one year: nothing to compare
    with pytest.raises(QueryError):
        period_changes(G, freq="week")


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_exports_load_back_with_the_same_graph(G, tmp_path, suffix):
    out = export_graph(G, tmp_path / f"g{suffix}")
    if suffix == ".graphml":
        back = nx.read_graphml(out, force_multigraph=True)
        want = flatten(G)
    elif suffix == ".gexf":
        back = nx.read_gexf(out)
        want = flatten(G)
        for *_, d in want.edges(data=True):
            d[GEXF_EDGE_TYPE] = d.pop("type")
    else:
        back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
        want = G
    assert set(back.nodes) == set(want.nodes)
    for n, d in want.nodes(data=True):
        got = {k: v for k, v in back.nodes[n].items() if k in d}
        assert got == d, n
    want_edges = sorted((u, v, str(k)) for u, v, k in want.edges(keys=True))
    got_edges = sorted((u, v, str(k)) for u, v, k in back.edges(keys=True))
    assert got_edges == want_edges
    for u, v, k, d in want.edges(keys=True, data=True):
        match = [e for e in back.get_edge_data(u, v).values() if e.get("iri") == d["iri"]]
        assert len(match) == 1
        got = {a: b for a, b in match[0].items() if a in d}
        assert got == d, (u, v, k)


def test_export_rejects_unknown_format(G, tmp_path):
    with pytest.raises(QueryError):
        export_graph(G, tmp_path / "g.xlsx")
