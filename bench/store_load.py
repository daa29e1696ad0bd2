"""Bulk-load N quads in the newsgraph shape into the embedded store and into rdflib's in-memory
Dataset, run three library queries on both, and print the times side by side with their ratios.

    python bench/store_load.py            # 1,000,000 quads
    python bench/store_load.py --quads 100000 --keep /tmp/bench-store

The data is the synthetic corpus of graph.rdf.synthetic (Arabic articles, events, relations),
so entity descriptions repeat across article graphs as they do in real builds.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402


QUERIES = [("actors", {}), ("comentioned-actors", {"entity": "http://www.wikidata.org/entity/Q159"}),
           ("coop-conflict-by-month", {})]


def rss_gb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e9


def generate(n_quads: int):
    """Articles' quads until at least ``n_quads``; returns (quads, articles)."""
    import datetime as dt

    from graph.rdf.convert import article_quads
    from graph.rdf.synthetic import synthetic_article

    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    quads, i = [], 0
    while len(quads) < n_quads:
        quads.extend(article_quads(synthetic_article(i, seed=7), generated_at=when))
        i += 1
    return quads, i


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quads", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, default=None, help="Put the embedded store here and keep it.")
    ap.add_argument("--skip-rdflib", action="store_true", help="Only the embedded store.")
    args = ap.parse_args(argv)

    from graph.query import run_query
    from graph.store.memory import MemoryStore, to_rdflib
    from graph.store.oxigraph import OxigraphStore

    print(machine())
    (quads, n_articles), t_gen = timed(lambda: generate(args.quads))
    print(f"generated {len(quads):,} quads in {n_articles:,} article graphs in {t_gen:.1f}s")

    where = args.keep or Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    results: dict[str, dict[str, float]] = {"oxigraph": {}, "rdflib": {}}
    rows: dict[str, dict[str, int]] = {"oxigraph": {}, "rdflib": {}}
    try:
        ox_store = OxigraphStore(where)
        _, results["oxigraph"]["load"] = timed(lambda: (ox_store.bulk_load(quads), ox_store.flush()))
        for name, params in QUERIES:
            r, t = timed(lambda n=name, p=params: run_query(ox_store, n, p))
            results["oxigraph"][name], rows["oxigraph"][name] = t, len(r)
        print(f"oxigraph done; RSS {rss_gb():.2f} GB")
        ox_store.close()

        if not args.skip_rdflib:
            mem = MemoryStore()

            def load_rdflib():
                from rdflib import URIRef

                ds = mem._ds
                graphs = {}
                for q in quads:
                    g = graphs.get(q.graph_name.value)
                    if g is None:
                        g = graphs[q.graph_name.value] = ds.graph(URIRef(q.graph_name.value))
                    g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))

            _, results["rdflib"]["load"] = timed(load_rdflib)
            for name, params in QUERIES:
                r, t = timed(lambda n=name, p=params: run_query(mem, n, p))
                results["rdflib"][name], rows["rdflib"][name] = t, len(r)
            print(f"rdflib done; RSS {rss_gb():.2f} GB")
    finally:
        if args.keep is None:
            shutil.rmtree(where, ignore_errors=True)

    print(f"\n{'step':<26}{'oxigraph s':>12}{'rdflib s':>12}{'rdflib/oxigraph':>17}{'rows':>8}")
    for step in ["load"] + [n for n, _ in QUERIES]:
        o = results["oxigraph"][step]
        r = results["rdflib"].get(step)
        ratio = f"{r / o:>16.1f}x" if r is not None and o > 0 else f"{'-':>17}"
        rs = f"{r:>12.2f}" if r is not None else f"{'-':>12}"
        n = rows["oxigraph"].get(step, "")
        agree = "" if step == "load" or args.skip_rdflib or rows["rdflib"][step] == n else " (rows differ!)"
        print(f"{step:<26}{o:>12.2f}{rs}{ratio}{n!s:>8}{agree}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
