"""Benchmark: store → actor graph → analysis report, on a generated store in the project's RDF shape.

    python bench/viz_analyse.py [--entities 2000] [--events 8000]

Builds an in-memory pyoxigraph store (one named graph per 100 events, entities with Arabic and
English labels), then times ``actor_graph`` (the SPARQL + networkx part) and ``analysis_report``
(centralities, Louvain, triads, per-period change), printing the machine they ran on.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from machine import machine

from graph.analyse import actor_graph, analysis_report
from graph.analyse.plover import plover_table
from graph.analyse.sample import entity_quads, event_quads, sample_store


def generated_quads(n_entities: int, n_events: int, seed: int = 1) -> list[tuple]:
    rnd = random.Random(seed)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    types = ["GPE", "PER", "ORG", "LOC", "NORP"]
    quads: list[tuple] = []
    g0 = "urn:newsgraph:graph:entities"
    ids = [f"Q{i + 1}" for i in range(n_entities)]
    for q in ids:
        ar = "".join(rnd.choice(letters) for _ in range(rnd.randint(4, 9)))
        quads += entity_quads(g0, q, rnd.choice(types), f"Actor {q}", ar)
    plover = sorted(plover_table())
    for j in range(n_events):
        art = f"urn:newsgraph:article:a{j // 100}"
        g = f"urn:newsgraph:graph:a{j // 100}"
        u, v = rnd.sample(ids, 2)
        date = f"2023-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        quads += event_quads(g, art, f"ev{j}", rnd.choice(plover), "010", u, v, date, (j % 100, f"جملة رقم {j}"))
    return quads


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=2000)
    ap.add_argument("--events", type=int, default=8000)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    t0 = time.perf_counter()
    store = sample_store(generated_quads(args.entities, args.events))
    print(f"store: {len(store)} quads, filled in {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    G = actor_graph(store)
    print(f"actor_graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges in {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    report = analysis_report(G)
    print(
        f"analysis_report: {time.perf_counter() - t0:.2f} s ({len(report['communities'])} communities, "
        f"{len(report['triads'])} triads, {len(report['changes'])} sign changes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
