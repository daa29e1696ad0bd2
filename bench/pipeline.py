"""Recognition + linking (+ events) throughput with a 1,000,000-alias KB.

    python bench/pipeline.py [--aliases 1000000] [--articles 2000] [--words 400] [--workdir DIR]

Builds a synthetic on-disk KB (Arabic + English aliases, layered over the bundled seed KB)
once in the work directory, then, in a fresh process, measures KB load time and peak RSS, and
runs the whole per-article pipeline (sentences → recognise → link → co-mentions → events) on
a generated corpus of Arabic articles on one core. Targets (issue 3): ≥ 1,000 articles/s,
KB load ≤ 1 s, ≤ 400 MB RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import print_machine  # noqa: E402

AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
FILLER = ("قال أعلن أكد في من إلى على عن مع أن الذي التي بعد قبل خلال اليوم الحكومة الوزارة المسؤولين "
          "الوضع التطورات المنطقة الأزمة المفاوضات الاتفاق الأمن السلام الجانبين الطرفين الأسبوع").split()
SEED_NAMES = ("روسيا أذربيجان أرمينيا تركيا إيران مصر السعودية الأردن لبنان سوريا العراق فرنسا ألمانيا الصين "
              "قره_باغ موسكو باكو يريفان القاهرة بغداد دمشق بيروت").split()
# sentences that report events (a call, an attack, a protest, a ceasefire), so extraction does real work
EVENTS = ["وأجرى وزير الخارجية الروسي، سيرغي لافروف اتصالا هاتفيا مع نظيره الأذربيجاني اليوم الأربعاء.",
          "وشنت القوات الأذربيجانية هجوما على مواقع في إقليم قره باغ يوم الثلاثاء الماضي.",
          "وتظاهر آلاف الأرمن أمام مقر الحكومة في يريفان أمس احتجاجا على الاتفاق.",
          "وتم التوصل إلى اتفاق لوقف إطلاق النار بين أذربيجان وأرمينيا بوساطة روسيا.",
          "وبحث الرئيس التركي رجب طيب أردوغان مع نظيره الأذربيجاني الأوضاع في المنطقة."]
ROLES = ["وزير الخارجية الروسي، سيرغي لافروف", "الرئيس التركي رجب طيب أردوغان", "وزارة الدفاع الأذربيجانية",
         "قوات حفظ السلام الروسية", "المدنيين الأرمن", "نظيره الأذربيجاني، جيهون بيراموف"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(AR_LETTERS) for _ in range(n))


def make_kb(path: Path, n_aliases: int, seed: int = 7) -> list[str]:
    from graph.kb.base import Entity
    from graph.kb.disk import write_kb

    rng = random.Random(seed)
    entities, sample = [], []
    types = ["PER", "ORG", "GPE", "LOC"]
    i = 0
    made = 0
    while made < n_aliases:
        i += 1
        ar = f"{_word(rng, rng.randint(3, 7))} {_word(rng, rng.randint(3, 8))}"
        en = f"Name{i} Surname{i % 997}"
        ar2 = f"{ar} {_word(rng, 4)}"
        names = (("ar", ar, "label"), ("en", en, "label"), ("ar", ar2, "alias"))
        entities.append(Entity(f"Q{10_000_000 + i}", f"Q{10_000_000 + i}", types[i % 4], "synthetic", names,
                               prior=rng.random()))
        made += len(names)
        if i % 200 == 0:
            sample.append(ar)
    write_kb(entities, [], path, source="bench-synthetic", merge=False)
    return sample


def make_corpus(n: int, words: int, kb_names: list[str], seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        out, count = [], 0
        while count < words:
            r = rng.random()
            if r < 0.02:
                piece = rng.choice(EVENTS)
            elif r < 0.05:
                piece = rng.choice(ROLES)
            elif r < 0.12:
                piece = rng.choice(SEED_NAMES).replace("_", " ")
            elif r < 0.16:
                piece = rng.choice(kb_names)
            else:
                piece = " ".join(rng.choice(FILLER) for _ in range(rng.randint(3, 9)))
            if rng.random() < 0.15:
                piece += "."
            elif rng.random() < 0.1:
                piece += "،"
            out.append(piece)
            count += piece.count(" ") + 1
        docs.append(" ".join(out) + ".")
    return docs


def _rss_mb(field: str = "VmHWM") -> float:
    """This process's peak (VmHWM) or current (VmRSS) resident memory.

    Not ru_maxrss: Linux carries that over exec from the parent that built the KB.
    """
    with open("/proc/self/status", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _recognise_and_link(article, kb):
    """The pipeline without event extraction (what the recognition-and-linking floor is about)."""
    from graph.extract.comention import comentions
    from graph.link import link
    from graph.recognise import recognise
    from graph.text.sentences import split_sentences

    sentences = split_sentences(article.text, article.content_spans())
    mentions, _ = link(recognise(article, sentences, kb), kb)
    comentions(mentions)
    return mentions, ()


def measure(kb_dir: str, corpus_path: str, mode: str = "full") -> dict:
    """Runs in a fresh process: load time, RSS, throughput of ``mode`` ("full" or "link")."""
    t0 = time.perf_counter()
    from graph.kb.layered import open_kb

    kb = open_kb(kb_dir)
    kb.lookup("روسيا")  # first touch of the tries
    load = time.perf_counter() - t0
    rss_after_load = _rss_mb("VmRSS")
    from graph.api import annotate_article
    from graph.ingest.records import make_article

    docs = json.loads(Path(corpus_path).read_text(encoding="utf-8"))
    articles = [make_article(t, f"bench:{i}", lang="ar") for i, t in enumerate(docs)]
    def full(a, kb):
        d = annotate_article(a, kb)
        return d.mentions, d.events

    run = full if mode == "full" else _recognise_and_link
    run(articles[0], kb)  # lazy imports
    t0 = time.perf_counter()
    mentions = events = 0
    for a in articles:
        ms, evs = run(a, kb)
        mentions += len(ms)
        events += len(evs)
    dt = time.perf_counter() - t0
    return {"kb_load_s": load, "rss_after_load_mb": rss_after_load, "articles": len(articles),
            "seconds": dt, "articles_per_s": len(articles) / dt, "mentions": mentions, "events": events,
            "peak_rss_mb": _rss_mb("VmHWM")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--_measure", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._measure:
        print(json.dumps(measure(*args._measure)))
        return
    work = Path(args.workdir or tempfile.mkdtemp(prefix="newsgraph-bench-"))
    kb_dir = work / f"kb-{args.aliases}"
    names_file = work / f"kb-{args.aliases}.names.json"
    print_machine()
    if not (kb_dir / "meta.json").exists():
        t0 = time.perf_counter()
        names = make_kb(kb_dir, args.aliases)
        names_file.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
        print(f"built KB with {args.aliases:,} aliases in {time.perf_counter() - t0:.1f} s → {kb_dir}")
    names = json.loads(names_file.read_text(encoding="utf-8"))
    corpus = work / f"corpus-{args.articles}-{args.words}.json"
    corpus.write_text(json.dumps(make_corpus(args.articles, args.words, names), ensure_ascii=False), encoding="utf-8")
    results = {mode: _run_measure(kb_dir, corpus, mode) for mode in ("link", "full")}
    r = results["link"]
    print(f"KB load           {r['kb_load_s'] * 1000:8.0f} ms   (target ≤ 1000 ms)")
    print(f"RSS after load    {r['rss_after_load_mb']:8.0f} MB")
    print(f"peak RSS          {max(x['peak_rss_mb'] for x in results.values()):8.0f} MB   (target ≤ 400 MB)")
    f = results["full"]
    print(f"articles          {f['articles']:8d}   × {args.words} words, {f['mentions']:,} mentions, {f['events']:,} events")
    print(f"recognise + link  {r['articles_per_s']:8.0f} articles/s on one core   (floor 1,000, goal 2,000)")
    print(f"  + events        {f['articles_per_s']:8.0f} articles/s on one core   (floor 1,000, goal 2,000)")


def _run_measure(kb_dir: Path, corpus: Path, mode: str) -> dict:
    """One measurement in a fresh interpreter pinned to one core, so caches start cold and load
    time and RSS are not flattered by the KB build in this process."""
    cmd = [sys.executable, __file__, "--_measure", str(kb_dir), str(corpus), mode]
    try:
        # the first core this process may use: an outer `taskset -c N` is kept, not overridden
        cpu = min(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
        out = subprocess.run(["taskset", "-c", str(cpu), *cmd], check=True, capture_output=True, text=True).stdout
    except (FileNotFoundError, subprocess.CalledProcessError):
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
