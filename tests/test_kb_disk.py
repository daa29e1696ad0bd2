"""The on-disk KB (DiskKB, write_kb), LayeredKB and open_kb."""

from __future__ import annotations

import json

import pytest

from graph.errors import KBError
from graph.kb.base import Entity, KnowledgeBase, MemoryKB, Nisba, name_key
from graph.kb.disk import DiskKB, write_kb
from graph.kb.layered import LayeredKB, open_kb, user_kb_dir
from graph.kb.seed import load_seed_kb


def _e(qid: str, *names: tuple[str, str, str], type_: str = "PER", prior: float = 0.5, **kw) -> Entity:
    return Entity(id=qid, qid=qid, type=type_, names=names, prior=prior, **kw)


MINISTER = _e("Q990000010", ("ar", "كامران تستوغلو", "label"), ("en", "Kamran Testoglu", "label"),
              ("ar", "كامران تست أوغلو", "alias"), country="Q990000001", prior=0.6,
              facts=(("P39", "Q990000020"), ("P580:Q990000020", "2020-07-16")))
TESTLAND = _e("Q990000001", ("ar", "تستلاند", "label"), ("en", "Testland", "label"),
              ("en", "Republic of Testland", "alias"), type_="GPE", kind="country", prior=0.9)
NISBA = ("تستلاندي", Nisba(country="Q990000001", gender="m", number="sg", lang="ar"))


def test_roundtrip(tmp_path):
    kb = write_kb([MINISTER, TESTLAND], [NISBA], tmp_path / "kb", source="test")
    assert isinstance(kb, KnowledgeBase)
    assert kb.get("Q990000010") == MINISTER and kb.get("Q1") is None
    assert kb.lookup(name_key("كامران تستوغلو")) == (MINISTER,)
    assert kb.lookup(name_key("كامران تستُوغلو")) == (MINISTER,)  # the key folds diacritics
    assert kb.is_prefix(name_key("كامران")) and kb.is_prefix("republic of") and not kb.is_prefix("testland")
    assert kb.nisba(name_key("تستلاندي")) == (NISBA[1],)
    assert sorted(e.id for e in kb) == ["Q990000001", "Q990000010"] == sorted(kb.ids())
    assert len(kb) == 2 and "Q990000001" in kb
    meta = json.loads((tmp_path / "kb" / "meta.json").read_text(encoding="utf-8"))
    assert meta["counts"]["by_type"] == {"GPE": 1, "PER": 1}
    assert meta["counts"]["names_by_lang"] == {"ar": 3, "en": 3}
    assert meta["version"] == kb.version and kb.version.startswith("test@")


def test_lookup_orders_by_prior(tmp_path):
    a = _e("Q990000101", ("en", "Test City", "label"), type_="GPE", prior=0.2)
    b = _e("Q990000102", ("en", "Test City", "label"), type_="GPE", prior=0.8)
    kb = write_kb([a, b], [], tmp_path / "kb", source="test")
    assert [e.id for e in kb.lookup("test city")] == ["Q990000102", "Q990000101"]


def test_version_depends_on_content_not_order(tmp_path):
    v1 = write_kb([MINISTER, TESTLAND], [NISBA], tmp_path / "a", source="s", source_date="2026-01-01").version
    v2 = write_kb([TESTLAND, MINISTER], [NISBA], tmp_path / "b", source="s", source_date="2026-01-01").version
    v3 = write_kb([TESTLAND], [NISBA], tmp_path / "c", source="s", source_date="2026-01-01").version
    assert v1 == v2 != v3
    assert v1.startswith("s@2026-01-01#")


def test_update_in_place_replaces_and_never_duplicates(tmp_path):
    write_kb([MINISTER, TESTLAND], [NISBA], tmp_path / "kb", source="first")
    moved = _e("Q990000010", ("ar", "كامران تستوغلو", "label"), country="Q990000002", prior=0.7)
    kb = write_kb([moved], [NISBA], tmp_path / "kb", source="second")
    assert len(kb) == 2 and sorted(kb.ids()) == ["Q990000001", "Q990000010"]
    assert kb.get("Q990000010").country == "Q990000002"
    assert kb.lookup(name_key("كامران تستوغلو")) == (moved,)
    assert kb.lookup(name_key("كامران تست أوغلو")) == ()  # the old alias went with the old record
    assert len(kb.nisba(name_key("تستلاندي"))) == 1
    assert [(h["source"], h["added"], h["replaced"]) for h in kb.meta["history"]] == [("first", 2, 0), ("second", 0, 1)]
    assert not list(tmp_path.glob(".kb*"))  # no temporary directories left behind


def test_missing_and_corrupt_kb_dirs_are_clear_errors(tmp_path):
    with pytest.raises(KBError, match=r"nowhere: not a newsgraph KB directory"):
        DiskKB(tmp_path / "nowhere")
    write_kb([TESTLAND], [], tmp_path / "kb", source="t")
    (tmp_path / "kb" / "names.marisa").write_bytes(b"garbage")
    with pytest.raises(KBError, match="corrupt KB directory"):
        DiskKB(tmp_path / "kb")
    (tmp_path / "kb" / "meta.json").write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(KBError, match="unsupported KB format"):
        DiskKB(tmp_path / "kb")


def test_refuses_to_overwrite_a_foreign_directory(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(KBError, match="not a KB directory"):
        write_kb([TESTLAND], [], tmp_path / "docs", source="t")
    assert (tmp_path / "docs" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_layered_kb_prefers_the_upper_layer():
    seed_minister = _e("Q990000010", ("ar", "كامران تستوغلو", "label"), prior=0.1)
    lower = MemoryKB([seed_minister, TESTLAND], [NISBA], version="low")
    upper = MemoryKB([MINISTER], [NISBA], version="up")
    kb = LayeredKB([upper, lower])
    assert kb.version == "up+low" and len(kb) == 2
    assert kb.lookup(name_key("كامران تستوغلو")) == (MINISTER,)
    assert kb.get("Q990000010").prior == 0.6
    assert kb.version_of("Q990000010") == "up" and kb.version_of("Q990000001") == "low"
    assert kb.nisba(name_key("تستلاندي")) == (NISBA[1],)  # the same row in both layers once
    assert sorted(e.id for e in kb) == ["Q990000001", "Q990000010"]
    with pytest.raises(KBError):
        LayeredKB([])


def test_open_kb_layers_the_user_kb_over_the_seed(tmp_path, monkeypatch):
    from graph.kb.layered import load_bundled_kb

    monkeypatch.setenv("NEWSGRAPH_DATA_DIR", str(tmp_path / "data"))
    seed = load_bundled_kb()  # the bundle (which holds the seed tables) or, before it is built, the seed
    assert open_kb(None) is seed  # no user KB yet
    write_kb([MINISTER], [], user_kb_dir(), source="user")
    kb = open_kb(None)
    assert kb.lookup(name_key("كامران تستوغلو"))[0].id == "Q990000010"
    assert [e.id for e in kb.lookup(name_key("روسيا"))] == ["Q159"]  # the seed countries are always there
    assert kb.version.endswith("+" + seed.version) and len(kb) == len(seed) + 1
    other = write_kb([TESTLAND], [], tmp_path / "other", source="other")
    kb2 = open_kb(tmp_path / "other")
    assert kb2.version == f"{other.version}+{seed.version}"
    assert kb2.lookup("testland")[0].id == "Q990000001" and kb2.lookup(name_key("كامران تستوغلو")) == ()
    with pytest.raises(KBError, match="missing: no such KB directory"):
        open_kb(tmp_path / "missing")


def test_a_disk_kb_travels_to_worker_processes(tmp_path):
    import pickle

    kb = LayeredKB([write_kb([MINISTER], [NISBA], tmp_path / "kb", source="t"), MemoryKB([TESTLAND], version="s")])
    again = pickle.loads(pickle.dumps(kb))
    assert again.version == kb.version
    assert again.lookup(name_key("كامران تستوغلو")) == (MINISTER,) and again.get("Q990000001") == TESTLAND
