"""The seed article against its gold annotation (``gold.json`` beside the article file).

Mentions: recall over the required (non-optional) gold mentions, a mention counting when its
span and type are right and, where gold has a QID, the QID too (alternatives named in a note
as "Q… (…) also accepted" count); precision over system mentions outside the optional region
(the repeated headline), right under the same conditions. Linking: gold mentions with a
QID found with that QID. Events (when the pipeline produces any): a gold event is found when
a system event has its PLOVER type (or an accepted alternative), its source and target
countries (either order for symmetric events) and its date.

>>> g = {"mentions": [{"start": 0, "end": 5, "text": "روسيا", "type": "GPE", "qid": "Q159"}]}
>>> from graph.types import Mention
>>> r = score_mentions(g, [Mention(0, 5, "روسيا", "GPE", "Q159", "Q159", 0.9)])
>>> r["mentions"].as_dict()["f1"], r["linking"].as_dict()["recall"]
(1.0, 1.0)
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InputError
from graph.eval.metrics import Counts

__all__ = ["SeedResult", "evaluate_seed", "score_events", "score_mentions"]

_ALSO = re.compile(r"\b(Q\d+)\b[^;]*?also accepted")


@dataclass
class SeedResult:
    counts: dict[str, Counts] = field(default_factory=dict)  # mentions, linking, per type, events
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_link: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"counts": {k: c.as_dict() for k, c in self.counts.items()}, "missed": self.missed,
                "extra": self.extra, "wrong_link": self.wrong_link}


def _qids(g: dict) -> set[str]:
    out = {g["qid"]} if g.get("qid") else set()
    out.update(_ALSO.findall(g.get("note", "")))
    return out


def score_mentions(gold: dict, mentions: Sequence, result: SeedResult | None = None) -> dict[str, Counts]:
    """Counts ``mentions`` (records with start, end, type, qid), ``linking`` and one per type."""
    res = result if result is not None else SeedResult()
    golds = gold["mentions"]
    required = [g for g in golds if not g.get("optional")]
    optional = [(g["start"], g["end"]) for g in golds if g.get("optional")]
    lo, hi = (min(s for s, _ in optional), max(e for _, e in optional)) if optional else (0, 0)
    by_span = {(m.start, m.end): m for m in mentions}
    gold_spans = {(g["start"], g["end"]): g for g in golds}
    counts: dict[str, Counts] = {"mentions": Counts(), "linking": Counts()}
    for g in required:
        c = counts.setdefault(g["type"], Counts())
        m = by_span.get((g["start"], g["end"]))
        ok = m is not None and m.type == g["type"] and (not g.get("qid") or m.qid in _qids(g))
        if ok:
            counts["mentions"].tp += 1
            c.tp += 1
        else:
            counts["mentions"].fn += 1
            c.fn += 1
            res.missed.append(f"{g['text']} {g['type']} {g.get('qid')} @{g['start']}")
        if g.get("qid"):
            if m is not None and m.qid in _qids(g):
                counts["linking"].tp += 1
            else:
                counts["linking"].fn += 1
                if m is not None and m.qid:
                    counts["linking"].fp += 1
                    res.wrong_link.append(f"{g['text']} @{g['start']}: {m.qid} (gold {g['qid']})")
    for m in mentions:
        if lo <= m.start < hi:
            continue
        g = gold_spans.get((m.start, m.end))
        if g is None or g["type"] != m.type or (g.get("qid") and m.qid not in _qids(g)):
            counts["mentions"].fp += 1
            counts.setdefault(m.type, Counts()).fp += 1
            res.extra.append(f"{m.text} {m.type} {m.qid} @{m.start}")
    res.counts.update(counts)
    return counts


def _country(role) -> str | None:
    if role is None:
        return None
    return role.country or role.entity


def score_events(gold: dict, events: Sequence) -> Counts:
    """Found gold events (non-optional) and system events that match none."""
    required = [g for g in gold.get("events", []) if not g.get("optional")]
    every = gold.get("events", [])

    def matches(g: dict, e) -> bool:
        types = {g["type"], *g.get("accept_also", [])}
        if e.type not in types:
            return False
        src, tgt = _country(e.source), _country(e.target)
        targets = {g.get("target"), *g.get("accept_target", [])}
        if g.get("date") and str(getattr(e, "date", None)) != g["date"]:
            return False
        pairs = [(src, tgt)] + ([(tgt, src)] if g.get("symmetric") else [])
        return any(s == g.get("source") and (g.get("target") is None or t in targets) for s, t in pairs)

    c = Counts()
    c.tp = sum(1 for g in required if any(matches(g, e) for e in events))
    c.fn = len(required) - c.tp
    c.fp = sum(1 for e in events if not any(matches(g, e) for g in every))
    return c


def evaluate_seed(gold_path: str | Path, kb=None) -> SeedResult:
    """Annotate the seed article named by ``gold_path`` and score it."""
    from graph.api import annotate

    gold_path = Path(gold_path)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["file"]).read_bytes().decode("utf-8")
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(f"cannot read the seed gold or its article ({exc})", path=str(gold_path)) from exc
    meta = gold.get("metadata", {})
    published = _dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
    doc = annotate(text, lang=meta.get("lang"), published=published, kb=kb)
    res = SeedResult()
    score_mentions(gold, doc.mentions, res)
    if gold.get("events"):
        res.counts["events"] = score_events(gold, doc.events)
    return res
