"""Arabic mention detection against CoNLL gold (ANERcorp, Wojood), scored on CoNLL tokens.

Each pseudo-document (see :mod:`graph.eval.conll`) becomes an :class:`~graph.types.Article`
(lang ``ar``, no date) whose sentences are the file's sentences. A recogniser returns
mention character spans; every token that overlaps a mention takes its type (ANERcorp tokens
keep their clitics, so ``وروسيا`` is a LOC token when ``روسيا`` is found), and the tokens of
one mention form one entity. Predicted types map ``PER→PERS``, ``GPE/LOC→LOC``, ``ORG→ORG``,
``NORP→MISC``. "overall" is the micro average over PERS, LOC and ORG: ANERcorp's MISC
(events, languages, products …) is not what NORP means, so MISC is reported on its own.

Entity level: exact token-span match of a whole entity and its type. Token level: each
token's type.

>>> from graph.eval.conll import documents, parse_conll
>>> docs = documents(parse_conll(["في O", "وروسيا B-LOC", "قال O", "زيد B-PERS"]))
>>> project([(3, 9, "GPE"), (14, 17, "PER")], docs[0].token_spans)
['O', 'B-LOC', 'O', 'B-PERS']
>>> res = evaluate(docs, lambda article, sentences: [(3, 9, "GPE")])
>>> res.entity["LOC"].f1, res.entity["PERS"].recall, round(res.entity["overall"].f1, 3)
(1.0, 0.0, 0.667)
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from graph.eval.conll import Document, TaggedSentence, documents
from graph.eval.metrics import Counts, bio_spans, score_spans, score_tokens
from graph.types import Article, Sentence

__all__ = [
    "PRED_TYPES",
    "SCORED",
    "NerResult",
    "Predictor",
    "crf_predictor",
    "cross_validate",
    "evaluate",
    "folds",
    "project",
    "rules_predictor",
    "to_article",
]

#: predicted mention type → evaluation type
PRED_TYPES = {"PER": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "NORP": "MISC"}
#: the types "overall" averages over
SCORED = ("PERS", "LOC", "ORG")

#: (article, sentences) → mention spans (start, end, type) with pipeline types (PER, GPE …)
Predictor = Callable[[Article, Sequence[Sentence]], Sequence[tuple[int, int, str]]]


@dataclass
class NerResult:
    """Entity- and token-level counts per type (plus ``overall``) and what was run."""

    name: str
    entity: dict[str, Counts] = field(default_factory=dict)
    token: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0
    tokens: int = 0
    seconds: float = 0.0
    #: (type, surface) of gold entities not found exactly, and of predictions gold does not have
    missed: Counter = field(default_factory=Counter)
    spurious: Counter = field(default_factory=Counter)

    def add(self, other: NerResult) -> None:
        """Sum another result's counts into this one (folds of a cross-validation)."""
        for mine, theirs in ((self.entity, other.entity), (self.token, other.token)):
            for t, c in theirs.items():
                mine.setdefault(t, Counts())
                mine[t] += c
        self.documents += other.documents
        self.tokens += other.tokens
        self.seconds += other.seconds
        self.missed.update(other.missed)
        self.spurious.update(other.spurious)

    def as_dict(self) -> dict:
        return {"name": self.name, "documents": self.documents, "tokens": self.tokens,
                "seconds": round(self.seconds, 2),
                "entity": {t: c.as_dict() for t, c in self.entity.items()},
                "token": {t: c.as_dict() for t, c in self.token.items()}}


def project(spans: Sequence[tuple[int, int, str]], token_spans: Sequence[tuple[int, int]]) -> list[str]:
    """IOB2 tags of the tokens from mention character spans (first mention wins on overlap)."""
    tags = ["O"] * len(token_spans)
    owner = [-1] * len(token_spans)
    starts = [s for s, _ in token_spans]
    for mi, (start, end, typ) in enumerate(sorted(spans)):
        label = PRED_TYPES.get(typ)
        if label is None:
            continue
        i = max(0, bisect.bisect_right(starts, start) - 1)
        first = True
        while i < len(token_spans) and token_spans[i][0] < end:
            if token_spans[i][1] > start and owner[i] < 0:
                owner[i] = mi
                tags[i] = ("B-" if first else "I-") + label
                first = False
            i += 1
    return tags


def to_article(doc: Document) -> tuple[Article, tuple[Sentence, ...]]:
    """The article a recogniser sees for one pseudo-document, with the file's sentences."""
    article = Article(id=doc.id, text=doc.text, origin=doc.id, lang="ar")
    return article, tuple(Sentence(i, s, e) for i, (s, e) in enumerate(doc.sentence_spans))


def evaluate(docs: Sequence[Document], predictor: Predictor, name: str = "") -> NerResult:
    """Score ``predictor`` on ``docs``: entity- and token-level counts per type."""
    t0 = time.perf_counter()
    gold_ents, pred_ents, gold_tags, pred_tags = [], [], [], []
    missed, spurious = Counter(), Counter()
    for d in docs:
        article, sentences = to_article(d)
        pred = project(list(predictor(article, sentences)), d.token_spans)
        gold = d.tags
        g, p = set(bio_spans(gold)), set(bio_spans(pred))
        toks = d.tokens
        missed.update((t, " ".join(toks[i:j])) for i, j, t in g - p)
        spurious.update((t, " ".join(toks[i:j])) for i, j, t in p - g)
        gold_ents += [(d.id, *s) for s in g]
        pred_ents += [(d.id, *s) for s in p]
        gold_tags += gold
        pred_tags += pred
    return NerResult(name, score_spans(gold_ents, pred_ents, SCORED), score_tokens(gold_tags, pred_tags, SCORED),
                     len(docs), len(gold_tags), time.perf_counter() - t0, missed, spurious)


def rules_predictor(kb) -> Predictor:
    """The default recogniser (KB + rules) followed by linking, as :func:`graph.api.annotate_article` runs them.

    Events and co-mentions are skipped (they do not change mentions); there is no byline.
    """
    from graph.link import link
    from graph.recognise import recognise

    def predict(article: Article, sentences: Sequence[Sentence]):
        mentions, _ = link(recognise(article, sentences, kb), kb)
        return [(m.start, m.end, m.type) for m in mentions]

    return predict


def crf_predictor(model_path, kb, *, merge: str | None = None, propagate: bool = True) -> Predictor:
    """A trained CRF alone, or merged with the rules (:func:`graph.recognise.crf.merge_found`).

    ``merge="rules"``: rules first, the CRF fills the gaps; ``merge="ner"``: the CRF first.
    """
    from graph.link import link
    from graph.recognise import recognise
    from graph.recognise.crf import CRFRecogniser, merge_found

    rec = CRFRecogniser(model_path, kb, propagate=propagate)

    def predict(article: Article, sentences: Sequence[Sentence]):
        rule_found = recognise(article, sentences, kb) if merge or rec.stacked else []
        spans = None
        if rec.stacked:
            spans = [(m.start, m.end, m.type) for m in link(rule_found, kb)[0]]
        found = rec.predict(article, sentences, rules=spans)
        if merge:
            found = merge_found(rule_found, found, prefer=merge)
        mentions, _ = link(found, kb)
        return [(m.start, m.end, m.type) for m in mentions]

    return predict


def folds(docs: Sequence[Document], k: int) -> list[tuple[list[Document], list[Document]]]:
    """``k`` (train, test) splits of contiguous document blocks; every document is tested once.

    >>> [(len(tr), len(te)) for tr, te in folds(list(range(7)), 3)]
    [(4, 3), (5, 2), (5, 2)]
    """
    if k < 2 or k > len(docs):
        raise ValueError(f"cannot make {k} folds of {len(docs)} documents")
    n = len(docs)
    bounds = [round(i * n / k) for i in range(k + 1)]
    # round() puts the larger blocks where it falls; fix the order so the first folds are the larger
    sizes = sorted((bounds[i + 1] - bounds[i] for i in range(k)), reverse=True)
    out, pos = [], 0
    for s in sizes:
        out.append((list(docs[:pos]) + list(docs[pos + s:]), list(docs[pos:pos + s])))
        pos += s
    return out


#: what forked cross-validation workers read (set just before the fork, so nothing is pickled in)
_FOLD_STATE: dict = {}
SYSTEMS = ("rules", "crf", "rules>crf", "crf>rules")


def _run_fold(i: int) -> tuple[int, float, dict[str, NerResult]]:
    """Train fold ``i``'s CRF on the other folds and score every system on fold ``i``."""
    from graph.recognise.crf import train_crf_sentences

    st = _FOLD_STATE
    train, test = st["folds"][i]
    model = st["base"] / f"fold{i}.crfsuite"
    kb = st["kb"]
    t0 = time.perf_counter()
    train_crf_sentences([s for d in train for s in d.sentences], model, kb, **st["train_kwargs"])
    seconds = time.perf_counter() - t0
    out = {
        "rules": evaluate(test, rules_predictor(kb)),
        "crf": evaluate(test, crf_predictor(model, kb)),
        "rules>crf": evaluate(test, crf_predictor(model, kb, merge="rules")),
        "crf>rules": evaluate(test, crf_predictor(model, kb, merge="ner")),
    }
    return i, seconds, out


def cross_validate(sentences: Sequence[TaggedSentence], k: int, kb, *, doc_size: int = 20, workdir=None,
                   progress: Callable[[str], None] | None = None, jobs: int = 1,
                   **train_kwargs) -> dict[str, NerResult]:
    """Document-contiguous k-fold CV: rules, CRF alone, rules>crf and crf>rules merges.

    The CRF of each fold is trained on the other folds only and written into ``workdir``
    (a temporary directory by default), never next to the data. ``jobs`` > 1 runs folds in
    forked worker processes (POSIX only); counts are summed over folds either way.
    """
    import multiprocessing
    import tempfile
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    docs = documents(sentences, doc_size)
    splits = folds(docs, k)
    results = {name: NerResult(name) for name in SYSTEMS}
    with tempfile.TemporaryDirectory(prefix="newsgraph-cv-") as tmp:
        _FOLD_STATE.update(folds=splits, base=Path(workdir) if workdir is not None else Path(tmp), kb=kb,
                           train_kwargs=train_kwargs)
        try:
            if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
                ctx = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(max_workers=min(jobs, k), mp_context=ctx) as pool:
                    done = list(pool.map(_run_fold, range(k)))
            else:
                done = map(_run_fold, range(k))
            for i, seconds, out in done:
                if progress:
                    progress(f"fold {i + 1}/{k}: trained on {len(splits[i][0])} documents in {seconds:.1f}s")
                for name in SYSTEMS:
                    results[name].add(out[name])
        finally:
            _FOLD_STATE.clear()
    return results
