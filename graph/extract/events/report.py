"""Is an event sentence a report of a new event, or talk about one?

Cue words fire as often in "a car bomb killed five in Mosul yesterday" as in "he was sentenced
for the assassination" or "the attack showed the weakness of the state"; "thousands marched in
Athens" as in "the minister warned those calling for demonstrations". For the types listed in
``graph/lexicons/report_<lang>.tsv`` this judgement weighs what news reports carry (casualties,
weapons, crowds, a time, a police or army source) against what commentary, court reports,
condemnations and calls carry. It runs only where a cue already fired and costs one dict lookup
per word.

>>> j = report_judge("ar")
>>> def keys(s): return [fold_key(w) for w in s.split()]
>>> j.keeps("ASSAULT", keys("قتل خمسة أشخاص أمس في انفجار سيارة مفخخة في الموصل"))
True
>>> j.keeps("ASSAULT", keys("وقضت المحكمة بالسجن على المتهم في قضية اغتيال الوزير"))
False
>>> j.keeps("PROTEST", keys("تظاهر آلاف الأشخاص أمس أمام البرلمان"), located=True)
True
>>> j.keeps("CONSULT", keys("بحث الوزيران الأوضاع"))  # not judged
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from graph.extract.events.modality import glued
from graph.resources import lexicon_dir
from graph.text.fold import fold_key

__all__ = ["ReportJudge", "TypeWeights", "report_judge"]

_CAP = 3
_LIST_OPENERS = ("*", "-", "ـ", "•")
_FACTS = ("@length", "@question", "@quote", "@list", "@actor", "@dated", "@located", "@digit")


@dataclass(frozen=True, slots=True)
class TypeWeights:
    """The weights for one event type: bias, word classes, and facts (``@actor`` …)."""

    bias: float = 0.0
    classes: tuple[tuple[float, frozenset], ...] = ()
    facts: dict = field(default_factory=dict)
    index: dict = field(default_factory=dict)  # word, also with و/ف glued on → its classes (one lookup per word)

    @staticmethod
    def build(bias: float, classes: tuple[tuple[float, frozenset], ...], facts: dict) -> TypeWeights:
        # a word counts once per class whether it matches bare or with و/ف in front ("وقتل");
        # only forms of three letters or more take one, so "وان" is not "ان"
        index: dict[str, tuple[int, ...]] = {}
        for n, (_w, forms) in enumerate(classes):
            for f in glued(forms, 3):
                index[f] = (*index.get(f, ()), n)
        return TypeWeights(bias, classes, facts, index)


@dataclass(frozen=True, slots=True)
class ReportJudge:
    """Per-type weights; a type without weights is not judged."""

    weights: dict

    def score(self, type_: str, keys: list[str], *, actor: bool = False, dated: bool = False,
              located: bool = False) -> float:
        """Log-odds that the sentence (its folded tokens, punctuation included) reports a ``type_`` event."""
        w = self.weights.get(type_)
        if w is None:
            return math.inf
        counts = [0] * len(w.classes)
        index = w.index
        words = 0
        digit = False
        for k in keys:
            if not k[:1].isalnum():
                continue
            words += 1
            digit = digit or k[:1].isdigit()
            for n in index.get(k, ()):
                counts[n] += 1
        s = w.bias
        for (wt, _forms), c in zip(w.classes, counts):
            s += wt * min(c, _CAP) / _CAP
        f = w.facts
        s += f.get("@length", 0.0) * min(words, 80) / 80
        s += f.get("@question", 0.0) * ("؟" in keys or "?" in keys)
        s += f.get("@quote", 0.0) * ("«" in keys or '"' in keys)
        s += f.get("@list", 0.0) * bool(keys and (keys[0] in _LIST_OPENERS or keys[0][:1].isdigit()))
        s += f.get("@actor", 0.0) * actor + f.get("@dated", 0.0) * dated
        s += f.get("@located", 0.0) * located + f.get("@digit", 0.0) * digit
        return s

    def verdict(self, type_: str, keys: list[str], **facts: bool) -> tuple[bool, float] | None:
        """(kept as news, confidence) from one scoring, or None when ``type_`` is not judged."""
        if type_ not in self.weights:
            return None
        s = self.score(type_, keys, **facts)
        return s >= 0.0, round(1.0 / (1.0 + math.exp(-s)), 3)

    def keeps(self, type_: str, keys: list[str], **facts: bool) -> bool:
        return self.score(type_, keys, **facts) >= 0.0


@cache
def report_judge(lang: str) -> ReportJudge:
    """The judge for ``lang``; a language without a table judges nothing."""
    path = lexicon_dir() / f"report_{lang}.tsv"
    if not path.exists():
        return ReportJudge({})
    bias: dict[str, float] = {}
    classes: dict[str, list] = {}
    facts: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith(("#", "type\t")) or not line.strip():
                continue
            type_, name, weight, *forms = line.rstrip("\n").split("\t")
            classes.setdefault(type_, [])
            facts.setdefault(type_, {})
            if name == "bias":
                bias[type_] = float(weight)
            elif name.startswith("@"):
                if name not in _FACTS:
                    raise ValueError(f"{path}:{n}: unknown fact {name!r} (known: {', '.join(_FACTS)})")
                facts[type_][name] = float(weight)
            else:
                classes[type_].append((float(weight), frozenset(fold_key(f) for f in forms[0].split("|"))))
    return ReportJudge({t: TypeWeights.build(bias.get(t, 0.0), tuple(classes[t]), facts[t]) for t in classes})
