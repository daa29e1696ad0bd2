"""How an event is told: negated, future, intended, reported by a source — recorded, never dropped.

The one exception is ``abstract``: a cue governed by "importance of", "need for", "ways of"
(``أهمية مناقشة``) talks about an event without reporting one; the extractor skips it.

Words come from ``graph/lexicons/modality.tsv``. Negation, future and intention are looked for
just before the cue inside its clause (``لم تشن``, ``ستجري``, ``تعتزم زيارة``, "did not attack",
"will visit"); reporting anywhere in the sentence (``أفاد البيان``, "according to").

>>> m = modality_words("ar")
>>> def keys(s): return [fold_key(w) for w in s.split()]
>>> tell(keys("نفت الوزارة أن تكون قواتها قصفت"), 5, m)
(True, 'asserted', None)
>>> tell(keys("وزير الخارجية زار موسكو"), 2, m)
(False, 'asserted', None)
>>> tell(keys("ستجري زيارة"), 1, m)
(False, 'future', None)
>>> tell(keys("وأفاد البيان بأن الوزيرين ناقشا"), 4, m)
(False, 'reported', 0)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import compress, count

from graph.resources import lexicon_dir
from graph.text.fold import fold_key

__all__ = ["ModalityWords", "glued", "modality_words", "tell"]

_WINDOW = {"negation": 5, "future": 3, "intended": 4}
_CLAUSE_END = frozenset({"،", ",", "؛", ";", ":", "«", "»", '"', "(", ")"})


@dataclass(frozen=True, slots=True)
class ModalityWords:
    by_kind: dict[str, frozenset]


@cache
def modality_words(lang: str) -> ModalityWords:
    lang = "ar" if lang == "ar" else "en"
    by_kind: dict[str, set] = {}
    with open(lexicon_dir() / "modality.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "lang\t")) or not line.strip():
                continue
            lg, kind, forms, _scope = line.rstrip("\n").split("\t")
            if lg == lang:
                by_kind.setdefault(kind, set()).update(fold_key(f) for f in forms.split("|"))
    return ModalityWords({k: frozenset(v) for k, v in by_kind.items()})


@cache
def glued(vocab: frozenset, min_len: int = 2) -> frozenset:
    """``vocab`` and its words of at least ``min_len`` letters with و or ف glued in front.

    With ``min_len=2`` a word is in it exactly when the word, or the word of more than two
    letters with a leading و/ف stripped, is in ``vocab``: sentences are searched with set tests
    instead of stripping every word of them.
    """
    return vocab | {c + w for w in vocab if len(w) >= min_len for c in "وف"}


def tell(words: list[str], cue: int, mw: ModalityWords) -> tuple[bool, str, int | None]:
    """(negated, modality, index of the reporting word or None) for the cue at ``words[cue]``.

    ``words`` are folded keys (:func:`graph.text.fold.fold_key`) of the sentence's tokens; punctuation
    tokens end the clause looked at before the cue.
    The modality is ``future`` or ``intended`` when such a word precedes the cue in its clause,
    else ``reported`` when the sentence names a source, else ``asserted``.
    """
    negated = False
    modality = "asserted"
    for kind in ("negation", "future", "intended"):
        vocab = glued(mw.by_kind.get(kind, frozenset()))
        for j in range(cue - 1, max(-1, cue - 1 - _WINDOW[kind]), -1):
            if words[j] in _CLAUSE_END:
                break
            if words[j] in vocab:
                if kind == "negation":
                    negated = True
                elif modality == "asserted":
                    modality = kind
                break
    # a denial verb governs the whole clause it introduces ("نفت الوزارة أن تكون قواتها قصفت")
    if not negated:
        negated = not glued(mw.by_kind.get("denial", frozenset())).isdisjoint(words[:cue])
    # a future prefix glued to the cue verb itself (ستجري, سيبحث, will-less Arabic)
    if modality == "asserted" and words[cue] in glued(mw.by_kind.get("future", frozenset())):
        modality = "future"
    # an abstract noun governing the cue: "أهمية مناقشة", "ضرورة إجراء", "the need to"
    vocab = glued(mw.by_kind.get("abstract", frozenset()))
    for j in range(cue - 1, max(-1, cue - 3), -1):
        if words[j] in vocab:
            return negated, "abstract", None
    # the reporting word may carry و/ف whatever its length
    vocab = glued(mw.by_kind.get("reported", frozenset()), 0)
    reported_at = next((j for j in compress(count(), map(vocab.__contains__, words)) if j != cue), None)
    if modality == "asserted" and reported_at is not None:
        modality = "reported"
    return negated, modality, reported_at
