"""Optional statistical Arabic mention tagger: a linear-chain CRF (python-crfsuite).

The default recogniser is KB + rules and needs no model. When a user trains a CRF on
CoNLL-style data (``newsgraph ner train FILE.conll --out MODEL``), :class:`CRFRecogniser` finds
person, organisation and place names the KB does not know; :func:`merge_found` adds its spans
to the rules' where they do not overlap, so KB links and roles stay as the rules found them.

Features (:mod:`graph.recognise.features`): folded word, affixes, clitic-stripped readings,
shape, function words, KB gazetteer tags, nisba and role words, neighbours ±2.

Labels are ANERcorp's (PERS, LOC, ORG, MISC); predictions become ``Found`` records of type
PER, ORG, GPE (a LOC the KB knows as a GPE) or LOC; MISC is not output. Training writes
``MODEL.json`` beside the model (format, whether it is stacked on the rules, KB version).
Needs ``pip install python-crfsuite`` (the ``ner`` extra).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from graph.errors import NewsgraphError
from graph.kb.base import KnowledgeBase, name_key
from graph.recognise.features import make_words, sentence_features, span_tags
from graph.recognise.found import Found
from graph.recognise.tokens import Word, original_start, words
from graph.types import Article, Sentence

__all__ = [
    "MODEL_FORMAT",
    "CRFRecogniser",
    "NERModelError",
    "crf_available",
    "file_sha256",
    "merge_found",
    "model_info",
    "propagate",
    "rule_spans",
    "train_crf",
    "train_crf_sentences",
]

#: written into the model's description file (``MODEL.json`` beside ``MODEL``)
MODEL_FORMAT = "newsgraph-crf/1"
#: CRF label type → pipeline mention type (LOC is refined to GPE with the KB)
_OUT_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE"}


class NERModelError(NewsgraphError):
    """The statistical tagger is not installed, or its model file is missing or unreadable."""


def crf_available() -> bool:
    """True when python-crfsuite can be imported."""
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        return False
    return True


def _pycrfsuite():
    try:
        import pycrfsuite
    except ImportError as exc:
        raise NERModelError("the CRF tagger needs python-crfsuite: pip install 'newsgraph[ner]'") from exc
    return pycrfsuite


def rule_spans(article: Article, sentences: Sequence[Sentence], kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """What the KB + rules recogniser (and linking) finds: ``(start, end, type)`` per mention."""
    from graph.link import link
    from graph.recognise import recognise

    mentions, _ = link(recognise(article, sentences, kb), kb)
    return [(m.start, m.end, m.type) for m in mentions]


def _stacked_items(sentences: Sequence, kb: KnowledgeBase, chunk: int = 20):
    """(features, labels) per sentence, with the rules' output of its chunk as features."""
    for c in range(0, len(sentences), chunk):
        part = sentences[c:c + chunk]
        texts, spans, ws_all = [], [], []
        pos = 0
        for s in part:
            line = " ".join(s.tokens)
            ws_all.append(make_words(s.tokens, pos))
            spans.append(Sentence(len(spans), pos, pos + len(line)))
            texts.append(line)
            pos += len(line) + 1
        text = "\n".join(texts)
        found = rule_spans(Article("train", text, "train", lang="ar"), spans, kb)
        for s, sent, ws in zip(part, spans, ws_all):
            mine = [f for f in found if f[0] < sent.end and f[1] > sent.start]
            yield sentence_features(ws, kb, span_tags(mine, ws)), list(s.tags)


def train_crf_sentences(sentences: Iterable, model_path: str | Path, kb: KnowledgeBase | None = None, *,
                        rules: bool = False, c1: float = 0.02, c2: float = 0.03, max_iterations: int = 200,
                        verbose: bool = False, sources: Sequence[dict] = ()) -> Path:
    """Train on :class:`graph.eval.conll.TaggedSentence` records; write the model to ``model_path``.

    With ``rules`` the KB + rules recogniser's output is a feature (stacking); the tagger then
    runs the rules itself when it tags. Off by default: in 5-fold CV on ANERcorp-dev it lowered
    overall F1 (0.703 vs 0.718 without), and it ties a model to one version of the rules.
    ``c1``/``c2``: chosen by that CV (0.02/0.03 vs the earlier 0.05/0.01: PERS F1 0.699 → 0.705).
    ``sources`` (file name and sha256 of the training files) go into ``MODEL.json`` so an
    evaluation can refuse to score a model on its own training data.
    """
    pycrfsuite = _pycrfsuite()
    if kb is None:
        from graph.api import load_kb

        kb = load_kb()
    model_path = Path(model_path)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    sentences = list(sentences)
    if not sentences:
        raise NERModelError("no training sentences")
    if rules:
        items = _stacked_items(sentences, kb)
    else:
        items = ((sentence_features(make_words(s.tokens), kb), list(s.tags)) for s in sentences)
    for feats, labels in items:
        trainer.append(feats, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(model_path))
    meta = {"format": MODEL_FORMAT, "stacked": rules, "kb_version": getattr(kb, "version", None),
            "sentences": len(sentences), "c1": c1, "c2": c2, "max_iterations": max_iterations,
            "sources": list(sources)}
    with open(_meta_path(model_path), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1)
        fh.write("\n")
    return model_path


def _meta_path(model_path: Path) -> Path:
    return model_path.with_name(model_path.name + ".json")


def train_crf(conll_paths: Sequence[str | Path] | str | Path, model_path: str | Path,
              kb: KnowledgeBase | None = None, *, layer: int = 0, **kwargs) -> Path:
    """Train a CRF on CoNLL files (``token TAG [TAG …]``) and write it to ``model_path``."""
    from graph.eval.conll import read_conll

    if isinstance(conll_paths, (str, Path)):
        conll_paths = [conll_paths]
    sentences = [s for p in conll_paths for s in read_conll(p, layer=layer)]
    sources = [{"name": Path(p).name, "sha256": file_sha256(p)} for p in conll_paths]
    return train_crf_sentences(sentences, model_path, kb, sources=sources, **kwargs)


def file_sha256(path: str | Path) -> str:
    """Hex sha256 of a file's bytes (identifies training data without recording where it was)."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def model_info(model_path: str | Path) -> dict:
    """The description written beside a model at training time (empty when there is none)."""
    meta_path = _meta_path(Path(model_path))
    if not meta_path.is_file():
        return {}
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise NERModelError(f"{meta_path}: unreadable model description ({exc})") from exc


def _label_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    from graph.eval.metrics import bio_spans

    return bio_spans(labels)


class CRFRecogniser:
    """Tag an article's sentences with a trained CRF model; returns ``Found`` records (via ``ner``)."""

    def __init__(self, model_path: str | Path, kb: KnowledgeBase, *, propagate: bool = True):
        pycrfsuite = _pycrfsuite()
        path = Path(model_path)
        if not path.is_file():
            raise NERModelError(f"{path}: no such model file")
        self.kb = kb
        #: tag later occurrences of names (and persons' surnames) found once in the article
        self.propagate = propagate
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except (OSError, ValueError) as exc:
            raise NERModelError(f"{path}: not a crfsuite model ({exc})") from exc
        meta = model_info(path)
        #: trained with the rules' output as features: run the rules before tagging
        self.stacked = bool(meta.get("stacked")) if "stacked" in meta else any(
            a.startswith("rule=") for a in self._tagger.info().attributes)

    def tag_tokens(self, ws: list[Word], rule_tags: Sequence[str] | None = None) -> list[str]:
        """IOB labels of one sentence's words."""
        if not ws:
            return []
        return self._tagger.tag(sentence_features(ws, self.kb, rule_tags if self.stacked else None))

    def _start(self, ws: list[Word], i: int, j: int) -> int:
        """Span start without a leading proclitic (و، ب، ل …) when a reading shows one."""
        w = ws[i]
        rest = " ".join(x.key for x in ws[i + 1:j])
        for r in w.readings[1:]:
            if r.bare:
                continue
            key = r.key + (" " + rest if rest else "")
            if self.kb.lookup(key) or r.key.startswith("ال"):
                return original_start(w, r.prefix_len)
        return w.start

    def _type(self, label: str, name_key: str) -> str:
        typ = _OUT_TYPES[label]
        if typ == "LOC" and any(e.type == "GPE" for e in self.kb.lookup(name_key)):
            return "GPE"
        return typ

    def predict(self, article: Article, sentences: Sequence[Sentence],
                rules: Sequence[tuple[int, int, str]] | None = None) -> list[Found]:
        """Mentions the CRF finds in ``sentences`` of ``article`` (no candidates; linking decides).

        ``rules``: the rules' mention spans when the caller already has them (stacked models).
        """
        text = article.text
        out: list[Found] = []
        if self.stacked and rules is None:
            rules = rule_spans(article, sentences, self.kb)
        per_sentence: list[tuple[Sentence, list[Word], list[bool]]] = []
        for s in sentences:
            ws = words(text, s.start, s.end)
            taken = [False] * len(ws)
            per_sentence.append((s, ws, taken))
            tags = None
            if self.stacked:
                tags = span_tags([r for r in rules if r[0] < s.end and r[1] > s.start], ws)
            labels = self.tag_tokens(ws, tags)
            for i, j, label in _label_spans(labels):
                if label not in _OUT_TYPES:
                    continue
                # punctuation never begins or ends a name
                while i < j and not ws[i].is_word:
                    i += 1
                while j > i and not ws[j - 1].is_word:
                    j -= 1
                if i >= j:
                    continue
                start = self._start(ws, i, j)
                end = ws[j - 1].end
                surface = text[start:end]
                typ = self._type(label, name_key(surface))
                out.append(Found(start, end, surface, typ, (), via="ner", name=surface, sentence=s.index))
                for k in range(i, j):
                    taken[k] = True
        if self.propagate:
            out += propagate(text, out, per_sentence)
            out.sort(key=lambda f: f.start)
        return out


def propagate(text: str, found: Sequence[Found], per_sentence) -> list[Found]:
    """Other occurrences in the article of names the tagger found once (and surnames of persons).

    A tagger decides each sentence on its own; an article names a person in full once and
    repeats the name or the surname later, where the context may not give it away.

    >>> from graph.recognise.tokens import words
    >>> text = "قال سامي حداد أمس . وأكد حداد"
    >>> ws = words(text, 0, len(text))
    >>> taken = [False, True, True, False, False, False, False]
    >>> f = Found(4, 13, "سامي حداد", "PER", via="ner")
    >>> [(g.text, g.type) for g in propagate(text, [f], [(Sentence(0, 0, len(text)), ws, taken)])]
    [('حداد', 'PER')]
    """
    from graph.recognise.lexicon import load_lexicon

    fw = load_lexicon().function_words
    names: dict[str, Found] = {}
    for f in found:
        key = name_key(f.text)
        parts = key.split(" ")
        if len(key) >= 3 and key not in fw:
            names.setdefault(key, f)
        if f.type == "PER" and len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1] not in fw:
            names.setdefault(parts[-1], f)
    if not names:
        return []
    longest = max(len(k.split(" ")) for k in names)
    out: list[Found] = []
    for s, ws, taken in per_sentence:
        i = 0
        while i < len(ws):
            hit = None
            if ws[i].is_word and not taken[i]:
                for r in ws[i].readings[:3]:
                    if r.bare:
                        continue
                    for n in range(min(longest, len(ws) - i), 0, -1):
                        if any(taken[i + 1:i + n]) or not all(w.is_word for w in ws[i:i + n]):
                            continue
                        key = " ".join([r.key] + [w.key for w in ws[i + 1:i + n]])
                        if key in names:
                            hit = (n, r.prefix_len, names[key])
                            break
                    if hit:
                        break
            if hit is None:
                i += 1
                continue
            n, plen, src = hit
            start, end = original_start(ws[i], plen), ws[i + n - 1].end
            out.append(Found(start, end, text[start:end], src.type, (), via="ner", name=src.name,
                             sentence=s.index))
            for k in range(i, i + n):
                taken[k] = True
            i += n
    return out


def merge_found(rule_found: Sequence[Found], ner_found: Sequence[Found], *, prefer: str = "rules") -> list[Found]:
    """Rule and statistical spans together, without overlaps, sorted by start.

    ``prefer="rules"`` (default): every rule span; statistical spans where they overlap no rule
    span. ``prefer="ner"``: every statistical span (replaced by the rule record when a rule found
    exactly that span, so KB candidates and roles survive); rule spans where they overlap none.

    >>> a = Found(0, 5, "روسيا", "GPE")
    >>> b = Found(3, 9, "xx", "PER", via="ner")
    >>> c = Found(10, 14, "زيد", "PER", via="ner")
    >>> [f.text for f in merge_found([a], [b, c])]
    ['روسيا', 'زيد']
    >>> [f.text for f in merge_found([a], [b, c], prefer="ner")]
    ['xx', 'زيد']
    """
    if prefer not in ("rules", "ner"):
        raise ValueError(f"prefer must be 'rules' or 'ner', not {prefer!r}")
    first, second = (rule_found, ner_found) if prefer == "rules" else (ner_found, rule_found)
    exact = {(f.start, f.end): f for f in rule_found}
    kept = [exact.get((f.start, f.end), f) for f in first] if prefer == "ner" else list(first)
    spans = [(f.start, f.end) for f in first]
    for f in sorted(second, key=lambda f: f.start):
        # articles hold tens of spans, so a plain scan is cheaper than an interval index
        if any(s < f.end and e > f.start for s, e in spans):
            continue
        kept.append(f)
    kept.sort(key=lambda f: f.start)
    return kept
