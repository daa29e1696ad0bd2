"""Benchmark: ``import-dump`` throughput and peak memory as the dump grows.

Generates gzip-compressed dumps in the Wikidata JSON format (realistic-sized items: labels in
a dozen languages, claims, sitelinks), of which a fixed number pass the filters, then imports
each in a fresh process and prints lines/s and peak RSS. Flat memory = the peak does not grow
with the number of lines.

    python bench/kb_dump.py                          # 10k, 40k, 160k items, 1 worker
    python bench/kb_dump.py --sizes 20000 80000 --workers 2
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine

LANGS = ("en", "fr", "de", "es", "it", "ru", "zh", "ja", "pt", "nl", "ar", "fa")

CHILD = r"""
import json, sys, time
from graph.kb.dump import import_dump
t = time.perf_counter()
r = import_dump(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]))
dt = time.perf_counter() - t
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024
print(json.dumps({"s": dt, "lines": r.lines, "kept": r.entities, "rss_mb": hwm}))
"""


def generate(path: Path, n: int, kept: int) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        out.write("[\n")
        for i in range(n):
            keep = i % (n // kept) == 0 if kept else False
            langs = LANGS if keep else LANGS[1:10]  # the others have no ar/en name …
            # … and half of them are of a class the KB does not keep (like most of the real dump)
            cls = "Q5" if keep or i % 2 else "Q13442814"
            obj = {"type": "item", "id": f"Q{i + 1}",
                   "labels": {lg: {"language": lg, "value": f"Name {i} {lg}"} for lg in langs},
                   "descriptions": {lg: {"language": lg, "value": f"description of item {i} in {lg}"} for lg in langs},
                   "aliases": {lg: [{"language": lg, "value": f"Alias {i} {lg}"}] for lg in langs[:4]},
                   "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datavalue": {
                       "value": {"entity-type": "item", "id": cls}, "type": "wikibase-entityid"}},
                       "rank": "normal", "type": "statement", "id": f"Q{i + 1}$x"}]},
                   "sitelinks": {f"{lg}wiki": {"site": f"{lg}wiki", "title": f"T{i}", "badges": []} for lg in langs}}
            out.write(json.dumps(obj, ensure_ascii=False) + ("," if i < n - 1 else "") + "\n")
        out.write("]\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000, 160_000])
    ap.add_argument("--kept", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="kb-dump-bench-") as tmp:
        for n in args.sizes:
            dump = Path(tmp) / f"dump{n}.json.gz"
            t = time.perf_counter()
            generate(dump, n, args.kept)
            gen = time.perf_counter() - t
            out = subprocess.run([sys.executable, "-c", CHILD, str(dump), str(Path(tmp) / f"kb{n}"), str(args.workers)],
                                 capture_output=True, text=True, check=True, encoding="utf-8")
            r = json.loads(out.stdout)
            print(f"{n:>9,} items ({dump.stat().st_size / 1e6:.1f} MB gz, generated in {gen:.1f} s): "
                  f"{r['lines'] / r['s']:,.0f} lines/s with {args.workers} worker(s), kept {r['kept']}, "
                  f"peak RSS {r['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
