"""The optional CRF tagger: trains and tags a tiny hand-made corpus; merging with the rules."""

from __future__ import annotations

import pytest

from graph.eval.conll import TaggedSentence
from graph.recognise.found import Found

pytest.importorskip("pycrfsuite", reason="python-crfsuite (the 'ner' extra) is not installed")

from graph.recognise.crf import (
    CRFRecogniser,
    NERModelError,
    merge_found,
    train_crf,
    train_crf_sentences,
)
from graph.types import Article, Sentence

FIRST = ["سامي", "خالد", "رامي", "هشام", "وليد"]
LAST = ["حداد", "النمر", "العلي", "منصور", "الخطيب"]
PLACES = ["دمشق", "عمان", "بيروت", "القاهرة"]
ORGS = [("جامعة", "اليرموك"), ("شركة", "زين")]


def _corpus() -> list[TaggedSentence]:
    out = []
    for i in range(40):
        f, l, p = FIRST[i % 5], LAST[(i * 3) % 5], PLACES[i % 4]
        o1, o2 = ORGS[i % 2]
        toks = ["قال", f, l, "في", p, "إن", o1, o2, "بدأت", "العمل", "."]
        tags = ["O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O"]
        out.append(TaggedSentence(tuple(toks), tuple(tags)))
    return out


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    from graph.api import load_kb

    path = tmp_path_factory.mktemp("crf") / "tiny.crfsuite"
    train_crf_sentences(_corpus(), path, load_kb(), max_iterations=60)
    return path


def test_crf_tags_names_places_and_orgs(model):
    from graph.api import load_kb

    kb = load_kb()
    text = "قال خالد منصور في بيروت إن شركة زين بدأت العمل ."
    found = CRFRecogniser(model, kb).predict(Article("t", text, "t", lang="ar"), (Sentence(0, 0, len(text)),))
    got = [(f.text, f.type, f.via) for f in found]
    assert ("خالد منصور", "PER", "ner") in got
    assert ("شركة زين", "ORG", "ner") in got
    # a place the KB knows as a state or city comes out as GPE
    place = [f for f in found if f.text == "بيروت"]
    assert place and place[0].type in ("GPE", "LOC")
    for f in found:
        assert text[f.start:f.end] == f.text and f.candidates == () and f.name == f.text


def test_train_from_conll_file_and_cli(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    conll = tmp_path / "tiny.conll"
    conll.write_text("\n\n".join("\n".join(f"{t} {g}" for t, g in zip(s.tokens, s.tags)) for s in _corpus()) + "\n",
                     encoding="utf-8")
    out = tmp_path / "m" / "model.crfsuite"
    assert train_crf(conll, out, max_iterations=5) == out and out.stat().st_size > 0
    res = CliRunner().invoke(main, ["ner", "train", str(conll), "--out", str(tmp_path / "cli.crfsuite"),
                                    "--iterations", "5"])
    assert res.exit_code == 0, res.output
    assert "model written" in res.output


def test_missing_model_is_a_typed_error(tmp_path):
    with pytest.raises(NERModelError):
        CRFRecogniser(tmp_path / "nope.crfsuite", None)


def test_merge_keeps_rules_and_fills_gaps():
    rules = [Found(0, 5, "روسيا", None), Found(20, 30, "x", "ORG", via="pattern")]
    ner = [Found(3, 8, "a", "PER", via="ner"), Found(10, 15, "b", "PER", via="ner"),
           Found(25, 35, "c", "ORG", via="ner"), Found(30, 33, "d", "LOC", via="ner")]
    merged = merge_found(rules, ner)
    assert [(f.start, f.via) for f in merged] == [(0, "kb"), (10, "ner"), (20, "pattern"), (30, "ner")]


def test_merge_preferring_the_tagger_keeps_rule_records_on_equal_spans():
    rules = [Found(0, 5, "روسيا", None), Found(10, 15, "b", "PER", via="role", role="minister"),
             Found(40, 45, "e", "ORG", via="pattern")]
    ner = [Found(3, 8, "a", "PER", via="ner"), Found(10, 15, "b", "PER", via="ner"), Found(25, 35, "c", "ORG", via="ner")]
    merged = merge_found(rules, ner, prefer="ner")
    assert [(f.start, f.via) for f in merged] == [(3, "ner"), (10, "role"), (25, "ner"), (40, "pattern")]
    with pytest.raises(ValueError):
        merge_found(rules, ner, prefer="both")


def test_stacked_model_runs_the_rules_itself(tmp_path):
    from graph.api import load_kb

    kb = load_kb()
    path = train_crf_sentences(_corpus()[:10], tmp_path / "stacked.crfsuite", kb, rules=True, max_iterations=20)
    rec = CRFRecogniser(path, kb)
    assert rec.stacked
    text = "قال سامي حداد في روسيا ."
    found = rec.predict(Article("t", text, "t", lang="ar"), (Sentence(0, 0, len(text)),))
    assert all(text[f.start:f.end] == f.text for f in found)


def test_eval_refuses_a_model_on_its_own_training_data(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    conll = tmp_path / "train.conll"
    conll.write_text("\n\n".join("\n".join(f"{t} {g}" for t, g in zip(s.tokens, s.tags)) for s in _corpus()) + "\n",
                     encoding="utf-8")
    other = tmp_path / "other.conll"
    other.write_text("قال O\nسامي B-PERS\nحداد I-PERS\n. O\n", encoding="utf-8")
    model = train_crf(conll, tmp_path / "m.crfsuite", max_iterations=5)
    runner = CliRunner()
    res = runner.invoke(main, ["eval", "ner", "--data", str(conll), "--model", str(model)])
    assert res.exit_code != 0 and "not be honest" in res.output
    res = runner.invoke(main, ["eval", "ner", "--data", str(other), "--model", str(model)])
    assert res.exit_code == 0, res.output
    assert "rules>crf" in res.output and "crf>rules" in res.output


def test_pipeline_uses_the_model_through_the_cli(model, tmp_path):
    import json

    from click.testing import CliRunner

    from graph.cli import main

    art = tmp_path / "a.txt"
    # "سامي الخطيب" has no role and no KB entry: only the tagger can find him; بيروت links via the KB
    art.write_text("قال سامي الخطيب في بيروت إن شركة زين بدأت العمل .", encoding="utf-8")
    plain = CliRunner().invoke(main, ["annotate", str(art), "--lang", "ar"])
    tagged = CliRunner().invoke(main, ["annotate", str(art), "--lang", "ar", "--ner-model", str(model)])
    assert plain.exit_code == 0 and tagged.exit_code == 0, tagged.output
    before = {(m["text"], m["type"]) for m in json.loads(plain.stdout)["mentions"]}
    after = {(m["text"], m["type"], m["qid"]) for m in json.loads(tagged.stdout)["mentions"]}
    assert ("شركة زين", "ORG") not in before
    assert ("شركة زين", "ORG", None) in after
    assert ("بيروت", "GPE", "Q3820") in after  # rules and KB links survive the merge


def test_person_features_given_names_titles_and_stem_affixes():
    from graph.api import load_kb
    from graph.recognise.features import make_words, sentence_features

    # وسامي: a given name under the conjunction; الدكتور: a title two words before the surname
    ws = make_words(["قال", "الدكتور", "وسامي", "حداد", "أمس"])
    feats = sentence_features(ws, load_kb())
    assert "hon" in feats[1] and "gn" not in feats[1]
    assert feats[2]["gn"] == 1.0 and feats[2]["gn-clitic"] == 1.0 and feats[2]["-1:hon"] == 1.0
    assert feats[3]["-1:gn"] == 1.0 and feats[3]["gn<2"] == 1.0 and feats[3]["title<4"] == 1.0
    assert "gn>2" in feats[1] and "gn" not in feats[0]
    assert feats[3]["len"] == "4" and feats[2]["stem-p2"] == "سا"


def test_ner_prefer_decides_overlaps(model, tmp_path):
    import json

    from click.testing import CliRunner

    from graph.cli import main

    art = tmp_path / "a.txt"
    art.write_text("قال سامي الخطيب في بيروت إن شركة زين بدأت العمل .", encoding="utf-8")
    out = {}
    for prefer in ("rules", "ner"):
        res = CliRunner().invoke(main, ["annotate", str(art), "--lang", "ar", "--ner-model", str(model),
                                        "--ner-prefer", prefer])
        assert res.exit_code == 0, res.output
        out[prefer] = json.loads(res.stdout)["mentions"]
    for ms in out.values():
        spans = sorted((m["start"], m["end"]) for m in ms)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # never overlapping
        assert ("بيروت", "Q3820") in {(m["text"], m["qid"]) for m in ms}
