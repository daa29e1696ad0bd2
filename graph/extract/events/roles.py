"""Who is source, target, mediator and location of an event cue in one sentence.

Arabic news is mostly verb–subject–object but also subject–verb (``روسيا وأذربيجان يبحثان``), so
the source is the actor right after a verb cue, else the nearest actor before the cue, else the
next one after it. Prepositions mark the other roles: ``مع``/"with" and ``على``/``ضد``/"against"
a target, ``بوساطة``/"mediated by" a mediator, ``في منطقة X``/"in X" a location, and
``بين X وY``/"between X and Y" a symmetric pair. Coordinated subjects (``X وY``) make a
symmetric pair too. Only words and mention offsets are used: no parser, constant work per actor.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from graph.extract.events.actors import actor_nouns
from graph.extract.events.modality import glued
from graph.text.fold import fold_key
from graph.types import Mention

__all__ = ["ACTOR_TYPES", "Roles", "Tok", "assign_roles"]

ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})

_LOC_PREP = frozenset({"في", "قرب", "داخل", "بالقرب", "بمنطقه", "بمدينه", "in", "at", "near", "inside", "outside"})
_AREA = frozenset({
    "منطقه", "مدينه", "اقليم", "بلده", "قريه", "محافظه", "ولايه", "العاصمه", "عاصمه", "شمال", "جنوب", "شرق",
    "غرب", "وسط", "مناطق", "حي", "مخيم", "قطاع", "ضواحي", "من", "northern", "southern", "eastern", "western",
    "central", "the", "city", "of", "region", "province", "town",
})
_TARGET_PREP = frozenset({"مع", "علي", "ضد", "بحق", "الي", "لدي", "with", "against", "on", "to", "targeting"})
_MEDIATOR = frozenset({"بوساطه", "وساطه", "برعايه", "mediated", "brokered", "mediation"})
_BETWEEN = frozenset({"بين", "between"})
# "قال X إن Y هاجم …": X reports, Y acts; a complementiser between an actor and the cue marks X
_THAT = frozenset({"ان", "بان", "انه", "بانه", "انها", "بانها", "that"})
_POSSESSIVE = ("هم", "ها", "ه")
_FROM = frozenset({"من", "from"})
# the agent of a passive: "من قبل X", "على أيدي X", "على يد X", "by X"
_AGENT = (("قبل", "من"), ("ايدي", "علي"), ("يد", "علي"), ("by",))
_AND = frozenset({"و", "and"})
_SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "RETREAT"})
_START, _IS_WORD = attrgetter("start"), attrgetter("is_word")
_QUOTES = frozenset({'"', "«", "»", "(", "'"})  # skipped when looking at the words before a mention
_NEAR_AFTER = 2  # words between a verb cue and a following subject
_SRC_BEFORE = 8  # words between a preceding subject and the cue
_SRC_AFTER = 6


class Tok(NamedTuple):
    """A token of the sentence (a tuple: created by the thousand, so kept cheap)."""

    start: int
    end: int
    key: str  # folded
    is_word: bool


@dataclass(frozen=True, slots=True)
class Roles:
    source: Mention | None = None
    target: Mention | None = None
    mediator: Mention | None = None
    location: Mention | None = None
    symmetric: bool = False


class _Sent:
    """Tokens and mentions of one sentence with the lookups roles need."""

    def __init__(self, text: str, toks: list[Tok], mentions: list[Mention]):
        self.text = text
        self.toks = toks
        self.starts = list(map(_START, toks))
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.first = [self.tok_at(m.start) for m in self.mentions]
        self.last = [self.tok_at(m.end - 1) for m in self.mentions]

    def tok_at(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def before(self, i: int, n: int = 3) -> list[str]:
        """Folded words just before mention ``i``: its glued clitic first, then preceding tokens."""
        m, t = self.mentions[i], self.toks[self.first[i]]
        out = []
        if t.start < m.start:
            out.append(fold_key(self.text[t.start:m.start]))
        j = self.first[i] - 1
        while j >= 0 and len(out) < n:
            if self.toks[j].key not in _QUOTES:
                out.append(self.toks[j].key)
            j -= 1
        return out

    def words_between(self, a: int, b: int) -> int:
        return sum(map(_IS_WORD, self.toks[a:b]))  # is_word is a bool

    def is_locative(self, i: int) -> bool:
        prev = self.before(i, 4)
        if prev and prev[0] in ("ب", "بال", "وب"):
            return True
        for w in prev:
            if w in _LOC_PREP:
                return True
            if len(w) > 3 and w[0] == "ب" and w[1:] in _AREA:
                return True  # "بشمال غرب باكستان", "بمنطقة …"
            if w not in _AREA:
                return False
        return False

    def after_marker(self, vocab: frozenset, from_tok: int, gap: int, ok, within: int | None = None) -> int | None:
        """The first acceptable mention at most ``gap`` words after a marker word at or after ``from_tok``."""
        for t in range(from_tok, len(self.toks)):
            if self.toks[t].key not in vocab:
                continue
            if within is not None and self.words_between(from_tok, t) > within:
                return None
            for i in range(len(self.mentions)):
                if self.first[i] > t and ok(i):
                    if self.words_between(t + 1, self.first[i]) <= gap:
                        return i
                    break
        return None

    def agent(self, i: int) -> bool:
        """Mention ``i`` is the agent of a passive ("تم اغتصابها من قبل عدة ضباط عراقيين"); one word may intervene."""
        prev = self.before(i, 3)
        return any(tuple(prev[k:k + len(a)]) == a for a in _AGENT for k in (0, 1))

    def origin(self, i: int) -> bool:
        """Mention ``i`` follows "from" (``من``/"from"), possibly with a direction: ``من جنوب لبنان``."""
        prev = self.before(i, 2)
        return bool(prev) and (prev[0] in _FROM or (len(prev) > 1 and prev[0] in _AREA and prev[1] in _FROM))

    def marker(self, i: int, vocab: frozenset, n: int = 2) -> bool:
        return any(w in vocab for w in self.before(i, n))

    def reports(self, i: int, cue_first: int, reporting: frozenset) -> bool:
        """Mention ``i`` is who tells of the event, not who acts: "قال الجيش … إن طائراته قصفت"."""
        if self.last[i] >= cue_first:
            return False
        vocab = glued(reporting)
        said = any(w in vocab for w in self.before(i, 2))
        return said and any(t.key in _THAT for t in self.toks[self.last[i] + 1:cue_first])

    def own_forces(self, i: int, cue_first: int, lang: str) -> bool:
        """After reporter ``i``, "its forces" act: "قال الجيش الأميركي إن قواته أطلقت" — the reporter is the source."""
        if lang != "ar":
            return False
        nouns = actor_nouns(lang)
        for t in self.toks[self.last[i] + 1:cue_first + 1]:
            for p in _POSSESSIVE:
                k = t.key[1:] if t.key[:1] in "وف" else t.key
                if k.endswith(p) and len(k) > len(p) + 2 and (k[:-len(p)] in nouns or k[:-len(p)] + "ة" in nouns):
                    return True
        return False


def assign_roles(
    text: str, toks: list[Tok], mentions: list[Mention], cue_first: int, cue_last: int, type_: str, lang: str = "ar",
    noun: bool = False, reporting: frozenset = frozenset(),
) -> Roles:
    """Roles for the cue spanning tokens ``cue_first..cue_last`` (inclusive) of the sentence.

    For a noun cue (``خطف أربعة أميركيين``) what follows is the object, not the subject, unless
    it is the cue's own nationality adjective (``ضربة جوية أميركية``). An actor introduced by a
    ``reporting`` word and followed by "that" (``قال مواطنون سوريون إن …``) tells of the event and
    is never its source.
    """
    s = _Sent(text, toks, mentions)
    n = len(s.mentions)
    locative = [s.is_locative(i) for i in range(n)]
    actor = [s.mentions[i].type in ACTOR_TYPES and not locative[i] and not s.reports(i, cue_first, reporting)
             for i in range(n)]
    used: set[int] = set()

    mediator = s.after_marker(_MEDIATOR, 0, 3, lambda i: s.mentions[i].type in ACTOR_TYPES)
    if mediator is not None:
        used.add(mediator)

    location = None
    # a nationality adjective can sit inside a multiword cue ("ضربة جوية أميركية" → "جوية أميركية")
    after = [i for i in range(n) if s.first[i] > cue_last or (s.last[i] > cue_last >= s.first[i] > cue_first)]
    for i in after + [i for i in range(n) if s.first[i] <= cue_last]:
        if locative[i] and s.mentions[i].type in ("GPE", "LOC") and i not in used:
            location = i
            break

    source = target = None
    symmetric = False
    agents = [i for i in range(n) if s.first[i] > cue_last and actor[i] and i not in used and s.agent(i)
              and s.words_between(cue_last + 1, s.first[i]) <= 8 and type_ not in _SYMMETRIC_TYPES]
    # "بين X وY" / "between X and Y": a pair, whatever the types (a region can be a party)
    for i in range(n - 1):
        if i in used or not s.marker(i, _BETWEEN, 1):
            continue
        j = i + 1
        nxt = s.toks[s.last[i] + 1].key if s.last[i] + 1 < len(s.toks) else ""
        glued = s.before(j, 1)
        joined = nxt in _AND or nxt.startswith("و") or (s.last[i] + 1 == s.first[j] and glued and glued[0] == "و")
        if j not in used and joined and s.words_between(s.last[i] + 1, s.first[j]) <= 3:
            source, target, symmetric = i, j, True
            used.update((i, j))
            break

    if source is None:
        # target marked by a preposition after the cue ("على أيدي X" marks the agent, not a target)
        target = s.after_marker(_TARGET_PREP, cue_last + 1, 4, lambda i: actor[i] and i not in used and i not in agents,
                                within=6)
        if target is not None:
            used.add(target)
        src_after = [i for i in after if actor[i] and i not in used and not s.marker(i, _TARGET_PREP, 2)]
        if noun:
            # after a noun the next actor is its object, except its nationality adjective ("ضربة جوية
            # أميركية") or its origin ("إطلاق صواريخ من جنوب لبنان")
            src_after = [i for i in src_after[:1]
                         if (s.mentions[i].via == "nisba" and s.mentions[i].type == "ORG"
                             and s.words_between(cue_last + 1, s.first[i]) <= 1)
                         or (s.origin(i) and s.words_between(cue_last + 1, s.first[i]) <= 3)]
        src_before = [i for i in range(n) if s.last[i] < cue_first and actor[i] and i not in used]
        gap_before = s.words_between(s.last[src_before[-1]] + 1, cue_first) if src_before else 99
        gap_after = s.words_between(cue_last + 1, s.first[src_after[0]]) if src_after else 99
        if lang == "ar" and gap_after <= _NEAR_AFTER and gap_before > _NEAR_AFTER:
            source = src_after[0]  # verb–subject order
        elif gap_before <= _SRC_BEFORE:
            source = src_before[-1]
            # coordinated subject "X وY يبحثان": a symmetric pair
            k = len(src_before) - 2
            if target is None and k >= 0 and type_ in _SYMMETRIC_TYPES:
                x = src_before[k]
                prev = s.before(source, 1)
                if prev and (prev[0] in _AND or prev[0] == "و") and s.words_between(s.last[x] + 1, s.first[source]) <= 1:
                    source, target, symmetric = x, source, True
        elif gap_after <= _SRC_AFTER:
            source = src_after[0]
        told = [i for i in range(n) if s.mentions[i].type in ACTOR_TYPES and not locative[i] and not actor[i]
                and i not in used and s.own_forces(i, cue_first, lang)]
        if told and (source is None or s.first[source] > cue_last):
            source = told[-1]  # "قال الجيش التركي إن طائراته قصفت مجموعة من المتمردين": the army, not the rebels
        if agents:
            source = agents[0]  # a passive names its agent: whoever else is near is not the actor
        if source is not None:
            used.add(source)
        if target is None and type_ not in _SYMMETRIC_TYPES:
            # object of a verb cue: the next actor after cue and source
            lo = max(cue_last, s.last[source] if source is not None else -1)
            for i in after:
                if actor[i] and i not in used and s.first[i] > lo and s.words_between(lo + 1, s.first[i]) <= 4:
                    target = i
                    break
        if target is not None and type_ in _SYMMETRIC_TYPES and source is not None:
            symmetric = True

    def pick(i):
        return s.mentions[i] if i is not None else None

    return Roles(pick(source), pick(target), pick(mediator), pick(location), symmetric)
