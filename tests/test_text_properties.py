"""Folding, tokenising and recognition never crash and keep offsets exact, for any Unicode input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.kb.seed import load_seed_kb
from graph.link import link
from graph.recognise import recognise
from graph.recognise.tokens import words
from graph.text.fold import fold, fold_key
from graph.text.sentences import split_sentences
from graph.text.tokenize import tokenize
from graph.types import Article

ARABIC_ISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list(" \n\t\u00a0،؛؟.,:!\u0640\u064b\u0651\u200f") + list("روسياأذربيجانقرهباغ")),
        st.characters(),
    ),
    max_size=200,
)


@given(ARABIC_ISH)
@settings(max_examples=300, deadline=None)
def test_fold_offsets_map_into_the_original(text):
    f = fold(text)
    assert len(f.offsets) == len(f.key) + 1
    assert f.key == fold_key(text)
    for i in range(len(f.key)):
        s, e = f.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert fold_key(text[s:e]).startswith(f.key[i]) or f.key[i] in fold_key(text[s:e])


@given(ARABIC_ISH)
@settings(max_examples=300, deadline=None)
def test_tokens_slice_back_and_arabic_punctuation_is_separate(text):
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text
        if t.is_word:
            assert not set(t.text) & set("،؛؟")
    for w in words(text, 0, len(text)):
        assert text[w.start:w.end] == w.text


@given(ARABIC_ISH)
@settings(max_examples=200, deadline=None)
def test_mentions_always_slice_back_to_their_surface(text):
    kb = load_seed_kb()
    art = Article("p", text, "p")
    sents = split_sentences(text)
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
    mentions, _ = link(recognise(art, sents, kb), kb)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


def test_naive_block_regex_would_swallow_arabic_punctuation():
    import re

    text = "روسيا، أذربيجان؛ أرمينيا؟"
    assert re.findall(r"[\u0600-\u06FF]+", text)[0] == "روسيا،"  # the trap
    assert [t.text for t in tokenize(text)] == ["روسيا", "،", "أذربيجان", "؛", "أرمينيا", "؟"]
