"""English end-to-end entity linking against ELEVANT benchmark JSONL (News-Fair, KORE50 …).

Each record is ``{"id", "text", "evaluation_span"?, "labels": [{"id", "span": [s, e],
"entity_id": "Q…" | "<NIL>" | "DATETIME" | "QUANTITY" | "<NO_MAPPING>", "parent"?, "children"?}]}``.

Scoring (system mentions with a QID, inside the evaluation span):

- gold items are the labels with a QID; a top-level label also accepts the spans of its
  children that carry the same QID ("Denver" for "Denver, Colorado"); a child with another QID
  ("Colorado") is a gold item of its own;
- **strict**: a prediction is right when its span equals an accepted span and its QID matches;
  a linked prediction on a ``<NIL>`` label or on no label is a false positive; predictions on
  DATETIME/QUANTITY/``<NO_MAPPING>`` labels are not counted;
- **relaxed**: right when the QID matches a gold item whose span overlaps the prediction;
- **labelled**: strict, but a prediction overlapping no label at all is not counted (RSS-500
  and Reuters-128 label only some names, so their strict precision understates);
- **named**: strict, over the gold items written as names only (News-Fair also links
  pronouns and common nouns: "his", "the nation").

Unlinked (NIL) system mentions are not scored: this measures linking, not NIL detection.

>>> doc = ElDoc("d", "Paris and France", (0, 16), (Gold((0, 5), "Q90", ((0, 5),)), Gold((10, 16), "Q142", ((10, 16),))), ())
>>> r = score_doc(doc, [(0, 5, "Q90"), (10, 16, "Q30")])
>>> r["strict"].as_dict()["precision"], r["strict"].as_dict()["recall"]
(0.5, 0.5)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InputError
from graph.eval.metrics import Counts

__all__ = [
    "BENCHMARKS",
    "ElDoc",
    "ElResult",
    "Gold",
    "annotate_predictor",
    "evaluate_el",
    "read_benchmark",
    "score_doc",
]

#: the benchmark files the harness runs by default, in this order
BENCHMARKS = ("news-fair", "kore50", "reuters-128", "rss-500", "msnbc-updated")
_IGNORED = ("DATETIME", "QUANTITY", "<NO_MAPPING>")


@dataclass(frozen=True, slots=True)
class Gold:
    span: tuple[int, int]
    qid: str
    accepted: tuple[tuple[int, int], ...]  # spans that count as this item (its own + same-QID children)
    named: bool = True  # written as a name (capitalised), not a pronoun or common noun ("his", "the nation")


@dataclass(frozen=True, slots=True)
class ElDoc:
    id: str
    text: str
    window: tuple[int, int]  # evaluation span
    gold: tuple[Gold, ...]
    nil_spans: tuple[tuple[int, int], ...]  # <NIL> labels: linking them is an error
    ignored_spans: tuple[tuple[int, int], ...] = ()  # dates, quantities, unmapped: not scored


@dataclass
class ElResult:
    name: str
    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    labelled: Counts = field(default_factory=Counts)  # strict, predictions on unlabelled text not counted
    named: Counts = field(default_factory=Counts)  # strict, over gold items written as names only
    documents: int = 0
    gold: int = 0
    gold_in_kb: int = 0  # gold items whose QID the KB has at all: the recall ceiling
    predicted: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"name": self.name, "documents": self.documents, "gold": self.gold, "gold_in_kb": self.gold_in_kb,
                "predicted": self.predicted,
                "seconds": round(self.seconds, 2), "strict": self.strict.as_dict(),
                "relaxed": self.relaxed.as_dict(), "labelled": self.labelled.as_dict(),
                "named": self.named.as_dict()}


def _doc(rec: dict, where: str) -> ElDoc:
    try:
        text = rec["text"]
        labels = rec.get("labels", [])
        win = rec.get("evaluation_span") or [0, len(text)]
        by_id = {lab.get("id"): lab for lab in labels if lab.get("id") is not None}
        gold, nil, ignored = [], [], []
        for lab in labels:
            span = (int(lab["span"][0]), int(lab["span"][1]))
            eid = str(lab["entity_id"])
            parent = by_id.get(lab.get("parent")) if lab.get("parent") is not None else None
            if not eid.startswith("Q"):
                (nil if eid == "<NIL>" else ignored).append(span)
                continue
            if parent is not None and parent.get("entity_id") == eid:
                continue  # an alternative span of its parent, counted there
            accepted = [span] + [tuple(by_id[c]["span"]) for c in lab.get("children") or ()
                                 if c in by_id and by_id[c].get("entity_id") == eid]
            first = text[span[0]:span[1]].lstrip("\"'(“‘")[:1]
            gold.append(Gold(span, eid, tuple((int(s), int(e)) for s, e in accepted), first.isupper() or first.isdigit()))
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise InputError(f"not an ELEVANT benchmark record ({exc!r})", path=where) from exc
    return ElDoc(str(rec.get("id", where)), text, (int(win[0]), int(win[1])), tuple(gold), tuple(nil),
                 tuple(ignored))


def read_benchmark(path: str | Path) -> list[ElDoc]:
    """Documents of an ELEVANT ``*.benchmark.jsonl`` file (UTF-8)."""
    path = Path(path)
    out = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"invalid JSON ({exc.msg})", path=str(path), line=n) from exc
                out.append(_doc(rec, f"{path}:{n}"))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(doc: ElDoc, predicted: Iterable[tuple[int, int, str]]) -> dict[str, Counts]:
    """Strict and relaxed counts for one document's linked predictions ``(start, end, qid)``."""
    lo, hi = doc.window
    preds = [(s, e, q) for s, e, q in predicted if q and lo <= s and e <= hi]
    ignored = set(doc.ignored_spans)
    strict, relaxed, labelled = Counts(), Counts(), Counts()
    labels = [a for g in doc.gold for a in g.accepted] + list(doc.nil_spans) + list(ignored)
    hit_strict: set[int] = set()
    hit_relaxed: set[int] = set()
    for s, e, q in preds:
        span = (s, e)
        exact = [i for i, g in enumerate(doc.gold) if span in g.accepted]
        if not exact and span in ignored:
            continue
        ok = [i for i in exact if doc.gold[i].qid == q]
        if ok:
            strict.tp += 1
            labelled.tp += 1
            hit_strict.update(ok)
        else:
            strict.fp += 1
            if any(_overlap(span, x) for x in labels):
                labelled.fp += 1
        near = [i for i, g in enumerate(doc.gold) if g.qid == q and any(_overlap(span, a) for a in g.accepted)]
        if near:
            relaxed.tp += 1
            hit_relaxed.update(near)
        elif exact or not any(_overlap(span, x) for x in ignored):
            # a wrong QID on a gold span is an error; a span inside a date or quantity is not scored
            relaxed.fp += 1
    strict.fn = labelled.fn = len(doc.gold) - len(hit_strict)
    relaxed.fn = len(doc.gold) - len(hit_relaxed)
    # pronouns and common nouns are gold too (News-Fair annotates coreference); this row leaves them out
    named_ids = {i for i, g in enumerate(doc.gold) if g.named}
    named = Counts(len(hit_strict & named_ids), strict.fp, len(named_ids - hit_strict))
    return {"strict": strict, "relaxed": relaxed, "labelled": labelled, "named": named}


def annotate_predictor(kb=None) -> Callable[[ElDoc], list[tuple[int, int, str]]]:
    """Linked mentions of :func:`graph.api.annotate` (lang ``en``) as ``(start, end, qid)``."""
    from graph.api import annotate_article, load_kb
    from graph.types import Article

    kb = kb if kb is not None else load_kb()

    def predict(doc: ElDoc) -> list[tuple[int, int, str]]:
        # the text is used as given (no cleaning), so offsets are the benchmark's
        ann = annotate_article(Article(id=doc.id, text=doc.text, origin=doc.id, lang="en"), kb)
        return [(m.start, m.end, m.qid) for m in ann.mentions if m.qid]

    return predict


def evaluate_el(docs: Sequence[ElDoc], predictor: Callable[[ElDoc], Sequence[tuple[int, int, str]]],
                name: str = "", kb=None) -> ElResult:
    """Strict and relaxed micro counts of ``predictor`` over ``docs`` (and KB coverage when ``kb`` is given)."""
    t0 = time.perf_counter()
    res = ElResult(name)
    for d in docs:
        preds = list(predictor(d))
        r = score_doc(d, preds)
        res.strict += r["strict"]
        res.relaxed += r["relaxed"]
        res.labelled += r["labelled"]
        res.named += r["named"]
        res.documents += 1
        res.gold += len(d.gold)
        if kb is not None:
            res.gold_in_kb += sum(1 for g in d.gold if kb.get(g.qid) is not None)
        lo, hi = d.window
        res.predicted += sum(1 for s, e, q in preds if q and lo <= s and e <= hi)
    res.seconds = time.perf_counter() - t0
    return res
