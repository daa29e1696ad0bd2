"""Event cue lexicons (Arabic, English) and the matcher that finds cues in a sentence's words.

The tables ``graph/lexicons/events_ar.tsv`` and ``events_en.tsv`` list cue forms with their PLOVER
type, CAMEO code and mode. Arabic words are matched on folded keys after stripping clitics
(و ف ب ل ك ال) and verb affixes (س, imperfect prefixes, person/number suffixes), so one stem
covers ``وشنت``, ``يبحثان``, ``تبحث``; English words after removing -s/-es/-ed/-ing. The analysis
of each distinct word is cached: news vocabulary repeats, so the per-word cost is one dict hit.

>>> lex = cue_lexicon("ar")
>>> [(h.cue.type, h.cue.cameo) for h in lex.find(["روسيا", "وأذربيجان", "يبحثان", "الأوضاع"])]
[('CONSULT', '040')]
>>> [(h.cue.type, h.cue.mode, h.start, h.end) for h in lex.find(["أجرى", "مكالمة", "هاتفية", "مع"])]
[('CONSULT', 'phone', 1, 3)]
>>> lex.find(["بدء", "العملية", "العسكرية"])[0].definite
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import compress

from graph.errors import KBError
from graph.resources import lexicon_dir
from graph.text.fold import fold_key

__all__ = ["Cue", "CueHit", "CueLexicon", "cameo_to_plover", "cue_lexicon", "light_stems"]

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_IMPF = ("ي", "ت", "ن", "ا")
_AR_SUFFIXES = ("تهما", "تهم", "تها", "ته", "هما", "هم", "ها", "وه", "وا", "ون", "ين", "ان", "تا", "ات", "نا", "ت", "ه", "ا", "ي", "ن")
_EN_SUFFIXES = ("ing", "ies", "ied", "es", "ed", "s", "d")
_NEAR_WINDOW = 4
#: the parts of a word :func:`_ar_candidates` can read as a stem: at most 4 letters cut in front and 4 behind
_STEM_SLICES = tuple(slice(a, -s or None) for a in range(5) for s in range(5))
_AROUND = 3


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue entry: the words of the form (folded) and what it means."""

    words: tuple[str, ...]
    type: str
    cameo: str
    mode: str | None
    definite_ok: bool = False
    exact: bool = False
    gap: bool = False
    weak: bool = False
    near: frozenset = frozenset()
    absorb: frozenset = frozenset()
    noun: bool = False
    around: frozenset = frozenset()


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found at words ``start``..``end`` (exclusive) of the word list it was searched in."""

    cue: Cue
    start: int
    end: int
    definite: bool  # the head word carried the article ال (a reference to a known event)
    affixed: bool  # the head word matched only after verb-affix stripping


def _ar_bases(w: str) -> list[tuple[str, bool]]:
    out = [(w, False)]
    if len(w) > 3 and w[0] in _CONJ:
        out.append((w[1:], False))
    for b, _ in list(out):
        if len(b) > 4 and b.startswith(("ال", "لل")):
            out.append((b[2:], True))
        elif len(b) > 3 and b[0] in _PREP:
            out.append((b[1:], False))
            if len(b) > 5 and b[1:3] == "ال":
                out.append((b[3:], True))
    return out


def _ar_candidates(w: str) -> list[tuple[str, bool, bool]]:
    """(stem, definite, affixed) readings of a folded Arabic word, least stripped first."""
    bases = _ar_bases(w)
    out = [(b, d, False) for b, d in bases]
    for b, d in bases:
        verbs = [b]
        if not d:
            if len(b) > 4 and b[0] == "س" and b[1] in _IMPF:
                verbs.append(b[2:])
            if len(b) > 3 and b[0] in _IMPF:
                verbs.append(b[1:])
        for v in verbs:
            if v is not b:
                out.append((v, d, True))
            for suf in _AR_SUFFIXES:
                if v.endswith(suf) and len(v) - len(suf) >= 2:
                    out.append((v[: -len(suf)], d, True))
    return out


def _en_candidates(w: str) -> list[tuple[str, bool, bool]]:
    out = [(w, False, False)]
    for suf in _EN_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            out.append((stem, False, True))
            if suf in ("ies", "ied"):
                out.append((stem + "y", False, True))
            if suf in ("ed", "ing", "es") and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append((stem[:-1], False, True))  # "stopped" -> "stop"
            if suf in ("ed", "ing"):
                out.append((stem + "e", False, True))  # "proposing" -> "propose"
    return out


def light_stems(word: str, lang: str) -> set[str]:
    """Folded forms a non-head word of a multiword cue may take (clitics and tanween removed).

    >>> sorted(light_stems("لإطلاق", "ar"))
    ['اطلاق', 'لاطلاق']
    """
    w = fold_key(word)
    if lang != "ar":
        return {w, w[:-1]} if w.endswith("s") and len(w) > 3 else {w}
    out = {b for b, _ in _ar_bases(w)}
    out.update(b[:-1] for b in list(out) if b.endswith("ا") and len(b) > 3)
    return out


class CueLexicon:
    """Cue forms of one language, keyed by the folded head word."""

    def __init__(self, lang: str, cues: list[Cue]):
        self.lang = lang
        self.heads: dict[str, list[Cue]] = {}
        self.blocked: set[str] = set()
        for c in cues:
            if c.type == "NONE":
                self.blocked.add(" ".join(c.words))
            else:
                self.heads.setdefault(c.words[0], []).append(c)
        self._cache: dict[str, tuple[tuple[str, bool, bool], ...]] = {}
        self._light: dict[str, frozenset] = {}
        #: words known to head no cue that reports an event (see :meth:`has_cue`)
        self._quiet: set[str] = set()

    def readings(self, word: str) -> tuple[tuple[str, bool, bool], ...]:
        """Readings of ``word`` whose stem heads some cue (cached per word)."""
        got = self._cache.get(word)
        if got is None:
            key = fold_key(word)
            if self.lang == "ar":
                bare = {b for b, _ in _ar_bases(key)}
                cands = [] if bare & self.blocked or not self._may_head(key) else _ar_candidates(key)
            else:
                cands = [] if key in self.blocked else _en_candidates(key)
            seen: set[str] = set()
            hits = []
            for stem, d, aff in cands:
                if stem in self.heads and stem not in seen:
                    seen.add(stem)
                    hits.append((stem, d, aff))
            got = tuple(hits)
            if len(self._cache) > 200_000:  # bound memory on endless streams
                self._cache.clear()
            self._cache[word] = got
        return got

    def _may_head(self, key: str) -> bool:
        """Can a stem of the folded Arabic ``key`` head a cue at all?

        Every stem :func:`_ar_candidates` reads is ``key`` less at most 4 letters in front (و, a
        preposition or ال, a future or imperfect prefix) and 4 behind (a suffix): 25 set tests
        instead of building every reading of a word that heads none (most new words).
        """
        return not self.heads.keys().isdisjoint(map(key.__getitem__, _STEM_SLICES))

    def reports(self, word: str) -> bool:
        """Can ``word`` head a hit that reports an event?

        Not when every cue it can head is read through the article (a definite verbal noun
        refers back to an event, see :meth:`find`) or is an exact form it only matches with affixes.
        """
        heads = self.heads
        for stem, definite, affixed in self.readings(word):
            for cue in heads[stem]:
                if (not definite or cue.definite_ok) and not (cue.exact and affixed):
                    return True
        return False

    def has_cue(self, words: list[str]) -> bool:
        """Does some word of ``words`` head a cue that can report an event?

        The cheap test that decides whether a sentence is worth :meth:`find` and the role, date
        and modality work after it: a set test in C when every word is known to head no such cue
        (running text repeats its words), a look at the others only. When it is False, no hit of
        :meth:`find` can report an event (no reporting hit has a head without such a reading).
        """
        quiet = self._quiet
        if quiet.issuperset(words):
            return False
        for w in words:
            if w not in quiet:
                if self.reports(w):
                    return True
                if len(quiet) > 200_000:  # bound memory on endless streams
                    quiet.clear()
                quiet.add(w)
        return False

    def light(self, word: str) -> frozenset:
        got = self._light.get(word)
        if got is None:
            got = frozenset(light_stems(word, self.lang))
            if len(self._light) > 200_000:
                self._light.clear()
            self._light[word] = got
        return got

    def _rest_end(self, cue: Cue, words: list[str], i: int) -> int | None:
        j = i + 1
        skipped = False
        for part in cue.words[1:]:
            while j < len(words) and part not in self.light(words[j]):
                if not cue.gap or skipped or j >= len(words) - 1:
                    return None
                skipped = True
                j += 1
            if j >= len(words):
                return None
            j += 1
        return j

    def find(self, words: list[str]) -> list[CueHit]:
        """Cue hits in ``words`` (word tokens only, in order); the longest form wins per head."""
        out: list[CueHit] = []
        # most words head no cue: find them with C-level map/compress over the cache, then
        # visit only the rest (a word without readings can neither hit nor move ``covered``)
        cached = list(map(self._cache.get, words))
        if None in cached:  # words not seen yet (or since the cache was last cleared)
            for i, got in enumerate(cached):
                if got is None:
                    cached[i] = self.readings(words[i])
        covered = 0  # words inside a multiword cue are not heads of another cue
        for i in compress(range(len(words)), cached):
            if i < covered:
                continue
            best: CueHit | None = None
            for stem, definite, affixed in cached[i]:
                for cue in self.heads[stem]:
                    if cue.exact and affixed:
                        continue
                    end = self._rest_end(cue, words, i) if len(cue.words) > 1 else i + 1
                    if end is None:
                        continue
                    if cue.near and not any(cue.near & self.light(x) for x in words[end:end + _NEAR_WINDOW]):
                        continue
                    if cue.around and not any(
                        cue.around & self.light(x) for x in words[max(0, i - _AROUND):i] + words[end:end + _AROUND]
                    ):
                        continue
                    if best is None or (end - i) > (best.end - best.start):
                        best = CueHit(cue, i, end, definite, affixed)
            if best is not None:
                out.append(best)
                covered = best.end
        return out


def _flags(text: str) -> dict[str, str]:
    out = {}
    for f in filter(None, (x.strip() for x in text.split(","))):
        k, _, v = f.partition("=")
        out[k] = v
    return out


@cache
def cue_lexicon(lang: str) -> CueLexicon:
    """The cue lexicon of ``lang`` ("ar" or "en") read from the package's TSV file."""
    lang = "ar" if lang == "ar" else "en"
    path = lexicon_dir() / f"events_{lang}.tsv"
    cues: list[Cue] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith(("#", "forms\t")) or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                raise KBError(f"{path.name}:{n}: expected forms, type, cameo, mode[, flags]")
            forms, type_, cameo, mode = cols[:4]
            flags = _flags(cols[4] if len(cols) > 4 else "")
            near = frozenset(fold_key(x) for x in flags.get("near", "").split("/") if x)
            absorb = frozenset(x for x in flags.get("absorb", "").split("/") if x)
            around = frozenset(fold_key(x) for x in flags.get("with", "").split("/") if x)
            for form in forms.split("|"):
                words = tuple(fold_key(form).split())
                if words:
                    cues.append(Cue(words, type_, cameo, mode or None, "def" in flags, "exact" in flags,
                                    "gap" in flags, "weak" in flags, near, absorb, "noun" in flags, around))
    return CueLexicon(lang, cues)


@cache
def _cameo_table() -> dict[str, tuple[str, str | None]]:
    table = {}
    with open(lexicon_dir() / "cameo_plover.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "cameo\t")) or not line.strip():
                continue
            code, plover, mode, _desc = line.rstrip("\n").split("\t")
            table[code] = (plover, mode or None)
    return table


def cameo_to_plover(code: str) -> tuple[str, str | None] | None:
    """PLOVER type and mode of a CAMEO code, by its longest listed prefix.

    >>> cameo_to_plover("0871"), cameo_to_plover("1951")
    (('RETREAT', 'ceasefire'), ('ASSAULT', 'heavy-weapons'))
    """
    table = _cameo_table()
    for n in range(len(code), 1, -1):
        got = table.get(code[:n])
        if got:
            return got
    return None
