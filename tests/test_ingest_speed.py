"""Throughput of JSONL ingestion: at least 5,000 small articles per second of CPU time on one core."""

from __future__ import annotations

import json
import time

from graph.ingest import ingest


def test_jsonl_throughput(tmp_path):
    words = "روسيا أذربيجان أرمينيا قره باغ وزير الخارجية بحث اتصال هاتفي Russia Azerbaijan talks region".split()
    n = 10_000
    with (tmp_path / "many.jsonl").open("w", encoding="utf-8") as f:
        for i in range(n):
            paras = [" ".join(words[(i + k + j) % len(words)] for j in range(30)) + f" {i}-{k}" for k in range(3)]
            f.write(json.dumps({"id": f"n{i}", "text": "\n\n".join(paras), "published": "2023-09-20", "lang": "ar"}, ensure_ascii=False) + "\n")
    best = 0.0
    for _ in range(2):  # best of two: the first run also pays for imports and cold caches
        # CPU time of this process: other jobs sharing the machine do not count against us
        t0 = time.process_time()
        arts, problems = ingest([tmp_path / "many.jsonl"])
        best = max(best, n / (time.process_time() - t0))
    assert problems == [] and len(arts) == n
    assert best >= 5_000, f"{best:.0f} articles/s"
