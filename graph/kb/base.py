"""The knowledge-base interface: entities, their names, and lookup by folded name key.

Recognition and linking only see this interface, so a test can hand in a toy KB of three
entities and a user can bring a KB pulled from Wikidata.

>>> kb = MemoryKB([Entity(id="Q159", qid="Q159", type="GPE", kind="country",
...                       names=(("en", "Russia", "label"), ("ar", "روسيا", "label")))])
>>> [e.id for e in kb.lookup("روسيا")]
['Q159']
>>> kb.get("Q159").label("ar")
'روسيا'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, runtime_checkable

from graph.text.fold import fold_key

__all__ = ["Entity", "Nisba", "KnowledgeBase", "MemoryKB", "NisbaTable", "compatible_types", "name_key"]


#: mention types a KB entity of another type may still be: a region is often written like a state
_COMPATIBLE = {"GPE": frozenset({"GPE", "LOC"}), "LOC": frozenset({"LOC", "GPE"})}


def compatible_types(type_: str) -> frozenset[str]:
    """Entity types that fit a span found with ``type_``.

    >>> sorted(compatible_types("LOC")), sorted(compatible_types("PER"))
    (['GPE', 'LOC'], ['PER'])
    """
    return _COMPATIBLE.get(type_) or frozenset({type_})


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """The lookup key of a name: its tokens (words and punctuation), folded, joined by a space.

    Keys are built from the same tokens the recogniser sees in running text, so
    "Nagorno-Karabakh" and "U.S." match however they are spaced.

    >>> name_key("Nagorno-Karabakh"), name_key("U.S."), name_key("قرة  باغ")
    ('nagorno - karabakh', 'u . s .', 'قره باغ')
    """
    return " ".join(_token_keys(name))


def _token_keys(name: str):
    from graph.text.tokenize import token_texts

    # the texts alone: Token records cost more than the folding (every name of a big KB passes here)
    for t in token_texts(name):
        k = fold_key(t)
        if k.strip():
            yield k


@dataclass(frozen=True, slots=True)
class Entity:
    """One KB entity. ``id`` is the QID when it has one, else a local id.

    ``names`` holds (lang, text, kind) with kind ``label``, ``alias``, ``short``
    (a short/ambiguous alias that needs context) or ``generated`` (a machine transliteration,
    matched with a low weight and never shown as a label). ``facts`` holds (property, value) pairs,
    e.g. ("P39", "Q…"), ("capital", "Q…"), ("iso3", "RUS").
    """

    id: str
    qid: str | None
    type: str  # PER ORG GPE LOC NORP
    kind: str = ""  # country, city, region, person, ministry, igo, armed_group, ethnic_group …
    names: tuple[tuple[str, str, str], ...] = ()
    country: str | None = None  # QID
    role: str | None = None
    prior: float = 0.0  # popularity prior in [0, 1] (e.g. from sitelink count)
    facts: tuple[tuple[str, str], ...] = ()

    def label(self, lang: str) -> str | None:
        for lg, text, kind in self.names:
            if lg == lang and kind == "label":
                return text
        for lg, text, kind in self.names:
            # a generated spelling (graph.kb.translit) is for matching only, never shown
            if lg == lang and kind != "generated":
                return text
        return None

    def kinds_for(self, key: str) -> frozenset[str]:
        """Kinds (label, alias, short) of this entity's names whose :func:`name_key` is ``key``."""
        return frozenset(kind for _, text, kind in self.names if name_key(text) == key)

    def first_kind(self, key: str, order: tuple[str, ...] = ("label", "alias", "short", "generated")) -> str | None:
        """The first kind in ``order`` among :meth:`kinds_for` ``key``, keying the names of a kind
        only when no earlier kind decided it (keying names is the cost; a label mostly decides)."""
        return next((k for k in order if any(of == k and name_key(text) == key for _, text, of in self.names)), None)

    def fact(self, prop: str) -> str | None:
        for p, v in self.facts:
            if p == prop:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Nisba:
    """A nationality adjective / demonym form and the country it points to.

    ``gender`` m|f, ``number`` sg|pl; ``group`` is the ethnic-group entity id for plural
    forms used as nouns (الأرمن → Armenians), when the KB knows one.
    """

    country: str
    gender: str
    number: str
    lang: str = "ar"
    group: str | None = None


@runtime_checkable
class KnowledgeBase(Protocol):
    version: str

    def get(self, entity_id: str) -> Entity | None: ...

    def lookup(self, key: str) -> tuple[Entity, ...]:
        """Entities having a name whose :func:`name_key` equals ``key``."""

    def is_prefix(self, key: str) -> bool:
        """True if some name key starts with ``key`` + ' ' (a longer match may follow)."""

    def nisba(self, key: str) -> tuple[Nisba, ...]:
        """Nisba/demonym readings of the word ``key`` (folded, without the article ال)."""

    def __iter__(self) -> Iterator[Entity]: ...

    def __len__(self) -> int: ...


class NisbaTable:
    """The nisba part of a KB, shared by the in-memory and on-disk KBs (``self._nisba``: key → readings)."""

    _nisba: dict[str, list[Nisba]]

    def nisba(self, key: str) -> tuple[Nisba, ...]:
        return tuple(self._nisba.get(key, ()))

    def nisba_items(self) -> Iterator[tuple[str, Nisba]]:
        for k, ns in self._nisba.items():
            for n in ns:
                yield k, n


class MemoryKB(NisbaTable):
    """A KB held in Python dicts; fine for the bundled seed and for tests."""

    def __init__(self, entities: Iterable[Entity], nisbas: Iterable[tuple[str, Nisba]] = (), version: str = "memory"):
        self.version = version
        self._by_id: dict[str, Entity] = {}
        self._by_key: dict[str, list[str]] = {}
        self._prefixes: set[str] = set()
        self._nisba: dict[str, list[Nisba]] = {}
        for e in entities:
            self.add(e)
        for key, n in nisbas:
            self._nisba.setdefault(name_key(key), []).append(n)

    def add(self, e: Entity) -> None:
        self._by_id[e.id] = e
        for _, text, _ in e.names:
            k = name_key(text)
            if not k:
                continue
            ids = self._by_key.setdefault(k, [])
            if e.id not in ids:
                ids.append(e.id)
            parts = k.split(" ")
            for i in range(1, len(parts)):
                self._prefixes.add(" ".join(parts[:i]))

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def lookup(self, key: str) -> tuple[Entity, ...]:
        ids = self._by_key.get(key)
        return tuple(self._by_id[i] for i in ids) if ids else ()  # most keys asked for are no name

    def is_prefix(self, key: str) -> bool:
        return key in self._prefixes

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)
