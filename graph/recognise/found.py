"""The record recognition hands to linking: a span with its KB candidates and context."""

from __future__ import annotations

from dataclasses import dataclass

from graph.kb.base import Entity

__all__ = ["Found"]


@dataclass(frozen=True, slots=True)
class Found:
    """A recognised span before linking.

    ``candidates`` are KB entities whose names match (empty for pattern-found names);
    ``name`` is the canonical name to derive a local id from when nothing links.
    """

    start: int
    end: int
    text: str
    type: str | None  # None: take it from the linked entity
    candidates: tuple[Entity, ...] = ()
    via: str = "kb"
    role: str | None = None
    sector: str | None = None
    country: str | None = None
    countries: tuple[str, ...] = ()
    clitics: int = 0
    short: bool = False  # matched only a short/ambiguous alias: needs context
    name: str | None = None
    sentence: int = -1
