"""Several KBs queried as one, and :func:`open_kb`, the KB every linking command uses.

A :class:`LayeredKB` asks its layers in order: the first layer that knows an entity id gives
its record (so a fresh pull overrides the bundled seed), lookups return the union without
duplicate ids. :func:`open_kb` puts the user's KB (pulled or imported from Wikidata) over the
bundled seed KB, so the countries and their nisba forms are always there.

>>> from graph.kb.base import Entity, MemoryKB
>>> seed = MemoryKB([Entity(id="Q1", qid="Q1", type="GPE", names=(("en", "Testland", "label"),))], version="s1")
>>> user = MemoryKB([Entity(id="Q1", qid="Q1", type="GPE", prior=0.7, names=(("en", "Testland", "label"),
...                 ("en", "Republic of Testland", "alias")))], version="u1")
>>> kb = LayeredKB([user, seed])
>>> kb.version, len(kb), kb.get("Q1").prior, kb.version_of("Q1")
('u1+s1', 1, 0.7, 'u1')
>>> kb.is_prefix("republic of")
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from graph.errors import KBError
from graph.kb.base import Entity, KnowledgeBase, Nisba

__all__ = ["LayeredKB", "load_bundled_kb", "open_kb", "user_kb_dir"]


class LayeredKB:
    """KBs stacked in priority order (first wins); the version names every layer."""

    def __init__(self, layers: Sequence[KnowledgeBase]):
        if not layers:
            raise KBError("a layered KB needs at least one layer")
        self.layers = tuple(layers)
        self.version = "+".join(layer.version for layer in self.layers)
        self._len: int | None = None

    def _layer_of(self, entity_id: str) -> KnowledgeBase | None:
        for layer in self.layers:
            if layer.get(entity_id) is not None:
                return layer
        return None

    def get(self, entity_id: str) -> Entity | None:
        for layer in self.layers:
            e = layer.get(entity_id)
            if e is not None:
                return e
        return None

    def version_of(self, entity_id: str) -> str | None:
        """Version of the layer that supplies ``entity_id`` (what a link to it should record)."""
        layer = self._layer_of(entity_id)
        return layer.version if layer is not None else None

    def lookup(self, key: str) -> tuple[Entity, ...]:
        found = [layer.lookup(key) for layer in self.layers]
        if not any(found):
            return ()  # most keys asked for are no name
        out: list[Entity] = []
        seen: set[str] = set()
        for entities in found:
            for e in entities:
                if e.id in seen:
                    continue
                seen.add(e.id)
                # the record comes from the highest layer that knows the id, even if a lower
                # layer is the one that has this particular name
                out.append(self.get(e.id) or e)
        return tuple(out)

    def is_prefix(self, key: str) -> bool:
        return any(layer.is_prefix(key) for layer in self.layers)

    def nisba(self, key: str) -> tuple[Nisba, ...]:
        out: list[Nisba] = []
        for layer in self.layers:
            for n in layer.nisba(key):
                if n not in out:
                    out.append(n)
        return tuple(out)

    def __iter__(self) -> Iterator[Entity]:
        for i, layer in enumerate(self.layers):
            for e in layer:
                if not any(upper.get(e.id) is not None for upper in self.layers[:i]):
                    yield e

    def __len__(self) -> int:
        if self._len is None:
            self._len = sum(1 for _ in self._ids())
        return self._len

    def _ids(self) -> Iterator[str]:
        for i, layer in enumerate(self.layers):
            ids = layer.ids() if hasattr(layer, "ids") else (e.id for e in layer)
            for eid in ids:
                if not any(upper.get(eid) is not None for upper in self.layers[:i]):
                    yield eid

    def __repr__(self) -> str:
        return f"LayeredKB({list(self.layers)!r})"


def user_kb_dir() -> Path:
    """Where ``kb pull``/``kb import-*`` write by default: ``<user data dir>/newsgraph/kb``.

    ``NEWSGRAPH_DATA_DIR`` overrides the user data directory (tests, shared installs).
    """
    env = os.environ.get("NEWSGRAPH_DATA_DIR")
    if env:
        return Path(env) / "kb"
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsgraph")) / "kb"


@lru_cache(maxsize=1)
def load_bundled_kb() -> KnowledgeBase:
    """The KB that ships in the wheel: ``graph/kb/data/bundle`` (built by ``python -m graph.kb.bundle``;
    it holds the seed tables too), or the seed tables alone where the bundle is absent (a source checkout
    before its first build). Opened once per process; treat it as read-only."""
    from graph.kb.disk import DiskKB, is_kb_dir
    from graph.kb.seed import DATA_DIR, load_seed_kb

    bundle = DATA_DIR / "bundle"
    return DiskKB(bundle) if is_kb_dir(bundle) else load_seed_kb()


def open_kb(path: str | os.PathLike | None = None) -> KnowledgeBase:
    """The KB to link against.

    ``None``: the bundled KB (:func:`load_bundled_kb`), under the user's KB (:func:`user_kb_dir`) when
    one exists. A path: the KB directory there, layered over the bundled KB. A missing or corrupt path raises
    :class:`KBError` naming it.
    """
    from graph.kb.disk import DiskKB, is_kb_dir

    seed = load_bundled_kb()
    if path is None:
        user = user_kb_dir()
        if not is_kb_dir(user):
            return seed
        return LayeredKB([DiskKB(user), seed])
    p = Path(path)
    if not p.exists():
        raise KBError(f"{p}: no such KB directory")
    return LayeredKB([DiskKB(p), seed])
