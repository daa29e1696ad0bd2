"""Ingest stage: inputs (text, JSONL, CSV/TSV, HTML, RSS/Atom, stdin) → :class:`~graph.types.Article`.

``Article.text`` keeps the decoded input whole; cleaning (boilerplate, repeated headline,
byline) is expressed as spans. Unreadable inputs become :class:`~graph.types.Problem` records
and the rest of the batch goes on.

>>> from graph.ingest import ingest
>>> articles, problems = ingest([])
>>> articles, problems
([], [])
"""

from graph.ingest.boilerplate import corpus_boilerplate_keys, mark_corpus_boilerplate
from graph.ingest.clean import Cleaned, clean
from graph.ingest.dates import parse_published
from graph.ingest.decode import decode_bytes
from graph.ingest.lang import detect_lang
from graph.ingest.reader import KINDS, ingest, read_inputs
from graph.ingest.records import article_from_record, make_article

__all__ = [
    "read_inputs",
    "ingest",
    "KINDS",
    "make_article",
    "article_from_record",
    "clean",
    "Cleaned",
    "mark_corpus_boilerplate",
    "corpus_boilerplate_keys",
    "decode_bytes",
    "detect_lang",
    "parse_published",
]
