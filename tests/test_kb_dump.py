"""``kb import-dump``: the Wikidata JSON dump format, compression, bad lines, workers, flat memory."""

from __future__ import annotations

import bz2
import gzip
import json
import shutil
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.errors import KBError
from graph.kb.base import name_key
from graph.kb.disk import DiskKB
from graph.kb.dump import import_dump, item_from_json

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wikidata"
DUMP = FIXTURES / "dump.json"


def _snapshot(kb) -> dict:
    return {e.id: (e.type, e.kind, e.country, sorted(e.names), sorted(e.facts), e.prior) for e in kb}


def test_fixture_dump_items(tmp_path):
    r = import_dump(DUMP, tmp_path / "kb")
    kb = DiskKB(r.kb_path)
    assert r.problems == [] and r.entities == len(kb)
    ids = set(kb.ids())
    # positions (P279 only), the property entity and the French-only item are not kept
    assert {"Q990000020", "Q990000021", "P990001", "Q990000036"}.isdisjoint(ids)
    # without the pull's population/date filters, the town and the 1970s minister are kept
    assert {"Q990000005", "Q990000012"} <= ids
    city = kb.get("Q990000004")
    assert city.country == "Q990000001"  # the preferred P17 statement wins over the normal one
    assert city.fact("P625") == "40.1000,49.9000"
    assert [e.id for e in kb.lookup(name_key("كامران تست أوغلو"))] == ["Q990000010"]
    assert kb.get("Q990000010").fact("P580:Q990000020") == "2020-07-16"


@pytest.mark.parametrize("suffix,opener", [(".json.gz", gzip.open), (".json.bz2", bz2.open)])
def test_compressed_dump_gives_same_kb(tmp_path, suffix, opener):
    packed = tmp_path / f"latest-all{suffix}"
    with opener(packed, "wb") as out:
        out.write(DUMP.read_bytes())
    a = import_dump(DUMP, tmp_path / "plain")
    b = import_dump(packed, tmp_path / "packed")
    assert _snapshot(DiskKB(a.kb_path)) == _snapshot(DiskKB(b.kb_path))
    assert a.lines == b.lines > 10


def test_filters_by_type_and_sitelinks(tmp_path):
    r = import_dump(DUMP, tmp_path / "kb", types=("PER",), min_sitelinks=50)
    assert sorted(DiskKB(r.kb_path).ids()) == ["Q990000011"]
    assert r.skipped > 10


def test_bad_lines_are_reported_and_the_rest_imported(tmp_path):
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    lines.insert(2, '{"type":"item","id":"Q990000099","labels":')  # truncated JSON
    lines.insert(4, '["not", "an", "entity"],')
    bad = tmp_path / "bad.json"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = import_dump(bad, tmp_path / "kb")
    assert [p.where for p in r.problems] == [f"{bad}:3", f"{bad}:5"]
    assert "invalid dump line" in r.problems[0].message
    assert "Q990000001" in DiskKB(r.kb_path)


def test_truncated_gzip_is_a_clear_error(tmp_path):
    packed = tmp_path / "cut.json.gz"
    data = gzip.compress(DUMP.read_bytes())
    packed.write_bytes(data[: len(data) // 2])
    with pytest.raises(KBError, match="cut.json.gz: damaged or truncated dump"):
        import_dump(packed, tmp_path / "kb")


def test_workers_give_the_same_kb(tmp_path):
    big = tmp_path / "big.json"
    _generate(big, n=5000, kept=300)
    one = import_dump(big, tmp_path / "one")
    two = import_dump(big, tmp_path / "two", workers=2)
    assert one.entities == two.entities == 300
    assert DiskKB(one.kb_path).meta["content_hash"] == DiskKB(two.kb_path).meta["content_hash"]


def _generate(path: Path, n: int, kept: int) -> None:
    """A dump of ``n`` items of which ``kept`` pass the default filters (the rest have no ar/en name)."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("[\n")
        for i in range(n):
            qid = f"Q99{i + 1:07d}"
            lang = "ar" if i < kept else "fr"
            obj = {"type": "item", "id": qid, "labels": {lang: {"language": lang, "value": f"اسم {i} name"}},
                   "aliases": {}, "descriptions": {lang: {"language": lang, "value": "x" * 80}},
                   "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datavalue": {
                       "value": {"entity-type": "item", "id": "Q5"}, "type": "wikibase-entityid"}},
                       "rank": "normal", "type": "statement"}]},
                   "sitelinks": {"arwiki": {"site": "arwiki", "title": "t", "badges": []}}}
            out.write(json.dumps(obj, ensure_ascii=False) + ("," if i < n - 1 else "") + "\n")
        out.write("]\n")


def test_memory_stays_flat_as_the_dump_grows(tmp_path, monkeypatch):
    import graph.kb.dump

    monkeypatch.setattr(graph.kb.dump, "_BATCH", 250)  # smaller batches: same shape, faster test
    peaks = {}
    for n in (1000, 8000):
        dump = tmp_path / f"d{n}.json"
        _generate(dump, n=n, kept=100)
        tracemalloc.start()
        try:
            r = import_dump(dump, tmp_path / f"kb{n}")
            peaks[n] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert r.entities == 100
    # eight times the input, about the same peak (one batch of lines + the kept entities)
    assert peaks[8000] < 1.3 * peaks[1000], peaks


def test_item_from_json_skips_novalue_snaks():
    obj = {"id": "Q1", "claims": {"P17": [{"mainsnak": {"snaktype": "novalue", "property": "P17"}, "rank": "normal"}]}}
    assert item_from_json(obj).p17 == []


def test_cli_import_dump_reports_problems(tmp_path):
    from graph.cli import main

    bad = tmp_path / "bad.json"
    shutil.copy(DUMP, bad)
    with open(bad, "a", encoding="utf-8") as fh:
        fh.write("{oops\n")
    res = CliRunner().invoke(main, ["kb", "import-dump", str(bad), "--kb", str(tmp_path / "kb"), "--no-progress"])
    assert res.exit_code == 3, res.output
    assert f"{bad}:" in res.output and "invalid dump line" in res.output
    assert "KB version wikidata-dump@" in res.output
