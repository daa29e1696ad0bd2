"""Where the files that ship with newsgraph live.

``ontology/`` and ``queries/`` sit at the top of the source tree; in an installed wheel they are
copied into the package as ``graph/_ontology`` and ``graph/_queries``. Bundled data tables
(seed KB, lexicons) live inside the package.

>>> (ontology_dir() / "newsgraph.ttl").name
'newsgraph.ttl'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["package_dir", "ontology_dir", "queries_dir", "kb_data_dir", "lexicon_dir"]

_PKG = Path(__file__).resolve().parent


def package_dir() -> Path:
    return _PKG


def _top(name: str) -> Path:
    inside = _PKG / f"_{name}"
    if inside.is_dir():
        return inside
    return _PKG.parent / name


def ontology_dir() -> Path:
    return _top("ontology")


def queries_dir() -> Path:
    return _top("queries")


def kb_data_dir() -> Path:
    return _PKG / "kb" / "data"


def lexicon_dir() -> Path:
    return _PKG / "lexicons"
