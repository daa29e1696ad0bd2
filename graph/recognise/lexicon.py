"""Arabic recognition lexicons (roles, organisation heads, function words), read from data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.kb.base import name_key

__all__ = ["Lexicon", "Role", "data_rows", "load_lexicon"]

_DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    sector: str
    ntokens: int


@dataclass(frozen=True)
class Lexicon:
    roles: dict[str, Role]  # folded phrase → role
    role_first: frozenset[str]  # first words of role phrases (a cheap pre-check)
    max_role_tokens: int
    counterparts: frozenset[str]
    org_heads: dict[str, tuple[str, int, int]]  # folded head → (sector, max, min words before the nisba)
    function_words: frozenset[str]
    given_names: frozenset[str]


def data_rows(name: str):
    """Rows (tab-split) of a data file in graph/recognise/data, comments and blank lines skipped."""
    with open(_DATA / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    roles = {}
    for phrase, role, sector in data_rows("roles_ar.tsv"):
        k = name_key(phrase)
        roles[k] = Role(role, sector, len(k.split(" ")))
    heads = {name_key(r[0]): (r[1], int(r[2]), int(r[3]) if len(r) > 3 else 0) for r in data_rows("org_heads_ar.tsv")}
    return Lexicon(
        roles=roles,
        role_first=frozenset(k.split(" ")[0] for k in roles),
        max_role_tokens=max(r.ntokens for r in roles.values()),
        counterparts=frozenset(name_key(r[0]) for r in data_rows("counterparts_ar.tsv")),
        org_heads=heads,
        function_words=frozenset(name_key(r[0]) for r in data_rows("function_words_ar.txt")),
        given_names=frozenset(name_key(r[0]) for r in data_rows("given_names_ar.txt")),
    )
