"""Benchmark: render a generated 2,000-node / 8,000-edge actor graph and draw it in headless Chromium.

    python bench/viz_render.py [--nodes 2000] [--edges 8000] [--runs 3]

Prints the time to build the HTML in Python (layout + pyvis data + template) and the time from
navigation start until vis-network's first drawing (the page sets NEWSGRAPH.drawnAt), with the
network blocked. Target: drawn in under 5 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.analyse.plover import plover_table, score
from graph.visualise import render_html
sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402



def generated_graph(n: int, m: int, seed: int = 1):
    """A random actor graph in the shape actor_graph() returns: preferential attachment, mixed kinds."""
    import networkx as nx

    rnd = random.Random(seed)
    types = ["GPE", "PER", "ORG", "LOC", "NORP"]
    G = nx.MultiDiGraph()
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    for i in range(n):
        ar = "".join(rnd.choice(letters) for _ in range(rnd.randint(4, 9)))
        G.add_node(
            f"Q{i + 1}",
            label_ar=ar,
            label_en=f"Actor {i + 1}",
            type=rnd.choice(types),
            qid=f"Q{i + 1}",
            country="",
            iri=f"http://www.wikidata.org/entity/Q{i + 1}",
        )
    plover = sorted(plover_table())
    nodes = list(G)
    hubs = nodes[: max(10, n // 50)]
    for j in range(m):
        u = rnd.choice(hubs) if rnd.random() < 0.3 else rnd.choice(nodes)
        v = rnd.choice(nodes)
        if u == v:
            v = nodes[(nodes.index(v) + 1) % n]
        date = f"2023-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        if rnd.random() < 0.5:
            G.add_edge(
                u,
                v,
                key=f"r{j}",
                kind="comention",
                type="comention",
                sign=0,
                weight=float(rnd.randint(1, 4)),
                date=date,
                sentences=["نص الجملة"],
                titles=["عنوان"],
                urls=["https://example.org/a"],
            )
        else:
            t = rnd.choice(plover)
            s = score(t)
            G.add_edge(
                u,
                v,
                key=f"e{j}",
                kind="event",
                type=t,
                sign=s.sign,
                weight=s.weight,
                date=date,
                quad_class=s.quad_class,
                sentences=["نص الجملة"],
                titles=["عنوان"],
                urls=["https://example.org/a"],
            )
    return G


def load_browser_helper():
    spec = importlib.util.spec_from_file_location("newsgraph_bench_browser", ROOT / "tests" / "browser.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=8000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    G = generated_graph(args.nodes, args.edges)
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    browser = load_browser_helper()
    render_s, draw_s = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            t0 = time.perf_counter()
            out = render_html(G, Path(tmp) / f"bench{run}.html", title="bench")
            render_s.append(time.perf_counter() - t0)
            if not browser.chromium_available():
                continue
            with browser.open_page(out, timeout_ms=120_000) as page:
                drawn_ms, n_drawn = page.page.evaluate("[NEWSGRAPH.drawnAt, NEWSGRAPH.network.body.nodeIndices.length]")
                assert n_drawn == G.number_of_nodes(), (n_drawn, G.number_of_nodes())
                assert not page.blocked, page.blocked
                draw_s.append(drawn_ms / 1000.0)
            size_mb = out.stat().st_size / 1e6
            print(
                f"run {run + 1}: render {render_s[-1]:.2f} s, drawn after {draw_s[-1] if draw_s else float('nan'):.2f} s, "
                f"HTML {size_mb:.1f} MB"
            )
    print(f"render HTML in Python: median {statistics.median(render_s):.2f} s over {len(render_s)} runs")
    if draw_s:
        med = statistics.median(draw_s)
        print(
            f"first drawing in headless Chromium: median {med:.2f} s (target < 5 s: {'met' if med < 5 else 'MISSED'})"
        )
    else:
        print(f"first drawing: skipped ({browser.CHROMIUM} is missing)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
