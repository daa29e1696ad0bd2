"""Cleaning as spans: bylines, titles, repeated lines, corpus boilerplate, span invariants."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.ingest import ingest, make_article, mark_corpus_boilerplate
from graph.ingest.clean import parse_byline

NB = "\u00a0"


def _excluded(a):
    return [(a.text[s.start : s.end], s.label) for s in a.excluded]


def test_english_byline_becomes_author_not_content():
    text = "Lavrov and Bayramov discuss Karabakh\n\nBy John Smith\n\nRussia's foreign minister spoke with his counterpart.\nArmenia asked for monitors."
    a = make_article(text, "en.txt")
    assert a.author == "John Smith"
    assert a.text[a.author_span.start : a.author_span.end] == "John Smith"
    assert ("By John Smith", "byline") in _excluded(a)
    assert a.title == "Lavrov and Bayramov discuss Karabakh" and a.lang == "en"
    assert not any(s.start <= a.author_span.start < s.end for s in a.body)


@pytest.mark.parametrize(
    "line, name",
    [
        (f"{NB}كتب:{NB} أحمد حسني", "أحمد حسني"),
        ("كتب أحمد حسني", "أحمد حسني"),
        ("كتبت: منى خليل", "منى خليل"),
        ("بقلم: سامر الحداد", "سامر الحداد"),
        ("بقلم سامر الحداد", "سامر الحداد"),
        (f"إعداد:{NB}ليلى منصور", "ليلى منصور"),
        ("By Maria Lopez, Reuters", "Maria Lopez"),
        ("BY JOHN SMITH", "JOHN SMITH"),
        ("Written by Anna de la Cruz", "Anna de la Cruz"),
        ("By John Smith and Jane Doe | Example Wire", "John Smith and Jane Doe"),
        ("بقلم د. أحمد زكي", "د. أحمد زكي"),
        ("كتب - أحمد حسني - القاهرة", "أحمد حسني"),
        ("By Dr. J. R. Smith.", "Dr. J. R. Smith"),
    ],
)
def test_byline_forms(line, name):
    hit = parse_byline(line)
    assert hit is not None and line[hit[0] : hit[1]] == name


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday the army had withdrawn from the town.",
        "Byrne said talks would resume",
        "كتبه الرئيس في رسالة طويلة إلى نظيره",
        "كتب الرئيس رسالة إلى نظيره الأذربيجاني يوم 20 سبتمبر.",
        "By 2024, the region will be calm",
        "كتب الرئيس رسالة إلى نظيره",
        "إعداد خطة جديدة للسلام",
    ],
)
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_given_title_kept_and_span_only_when_present(tmp_path):
    recs = [
        {"id": "a", "title": "Headline in text", "text": "Headline in text\nBody paragraph one.\nHeadline in text"},
        {"id": "b", "title": "Headline not in text", "text": "Body paragraph only, nothing else here."},
    ]
    p = tmp_path / "t.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    (a, b), problems = ingest([p])
    assert problems == []
    assert a.title == "Headline in text" and (a.title_span.start, a.title_span.end) == (0, 16)
    assert ("Headline in text", "duplicate-title") in _excluded(a)
    assert b.title == "Headline not in text" and b.title_span is None


def test_repeated_lines_within_article():
    para = "This long paragraph was pasted twice by the scraper and it is content, not an advertisement at all."
    text = f"Real headline of the story\n{para}\nShare this\nAnother paragraph of the story.\nShare this\n{para}"
    a = make_article(text, "x.txt")
    ex = _excluded(a)
    assert ex.count(("Share this", "boilerplate")) == 2
    assert (para, "duplicate") in ex
    assert [a.text[s.start : s.end] for s in a.body].count(para) == 1


def _site_article(i: int) -> str:
    return f"Example News — Home | World | Sport\nStory {i}: talks on Karabakh resume in round {i}\nParagraph {i} about Baku and Yerevan.\n© Example News, all rights reserved"


def test_corpus_boilerplate_needs_five_articles(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(_site_article(i), encoding="utf-8")
    arts, problems = ingest([tmp_path])
    assert problems == [] and len(arts) == 6
    for i, a in enumerate(arts):
        ex = _excluded(a)
        assert ("Example News — Home | World | Sport", "boilerplate") in ex
        assert ("© Example News, all rights reserved", "boilerplate") in ex
        # with the site line gone, the headline is found
        assert a.title == f"Story {i}: talks on Karabakh resume in round {i}"
        assert a.text == _site_article(i)
    few, _ = ingest([tmp_path / f"{i}.txt" for i in range(4)])
    assert all(a.excluded == () for a in few)  # four articles are not evidence enough


def test_corpus_pass_does_not_mutate_and_keeps_given_title():
    arts = [make_article(f"Shared footer line here\nBody {i} text about Armenia.", f"{i}", title=f"Given {i}") for i in range(5)]
    marked = mark_corpus_boilerplate(arts, min_share=0.8)
    assert all(a.excluded == () for a in arts)
    assert all(m.title == f"Given {i}" and m.excluded for i, m in enumerate(marked))


LINES = st.sampled_from(
    [
        "Elasimah AdPlace",
        f"{NB}كتب:{NB} أحمد حسني",
        "By John Smith",
        "روسيا وأذربيجان يبحثان الأوضاع في قرة باغ",
        "Lavrov and Bayramov discuss Karabakh",
        NB,
        "",
        "وأكدت أرمينيا عدم وجود وحدات عسكرية أرمنية في منطقة قره باغ.",
    ]
)
SEPS = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\n\n", " \n", "\x0b"])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.tuples(st.one_of(LINES, st.text(max_size=40)), SEPS), max_size=25).map(lambda xs: "".join(a + b for a, b in xs)),
)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, title=st.one_of(st.none(), st.text(max_size=30), LINES))
def test_span_invariants(text, title):
    a = make_article(text, "prop.txt", title=title)
    n = len(a.text)
    assert a.text == text
    for s in a.body + a.excluded:
        assert 0 <= s.start <= s.end <= n
    for b in a.body:
        for e in a.excluded:
            assert b.end <= e.start or e.end <= b.start, (b, e)
    for x, y in zip(a.body, a.body[1:]):
        assert x.end <= y.start  # in order, no overlap
    if a.title_span is not None:
        assert a.text[a.title_span.start : a.title_span.end] == a.title
    if a.author_span is not None:
        assert a.text[a.author_span.start : a.author_span.end] == a.author
    for s in a.body:  # trimmed: no span starts or ends with white space
        seg = a.text[s.start : s.end]
        assert seg and not seg[0].isspace() and not seg[-1].isspace()


def test_language_from_content_not_boilerplate():
    # Latin ad lines outnumber the Arabic letters of the body only if they are counted
    ads = "\n".join(["Elasimah AdPlace Advertisement Banner"] * 6)
    a = make_article(f"{ads}\nقره باغ\n{ads}", "x.txt")
    assert a.lang == "ar"
    assert make_article("12:30 — 2023/09/20", "n.txt").lang is None


def test_record_lang_wins_over_argument_which_wins_over_detection(tmp_path):
    p = tmp_path / "l.jsonl"
    p.write_text(
        json.dumps({"id": "r1", "text": "Russia and Azerbaijan talked.", "lang": "ar"}) + "\n"
        + json.dumps({"id": "r2", "text": "Russia and Azerbaijan talked again."}) + "\n",
        encoding="utf-8",
    )
    (a, b), _ = ingest([p], lang="en")
    assert (a.lang, b.lang) == ("ar", "en")
    (c, d), _ = ingest([p])
    assert (c.lang, d.lang) == ("ar", "en")
    (e,), _ = ingest([_write_txt(tmp_path)], lang="ar")
    assert e.lang == "ar"


def _write_txt(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("An English text, forced to Arabic by the caller.", encoding="utf-8")
    return path


def test_corpus_boilerplate_per_site_in_a_mixed_batch(tmp_path):
    recs = []
    for site in ("Alpha", "Beta", "Gamma"):
        for i in range(5):
            text = f"Paragraph {i} from {site} about talks between Baku and Yerevan.\nSubscribe to the {site} newsletter"
            recs.append({"id": f"{site}-{i}", "source": site, "text": text})
    p = tmp_path / "mixed.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    arts, problems = ingest([p])
    assert problems == [] and len(arts) == 15
    for a in arts:  # each footer is in only a third of the batch, but in every article of its site
        assert [label for _, label in _excluded(a)] == ["boilerplate"]
        assert _excluded(a)[0][0] == f"Subscribe to the {a.source} newsletter"
