"""Memo tables kept per knowledge base, for the recogniser's per-word and per-name results.

A KB is treated as unchanging while it is used to annotate (as the recogniser's caches
always have). Tables are weakly keyed by the KB, so a dropped KB drops its tables, and a
table that grows past its limit is replaced by an empty one (bounded memory on endless
streams). The KB asked for last is remembered: a pipeline asks with one KB hundreds of
times an article, and calling a weak reference costs far less than a WeakKeyDictionary lookup.
"""

from __future__ import annotations

import weakref

__all__ = ["PerKB"]


class PerKB:
    """One dict per KB; ``get(kb)`` is None for a KB that cannot be weakly referenced."""

    def __init__(self, limit: int | None = None):
        self.limit = limit
        self._tables: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._last: tuple = (lambda: None, {})  # (weak reference to the KB, its table), swapped whole

    def get(self, kb) -> dict | None:
        ref, table = self._last
        limit = self.limit
        if ref() is kb and (limit is None or len(table) <= limit):
            return table
        try:
            table = self._tables.get(kb)
            if table is None or (limit is not None and len(table) > limit):
                table = self._tables[kb] = {}
            self._last = (weakref.ref(kb), table)
        except TypeError:
            return None
        return table
