"""Dated offices in a KB: which role a position is, and the table of who held it when.

A position (``Q7330070`` "Minister of Foreign Affairs of Russia") is classified into one of the
role keys the recognisers use (``foreign minister``, ``president``, ``prime minister`` …, the
second column of ``graph/recognise/data/roles_*.tsv``). The bundled KB keeps one row per term in
``offices.tsv``: ``role, country, start, end, holder, position``; dates are ISO prefixes
(``2004``, ``2004-03``, ``2004-03-09``) or empty when unknown / still in office.

>>> role_of_position("Minister of Foreign Affairs"), role_of_position("Deputy Minister of Foreign Affairs")
('foreign minister', None)
>>> role_of_position("United States Secretary of State"), role_of_position("President of Russia")
('foreign minister', 'president')
>>> role_of_position("Vice President of Iran"), role_of_position("Chancellor of the Exchequer")
('vice president', 'finance minister')
>>> date_bounds("2004"), date_bounds("2004-03"), date_bounds("")
(('2004-01-01', '2004-12-31'), ('2004-03-01', '2004-03-31'), (None, None))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.errors import KBError

__all__ = ["OFFICE_COLUMNS", "Term", "date_bounds", "read_offices", "role_of_position", "write_offices"]

OFFICE_COLUMNS = ("role", "country", "start", "end", "holder", "position")

# deputies, juniors and spokespeople share the words of the office they serve
_NOT_HOLDER = re.compile(r"\b(deputy|vice[- ]premier|assistant|junior|state secretary|under[- ]?secretary|spokes|"
                         r"adviser|advisor|special envoy|shadow|acting|parliamentary secretary|permanent secretary|"
                         r"chief of staff|first lady|minister of state|minister-delegate|delegate)\b", re.I)

#: (role, pattern on the English position label) in priority order; the first match wins
_ROLES: tuple[tuple[str, re.Pattern], ...] = tuple((role, re.compile(p, re.I)) for role, p in (
    ("vice president", r"^vice[- ]president( of [\w' .-]+)?$"),
    ("foreign minister", r"foreign (affairs|minister|secretary)|external affairs|foreign and commonwealth|"
                         r"^(united states )?secretary of state$|minister for europe and foreign"),
    ("defence minister", r"\bdefen[cs]e\b(?!.*council)|minister of war\b|minister of the armed forces"),
    ("interior minister", r"minister (of|for) (the )?(interior|internal affairs)|^interior minister|home secretary|"
                          r"home affairs"),
    ("finance minister", r"minister (of|for) (the )?finance|^finance minister|chancellor of the exchequer|"
                         r"secretary of the treasury|minister of economy and finance|minister of finance"),
    ("justice minister", r"minister (of|for) justice|attorney general of the united states|secretary of state for justice"),
    ("energy minister", r"minister (of|for) (oil|petroleum|energy)|secretary of energy"),
    ("information minister", r"minister (of|for) information\b"),
    ("economy minister", r"minister (of|for) (the )?econom(y|ic)"),
    ("prime minister", r"^prime minister( of [\w' .()-]+)?$|^premier( of [\w' .-]+)?$|^chancellor of (germany|austria)$|"
                       r"^federal chancellor"),
    ("crown prince", r"^crown prince"),
    ("president", r"^president( of (the )?[\w' .()-]+)?$"),
    ("king", r"^(king|emir|sultan|monarch|grand duke)( of [\w' .()-]+)?$"),
    ("supreme leader", r"^supreme leader"),
    ("secretary-general", r"^secretary[- ]general of the (united nations|arab league|league of arab states|nato)"),
))

#: "President of X" names the head of state only when X is a state, not a chamber or a court
_NOT_STATE = re.compile(r"\b(senate|assembly|parliament|court|council|commission|bank|committee|chamber|house|"
                        r"congress|duma|knesset|national|supreme|party|region|province|government)\b", re.I)


def role_of_position(label: str) -> str | None:
    """The role key of an English position label, or None when it is none the recognisers know."""
    label = (label or "").strip()
    if not label or (_NOT_HOLDER.search(label) and not label.lower().startswith("vice")):
        return None
    for role, pattern in _ROLES:
        if pattern.search(label):
            if role in ("president", "king", "vice president") and " of " in label and _NOT_STATE.search(
                    label.split(" of ", 1)[1]):
                return None
            return role
    return None


def date_bounds(value: str) -> tuple[str | None, str | None]:
    """(first day, last day) an ISO date prefix can mean; (None, None) for an empty value."""
    v = (value or "").strip()
    if not v:
        return None, None
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-01-01", f"{v}-12-31"
    if re.fullmatch(r"\d{4}-\d{2}", v):
        last = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(int(v[5:]), 31)
        return f"{v}-01", f"{v}-{last:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v[:10]):
        return v[:10], v[:10]
    return None, None


@dataclass(frozen=True, slots=True)
class Term:
    """One term of one holder in one office (dates as written: ISO prefixes or empty)."""

    role: str
    country: str  # QID, or "" for an office of no state (UN Secretary-General)
    start: str
    end: str
    holder: str  # entity id (QID)
    position: str  # position QID, or ""

    def covers(self, day: str) -> bool:
        """Was the office held on ``day`` (ISO)? An unknown start never covers; an empty end is open."""
        first, _ = date_bounds(self.start)
        _, last = date_bounds(self.end)
        return first is not None and first <= day and (last is None or day <= last)


def write_offices(terms: Iterable[Term], path: str | Path) -> int:
    """Write ``terms`` sorted and without duplicates (deterministic output); the number written."""
    rows = sorted({(t.role, t.country, t.start, t.end, t.holder, t.position) for t in terms})
    lines = ["\t".join(OFFICE_COLUMNS)] + ["\t".join(r) for r in rows]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def read_offices(path: str | Path) -> Iterator[Term]:
    """The terms of an ``offices.tsv``; :class:`KBError` with ``path:line`` on a malformed row."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KBError(f"{p}: cannot read offices table: {exc}") from exc
    if not lines or tuple(lines[0].split("\t")) != OFFICE_COLUMNS:
        raise KBError(f"{p}:1: header must be {' '.join(OFFICE_COLUMNS)}")
    for lineno, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != len(OFFICE_COLUMNS):
            raise KBError(f"{p}:{lineno}: expected {len(OFFICE_COLUMNS)} fields, got {len(cells)}")
        yield Term(*cells)
