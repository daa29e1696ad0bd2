"""English recognition: case, possessives, titles, counterparts, organisations, demonyms."""

from __future__ import annotations

from graph.kb.base import Entity, MemoryKB, Nisba
from graph.link import link
from graph.recognise import recognise
from graph.text.sentences import split_sentences
from graph.types import Article

KB = MemoryKB(
    [
        Entity("Q159", "Q159", "GPE", "country", (("en", "Russia", "label"),), prior=0.9),
        Entity("Q30", "Q30", "GPE", "country", (("en", "United States", "label"), ("en", "US", "alias"),
                                                 ("en", "U.S.", "alias")), prior=0.9),
        Entity("Q227", "Q227", "GPE", "country", (("en", "Azerbaijan", "label"),), prior=0.9),
        Entity("Q44302", "Q44302", "LOC", "region", (("en", "Nagorno-Karabakh", "label"), ("en", "Karabakh", "alias"))),
        Entity("Q1", "Q1", "GPE", "country", (("en", "Chad", "label"),), prior=0.9),
    ],
    nisbas=[("Russian", Nisba("Q159", "m", "sg", "en")), ("Azerbaijani", Nisba("Q227", "m", "sg", "en")),
            ("Azerbaijanis", Nisba("Q227", "m", "pl", "en")), ("American", Nisba("Q30", "m", "sg", "en"))],
)


def run(text):
    found = recognise(Article("e", text, "e", lang="en"), split_sentences(text), KB)
    ms, _ = link(found, KB)
    for m in ms:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.type, m.qid, m.role, m.country) for m in ms]


def test_case_and_possessives():
    assert run("Russia's army and the U.S. said US aid helps us") == [
        ("Russia", "GPE", "Q159", None, "Q159"), ("U.S.", "GPE", "Q30", None, "Q30"), ("US", "GPE", "Q30", None, "Q30")]
    assert run("they chad about it") == []
    assert run("Chad said") == [("Chad", "GPE", "Q1", None, "Q1")]


def test_hyphenated_name():
    assert run("fighting in Nagorno-Karabakh") == [("Nagorno-Karabakh", "LOC", "Q44302", None, None)]


def test_titles_and_counterparts():
    got = run("Russian Foreign Minister Sergei Lavrov called his Azerbaijani counterpart, Jeyhun Bayramov, on Tuesday.")
    assert got == [("Sergei Lavrov", "PER", None, "foreign minister", "Q159"),
                   ("Jeyhun Bayramov", "PER", None, "foreign minister", "Q227")]


def test_title_with_of_country():
    assert run("Foreign Minister of Azerbaijan Jeyhun Bayramov spoke") == [
        ("Jeyhun Bayramov", "PER", None, "foreign minister", "Q227")]


def test_demonyms_are_attributes_plurals_are_peoples():
    assert run("The Russian delegation left") == []
    assert run("Azerbaijanis celebrated") == [("Azerbaijanis", "NORP", None, None, "Q227")]


def test_organisation_names():
    assert run("The Azerbaijani Defence Ministry said") == [
        ("Azerbaijani Defence Ministry", "ORG", None, None, "Q227")]
