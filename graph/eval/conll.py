"""CoNLL-style NER files (``token TAG [TAG …]``) as sentences and pseudo-documents.

ANERcorp has one ``token TAG`` per line and no sentence breaks; Wojood separates sentences by
blank lines and carries nested layers as extra tag columns (outermost first). Sentences are
split where the file has blank lines, and otherwise after sentence-final tokens and at most
every ``max_len`` tokens (never inside an entity), so a recogniser sees sentence-sized input.

Gold types are normalised to the evaluation label set ``PERS LOC ORG MISC`` (``GPE`` → LOC,
``NORP`` → MISC); other types (Wojood's DATE, OCC, …) become ``O``.

>>> import io
>>> sents = parse_conll(io.StringIO("عمان B-LOC\\nهي O\\n. O\\nقال O\\nزيد B-PERS\\nعلي I-PERS\\n"))
>>> [(s.tokens, s.tags) for s in sents]
[(('عمان', 'هي', '.'), ('B-LOC', 'O', 'O')), (('قال', 'زيد', 'علي'), ('O', 'B-PERS', 'I-PERS'))]
>>> doc = documents(sents, size=2)[0]
>>> doc.text
'عمان هي .\\nقال زيد علي'
>>> start, end = doc.token_spans[4]
>>> (start, end), doc.text[start:end]
((14, 17), 'زيد')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from graph.errors import InputError

__all__ = [
    "GOLD_TYPES",
    "SENTENCE_END",
    "Document",
    "TaggedSentence",
    "documents",
    "parse_conll",
    "read_conll",
]

#: gold type in the file → evaluation type; types not listed are not scored (→ O)
GOLD_TYPES = {"PERS": "PERS", "PER": "PERS", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC",
              "NORP": "MISC"}
#: tokens after which a file without blank lines is split into sentences
SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
#: Wojood's separator token between texts; a sentence break, never a word
_WOJOOD_BREAK = "$#$"


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """One sentence's tokens and their normalised IOB2 gold tags."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """Consecutive sentences joined into one text; each token keeps its character span."""

    id: str
    sentences: tuple[TaggedSentence, ...]
    text: str
    token_spans: tuple[tuple[int, int], ...]
    sentence_spans: tuple[tuple[int, int], ...]

    @property
    def tags(self) -> list[str]:
        return [t for s in self.sentences for t in s.tags]

    @property
    def tokens(self) -> list[str]:
        return [t for s in self.sentences for t in s.tokens]


def _norm_tag(tag: str, prev: str) -> str:
    """IOB2 tag in the evaluation label set; an ``I-`` that starts an entity becomes ``B-``."""
    if "-" not in tag:
        return "O"
    prefix, _, typ = tag.partition("-")
    typ = GOLD_TYPES.get(typ.upper())
    if typ is None or prefix.upper() not in ("B", "I"):
        return "O"
    if prefix.upper() == "I" and prev not in (f"B-{typ}", f"I-{typ}"):
        return f"B-{typ}"
    return f"{prefix.upper()}-{typ}"


def parse_conll(lines: Iterable[str] | TextIO, *, layer: int = 0, max_len: int = 40,
                where: str = "<conll>") -> list[TaggedSentence]:
    """Sentences of a CoNLL stream.

    ``layer`` picks the tag column of nested files: 0 the first (outermost), -1 per token the
    outermost column whose type is scored (PERS, ORG, GPE, LOC, NORP …).

    >>> [s.tags for s in parse_conll(["رئيس B-OCC", "بلدية I-OCC B-ORG", "نابلس I-OCC I-ORG B-GPE"], layer=-1)]
    [('O', 'B-ORG', 'I-ORG')]
    """
    out: list[TaggedSentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if toks:
            out.append(TaggedSentence(tuple(toks), tuple(tags)))
        toks.clear()
        tags.clear()

    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        parts = line.split()
        if not parts:
            flush()
            continue
        if len(parts) == 1:
            # a line holding only a tag (ANERcorp has a few tokens lost to whitespace): nothing to read
            if "-" in parts[0] or parts[0] == "O":
                continue
            raise InputError(f"no tag after token {parts[0]!r}", path=where, line=n)
        token, col = parts[0], parts[1:]
        if token == _WOJOOD_BREAK:
            flush()
            continue
        # ANERcorp has a merged line or two ("token TAGtoken TAG"): keep the first token, last tag
        if layer < 0:
            # nested files: the outermost layer whose type is scored (Wojood puts OCC around GPE)
            tag = next((t for t in col if "-" in t and t.partition("-")[2].upper() in GOLD_TYPES), "O")
        else:
            tag = col[layer] if layer < len(col) else "O"
        if not (tag == "O" or "-" in tag):
            tag = col[-1]
        tag = _norm_tag(tag, tags[-1] if tags else "O")
        if len(toks) >= max_len and not tag.startswith("I-"):
            flush()  # a split never falls inside an entity
        toks.append(token)
        tags.append(tag)
        if token in SENTENCE_END:
            flush()
    flush()
    return out


def read_conll(path: str | Path, *, layer: int = 0, max_len: int = 40) -> list[TaggedSentence]:
    """Sentences of a CoNLL file (UTF-8)."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig") as fh:  # a BOM is not part of the first token
            return parse_conll(fh, layer=layer, max_len=max_len, where=str(path))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 text", path=str(path)) from exc


def _document(doc_id: str, sents: Sequence[TaggedSentence]) -> Document:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    sspans: list[tuple[int, int]] = []
    pos = 0
    for si, s in enumerate(sents):
        if si:
            parts.append("\n")
            pos += 1
        s_start = pos
        for ti, tok in enumerate(s.tokens):
            if ti:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            spans.append((pos, pos + len(tok)))
            pos += len(tok)
        sspans.append((s_start, pos))
    return Document(doc_id, tuple(sents), "".join(parts), tuple(spans), tuple(sspans))


def documents(sentences: Sequence[TaggedSentence], size: int = 20, prefix: str = "doc") -> list[Document]:
    """Pseudo-documents of ``size`` consecutive sentences (text: tokens joined by spaces, sentences by newlines).

    ANERcorp keeps no article boundaries; a window of sentences gives the recogniser some
    article context (coreference, linking coherence) without whole-corpus leakage.
    """
    return [_document(f"{prefix}{i // size}", sentences[i:i + size]) for i in range(0, len(sentences), size)]
