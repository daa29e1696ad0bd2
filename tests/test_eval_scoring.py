"""The evaluation harness's scoring on tiny hand-made gold files (figures computed by hand)."""

from __future__ import annotations

import json

import pytest

from graph.eval.conll import documents, read_conll
from graph.eval.el import evaluate_el, read_benchmark
from graph.eval.metrics import Counts, bio_spans, score_spans
from graph.eval.ner import evaluate, folds, project
from graph.eval.seed import score_events, score_mentions

CONLL = """في O
وروسيا B-LOC
قال O
الرئيس O
زيد B-PERS
علي I-PERS
في O
عمان O
وزارة B-ORG
الخارجية I-ORG
. O
"""


def _by_token(doc, pairs):
    """Character spans (start of token i, end of token j-1, type) for a predictor."""
    return [(doc.token_spans[i][0], doc.token_spans[j - 1][1], t) for i, j, t in pairs]


@pytest.fixture()
def conll_doc(tmp_path):
    p = tmp_path / "tiny.conll"
    p.write_text(CONLL, encoding="utf-8")
    docs = documents(read_conll(p))
    assert len(docs) == 1 and len(docs[0].tokens) == 11
    return docs[0]


def test_counts_and_bio():
    assert Counts(0, 0, 0).f1 == 0.0
    assert bio_spans(["I-LOC", "I-LOC", "I-ORG", "O"]) == [(0, 2, "LOC"), (2, 3, "ORG")]
    s = score_spans([(0, "A"), (1, "B")], [(0, "A"), (2, "B")], ("A",))
    assert (s["overall"].tp, s["overall"].fp, s["overall"].fn) == (1, 0, 0)


def test_ner_entity_and_token_scores(conll_doc):
    d = conll_doc
    # right LOC, a PERS one token short, no ORG, a spurious GPE on عمان (7)
    pred = _by_token(d, [(1, 2, "GPE"), (4, 5, "PER"), (7, 8, "GPE")])
    res = evaluate([d], lambda article, sentences: pred)
    e, t = res.entity, res.token
    assert (e["LOC"].tp, e["LOC"].fp, e["LOC"].fn) == (1, 1, 0)
    assert (e["PERS"].tp, e["PERS"].fp, e["PERS"].fn) == (0, 1, 1)
    assert (e["ORG"].tp, e["ORG"].fp, e["ORG"].fn) == (0, 0, 1)
    assert (e["overall"].tp, e["overall"].fp, e["overall"].fn) == (1, 2, 2)
    assert e["overall"].f1 == pytest.approx(1 / 3)
    # tokens: LOC {1} vs {1, 7}; PERS {4, 5} vs {4}; ORG {8, 9} vs {}
    assert (t["overall"].tp, t["overall"].fp, t["overall"].fn) == (2, 1, 3)
    assert t["overall"].f1 == pytest.approx(0.5)
    # the error lists name what was missed and what was made up
    assert res.missed[("ORG", "وزارة الخارجية")] == 1 and res.missed[("PERS", "زيد علي")] == 1
    assert res.spurious[("LOC", "عمان")] == 1 and res.spurious[("PERS", "زيد")] == 1


def test_projection_clitic_and_adjacent_mentions(conll_doc):
    d = conll_doc
    s, e = d.token_spans[1]
    # a mention inside a token (the clitic و left out) still tags the whole token
    assert project([(s + 1, e, "GPE")], d.token_spans)[1] == "B-LOC"
    # two adjacent mentions of one type stay two entities
    tags = project(_by_token(d, [(4, 5, "PER"), (5, 6, "PER")]), d.token_spans)
    assert tags[4:6] == ["B-PERS", "B-PERS"]
    # NORP is MISC, never in overall
    res = evaluate([d], lambda a, s: _by_token(d, [(2, 3, "NORP")]))
    assert res.entity["MISC"].fp == 1 and res.entity["overall"].fp == 0


def test_conll_long_run_is_split_outside_entities(tmp_path):
    lines = ["كلمة O"] * 39 + ["زيد B-PERS", "علي I-PERS", "كلمة O"]
    p = tmp_path / "long.conll"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sents = read_conll(p, max_len=40)
    assert [len(s.tokens) for s in sents] == [41, 1]
    assert sents[0].tags[-2:] == ("B-PERS", "I-PERS")


def test_folds_cover_every_document_once():
    docs = list(range(10))
    seen = []
    for train, test in folds(docs, 3):
        assert not set(train) & set(test)
        seen += test
    assert sorted(seen) == docs


EL = {
    "id": 1,
    "text": "Denver, Colorado and Paris met on Monday. John Smith said.",
    "evaluation_span": [0, 58],
    "labels": [
        {"id": 0, "span": [0, 16], "entity_id": "Q16554", "children": [1, 2]},
        {"id": 1, "span": [0, 6], "entity_id": "Q16554", "parent": 0},
        {"id": 2, "span": [8, 16], "entity_id": "Q1261", "parent": 0},
        {"id": 3, "span": [21, 26], "entity_id": "Q90"},
        {"id": 4, "span": [34, 40], "entity_id": "DATETIME"},
        {"id": 5, "span": [42, 52], "entity_id": "<NIL>"},
    ],
}


def test_el_strict_relaxed_labelled(tmp_path):
    p = tmp_path / "tiny.benchmark.jsonl"
    p.write_text(json.dumps(EL) + "\n", encoding="utf-8")
    docs = read_benchmark(p)
    # gold items: Denver, Colorado (accepts "Denver"), Colorado, Paris
    assert len(docs[0].gold) == 3
    preds = [
        (0, 6, "Q16554"),  # child span of the parent, same QID: strict hit
        (8, 16, "Q1261"),  # strict hit
        (21, 25, "Q90"),  # span too short: strict miss, relaxed hit
        (34, 40, "Q1"),  # on a date: not scored
        (42, 52, "Q5"),  # linked a NIL name: wrong
        (53, 57, "Q7"),  # unlabelled text: wrong, except in "labelled"
    ]
    r = evaluate_el(docs, lambda d: preds)
    assert (r.strict.tp, r.strict.fp, r.strict.fn) == (2, 3, 1)
    assert (r.relaxed.tp, r.relaxed.fp, r.relaxed.fn) == (3, 2, 0)
    assert (r.labelled.tp, r.labelled.fp, r.labelled.fn) == (2, 2, 1)
    assert r.strict.precision == pytest.approx(0.4) and r.strict.recall == pytest.approx(2 / 3)
    assert (r.named.tp, r.named.fn) == (2, 1)  # all three gold items are written as names


def test_el_named_leaves_pronouns_out(tmp_path):
    rec = {"id": 2, "text": "Obama said his plan.", "labels": [
        {"id": 0, "span": [0, 5], "entity_id": "Q76"}, {"id": 1, "span": [11, 14], "entity_id": "Q76"}]}
    p = tmp_path / "p.benchmark.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    r = evaluate_el(read_benchmark(p), lambda d: [(0, 5, "Q76")])
    assert (r.strict.tp, r.strict.fn) == (1, 1)
    assert (r.named.tp, r.named.fn) == (1, 0) and r.named.f1 == 1.0


def test_el_window_excludes_predictions(tmp_path):
    rec = dict(EL, evaluation_span=[17, 58])
    p = tmp_path / "w.benchmark.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    r = evaluate_el(read_benchmark(p), lambda d: [(0, 6, "Q16554"), (21, 26, "Q90")])
    assert (r.strict.tp, r.strict.fp) == (1, 0)


class _M:
    def __init__(self, start, end, type, qid, text="x"):
        self.start, self.end, self.type, self.qid, self.text = start, end, type, qid, text


class _Role:
    def __init__(self, country):
        self.country, self.entity = country, country


class _Ev:
    def __init__(self, type, source, target):
        self.type, self.source, self.target = type, _Role(source), _Role(target) if target else None


def test_seed_scoring_by_hand():
    gold = {"mentions": [
        {"start": 0, "end": 5, "text": "a", "type": "GPE", "qid": "Q159"},
        {"start": 10, "end": 15, "text": "b", "type": "LOC", "qid": "Q44302", "note": "Q244165 (x) also accepted"},
        {"start": 20, "end": 25, "text": "c", "type": "PER", "qid": None},
        {"start": 30, "end": 35, "text": "d", "type": "GPE", "qid": "Q159", "optional": True},
    ], "events": [
        {"type": "CONSULT", "source": "Q159", "target": "Q227", "symmetric": True},
        {"type": "ASSAULT", "source": "Q227", "target": None},
        {"type": "CONSULT", "source": "Q159", "target": None, "optional": True},
    ]}
    ms = [_M(0, 5, "GPE", "Q1"), _M(10, 15, "LOC", "Q244165"), _M(20, 25, "PER", None),
          _M(30, 35, "GPE", "Q159"), _M(40, 45, "ORG", None)]
    c = score_mentions(gold, ms)
    # wrong QID on the first; the optional one is neither counted nor an error; ORG at 40 is extra
    assert (c["mentions"].tp, c["mentions"].fp, c["mentions"].fn) == (2, 2, 1)
    assert (c["linking"].tp, c["linking"].fp, c["linking"].fn) == (1, 1, 1)
    ev = score_events(gold, [_Ev("CONSULT", "Q227", "Q159"), _Ev("PROTEST", "Q1", None)])
    assert (ev.tp, ev.fp, ev.fn) == (1, 1, 1)
    gold["events"][0]["date"] = "2023-09-20"
    ev = score_events(gold, [_Ev("CONSULT", "Q227", "Q159")])  # no date: no longer the gold event
    assert (ev.tp, ev.fn) == (0, 2)


def test_eval_ner_command_on_a_tiny_file(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    p = tmp_path / "tiny.conll"
    p.write_text(CONLL, encoding="utf-8")
    out = tmp_path / "figures.json"
    res = CliRunner().invoke(main, ["eval", "ner", "--data", str(p), "--json", str(out), "--errors", "3"])
    assert res.exit_code == 0, res.output
    assert "overall" in res.output and "most frequent errors" in res.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["results"][0]["entity"]["overall"]["tp"] + figures["results"][0]["entity"]["overall"]["fn"] == 3
    res = CliRunner().invoke(main, ["eval", "ner", "--data", str(p), "--cv", "3"])
    assert res.exit_code != 0 and "cannot make 3 folds" in res.output
