"""Event evaluation: Arabic ASSAULT/PROTEST sentences and the English PLOVER records.

Data (read in place, never copied): ``assault_sentences.csv`` / ``protest_sentences.csv``
(label ``yes`` positive; ``easy no`` / ``difficult no`` negative; ``ambiguous`` left out),
``*_spans.json`` (coders' source actors with CAMEO country codes) and ``plover_en_gsr.json``.
Country codes map to QIDs through ``../shared/data/reference/countries.tsv``.

Rows are split by parity: even rows were used to develop the cue lexicons, odd rows were not;
every figure is reported for both halves and overall so overfitting shows.

>>> split_of(0), split_of(1)
('dev', 'held-out')
>>> gold_type("FIGHT"), gold_type("DEMAND"), gold_type("AGREE")
('ASSAULT', 'REQUEST', 'AGREE')
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from graph.eval.metrics import Counts
from graph.types import Event

__all__ = [
    "EVENT_TYPES",
    "FLOORS",
    "coder_agreement",
    "default_data_dir",
    "detector",
    "evaluate_events",
    "format_report",
    "gold_type",
    "iso3_to_qid",
    "split_of",
]

EVENT_TYPES = ("ASSAULT", "PROTEST")
FLOORS = {"f1": 0.70, "source_country_accuracy": 0.70}
SPLITS = ("dev", "held-out", "overall")
# PLOVER GSR categories from before the 2021 manual, mapped onto the current types
_OLD_TYPES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
_ID_DATE = re.compile(r"_(\d{8})\.")


def default_data_dir() -> Path:
    return Path.cwd() / ".." / "shared" / "data" / "dev" / "events"


def split_of(row: int) -> str:
    return "dev" if row % 2 == 0 else "held-out"


def gold_type(name: str) -> str:
    return _OLD_TYPES.get(name, name)


def iso3_to_qid(countries_tsv: Path) -> dict[str, str]:
    """ISO 3166 alpha-3 → QID from the reference country table (read at evaluation time)."""
    out = {}
    with open(countries_tsv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("alpha_3") and row.get("qid"):
                out[row["alpha_3"]] = row["qid"]
    return out


def _published(doc_id: str) -> _dt.date | None:
    # Gigaword ids carry the publication day: AAW_ARB_20080913.0007-59
    m = _ID_DATE.search(doc_id or "")
    if not m:
        return None
    try:
        return _dt.datetime.strptime(m.group(1), "%Y%m%d").date()
    except ValueError:
        return None


def detector(kb=None) -> Callable[[str, str, _dt.date | None], tuple[Event, ...]]:
    """A function text → events running the whole pipeline (``graph.api.annotate``)."""
    from graph import api

    if kb is None and hasattr(api, "load_kb"):
        kb = api.load_kb()

    def run(text: str, lang: str, published: _dt.date | None) -> tuple[Event, ...]:
        return api.annotate(text, lang=lang, published=published, kb=kb).events

    return run


def _found(events, type_: str) -> list[Event]:
    """Events of ``type_`` that happened: not negated, not future or intended."""
    return [e for e in events if e.type == type_ and not e.negated and e.modality in ("asserted", "reported")]


def _told(events, type_: str) -> list[Event]:
    """Events of ``type_`` the sentence tells of as past or present, reported as news or not."""
    return [e for e in events if e.type == type_ and not e.negated and e.modality in ("asserted", "reported", "mentioned")]


def _sentence_scores(path: Path, type_: str, detect) -> dict[str, Counts]:
    scores = {s: Counts() for s in SPLITS}
    with open(path, encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh)):
            label = row["label"].strip()
            if label == "ambiguous":
                continue
            gold = label == "yes"
            pred = bool(_found(detect(row["text"], "ar", _published(row["id"])), type_))
            c = Counts(tp=int(gold and pred), fp=int(pred and not gold), fn=int(gold and not pred))
            scores[split_of(row_no)] += c
            scores["overall"] += c
    return scores


def coder_agreement(path: Path) -> dict[str, float]:
    """What one human coder scores against the label, from the vote counts.

    ``yes`` means every coder accepted, so a coder picked at random finds every ``yes`` (recall 1)
    and accepts a ``no`` row with probability accept/total: its expected precision is
    yes / (yes + Σ accept/total over the ``no`` rows). This is the agreement ceiling a sentence
    classifier is measured against.
    """
    yes = fp = 0.0
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = row["label"].strip()
            if label == "ambiguous":
                continue
            if label == "yes":
                yes += 1
            elif int(row.get("total") or 0):
                fp += int(row.get("accept") or 0) / int(row["total"])
    p = yes / (yes + fp) if yes else 0.0
    return {"precision": round(p, 4), "recall": 1.0, "f1": round(2 * p / (p + 1), 4) if p else 0.0}


def _gold_source(record) -> str | None:
    votes = Counter()
    for span in record.get("spans", ()):
        role = span.get("source_role")
        if isinstance(role, dict) and role.get("main") not in (None, "", "None"):
            votes[role["main"]] += 1
    return votes.most_common(1)[0][0] if votes else None


def _source_scores(path: Path, type_: str, detect, iso: dict[str, str], found=_found) -> dict[str, dict[str, int]]:
    out = {s: {"gold": 0, "predicted": 0, "correct": 0} for s in SPLITS}
    records = json.loads(path.read_text(encoding="utf-8"))
    for n, rec in enumerate(records):
        code = _gold_source(rec)
        qid = iso.get(code or "")
        if qid is None:  # no country-level source (armed groups, IGOs) or no agreement
            continue
        events = found(detect(rec["text"], "ar", _published(rec.get("source", ""))), type_)
        sources = [e.source.country for e in events if e.source and e.source.country]
        for split in (split_of(n), "overall"):
            out[split]["gold"] += 1
            out[split]["predicted"] += bool(sources)
            out[split]["correct"] += bool(sources) and sources[0] == qid
    return out


def _plover_scores(path: Path, detect) -> dict[str, dict[str, int]]:
    out = {s: {"records": 0, "top1": 0, "any": 0, "none": 0} for s in SPLITS}
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") and r.get("text")]
    for n, rec in enumerate(records):
        gold = gold_type(rec["event"])
        events = detect(rec["text"].strip("{}"), "en", None)
        types = [e.type for e in sorted(events, key=lambda e: e.evidence[0][1] if e.evidence else 0)]
        for split in (split_of(n), "overall"):
            o = out[split]
            o["records"] += 1
            o["top1"] += bool(types) and types[0] == gold
            o["any"] += gold in types
            o["none"] += not types
    return out


def _combined(per_type: dict) -> dict:
    combined = {s: {"gold": 0, "predicted": 0, "correct": 0} for s in SPLITS}
    for per in per_type.values():
        for s in SPLITS:
            for k in combined[s]:
                combined[s][k] += per[s][k]
    for s in SPLITS:
        g, c = combined[s]["gold"], combined[s]["correct"]
        combined[s]["accuracy"] = round(c / g, 4) if g else 0.0
    return combined


def evaluate_events(data_dir: Path, countries_tsv: Path | None = None, detect=None) -> dict:
    """All event figures as a JSON-ready dict (see :func:`format_report`)."""
    data_dir = Path(data_dir)
    if countries_tsv is None:
        countries_tsv = data_dir.parent.parent / "reference" / "countries.tsv"
    detect = detect or detector()
    iso = iso3_to_qid(countries_tsv)
    report: dict = {"data_dir": str(data_dir), "types": {}, "source_country": {}, "attribution": {}, "plover_en": None}
    for type_ in EVENT_TYPES:
        name = type_.lower()
        sent = data_dir / f"{name}_sentences.csv"
        if sent.is_file():
            report["types"][type_] = {k: v.as_dict() for k, v in _sentence_scores(sent, type_, detect).items()}
            report["types"][type_]["one coder"] = coder_agreement(sent)
        spans = data_dir / f"{name}_spans.json"
        if spans.is_file():
            report["source_country"][type_] = _source_scores(spans, type_, detect, iso)
            report["attribution"][type_] = _source_scores(spans, type_, detect, iso, found=_told)
    for key in ("source_country", "attribution"):
        report[key]["combined"] = _combined(report[key])
    plover = data_dir / "plover_en_gsr.json"
    if plover.is_file():
        report["plover_en"] = _plover_scores(plover, detect)
    return report


def format_report(report: dict) -> str:
    """Plain-text table of a report from :func:`evaluate_events`."""
    lines = ["event detection (sentence level; ambiguous excluded)",
             f"{'type':8} {'split':9} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for type_, per in report["types"].items():
        for s in SPLITS:
            d = per[s]
            lines.append(f"{type_:8} {s:9} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} {d['tp']:5} {d['fp']:5} {d['fn']:5}")
        if "one coder" in per:
            d = per["one coder"]
            lines.append(f"{type_:8} {'one coder':9} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}"
                         "   (expected score of one human coder: the agreement ceiling)")
    titles = {
        "source_country": "source country, end to end: the event must be found as news "
                          "(gold = majority CAMEO country of the coders' source spans)",
        "attribution": "source country of the coded event, found as news or only mentioned "
                       "(the same sentences: every one was coded with the event)",
    }
    for key, title in titles.items():
        lines.append(title)
        for type_, per in report.get(key, {}).items():
            for s in SPLITS:
                d = per[s]
                acc = d["correct"] / d["gold"] if d["gold"] else 0.0
                given = d["correct"] / d["predicted"] if d["predicted"] else 0.0
                lines.append(f"{type_:8} {s:9} accuracy {acc:6.3f}  ({d['correct']}/{d['gold']}); "
                             f"where a source is given {given:5.3f} ({d['correct']}/{d['predicted']})")
    if report.get("plover_en"):
        lines.append("English PLOVER records: event-type accuracy (first event / any event)")
        for s in SPLITS:
            d = report["plover_en"][s]
            n = d["records"] or 1
            lines.append(f"{'PLOVER':8} {s:9} top1 {d['top1'] / n:6.3f}  any {d['any'] / n:6.3f}  none {d['none']}/{d['records']}")
    return "\n".join(lines)
