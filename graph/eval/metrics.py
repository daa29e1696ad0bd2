"""Precision, recall and F1 from counts, and span extraction from BIO tag sequences.

Shared by the NER, linking and seed evaluations so every figure is computed the same way.

>>> c = Counts(tp=3, fp=1, fn=2)
>>> round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)
(0.75, 0.6, 0.667)
>>> bio_spans(["B-LOC", "I-LOC", "O", "B-PERS", "B-PERS", "I-ORG"])
[(0, 2, 'LOC'), (3, 4, 'PERS'), (4, 5, 'PERS'), (5, 6, 'ORG')]
>>> scores = score_spans([(0, 2, "LOC"), (3, 4, "PERS")], [(0, 2, "LOC"), (3, 5, "PERS")], ("LOC", "PERS"))
>>> scores["LOC"].f1, scores["PERS"].f1, scores["overall"].f1
(1.0, 0.0, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["OVERALL", "Counts", "bio_spans", "score_spans", "score_tokens"]

#: key of the micro-averaged row in score dictionaries
OVERALL = "overall"


@dataclass
class Counts:
    """True positives, false positives and false negatives; P/R/F1 derived (0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Gold items (tp + fn)."""
        return self.tp + self.fn

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _split_tag(tag: str) -> tuple[str, str]:
    if tag in ("O", "", "_") or "-" not in tag:
        return "O", ""
    prefix, _, typ = tag.partition("-")
    return prefix.upper(), typ


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans of a BIO/IOB sequence, ``end`` exclusive.

    An ``I-`` tag continuing nothing of its type opens a span (the conlleval reading), so
    IOB1-style data and sloppy annotation still give whole entities.
    """
    out: list[tuple[int, int, str]] = []
    start, cur = None, ""
    for i, tag in enumerate(tags):
        prefix, typ = _split_tag(tag)
        if cur and (prefix != "I" or typ != cur):
            out.append((start, i, cur))
            start, cur = None, ""
        if prefix in ("B", "I", "S", "E") and not cur:
            start, cur = i, typ
    if cur:
        out.append((start, len(tags), cur))
    return out


def score_spans(gold: Iterable[tuple], pred: Iterable[tuple], overall_types: Sequence[str]) -> dict[str, Counts]:
    """Exact-match counts per type over ``(…, type)`` tuples, plus the micro ``overall`` row.

    Items are compared whole (e.g. ``(doc, start, end, type)``); ``overall`` sums only the
    types in ``overall_types``, so a type whose gold is not comparable can be reported apart.
    """
    gold, pred = set(gold), set(pred)
    types = sorted({g[-1] for g in gold} | {p[-1] for p in pred})
    out: dict[str, Counts] = {}
    for t in types:
        g = {x for x in gold if x[-1] == t}
        p = {x for x in pred if x[-1] == t}
        out[t] = Counts(len(g & p), len(p - g), len(g - p))
    total = Counts()
    for t in overall_types:
        total += out.get(t, Counts())
    out[OVERALL] = total
    return out


def score_tokens(gold: Sequence[str], pred: Sequence[str], overall_types: Sequence[str]) -> dict[str, Counts]:
    """Token-level counts per type (a token is right when its type is right, B/I ignored).

    >>> score_tokens(["B-LOC", "I-LOC", "O"], ["B-LOC", "O", "B-LOC"], ("LOC",))["LOC"].as_dict()["f1"]
    0.5
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold tags but {len(pred)} predicted")
    g = [(i, _split_tag(t)[1]) for i, t in enumerate(gold) if _split_tag(t)[1]]
    p = [(i, _split_tag(t)[1]) for i, t in enumerate(pred) if _split_tag(t)[1]]
    return score_spans(g, p, overall_types)
