"""The bundled seed KB loads offline from graph/kb/data and answers the lookups the pipeline needs."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from graph.errors import KBError
from graph.kb.base import KnowledgeBase, MemoryKB, name_key
from graph.kb.seed import COUNTRY_COLUMNS, DATA_DIR, ENTITY_COLUMNS, load_seed_kb, load_tables, read_table


@pytest.fixture(scope="module")
def kb() -> MemoryKB:
    return load_seed_kb()


def _ids(kb: MemoryKB, name: str) -> list[str]:
    return [e.id for e in kb.lookup(name_key(name))]


def test_seed_kb_is_a_knowledge_base(kb):
    assert isinstance(kb, KnowledgeBase)
    assert load_seed_kb() is kb  # cached
    assert kb.version.startswith("seed-") and len(kb.version) == len("seed-") + 12


def test_country_counts_and_completeness(kb):
    countries = [e for e in kb if e.kind == "country"]
    assert len(countries) >= 193
    with_qid = [e for e in countries if e.qid]
    assert len(with_qid) >= 180
    forms: dict[str, list] = defaultdict(list)
    for _, n in kb.nisba_items():
        forms[n.country].append(n)
    for e in countries:
        assert e.label("en") and e.label("ar"), e.id
        assert any(lg == "ar" and kind == "label" for lg, _, kind in e.names), e.id
    for e in with_qid:
        ar = [n for n in forms[e.id] if n.lang == "ar"]
        en = [n for n in forms[e.id] if n.lang == "en"]
        assert ar, f"{e.id} {e.label('en')} has no Arabic nisba"
        assert en, f"{e.id} {e.label('en')} has no English demonym"
        assert e.fact("iso3") is None or len(e.fact("iso3")) == 3


def test_country_lookup_and_facts(kb):
    assert _ids(kb, "روسيا") == ["Q159"]
    assert "Q30" in _ids(kb, "أميركا") and "Q30" in _ids(kb, "الولايات المتحدة الأمريكية")
    assert _ids(kb, "السعودية") == ["Q851"]
    assert "Q851" in _ids(kb, "المملكة العربية السعودية")
    assert "Q30" in _ids(kb, "U.S.")
    russia = kb.get("Q159")
    assert (russia.fact("iso2"), russia.fact("iso3"), russia.fact("capital")) == ("RU", "RUS", "Q649")
    assert russia.type == "GPE" and russia.prior == pytest.approx(0.9)


def test_every_capital_and_country_reference_resolves(kb):
    ids = {e.id for e in kb}
    for e in kb:
        cap = e.fact("capital")
        if cap:
            assert cap in ids, f"capital {cap} of {e.id} is not in the KB"
            assert kb.get(cap).country == e.id
        if e.country:
            assert kb.get(e.country) is not None and kb.get(e.country).kind == "country", e.id


def test_arabic_nisba_readings(kb):
    (rus,) = kb.nisba(name_key("روسي"))
    assert (rus.country, rus.gender, rus.number, rus.lang, rus.group) == ("Q159", "m", "sg", "ar", None)
    assert [(n.country, n.gender) for n in kb.nisba(name_key("الروسية")[2:])] == [("Q159", "f")]
    armenians = [n for n in kb.nisba(name_key("أرمن")) if n.country == "Q399"]
    assert armenians and armenians[0].number == "pl" and armenians[0].group == "Q79797"
    assert any(n.country == "Q227" and n.number == "pl" and n.group == "Q482942"
               for n in kb.nisba(name_key("أذربيجانيون")))
    # plural without a verified ethnic-group QID carries no group
    assert all(n.group is None for n in kb.nisba(name_key("أتراك")))
    us = {(n.gender, n.number) for n in kb.nisba(name_key("أميركية")) if n.country == "Q30"}
    assert us == {("f", "sg")}
    assert any(n.country == "Q30" and n.number == "pl" for n in kb.nisba(name_key("أمريكان")))


def test_nisba_forms_are_written_without_article(kb):
    # keys are looked up after the recogniser strips ال, so the table must hold bare forms
    cols = ("nisba_m", "nisba_f", "nisba_pl_m", "nisba_pl_f")
    for lineno, row in read_table(DATA_DIR / "countries.tsv", COUNTRY_COLUMNS):
        for col in cols:
            for form in filter(None, row[col].split("|")):
                assert not form.startswith("ال"), f"countries.tsv:{lineno} {col} {form}"
    keys = [k for k, n in kb.nisba_items() if n.lang == "ar"]
    assert len(keys) > 4 * 150 and all(k == name_key(k) for k in keys)


def test_english_demonyms(kb):
    assert [(n.country, n.number) for n in kb.nisba("russian")] == [("Q159", "sg")]
    (pl,) = kb.nisba("russians")
    assert (pl.country, pl.number, pl.lang, pl.group) == ("Q159", "pl", "en", "Q49542")
    assert ("Q227", "sg") in [(n.country, n.number) for n in kb.nisba("azerbaijani")]
    assert kb.nisba("chineses") == ()  # invariant plural is not invented


def test_seed_article_names(kb):
    for form in ("قرة باغ", "قره باغ", "إقليم قره باغ", "ناغورني قره باغ"):
        assert "Q44302" in _ids(kb, form), form
    assert _ids(kb, "الأرمن") == ["Q79797"] and kb.get("Q79797").type == "NORP"
    assert _ids(kb, "وزارة الخارجية الروسية") == ["Q789889"]
    ministry = kb.get("Q789889")
    assert ("ar", "الخارجية الروسية", "short") in ministry.names
    assert ministry.type == "ORG" and ministry.country == "Q159"
    assert _ids(kb, "سيرجي لافروف") == _ids(kb, "سيرغي لافروف") == ["Q58217"]
    lavrov = kb.get("Q58217")
    assert ("ar", "لافروف", "short") in lavrov.names and lavrov.role == "foreign minister"
    assert _ids(kb, "يريفان") == ["Q1953"]
    assert _ids(kb, "ستيباناكيرت") == _ids(kb, "خانكندي") == ["Q129352"]
    assert _ids(kb, "أرمينيا") == ["Q399"] and _ids(kb, "أذربيجان") == ["Q227"]
    assert "Q9248" in _ids(kb, "باكو") and "Q649" in _ids(kb, "موسكو")
    (bayramov,) = kb.lookup(name_key("جيهون بيراموف"))
    assert bayramov.qid is None and bayramov.id == "PER-jeyhun-bayramov"
    assert (bayramov.country, bayramov.role, bayramov.type) == ("Q227", "foreign minister", "PER")
    assert kb.is_prefix(name_key("وزارة الخارجية"))


def test_arabic_text_keeps_original_characters(kb):
    # folding is for keys only: names keep hamza forms and ta marbuta as written
    assert kb.get("Q227").label("ar") == "أذربيجان"
    assert "قرة باغ" in [t for _, t, _ in kb.get("Q44302").names]


def _copy_data(tmp_path: Path) -> tuple[Path, Path]:
    c, e = tmp_path / "countries.tsv", tmp_path / "entities.tsv"
    shutil.copyfile(DATA_DIR / "countries.tsv", c)
    shutil.copyfile(DATA_DIR / "entities.tsv", e)
    return c, e


def test_load_tables_from_other_paths_and_version_tracks_content(tmp_path, kb):
    c, e = _copy_data(tmp_path)
    other = load_tables(c, e)
    assert other.version == kb.version and len(other) == len(kb)
    with e.open("a", encoding="utf-8") as fh:
        fh.write("\t".join(["", "PER-test-person", "PER", "person", "Test Person", "", "شخص تجريبي", "", "", "", "Q159",
                            "spokesman", "0.2"]) + "\n")
    changed = load_tables(c, e)
    assert changed.version != kb.version
    assert [x.id for x in changed.lookup(name_key("شخص تجريبي"))] == ["PER-test-person"]


def _write(path: Path, columns: tuple[str, ...], rows: list[list[str]]) -> Path:
    path.write_text("\n".join("\t".join(r) for r in [list(columns), *rows]) + "\n", encoding="utf-8")
    return path


GOOD_COUNTRY = ["Q159", "RU", "RUS", "Russia", "", "روسيا", "", "روسي", "روسية", "روس", "روسيات", "Russian", "", ""]
GOOD_ENTITY = ["Q58217", "", "PER", "person", "Sergey Lavrov", "", "سيرجي لافروف", "", "لافروف", "", "Q159", "", "0.7"]


@pytest.mark.parametrize(
    ("country_row", "entity_row", "message"),
    [
        (GOOD_COUNTRY[:5], GOOD_ENTITY, "expected 14"),
        (["Russia"] + GOOD_COUNTRY[1:], GOOD_ENTITY, "needs a QID"),
        (GOOD_COUNTRY, ["", "", *GOOD_ENTITY[2:]], "local_id"),
        (GOOD_COUNTRY, GOOD_ENTITY[:2] + ["PERSON"] + GOOD_ENTITY[3:], "type must be"),
        (GOOD_COUNTRY, GOOD_ENTITY[:12] + ["1.5"], "prior must be"),
        (GOOD_COUNTRY, GOOD_ENTITY[:12] + ["high"], "not a number"),
        (GOOD_COUNTRY, ["Q159"] + GOOD_ENTITY[1:], "duplicate id Q159"),
    ],
)
def test_malformed_tables_raise_kb_error_with_location(tmp_path, country_row, entity_row, message):
    c = _write(tmp_path / "c.tsv", COUNTRY_COLUMNS, [country_row])
    e = _write(tmp_path / "e.tsv", ENTITY_COLUMNS, [entity_row])
    with pytest.raises(KBError, match=message) as err:
        load_tables(c, e)
    assert ":2:" in str(err.value)


def test_wrong_header_and_missing_file(tmp_path):
    c = _write(tmp_path / "c.tsv", ("qid", "name"), [["Q159", "Russia"]])
    e = _write(tmp_path / "e.tsv", ENTITY_COLUMNS, [])
    with pytest.raises(KBError, match="header"):
        load_tables(c, e)
    with pytest.raises(KBError, match="cannot read"):
        load_tables(tmp_path / "absent.tsv", e)


def test_data_files_are_well_formed():
    # every row parses with the declared columns and ids are unique across both files
    ids = [r["qid"] for _, r in read_table(DATA_DIR / "countries.tsv", COUNTRY_COLUMNS)]
    ids += [r["qid"] or r["local_id"] for _, r in read_table(DATA_DIR / "entities.tsv", ENTITY_COLUMNS)]
    assert len(ids) == len(set(ids))
    raw = (DATA_DIR / "entities.tsv").read_text(encoding="utf-8") + (DATA_DIR / "countries.tsv").read_text(encoding="utf-8")
    assert "/work/" not in raw and "\r" not in raw


@pytest.mark.parametrize("word", ["كيف", "سيول", "القمر", "مشهد", "قم", "مالية", "قمري", "فرس"])
def test_common_arabic_words_are_not_full_names(kb, word):
    # "how", "floods", "the moon", "scene", "stand up", "financial", "lunar", "horse": a city or country
    # they also name may only carry them as a short form that needs context
    key = name_key(word)
    for e in kb.lookup(key):
        kinds = {kind for lg, text, kind in e.names if name_key(text) == key}
        assert kinds == {"short"}, (e.id, kinds)
    assert kb.nisba(key) == ()


def test_first_kind_is_the_first_of_kinds_for_in_order():
    from graph.kb.base import name_key
    from graph.kb.seed import load_seed_kb

    order = ("label", "alias", "short")
    kb = load_seed_kb()
    checked = 0
    for e in list(kb)[:300]:
        for _, text, _ in e.names:
            key = name_key(text)
            kinds = e.kinds_for(key)
            assert e.first_kind(key) == next(k for k in order if k in kinds)
            checked += 1
        assert e.first_kind("no such name here") is None
    assert checked > 300
