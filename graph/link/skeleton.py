"""Consonant skeletons of transliterated person names: جيهون/جيحون, بيراموف/بايراموف, سيرجي/سيرغي.

Foreign names reach Arabic through several spellings. The skeleton drops long vowels and
merges letters that render the same foreign sound, so variants share one key. It only
generates candidates: linking accepts one when the person's role or country agrees.

>>> skeleton("جيهون بيراموف") == skeleton("جيحون بايراموف")
True
>>> skeleton("سيرجي لافروف") == skeleton("سيرغي لافروف")
True
>>> skeleton("Sergei Lavrov") == skeleton("Sergey Lavrov")
True
"""

from __future__ import annotations

from graph.recognise.kbcache import PerKB
from graph.text.fold import fold_key

__all__ = ["skeleton", "SkeletonIndex", "skeleton_index"]

_AR = str.maketrans({
    "ا": None, "و": None, "ي": None, "ى": None, "ء": None, "ئ": None, "ؤ": None,
    "ح": "ه", "ة": "ه", "غ": "ج", "ق": "ك", "گ": "ج", "ث": "س", "ص": "س", "ذ": "ز", "ظ": "ز", "ض": "د",
    "ط": "ت", "ع": None, "پ": "ب", "ڤ": "ف", "چ": "ج", "ژ": "ز",
})
_EN = str.maketrans({"a": None, "e": None, "i": None, "o": None, "u": None, "y": None, "h": None, "w": None,
                     "k": "c", "q": "c", "g": "j", "z": "s", "v": "f", "-": None, "'": None})


def skeleton(name: str) -> str:
    parts = []
    for w in fold_key(name).split():
        if w[:1].isascii():
            s = w.translate(_EN)
        else:
            s = w.translate(_AR)
        if s:
            parts.append(s)
    return " ".join(parts)


class SkeletonIndex:
    """Person entities of a KB by the skeleton of each of their names (built once, lazily)."""

    def __init__(self, kb):
        self._by_key: dict[str, list[str]] = {}
        for e in kb:
            if e.type != "PER":
                continue
            for _, text, kind in e.names:
                if kind == "short":
                    continue
                k = skeleton(text)
                if k and " " in k:
                    ids = self._by_key.setdefault(k, [])
                    if e.id not in ids:
                        ids.append(e.id)

    def candidates(self, name: str, kb):
        """Entities of ``kb`` (the KB this index was built from) whose name has the skeleton of ``name``."""
        return tuple(e for e in (kb.get(i) for i in self._by_key.get(skeleton(name), ())) if e is not None)


# the index holds entity ids only, not the KB: a table that referred to its own weak key
# would keep the KB alive for ever
_INDEXES = PerKB()


def skeleton_index(kb) -> SkeletonIndex:
    table = _INDEXES.get(kb)
    if table is None:  # a KB that cannot be weakly referenced: no cache
        return SkeletonIndex(kb)
    idx = table.get("index")
    if idx is None:
        idx = table["index"] = SkeletonIndex(kb)
    return idx
