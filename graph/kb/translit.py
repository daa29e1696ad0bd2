"""English → Arabic transliteration of person names, learned from name pairs.

Two parts, both learned from (English name, Arabic name) pairs whose word counts agree:

- a word table: an English name word → its most frequent Arabic spelling ("john" → "جون");
- a letter-group model for the words the table lacks: English letter groups (1–3 letters, with
  ``^``/``$`` marking the word's edges) paired with Arabic letter groups (0–3 letters; none only
  for edges, vowels and h). The pairing of each training word is found by Viterbi EM over monotone
  alignments (a unigram joint-sequence model, as in Bisani & Ney's grapheme-to-phoneme models,
  without n-gram context; a small bonus per group keeps it from merging letters into rare long
  groups). A new word is cut into groups and each written by its most probable Arabic group,
  weighing p(Arabic | English group) by how often those letters act as one group.

The word table keeps only pairs the letter model can explain (a name whose words are ordered
differently in the two languages would otherwise teach "dumas" → "ألكسندر").

The output is a guess: the KB keeps it as a ``generated`` alias with a low weight, used to match
Arabic text and never shown as a label.

>>> m = Transliterator.train([("john smith", "جون سميث"), ("john kerry", "جون كيري"),
...                          ("kerry smith", "كيري سميث")] * 3, iterations=2)
>>> m.name("John Kerry")
'جون كيري'
>>> m.word("smith")
'سميث'
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["Transliterator", "held_out", "name_pairs_split"]

_MAX_EN = 3
_MAX_AR = 3
#: log-probability bonus per aligned group (tuned on the held-out split: 0 → 6% of names, 2 → 16%)
_GROUP_BONUS = 2.0
#: English groups that may be written with no Arabic letter: word edges, short vowels, h
_SILENT = frozenset({"^", "$", "a", "e", "i", "o", "u", "h", "y", "^h", "e$", "h$"})
_EN_WORD = re.compile(r"^[a-z]+$")
_AR_WORD = re.compile(r"^[\u0621-\u064a]+$")
_DIACRITICS = re.compile(r"[\u064b-\u0652\u0640]")


def _clean_ar(word: str) -> str:
    return _DIACRITICS.sub("", word)


def _word_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for en, ar in pairs:
        ew, aw = en.lower().replace("-", " ").split(), _clean_ar(ar).replace("-", " ").split()
        if len(ew) != len(aw):
            continue
        # a word and its spelling have comparable lengths; a pair far off is a misaligned name
        out += [(e, a) for e, a in zip(ew, aw) if _EN_WORD.match(e) and _AR_WORD.match(a)
                and 0.4 <= len(a) / len(e) <= 1.5]
    return out


class Transliterator:
    """A trained model (:meth:`train`); :meth:`name` transliterates a whole name."""

    def __init__(self, words: dict[str, str], joint: dict[tuple[str, str], float]):
        self.words = words
        self.joint = joint  # (English group, Arabic group) → log probability
        best: dict[str, list[tuple[float, str]]] = defaultdict(list)
        for (e, a), lp in joint.items():
            best[e].append((lp, a))
        # per English group its best Arabic group (ties broken by the text: deterministic)
        self._best = {e: max(v, key=lambda x: (x[0], x[1])) for e, v in best.items()}
        self._cache: dict[str, str | None] = {}

    @classmethod
    def train(cls, pairs: Iterable[tuple[str, str]], iterations: int = 4) -> Transliterator:
        """Learn from (English, Arabic) name pairs."""
        wp = _word_pairs(pairs)
        joint: dict[tuple[str, str], float] = {}
        counts: Counter = Counter()
        for _ in range(iterations):
            counts = Counter()
            for e, a in sorted(set(wp)):
                counts.update(_align(f"^{e}$", a, joint))
            total = sum(counts.values()) + 1.0
            joint = {k: math.log(v / total) for k, v in counts.items()}
        # decoding: p(Arabic group | English group) × how often that English group is one unit
        # where its letters occur (so "sh" is read as one sound, "s"+"h" only where it is not)
        as_unit: Counter = Counter()
        for (g, _), c in counts.items():
            as_unit[g] += c
        occurs: Counter = Counter()
        for e, _ in sorted(set(wp)):
            w = f"^{e}$"
            for i in range(len(w)):
                for di in range(1, _MAX_EN + 1):
                    if w[i:i + di] in as_unit and i + di <= len(w):
                        occurs[w[i:i + di]] += 1
        cond = {(g, a): math.log(c / as_unit[g]) + math.log(as_unit[g] / max(occurs[g], as_unit[g]))
                for (g, a), c in counts.items()}
        # the word table keeps the pairs the letter model can explain (a misaligned pair cannot)
        table: dict[str, Counter] = defaultdict(Counter)
        for e, a in wp:
            path = _align(f"^{e}$", a, joint)
            if path and sum(joint.get(p, -30.0) for p in path) / len(path) > -9.0:
                table[e][a] += 1
        words = {e: max(c.items(), key=lambda x: (x[1], x[0]))[0] for e, c in table.items()}
        return cls(words, cond)

    def word(self, word: str) -> str | None:
        """The Arabic spelling of one English name word (table first, then the model)."""
        w = word.lower()
        if w in self.words:
            return self.words[w]
        if w in self._cache:
            return self._cache[w]
        out = _decode(f"^{w}$", self._best) if _EN_WORD.match(w) else None
        self._cache[w] = out
        return out

    def name(self, name: str) -> str | None:
        """The Arabic spelling of a name; None if a word cannot be written."""
        parts = []
        for w in name.replace("-", " ").split():
            w = w.strip(".,'\"()")
            if not w:
                continue
            a = self.word(w)
            if not a:
                return None
            parts.append(a)
        return " ".join(parts) or None


def _align(e: str, a: str, joint: dict) -> list[tuple[str, str]]:
    """The most probable monotone pairing of English ``e`` with Arabic ``a`` (uniform at first)."""
    n, m = len(e), len(a)
    neg = -1e18
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    unseen = -20.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == neg:
                continue
            b = best[i][j]
            for di in range(1, _MAX_EN + 1):
                if i + di > n:
                    break
                eg = e[i:i + di]
                for dj in range(0, _MAX_AR + 1):
                    if j + dj > m:
                        break
                    if dj == 0 and eg not in _SILENT:
                        continue
                    lp = joint.get((eg, a[j:j + dj]), unseen - 2 * (di + dj)) if joint else -(di + dj) * 0.5 - abs(
                        di - dj)
                    # a bonus per group: a unigram model otherwise prefers a few long, rare groups
                    s = b + lp + _GROUP_BONUS
                    if s > best[i + di][j + dj]:
                        best[i + di][j + dj] = s
                        back[i + di][j + dj] = (i, j)
    path = []
    i, j = n, m
    while (i, j) != (0, 0):
        prev = back[i][j]
        if prev is None:
            return []
        pi, pj = prev
        path.append((e[pi:i], a[pj:j]))
        i, j = pi, pj
    return path[::-1]


def _decode(e: str, best: dict[str, tuple[float, str]]) -> str | None:
    n = len(e)
    score = [-1e18] * (n + 1)
    back: list[tuple[int, str] | None] = [None] * (n + 1)
    score[0] = 0.0
    for i in range(n):
        if score[i] == -1e18:
            continue
        for di in range(1, _MAX_EN + 1):
            g = e[i:i + di]
            if i + di > n or g not in best:
                continue
            lp, ar = best[g]
            if score[i] + lp > score[i + di]:
                score[i + di] = score[i] + lp
                back[i + di] = (i, ar)
    if back[n] is None:
        return None
    out = []
    i = n
    while i > 0:
        pi, ar = back[i]  # type: ignore[misc]
        out.append(ar)
        i = pi
    return "".join(reversed(out)) or None


def held_out(english: str, share: int = 10) -> bool:
    """Deterministic split: a pair is held out when the hash of its folded English name says so."""
    h = hashlib.sha1(" ".join(english.lower().split()).encode("utf-8")).digest()
    return h[0] % share == 0


def name_pairs_split(pairs: Iterable[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(train, held-out) pairs, deduplicated and sorted."""
    uniq = sorted(set(pairs))
    return [p for p in uniq if not held_out(p[0])], [p for p in uniq if held_out(p[0])]
