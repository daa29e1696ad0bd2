"""The recogniser's one-pass tokenisation equals tokenising each sentence on its own, for any input.

``recognise`` tokenises an article once and cuts the tokens at sentence edges; the event stage
then reuses each sentence's words. Both must give exactly what a per-sentence scan gives, also
for sentences whose edges fall inside a token.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.kb.seed import load_seed_kb
from graph.recognise import _scan_sentences, _token_cache
from graph.recognise.lexicon import load_lexicon
from graph.recognise.tokens import words
from graph.text.sentences import _END, _LAST_WORD, _ends, split_sentences
from graph.text.tokenize import WORD_RE, sentence_words
from graph.types import Sentence

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list(" \n\t\u00a0،؛؟.!?…\"»)_,:\u0640\u064b\u200c") + list("روسياأذربيجانقرهباغ Ab1")),
        st.characters(),
    ),
    max_size=120,
)


def _check(text, sents):
    kb = load_seed_kb()
    scanned = _scan_sentences(text, sents, kb, load_lexicon(), _token_cache(kb))
    assert len(scanned) == len(sents)
    for s, (ws, bits, coref) in zip(sents, scanned):
        assert list(ws) == words(text, s.start, s.end)
        assert len(bits) == len(coref) == len(ws)
        assert sentence_words(text, s.start, s.end) == WORD_RE.findall(text, s.start, s.end)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_scan_of_split_sentences_equals_per_sentence_words(text):
    _check(text, split_sentences(text))


@given(TEXT, st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), max_size=6))
@settings(max_examples=300, deadline=None)
def test_scan_of_any_spans_equals_per_sentence_words(text, spans):
    # edges anywhere, inside tokens too, overlapping and out of order
    _check(text, tuple(Sentence(i, min(a, b), max(a, b)) for i, (a, b) in enumerate(spans)))


@given(TEXT, st.integers(0, 130), st.integers(0, 130))
@settings(max_examples=300, deadline=None)
def test_sentence_ends_equal_the_plain_regex(text, a, b):
    a, b = min(a, b), max(a, b)
    assert [m.span() for m in _ends(text, a, b)] == [m.span() for m in _END.finditer(text, a, b)]


@given(TEXT, st.integers(0, 130), st.integers(0, 130))
@settings(max_examples=300, deadline=None)
def test_last_word_equals_the_plain_search(text, a, b):
    a, b = min(a, b), max(a, b)
    plain = re.compile(r"[\w.]+$").search(text, a, b)
    ours = _LAST_WORD.match(text, a, b)
    assert (ours.group(1) if ours else None) == (plain.group() if plain else None)
