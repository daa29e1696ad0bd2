"""Arabic/English matching keys with an offset map back to the original text.

Folding is for matching only: the original text is never changed. Each character of the key
remembers which original character it came from, so a match on the key maps back to an exact
span of the original.

Rules: Arabic diacritics, Quranic marks, tatweel and zero-width/bidi controls removed;
alef variants (أ إ آ ٱ) → ا; ى and Persian ی → ي; ة → ه; Persian ک → ك; Arabic-Indic and
Extended Arabic-Indic digits → ASCII; everything else NFKC then casefolded.

>>> fold_key("الأرمنيّة")
'الارمنيه'
>>> fold_key("في ١٩ سبتمبر")
'في 19 سبتمبر'
>>> f = fold("قوّات  Russia")
>>> f.key
'قوات  russia'
>>> f.to_original(0, 4)
(0, 5)
"""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Folded", "fold", "fold_key", "fold_char"]

_DROP = set()
for _lo, _hi in ((0x0610, 0x061A), (0x064B, 0x065F), (0x06D6, 0x06ED), (0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069)):
    _DROP.update(chr(c) for c in range(_lo, _hi + 1))
_DROP.update({"\u0640", "\u0670", "\u061C", "\ufeff", "\u00ad"})

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك",
    "ۀ": "ه", "ھ": "ه",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty, possibly several characters)."""
    if ch in _DROP:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch.isascii():
        return ch.lower()
    out = unicodedata.normalize("NFKC", ch).casefold()
    # NFKC may produce characters that themselves fold (e.g. presentation forms of أ)
    if len(out) == 1 and out == ch:
        return out
    return "".join(_MAP.get(c, "" if c in _DROP else c) for c in out)


@dataclass(frozen=True, slots=True)
class Folded:
    """A matching key and, per key character, the index of the original character."""

    original: str
    key: str
    offsets: array  # array('l'): len(key) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a key span [start, end) to the original span that produced it."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        first = self.offsets[start]
        last = self.offsets[end - 1]
        # extend over characters dropped after the last kept one only if they are combining
        # marks attached to it (so a mention keeps its own diacritics)
        stop = last + 1
        n = len(self.original)
        while stop < n and self.original[stop] in _DROP and not self.original[stop].isspace() and self.original[stop] not in "\u200b\u200c\u200d\u200e\u200f\ufeff":
            stop += 1
        return first, stop


def fold(text: str) -> Folded:
    """Fold ``text`` into a matching key with an offset map."""
    parts: list[str] = []
    offs = array("l")
    for i, ch in enumerate(text):
        f = fold_char(ch)
        if not f:
            continue
        parts.append(f)
        offs.extend([i] * len(f))
    offs.append(len(text))
    return Folded(text, "".join(parts), offs)


def fold_key(text: str) -> str:
    """Just the key, for building lookup tables."""
    return "".join(fold_char(ch) for ch in text)
