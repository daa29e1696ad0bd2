"""actor_graph: SPARQL over a real pyoxigraph store (and rdflib, and a list-of-dicts wrapper) → networkx."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.analyse.actor_graph import actor_graph, resolve_actor
from graph.analyse.sample import NG, entity_quads, event_quads, sample_quads, sample_store
from graph.errors import QueryError

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _edges(G, u, v):
    return list((G.get_edge_data(u, v) or {}).values()) + list((G.get_edge_data(v, u) or {}).values())


@pytest.fixture(scope="module")
def store():
    return sample_store()


def test_nodes_carry_labels_type_country_qid(store):
    G = actor_graph(store)
    assert set(G) == {"Q159", "Q227", "Q399", "Q44302", "Q58217", "PER-bayramov"}
    ru = G.nodes["Q159"]
    assert (ru["label_ar"], ru["label_en"], ru["type"], ru["qid"]) == ("روسيا", "Russia", "GPE", "Q159")
    assert ru["iri"] == "http://www.wikidata.org/entity/Q159"
    local = G.nodes["PER-bayramov"]
    assert local["qid"] == "" and local["country"] == "Q227" and local["iri"].startswith("urn:newsgraph:entity:")


def test_event_edges_have_sign_weight_dates_and_evidence(store):
    G = actor_graph(store)
    assault = [d for d in _edges(G, "Q227", "Q44302") if d["type"] == "ASSAULT"]
    assert len(assault) == 1
    a = assault[0]
    assert a["sign"] == -1 and a["quad_class"] == "material conflict" and a["weight"] == 9.0
    assert a["date"] == "2023-09-19" and a["target_role"] == "location"
    assert a["titles"] == ["روسيا وأذربيجان يبحثان الأوضاع في قرة باغ"]
    assert "قره باغ" in a["sentences"][0] and a["evidence"][0].endswith("#s2")
    retreat = next(d for d in _edges(G, "Q227", "Q44302") if d["type"] == "RETREAT")
    assert retreat["sign"] == 1 and retreat["mediator"] == "Q159"
    como = next(d for d in _edges(G, "Q159", "Q227") if d["kind"] == "comention")
    assert como["sign"] == 0 and como["weight"] == 2.0 and como["count"] == 2


def test_rollup_maps_people_to_their_states(store):
    G = actor_graph(store, rollup=True)
    assert "Q58217" not in G and "PER-bayramov" not in G
    consult = [d for d in _edges(G, "Q159", "Q227") if d["type"] == "CONSULT"]
    assert len(consult) == 1 and consult[0]["sign"] == 1
    # Karabakh is a region, not a person: it stays its own actor
    assert any(d["sign"] == -1 for d in _edges(G, "Q227", "Q44302"))


def test_time_window_and_min_weight(store):
    late = actor_graph(store, since="2023-10-01")
    assert [d["type"] for *_, d in late.edges(data=True)] == ["ACCUSE"]
    assert set(late) == {"Q159", "Q227"}
    early = actor_graph(store, until="2023-09-19")
    assert [d["type"] for *_, d in early.edges(data=True)] == ["ASSAULT"]
    heavy = actor_graph(store, min_weight=5)
    assert sorted(d["type"] for *_, d in heavy.edges(data=True)) == ["ASSAULT", "RETREAT"]


def test_ego_network_by_id_or_arabic_label(store):
    ego = actor_graph(store, actor="Q399", depth=1)
    assert set(ego) == {"Q399", "Q227"}
    two = actor_graph(store, actor="ارمينيا", depth=2)  # folded spelling of أرمينيا
    assert set(two) == {"Q399", "Q227", "Q159", "Q44302"}
    with pytest.raises(QueryError):
        actor_graph(store, actor="Atlantis")
    assert resolve_actor(two, "http://www.wikidata.org/entity/Q159") == "Q159"


def _project_store(spec, quads):
    """The project's own store (graph.store), filled graph by graph as the build does."""
    import pyoxigraph as ox

    from graph.store import open_store

    st = open_store(spec)
    by_graph = {}
    for q in sample_store(quads).quads_for_pattern(None, None, None, None):
        by_graph.setdefault(q.graph_name.value, []).append(q)
    for g, qs in by_graph.items():
        st.replace_graph(g, [ox.Quad(q.subject, q.predicate, q.object, q.graph_name) for q in qs])
    return st


@pytest.mark.parametrize("spec", ["dir", "memory"])
def test_same_graph_through_the_project_store_and_rdflib(store, tmp_path, spec):
    import pyoxigraph as ox
    import rdflib

    G = actor_graph(store)
    st = _project_store(tmp_path / "out" if spec == "dir" else "memory", sample_quads())
    try:
        H = actor_graph(st)
    finally:
        st.close()
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True)) == sorted(H.edges(keys=True, data=True))
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    R = actor_graph(ds)
    assert dict(G.nodes(data=True)) == dict(R.nodes(data=True))
    assert sorted(G.edges(keys=True)) == sorted(R.edges(keys=True))


def test_comention_triples_alone_still_give_edges():
    quads = [q for q in sample_quads() if "#r" not in q[0] and "event:" not in q[0]]
    G = actor_graph(sample_store(quads))
    assert G.has_edge("Q227", "Q399") or G.has_edge("Q399", "Q227")
    assert all(d["kind"] == "comention" for *_, d in G.edges(data=True))


@pytest.mark.skipif(not (SHARED / "seed" / "gold.json").exists(), reason="../shared/seed/gold.json is absent")
def test_gold_events_give_the_expected_country_graph():
    """Gold events of the seed article, put in the RDF shape, give what actor_graph_expectation asks."""
    gold = json.loads((SHARED / "seed" / "gold.json").read_text(encoding="utf-8"))
    g, art = "urn:newsgraph:graph:gold", "urn:newsgraph:article:gold"
    quads = []
    qids = set()
    for i, ev in enumerate(gold["events"]):
        target = ev.get("target") or ev.get("location")
        if not ev.get("source") or not target:
            continue
        qids.update((ev["source"], target))
        role = "target" if ev.get("target") else "location"
        quads += event_quads(
            g, art, f"g{i}", ev["type"], ev["cameo"], ev["source"], target, ev["date"], (i, ev["evidence"]), role=role
        )
    for q in sorted(qids):
        quads += entity_quads(g, q, "GPE", q, q)
    G = actor_graph(sample_store(quads), rollup=True)
    assert {"Q159", "Q227"} <= set(G)
    assert any(d["sign"] == 1 and d["type"] == "CONSULT" for d in _edges(G, "Q159", "Q227"))
    karabakh = [k for k in ("Q44302", "Q244165") if k in G]
    assert any(d["sign"] == -1 and d["type"] == "ASSAULT" for k in karabakh for d in _edges(G, "Q227", k))


def test_an_event_only_mentioned_is_no_interaction():
    g, art = "urn:newsgraph:graph:m", "urn:newsgraph:article:m"
    told = event_quads(g, art, "m1", "ASSAULT", "190", "Q159", "Q212", "2023-09-19", (0, "…"))
    mentioned = event_quads(g, art, "m2", "ASSAULT", "190", "Q43", "Q212", "2023-09-19", (1, "…"))
    mentioned.append(("urn:newsgraph:event:m2", NG + "modality", ("mentioned", None), g))
    G = actor_graph(sample_store(told + mentioned))
    assert _edges(G, "Q159", "Q212") and not _edges(G, "Q43", "Q212")
