"""Typed errors of newsgraph, in one module.

Every user-facing error says what was wrong and where (``file:line`` when there is one).

>>> str(InputError("empty file", path="a.txt"))
'a.txt: empty file'
>>> str(InputError("invalid JSON", path="b.jsonl", line=3))
'b.jsonl:3: invalid JSON'
"""

from __future__ import annotations

__all__ = [
    "NewsgraphError",
    "InputError",
    "KBError",
    "StoreError",
    "QueryError",
    "OntologyError",
]


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input (file, record) could not be read as an article.

    ``path`` and ``line`` locate it; the batch it belongs to goes on without it.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    @property
    def where(self) -> str:
        if self.path is None:
            return "<input>"
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class KBError(NewsgraphError):
    """The knowledge base is missing, corrupt, or was asked for something it cannot give."""


class StoreError(NewsgraphError):
    """A triple store (embedded or remote) failed or is unreachable."""


class QueryError(NewsgraphError):
    """A named query is unknown, or its parameters are missing or invalid."""


class OntologyError(NewsgraphError):
    """Code used a term that ontology/newsgraph.ttl does not define."""
