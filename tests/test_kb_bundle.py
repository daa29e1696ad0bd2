"""The bundled KB (``graph/kb/data/bundle``): contents, homonyms, generated names, transliteration,
and that ``python -m graph.kb.bundle`` rebuilds exactly the shipped bytes from ``../shared/data``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.api import annotate, load_kb
from graph.kb.base import name_key
from graph.kb.disk import DiskKB, is_kb_dir
from graph.kb.seed import DATA_DIR
from graph.kb.translit import Transliterator, held_out, name_pairs_split

BUNDLE = DATA_DIR / "bundle"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

pytestmark = pytest.mark.skipif(not is_kb_dir(BUNDLE), reason="graph/kb/data/bundle is absent (python -m graph.kb.bundle)")


@pytest.fixture(scope="module")
def kb():
    return DiskKB(BUNDLE)


def test_size_and_contents(kb):
    meta = kb.meta
    assert meta["counts"]["entities"] >= 50_000
    assert meta["built"] is None  # reproducible: no build time
    kinds = meta["counts"]["by_kind"]
    assert kinds["country"] >= 180 and kinds["person"] >= 40_000 and kinds["region"] >= 3_000
    assert sum(f.stat().st_size for f in BUNDLE.iterdir()) < 40e6
    assert load_kb().version == kb.version  # the default KB is the bundle


@pytest.mark.parametrize("text,qid", [
    ("وصل الوزير إلى القاهرة أمس", "Q85"),
    ("وصل الوزير إلى دمشق أمس", "Q3766"),
    ("وصل الوزير إلى بيروت أمس", "Q3820"),
    ("The minister arrived in Cairo on Monday.", "Q85"),
    ("The minister arrived in Damascus on Monday.", "Q3766"),
    ("The minister arrived in Beirut on Monday.", "Q3820"),
    ("The minister arrived in Riyadh on Monday.", "Q3692"),
])
def test_governorate_does_not_steal_its_capital(kb, text, qid):
    """Cairo Governorate (Q30805), Damascus (Q2007044) and Beirut (Q651688) governorates share their city's
    name: the city wins on kind and prior."""
    doc = annotate(text, published="2020-01-01", kb=kb)
    assert [m.qid for m in doc.mentions if m.type in ("GPE", "LOC")] == [qid]
    # the governorate is still in the KB under the same name, ranked below the city
    same = [e for e in kb.lookup(name_key(doc.mentions[0].text)) if e.kind == "region"]
    assert all(e.prior < kb.get(qid).prior for e in same)


def test_generated_names_match_but_are_never_labels(kb):
    gen = None
    for e in kb:
        if e.type == "PER" and any(k == "generated" for _, _, k in e.names) and not any(
                lg == "ar" and k != "generated" for lg, _, k in e.names):
            gen = e
            break
    assert gen is not None
    text = next(t for lg, t, k in gen.names if k == "generated")
    assert gen.label("ar") is None  # never shown
    assert gen.id in {e.id for e in kb.lookup(name_key(text))}  # but matched
    assert gen.first_kind(name_key(text)) == "generated"


def test_offices_and_sources_are_recorded(kb):
    lavrov = kb.get("Q58217")
    assert ("P39", "Q1418873") in lavrov.facts
    assert any(p == "P39:term" and v.startswith("Q1418873|2004-03-09|") for p, v in lavrov.facts)
    ne = kb.get("Q1249255")  # Riyadh Province, from Natural Earth
    assert ("source", "natural-earth-v5") in ne.facts and ("qid_basis", "wikidata-table") in ne.facts


def test_transliterator_learns_and_the_split_is_deterministic():
    pairs = [("john smith", "جون سميث"), ("john kerry", "جون كيري"), ("kerry smith", "كيري سميث"),
             ("mary smith", "ماري سميث"), ("mary kerry", "ماري كيري")] * 2
    m = Transliterator.train(pairs, iterations=2)
    assert m.name("Mary Smith") == "ماري سميث"
    assert m.word("jon") is not None  # an unseen word is still written out from letter groups
    train, test = name_pairs_split(pairs)
    assert not set(train) & set(test)
    assert [held_out(e) for e, _ in pairs] == [held_out(e) for e, _ in pairs]


def test_sources_md_names_every_source_and_count():
    text = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    summary = json.loads((BUNDLE / "summary.json").read_text(encoding="utf-8"))
    for src in ("natural-earth-v5", "eps-cabinets", "everypolitician-2015", "whosonfirst-mena", "arwikicats-names"):
        assert src in text
    assert f"{summary['entities']:,} entities" in text
    assert "Wikidata-derived table" in text and "two independent files agree" in text
    assert "held-out pairs" in text


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "kb-sources").is_dir(), reason="../shared/data/kb-sources is absent")
def test_bundle_command_rebuilds_the_shipped_bytes(tmp_path):
    from graph.kb.bundle import main

    assert main(["--sources", str(SHARED_DATA), "--out", str(tmp_path / "kb"), "--no-doc"]) == 0
    for f in sorted(p.name for p in BUNDLE.iterdir()):
        assert (tmp_path / "kb" / f).read_bytes() == (BUNDLE / f).read_bytes(), f
