"""Benchmark: load time, peak RSS and lookup rate of an on-disk KB with 1,000,000 aliases.

Builds a synthetic KB (Arabic + English names, 4 names per entity) with ``write_kb``, then opens
it in a fresh Python process and measures: time to open, peak RSS after opening and after the
lookups, lookups/s (hits and misses) and is_prefix/s. Targets (issue 3): open ≤ 1 s, ≤ 400 MB RSS.

    python bench/kb_load.py                 # 1M aliases in a temporary directory
    python bench/kb_load.py --aliases 200000 --dir /tmp/kb-bench --keep
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402

AR = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
EN = "bcdfghjklmnprstvz"
VOWELS = "aeiou"


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ar_word(rng: random.Random) -> str:
    return "".join(rng.choice(AR) for _ in range(rng.randint(3, 7)))


def _en_word(rng: random.Random) -> str:
    return "".join(rng.choice(EN) + rng.choice(VOWELS) for _ in range(rng.randint(2, 4))).capitalize()


def entities(n_aliases: int, seed: int = 7):
    from graph.kb.base import Entity

    rng = random.Random(seed)
    types = ("PER", "PER", "ORG", "GPE", "LOC")
    for i in range(n_aliases // 4):
        ar1, ar2, en1, en2 = _ar_word(rng), _ar_word(rng), _en_word(rng), _en_word(rng)
        names = (("ar", f"{ar1} {ar2}", "label"), ("ar", ar2 if i % 3 else f"{ar1} {ar2} {_ar_word(rng)}", "alias"),
                 ("en", f"{en1} {en2}", "label"), ("en", f"{en1[0]}. {en2}", "alias"))
        yield Entity(id=f"Q{i + 1}", qid=f"Q{i + 1}", type=types[i % 5], kind="synthetic", names=names,
                     country=f"Q{rng.randint(1, 200)}", prior=round(rng.random(), 3),
                     facts=(("P31", "Q5"), ("sitelinks", str(rng.randint(0, 300)))))


CHILD = r"""
import json, sys, time


def hwm_mb():
    # VmHWM: this process's peak RSS (ru_maxrss would include the parent's, inherited over fork+exec)
    for line in open("/proc/self/status", encoding="utf-8"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


t0 = time.perf_counter()
from graph.kb.disk import DiskKB
from graph.kb.base import name_key

t1 = time.perf_counter()
kb = DiskKB(sys.argv[1])
t2 = time.perf_counter()
rss_open = hwm_mb()
keys = json.loads(sys.stdin.read())
t3 = time.perf_counter()
hits = sum(1 for k in keys if kb.lookup(k))
t4 = time.perf_counter()
misses = [k + " zzz" for k in keys]
t5 = time.perf_counter()
for k in misses:
    kb.lookup(k)
t6 = time.perf_counter()
words = [k.split(" ")[0] for k in keys]
pref = sum(1 for w in words if kb.is_prefix(w))
t7 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "open_s": t2 - t1, "rss_open_mb": rss_open,
                  "rss_peak_mb": hwm_mb(),
                  "hits": hits, "n": len(keys), "hit_lookups_per_s": len(keys) / (t4 - t3),
                  "miss_lookups_per_s": len(keys) / (t6 - t5), "prefix_per_s": len(words) / (t7 - t6),
                  "prefixes": pref, "entities": len(kb)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=1_000_000)
    ap.add_argument("--lookups", type=int, default=100_000)
    ap.add_argument("--dir", default=None, help="KB directory (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the KB directory")
    ap.add_argument("--bundled", action="store_true",
                    help="measure the KB that ships in the wheel (graph/kb/data/bundle) instead of a synthetic one")
    args = ap.parse_args()

    from graph.kb.base import name_key
    from graph.kb.disk import write_kb

    if args.bundled:
        bundled()
        return

    root = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="kb-bench-"))
    path = root / "kb"
    print(f"machine: {machine()}")
    t0 = time.perf_counter()
    kb = write_kb(entities(args.aliases), [], path, source="bench", merge=False)
    build = time.perf_counter() - t0
    size = sum(f.stat().st_size for f in path.iterdir()) / 1e6
    names = kb.meta["counts"]["names_by_lang"]
    print(f"built {len(kb):,} entities, {sum(names.values()):,} aliases ({names}) in {build:.1f} s; "
          f"{size:.0f} MB on disk; build peak RSS {peak_rss_mb():.0f} MB")

    rng = random.Random(1)
    keys = []
    for e in entities(args.aliases):
        if rng.random() < args.lookups / (args.aliases / 4):
            keys.append(name_key(e.names[rng.randrange(4)][1]))
    del kb
    # a fresh interpreter: nothing of the build is cached in this one's memory
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], input=json.dumps(keys, ensure_ascii=False),
                         capture_output=True, text=True, check=True, encoding="utf-8")
    r = json.loads(out.stdout)
    print(f"fresh process: import {r['import_s'] * 1000:.0f} ms, open {r['open_s'] * 1000:.1f} ms "
          f"(target ≤ 1000 ms), RSS after open {r['rss_open_mb']:.0f} MB, peak {r['rss_peak_mb']:.0f} MB "
          f"(target ≤ 400 MB)")
    print(f"lookups: {r['hit_lookups_per_s']:,.0f}/s hits ({r['hits']}/{r['n']} found), "
          f"{r['miss_lookups_per_s']:,.0f}/s misses; is_prefix {r['prefix_per_s']:,.0f}/s")
    if not args.keep:
        shutil.rmtree(root if not args.dir else path, ignore_errors=True)


def bundled() -> None:
    """Open time, RSS and lookups of the bundled KB (targets, issue 12: open < 100 ms, < 200 MB, < 40 MB)."""
    from graph.kb.disk import DiskKB
    from graph.kb.seed import DATA_DIR

    path = DATA_DIR / "bundle"
    size = sum(f.stat().st_size for f in path.iterdir()) / 1e6
    kb = DiskKB(path)
    rng = random.Random(1)
    keys = sorted({n[1] for e in kb for n in e.names if rng.random() < 0.2})
    from graph.kb.base import name_key

    keys = [name_key(k) for k in keys][:100_000]
    del kb
    print(f"machine: {machine()}")
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], input=json.dumps(keys, ensure_ascii=False),
                         capture_output=True, text=True, check=True, encoding="utf-8")
    r = json.loads(out.stdout)
    print(f"bundled KB: {r['entities']:,} entities, {size:.1f} MB on disk (target < 40 MB)")
    print(f"fresh process: import {r['import_s'] * 1000:.0f} ms, open {r['open_s'] * 1000:.1f} ms "
          f"(target < 100 ms), RSS after open {r['rss_open_mb']:.0f} MB, peak {r['rss_peak_mb']:.0f} MB "
          f"after {r['n']:,} lookups (target < 200 MB)")
    print(f"lookups: {r['hit_lookups_per_s']:,.0f}/s hits ({r['hits']}/{r['n']} found), "
          f"{r['miss_lookups_per_s']:,.0f}/s misses; is_prefix {r['prefix_per_s']:,.0f}/s")


if __name__ == "__main__":
    main()
