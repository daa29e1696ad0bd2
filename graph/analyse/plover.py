"""PLOVER event types → quad class, cooperation/conflict sign and a Goldstein-like weight.

The table lives in ``plover_weights.tsv`` beside this module (data, not code). Types the table
does not know fall back to the CAMEO root code when there is one (01–05 verbal cooperation,
06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict), else neutral.

>>> score("CONSULT")
EventScore(quad_class='verbal cooperation', sign=1, goldstein=1.0, weight=1.0)
>>> score("ASSAULT").sign, score("ASSAULT").weight
(-1, 9.0)
>>> score("SOMETHING", cameo="190").quad_class
'material conflict'
>>> score("CONSULT", negated=True).sign
0
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import NewsgraphError

__all__ = ["QUAD_CLASSES", "EventScore", "plover_table", "score"]

QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict", "neutral")
_TABLE = Path(__file__).with_name("plover_weights.tsv")
# default Goldstein-like score per quad class, for CAMEO-only fallbacks
_QUAD_DEFAULT = {
    "verbal cooperation": 2.0,
    "material cooperation": 6.0,
    "verbal conflict": -4.0,
    "material conflict": -8.0,
    "neutral": 0.0,
}


@dataclass(frozen=True, slots=True)
class EventScore:
    quad_class: str
    sign: int  # +1 cooperation, -1 conflict, 0 neutral
    goldstein: float  # signed score from the table
    weight: float  # magnitude used for edge width and weighted degree (≥ 1 so neutral edges count)


@lru_cache(maxsize=1)
def plover_table() -> dict[str, tuple[str, float]]:
    """PLOVER type → (quad class, Goldstein-like score), read from the bundled TSV."""
    table: dict[str, tuple[str, float]] = {}
    with _TABLE.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith(("#", "type\t")):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in QUAD_CLASSES:
                raise NewsgraphError(f"{_TABLE.name}:{lineno}: expected 'type<TAB>quad class<TAB>weight'")
            table[parts[0].upper()] = (parts[1], float(parts[2]))
    return table


def _cameo_quad(cameo: str | None) -> str | None:
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return "verbal cooperation"
    if 6 <= root <= 8:
        return "material cooperation"
    if 9 <= root <= 13:
        return "verbal conflict"
    if 14 <= root <= 20:
        return "material conflict"
    return None


def score(event_type: str | None, *, cameo: str | None = None, negated: bool = False) -> EventScore:
    """Quad class, sign and weight of one event."""
    entry = plover_table().get((event_type or "").upper())
    if entry is None:
        quad = _cameo_quad(cameo) or "neutral"
        entry = (quad, _QUAD_DEFAULT[quad])
    quad, gold = entry
    sign = 1 if "cooperation" in quad else -1 if "conflict" in quad else 0
    if negated:
        # "did not attack" says nothing about cooperation: keep the edge, drop its sign
        sign = 0
    return EventScore(quad, sign, gold, max(abs(gold), 1.0))
