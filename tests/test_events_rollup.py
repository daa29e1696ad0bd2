"""Actor roll-up: the entity as written → country-level actor and CAMEO sector."""

from __future__ import annotations

from graph.extract.events.rollup import actor_role
from graph.kb.base import Entity, MemoryKB
from graph.types import Mention


def _person(facts):
    return Entity(id="Q1", qid="Q1", type="PER", kind="person", names=(("en", "A. Person", "label"),),
                  country="Q227", facts=facts)


def _role(facts):
    kb = MemoryKB([_person(facts)])
    return actor_role(Mention(0, 9, "A. Person", "PER", "Q1", "Q1", 0.9), kb)


def test_office_held_now_makes_a_government_actor():
    r = _role((("P27", "Q227"), ("P39", "Q100"), ("P580:Q100", "2020-01-01")))
    assert (r.country, r.sector) == ("Q227", "GOV")


def test_office_that_ended_does_not():
    r = _role((("P39", "Q100"), ("P580:Q100", "2010-01-01"), ("P582:Q100", "2015-01-01")))
    assert (r.country, r.sector) == ("Q227", None)


def test_role_in_the_text_wins_over_the_kb():
    kb = MemoryKB([_person((("P39", "Q100"),))])
    m = Mention(0, 9, "A. Person", "PER", "Q1", "Q1", 0.9, role="army chief of staff")
    assert actor_role(m, kb).sector == "MIL"
