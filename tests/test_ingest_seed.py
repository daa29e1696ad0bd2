"""The reference article, as scraped (.txt) and as JSONL, against its gold annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest import ingest
from graph.iri import article_id

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed"

pytestmark = pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="../shared/seed is absent (data beside the project)")


@pytest.fixture(scope="module")
def gold():
    return json.loads((SEED / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_txt():
    arts, problems = ingest([SEED / "elasimah-karabakh.txt"])
    assert problems == []
    assert len(arts) == 1
    return arts[0]


def test_txt_text_is_the_file_decoded_without_newline_translation(seed_txt):
    raw = (SEED / "elasimah-karabakh.txt").read_bytes().decode("utf-8")
    assert seed_txt.text == raw


def test_title_and_author_match_gold(seed_txt, gold):
    meta = gold["metadata"]
    assert seed_txt.title == meta["title"]
    assert seed_txt.title_span.start == 52
    assert seed_txt.text[seed_txt.title_span.start : seed_txt.title_span.end] == meta["title"]
    assert seed_txt.author == meta["author"]
    assert (seed_txt.author_span.start, seed_txt.author_span.end) == (102, 111)
    assert seed_txt.lang == meta["lang"]


def test_boilerplate_and_byline_are_excluded_and_gold_mentions_are_in_body(seed_txt, gold):
    t = seed_txt.text
    excluded = {t[s.start : s.end]: s.label for s in seed_txt.excluded}
    for line in gold["metadata"]["boilerplate_lines"]:
        assert excluded.get(line) == "boilerplate"
        n = t.count(line)
        assert sum(1 for s in seed_txt.excluded if t[s.start : s.end] == line) == n
    labels = [s.label for s in seed_txt.excluded]
    assert labels.count("byline") == 1 and labels.count("duplicate-title") == 1
    author = seed_txt.author_span
    assert not any(s.start <= author.start < s.end for s in seed_txt.body), "the author must not be content"
    # every required gold mention lies inside one body span; the byline author's mention is
    # exactly the author span (recognise reports it from there, not as an actor)
    for m in gold["mentions"]:
        assert t[m["start"] : m["end"]] == m["text"]
        if m.get("optional"):
            continue
        if (m["start"], m["end"]) == (author.start, author.end):
            assert m["text"] == seed_txt.author
            continue
        inside = [s for s in seed_txt.body if s.start <= m["start"] and m["end"] <= s.end]
        assert len(inside) == 1, m


def test_jsonl_text_is_exactly_the_field(gold):
    record = json.loads((SEED / "elasimah-karabakh.jsonl").read_text(encoding="utf-8").splitlines()[0])
    arts, problems = ingest([SEED / "elasimah-karabakh.jsonl"])
    assert problems == []
    (a,) = arts
    assert a.text == record["text"]
    assert a.id == article_id(record["text"], given=record["id"])
    assert a.published.isoformat() == gold["metadata"]["published"]
    assert a.source == record["source"] and a.lang == record["lang"]
    assert a.origin.endswith("elasimah-karabakh.jsonl:1")
    assert a.title == gold["metadata"]["title"] and a.author == gold["metadata"]["author"]
    assert (a.author_span.start, a.author_span.end) == (102, 111)


def test_same_input_twice_gives_same_id(tmp_path):
    first, _ = ingest([SEED / "elasimah-karabakh.txt"])
    again, _ = ingest([SEED / "elasimah-karabakh.txt"])
    assert first[0].id == again[0].id
    # the id depends on the content, not on where the file lies
    copy = tmp_path / "elsewhere.txt"
    copy.write_bytes((SEED / "elasimah-karabakh.txt").read_bytes())
    moved, _ = ingest([copy])
    assert moved[0].id == first[0].id
    assert moved[0].content_hash == first[0].content_hash
