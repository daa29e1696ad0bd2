"""The event data tables: CAMEO→PLOVER mapping (checked against the OEDA table), cue lexicons, months."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.dates import calendar_words
from graph.extract.events.cues import cameo_to_plover, cue_lexicon
from graph.resources import lexicon_dir

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OEDA = SHARED / "data" / "lexicons" / "CAMEO2PLOVER-2021.txt"
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def _rows(name):
    with open(lexicon_dir() / name, encoding="utf-8") as fh:
        lines = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return header, [ln.split("\t") for ln in lines[1:]]


def _ours():
    _, rows = _rows("cameo_plover.tsv")
    return {r[0]: (r[1], r[2]) for r in rows}


def test_cameo_table_is_well_formed():
    header, rows = _rows("cameo_plover.tsv")
    assert header == ["cameo", "plover", "mode", "description"]
    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"\d{2,4}", c) for c in codes)
    assert {r[1] for r in rows} == PLOVER_TYPES


@pytest.mark.skipif(not OEDA.is_file(), reason="../shared/data/lexicons/CAMEO2PLOVER-2021.txt is not available")
def test_cameo_table_agrees_with_oeda_conversion_table():
    theirs: dict[str, list[tuple[str, str]]] = {}
    for line in OEDA.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,([^,#]*))?", line)
        if m:
            theirs.setdefault(m.group(1), []).append((m.group(2), (m.group(3) or "").strip()))
    ours = _ours()
    shared_codes = [c for c in ours if c in theirs]
    assert len(shared_codes) >= 100
    for code in shared_codes:
        plover, mode = ours[code]
        readings = theirs[code]
        assert plover in {p for p, _ in readings}, code
        their_modes = {m for p, m in readings if p == plover and m}
        if mode and their_modes:
            assert mode in their_modes, code


def test_cameo_lookup_uses_longest_prefix():
    assert cameo_to_plover("0871") == ("RETREAT", "ceasefire")
    assert cameo_to_plover("041") == ("CONSULT", "phone")
    assert cameo_to_plover("1384")[0] == "THREATEN"
    assert cameo_to_plover("99") is None


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_cue_rows_agree_with_the_cameo_table(lang):
    header, rows = _rows(f"events_{lang}.tsv")
    assert header == ["forms", "type", "cameo", "mode", "flags"]
    ours = _ours()
    for r in rows:
        forms, type_, cameo, mode = r[:4]
        if type_ == "NONE":
            continue
        assert type_ in PLOVER_TYPES, r
        plover, table_mode = cameo_to_plover(cameo)
        assert plover == type_, r
        if mode and table_mode:
            assert mode == table_mode, r
        assert cameo in ours or cameo[:2] in ours
        if lang == "ar":
            assert all(re.search(r"[\u0600-\u06FF]", f) for f in forms.split("|")), r


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_type_has_cues(lang):
    lex = cue_lexicon(lang)
    types = {c.type for cues in lex.heads.values() for c in cues}
    assert types >= {"CONSULT", "AGREE", "ASSAULT", "PROTEST", "RETREAT", "COERCE", "ACCUSE", "THREATEN"}


def test_calendar_tables_are_complete():
    for lang in ("ar", "en"):
        w = calendar_words(lang).by_kind
        assert sorted({int(v) for v in w["month"].values()}) == list(range(1, 13))
        assert sorted({int(v) for v in w["weekday"].values()}) == list(range(7))
        assert sorted({int(v) for v in w["hijri"].values()}) == list(range(1, 13))


_HEADS = sorted(cue_lexicon("ar").heads)
_WORD = st.one_of(
    st.builds(lambda pre, head, suf: pre + head + suf, st.sampled_from(["", "و", "ف", "ب", "ل", "ال", "وال", "س", "ي", "ت", "سي"]),
              st.sampled_from(_HEADS), st.sampled_from(["", "ت", "وا", "ون", "ها", "ان", "ات", "تهما"])),
    st.text(alphabet="ابتجحدرسعفقلمنهوية", min_size=1, max_size=7),
)


@given(st.lists(_WORD, max_size=12))
@settings(max_examples=300, deadline=None)
def test_a_sentence_without_a_cue_has_no_hit_that_reports(words):
    lex = cue_lexicon("ar")
    reporting = [h for h in lex.find(words) if not h.definite or h.cue.definite_ok]
    assert lex.has_cue(words) or not reporting
