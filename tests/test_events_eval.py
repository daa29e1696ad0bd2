"""The event evaluation harness: counting on a toy data set, and the figures on the shared dev data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.eval.events import evaluate_events, format_report
from graph.types import Event, EventRole

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "dev" / "events"
COUNTRIES = SHARED / "data" / "reference" / "countries.tsv"


def _toy(tmp_path: Path) -> Path:
    """A tiny data set written here (made-up sentences), in the layout of the real one."""
    d = tmp_path / "events"
    d.mkdir()
    rows = [("yes", "bomb in A"), ("easy no", "weather in B"), ("difficult no", "bomb talk"), ("yes", "quiet"),
            ("ambiguous", "bomb maybe")]
    with open(d / "assault_sentences.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["accept", "event_type", "id", "label", "reject", "text", "total"])
        votes = {"yes": (3, 0), "easy no": (0, 3), "difficult no": (1, 2), "ambiguous": (2, 1)}
        for i, (label, text) in enumerate(rows):
            accept, reject = votes[label]
            w.writerow([accept, "ASSAULT", f"X_{i}", label, reject, text, accept + reject])
    spans = [{"source": "X_0", "text": "bomb by RUS", "spans": [{"source_role": {"main": "RUS", "role": "MIL"}}]},
             {"source": "X_1", "text": "bomb by nobody", "spans": [{"source_role": {"main": "RUS", "role": "MIL"}}]},
             {"source": "X_2", "text": "bomb by group", "spans": [{"source_role": {"main": "None", "role": "UAF"}}]}]
    (d / "assault_spans.json").write_text(json.dumps(spans), encoding="utf-8")
    (tmp_path / "countries.tsv").write_text("qid\talpha_3\nQ159\tRUS\n", encoding="utf-8")
    return d


def _fake_detect(text, lang, published):
    if "bomb" not in text:
        return ()
    src = EventRole("Q159", "Q159") if "RUS" in text else None
    return (Event("ASSAULT", "190", source=src, evidence=((0, 0, len(text)),)),)


def test_harness_counts_on_toy_data(tmp_path):
    d = _toy(tmp_path)
    rep = evaluate_events(d, tmp_path / "countries.tsv", _fake_detect)
    a = rep["types"]["ASSAULT"]
    # rows 0 (yes, found), 2 (difficult no, found), 3 (yes, missed); 4 ambiguous is left out
    assert (a["overall"]["tp"], a["overall"]["fp"], a["overall"]["fn"]) == (1, 1, 1)
    assert (a["dev"]["tp"], a["dev"]["fp"], a["dev"]["fn"]) == (1, 1, 0)  # rows 0, 2
    assert (a["held-out"]["tp"], a["held-out"]["fp"], a["held-out"]["fn"]) == (0, 0, 1)  # rows 1, 3
    sc = rep["source_country"]["ASSAULT"]["overall"]
    assert sc == {"gold": 2, "predicted": 1, "correct": 1}  # the armed-group row has no country
    assert "ASSAULT" in format_report(rep)
    # one coder finds both yes rows and accepts the difficult no with probability 1/3
    assert a["one coder"]["precision"] == round(2 / (2 + 1 / 3), 4) and a["one coder"]["recall"] == 1.0


needs_dev = pytest.mark.skipif(not (DEV / "assault_sentences.csv").is_file() or not COUNTRIES.is_file(),
                               reason="../shared/data/dev/events is not available")


@pytest.fixture(scope="module")
def report():
    return evaluate_events(DEV, COUNTRIES)


def _labels(name):
    with open(DEV / name, encoding="utf-8", newline="") as fh:
        return [r["label"] for r in csv.DictReader(fh)]


@needs_dev
def test_every_labelled_sentence_is_scored(report):
    for type_, name in (("ASSAULT", "assault_sentences.csv"), ("PROTEST", "protest_sentences.csv")):
        labels = _labels(name)
        o = report["types"][type_]["overall"]
        assert o["tp"] + o["fn"] == labels.count("yes")
        assert o["fp"] <= labels.count("easy no") + labels.count("difficult no")
        assert report["types"][type_]["dev"]["tp"] + report["types"][type_]["held-out"]["tp"] == o["tp"]


@needs_dev
def test_no_regression_below_measured_level(report):
    # the level reached on 2026-11-29 (cue rules + the report judgement); a drop means something broke
    for type_, floor in (("ASSAULT", 0.55), ("PROTEST", 0.45)):
        for split in ("dev", "held-out", "overall"):
            assert report["types"][type_][split]["recall"] >= 0.5, (type_, split)
        assert report["types"][type_]["overall"]["f1"] >= floor, type_
    assert report["source_country"]["combined"]["overall"]["accuracy"] >= 0.30
    assert report["attribution"]["combined"]["overall"]["accuracy"] >= 0.55
    sc = report["source_country"]["combined"]["overall"]
    assert sc["correct"] / max(1, sc["predicted"]) >= 0.8  # when a source is given it is right
    p = report["plover_en"]["overall"]
    assert p["top1"] / p["records"] >= 0.55


def test_cli_eval_events(tmp_path):
    from graph.cli import main

    d = _toy(tmp_path)
    out = tmp_path / "ev.json"
    res = CliRunner().invoke(main, ["eval", "events", "--data-dir", str(d), "--countries", str(tmp_path / "countries.tsv"),
                                    "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "source country" in res.output and "ASSAULT" in res.output
    assert set(json.loads(out.read_text(encoding="utf-8"))["types"]["ASSAULT"]) == {"dev", "held-out", "overall", "one coder"}


def test_cli_eval_events_without_data(tmp_path):
    from graph.cli import main

    res = CliRunner().invoke(main, ["eval", "events", "--data-dir", str(tmp_path)])
    assert res.exit_code != 0 and "no event data" in res.output
