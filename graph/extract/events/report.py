"""Is a violent-event sentence a report of a new event, or talk about one?

Cue words fire as often in "a car bomb killed five in Mosul yesterday" as in "he was sentenced
for the assassination" or "the attack showed the weakness of the state". This judgement weighs
what news reports carry (casualties, weapons, a time, a police or army source) against what
commentary, court reports and condemnations carry, with weights from
``graph/lexicons/report_ar.tsv``. It runs only for the types listed there, only on sentences
where a cue already fired, and costs one set lookup per word.

>>> j = report_judge("ar")
>>> def keys(s): return [fold_key(w) for w in s.split()]
>>> j.keeps("ASSAULT", keys("قتل خمسة أشخاص أمس في انفجار سيارة مفخخة في الموصل"))
True
>>> j.keeps("ASSAULT", keys("وقضت المحكمة بالسجن على المتهم في قضية اغتيال الوزير"))
False
>>> j.keeps("CONSULT", keys("بحث الوزيران الأوضاع"))  # not judged
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from graph.resources import lexicon_dir
from graph.text.fold import fold_key

__all__ = ["ReportJudge", "report_judge"]

_LENGTH_WEIGHT = -0.7
_QUESTION_WEIGHT = -0.4
_QUOTE_WEIGHT = -0.4
_LIST_WEIGHT = 0.5
_ACTOR_WEIGHT = 1.0  # the event has a source with a country ("أذربيجان شنت عملية عسكرية")
_DATED_WEIGHT = 0.4  # an explicit date expression ("في 19 سبتمبر", "يوم الثلاثاء الماضي")
_CAP = 3


@dataclass(frozen=True, slots=True)
class ReportJudge:
    """Word classes with weights; ``types`` are the event types it judges."""

    types: frozenset
    bias: float
    classes: tuple[tuple[float, frozenset], ...]

    def score(self, keys: list[str], actor: bool = False, dated: bool = False) -> float:
        """Log-odds that the sentence (its folded tokens, punctuation included) reports an event."""
        counts = [0] * len(self.classes)
        words = 0
        for k in keys:
            if not k[:1].isalnum():
                continue
            words += 1
            bare = k[1:] if len(k) > 3 and k[0] in "وف" else k
            for n, (_w, forms) in enumerate(self.classes):
                if k in forms or bare in forms:
                    counts[n] += 1
        s = self.bias + _LENGTH_WEIGHT * min(words, 80) / 80
        for (w, _forms), c in zip(self.classes, counts):
            s += w * min(c, _CAP) / _CAP
        if "؟" in keys or "?" in keys:
            s += _QUESTION_WEIGHT
        if "«" in keys or '"' in keys:
            s += _QUOTE_WEIGHT
        if keys and (keys[0] in ("*", "-", "ـ", "•") or keys[0][:1].isdigit()):
            s += _LIST_WEIGHT
        return s + _ACTOR_WEIGHT * actor + _DATED_WEIGHT * dated

    def keeps(self, type_: str, keys: list[str], actor: bool = False, dated: bool = False) -> bool:
        return type_ not in self.types or self.score(keys, actor, dated) >= 0.0

    def confidence(self, keys: list[str], actor: bool = False, dated: bool = False) -> float:
        """The score as a probability (what :class:`~graph.types.Event` records as confidence)."""
        return 1.0 / (1.0 + math.exp(-self.score(keys, actor, dated)))


@cache
def report_judge(lang: str) -> ReportJudge:
    """The judge for ``lang``; a language without a table judges nothing."""
    path = lexicon_dir() / f"report_{lang}.tsv"
    if not path.exists():
        return ReportJudge(frozenset(), 0.0, ())
    types: frozenset = frozenset()
    bias = 0.0
    classes = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "class\t")) or not line.strip():
                continue
            name, weight, *forms = line.rstrip("\n").split("\t")
            if name == "types":
                types = frozenset(forms[0].split("|"))
            elif name == "bias":
                bias = float(weight)
            else:
                classes.append((float(weight), frozenset(fold_key(f) for f in forms[0].split("|"))))
    return ReportJudge(types, bias, tuple(classes))
