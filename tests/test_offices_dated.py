"""Dated offices drive linking: a role and a country with no name resolve to the office holder on
the article's date, in Arabic and English (``tests/data/roles_dated.tsv``, written for the project)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from graph.api import annotate, load_kb
from graph.kb.offices import Term
from graph.link.offices import OfficeIndex

CASES = Path(__file__).resolve().parent / "data" / "roles_dated.tsv"


def _cases():
    out = []
    for lineno, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            lang, published, sentence, role, country, qid, _ = line.split("\t")
            out.append(pytest.param(lang, published, sentence, role, country, qid, id=f"{lineno}-{lang}-{published}"))
    return out


def test_the_set_is_big_enough():
    cases = _cases()
    assert len(cases) >= 40
    assert {c.values[0] for c in cases} == {"ar", "en"}


@pytest.mark.parametrize("lang,published,sentence,role,country,qid", _cases())
def test_role_resolves_to_holder_on_date(lang, published, sentence, role, country, qid):
    kb = load_kb()
    doc = annotate(sentence, lang=lang, published=published, kb=kb)
    offices = [m for m in doc.mentions if m.via == "office"]
    assert [(m.qid, m.role, m.country) for m in offices] == [(qid, role, country)], doc.mentions
    # the mention keeps the role words; the holder's name is the label
    assert offices[0].label == kb.get(qid).label("en")


def test_no_date_no_holder():
    doc = annotate("قال وزير الخارجية الروسي إن المحادثات كانت مفيدة.", lang="ar", kb=load_kb())
    assert not [m for m in doc.mentions if m.via == "office"]


def test_precise_start_beats_a_year():
    idx = OfficeIndex([Term("president", "Q159", "2008-05-07", "2012-05-07", "Q23530", ""),
                       Term("president", "Q159", "2012", "", "Q7747", "")])
    assert idx.holder("president", "Q159", "2012-03-01") == "Q23530"
    assert idx.holder("president", "Q159", "2013-03-01") == "Q7747"
    assert idx.holder("president", "Q159", "2007-03-01") is None
    assert idx.holder("president", "Q159", _dt.date(2010, 1, 1).isoformat()) == "Q23530"


@pytest.mark.parametrize("lang,sentence", [
    ("ar", "قال وزير الخارجية الروسي السابق إن المحادثات كانت مفيدة."),
    ("en", "The former Russian foreign minister said the talks were useful."),
])
def test_a_former_holder_is_not_the_holder_on_the_date(lang, sentence):
    doc = annotate(sentence, lang=lang, published="2023-05-01", kb=load_kb())
    assert [m.qid for m in doc.mentions if m.via == "office"] == []
    assert "Q58217" not in {m.qid for m in doc.mentions}
