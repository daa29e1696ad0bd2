"""English patterns: titled names, counterparts, organisation names, demonyms.

KB names are matched by :mod:`graph.recognise.gazetteer` for both languages; this module adds
what English capitalisation tells us about names the KB does not have:
"Russian Foreign Minister Sergei Lavrov" → a person with role and country; "his Azerbaijani
counterpart, Jeyhun Bayramov" → the same role, Azerbaijan; "the Azerbaijani Defence Ministry"
→ an organisation of Azerbaijan; "Armenians" → the people.
"""

from __future__ import annotations

from functools import lru_cache

from graph.kb.base import KnowledgeBase
from graph.recognise.found import Found
from graph.recognise.gazetteer import longest_at
from graph.recognise.lexicon import Role, data_rows
from graph.recognise.tokens import Word
from graph.text.tokenize import tokenize

__all__ = ["find_english"]

_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "le", "la", "abu", "abdul", "-", "'"})
_INNER = frozenset({"of", "for", "and", "the", "on", "&"})
_MAX_NAME = 4
_ARTICLES = frozenset({"the", "a", "an"})
_FORMER = frozenset({"former", "ex", "late", "then", "next", "new", "incoming", "future"})


@lru_cache(maxsize=1)
def _titles() -> tuple[dict[tuple[str, ...], Role], int]:
    out = {}
    for title, role, sector in data_rows("roles_en.tsv"):
        toks = tuple(t.text for t in tokenize(title))
        out[toks] = Role(None if role == "-" else role, None if sector == "-" else sector, len(toks))
    return out, max(len(t) for t in out)


@lru_cache(maxsize=1)
def _org_suffixes() -> frozenset[str]:
    return frozenset(t for (t,) in data_rows("org_suffixes_en.txt"))


@lru_cache(maxsize=1)
def _counterparts() -> frozenset[str]:
    return frozenset(t for (t,) in data_rows("counterparts_en.txt"))


def _cap(w: Word) -> bool:
    return w.is_word and w.text[:1].isupper() and w.text[:1].isascii()


def _demonym(w: Word, kb: KnowledgeBase):
    if not _cap(w):
        return None
    for n in kb.nisba(w.key):
        if n.lang == "en":
            return n
    return None


@lru_cache(maxsize=1)
def _titles_lower() -> dict[tuple[str, ...], Role]:
    return {tuple(t.lower() for t in k): r for k, r in _titles()[0].items()}


def _title_at(ws: list[Word], i: int, lower: bool = False) -> tuple[Role, int] | None:
    """The longest title at word i; ``lower``: also written in lower case ("the Russian foreign minister")."""
    titles, longest = _titles()
    if lower:
        titles = _titles_lower()
    for length in range(min(longest, len(ws) - i), 0, -1):
        role = titles.get(tuple(w.text.lower() if lower else w.text for w in ws[i:i + length]))
        if role is not None:
            return role, i + length
    return None


def _office(text: str, ws: list[Word], i: int, k: int, role: Role, country: str | None, sentence: int) -> Found | None:
    """A role and its country with no name after them: a mention of the office holder, resolved on the
    article's date by :mod:`graph.link.offices` (dropped there when it cannot be)."""
    if not country or not role.role or (i > 0 and ws[i - 1].key in _FORMER):
        return None  # "the former Russian foreign minister" is not who holds the office on the date
    start, end = ws[i].start, ws[k - 1].end
    return Found(start, end, text[start:end], "PER", (), via="office", role=role.role, sector=role.sector,
                 country=country, countries=(country,), sentence=sentence)


def _name_end(ws: list[Word], k: int, taken: list[bool]) -> int:
    j = k
    while j < len(ws) and j - k < _MAX_NAME and not taken[j]:
        w = ws[j]
        if _cap(w) and not _title_at(ws, j) or w.key in _PARTICLES and j > k and j + 1 < len(ws) and _cap(ws[j + 1]):
            j += 1
        else:
            break
    return j


def _person(text, ws, k, kb, taken, role, country, sentence) -> tuple[Found, int] | None:
    m = longest_at(ws, k, kb, taken)
    if m is not None:
        cands = tuple(e for e in kb.lookup(m[3]) if e.type == "PER")
        if cands:
            start, end = ws[k].start, ws[m[0] - 1].end
            return Found(start, end, text[start:end], "PER", cands, via="role", role=role.role if role else None,
                         sector=role.sector if role else None, country=country,
                         countries=(country,) if country else (), name=text[start:end], sentence=sentence), m[0]
    stop = _name_end(ws, k, taken)
    if stop == k:
        return None
    start, end = ws[k].start, ws[stop - 1].end
    return Found(start, end, text[start:end], "PER", (), via="role", role=role.role if role else None,
                 sector=role.sector if role else None, country=country, countries=(country,) if country else (),
                 name=text[start:end], sentence=sentence), stop


def find_english(text: str, ws: list[Word], kb: KnowledgeBase, taken: list[bool], sentence: int = -1,
                 stage: str = "people") -> list[Found]:
    """English pattern mentions among words not yet taken; ``stage`` is "people" or "orgs"."""
    return _people(text, ws, kb, taken, sentence) if stage == "people" else _orgs(text, ws, kb, taken, sentence)


def _people(text, ws, kb, taken, sentence) -> list[Found]:
    out: list[Found] = []
    last_role = None
    i, n = 0, len(ws)
    while i < n:
        if taken[i]:
            i += 1
            continue
        country = None
        j = i
        dem = _demonym(ws[j], kb)
        if dem is not None:
            country, j = dem.country, j + 1
        hit = _title_at(ws, j) if j < n else None
        if hit is None and dem is not None and j < n:
            hit = _title_at(ws, j, lower=True)
        if hit is None and j < n and ws[j].key in _counterparts() and last_role is not None:
            hit = (last_role, j + 1)
        if hit is None:
            i += 1
            continue
        role, k = hit
        if k < n and ws[k].key in {"of"} and k + 1 < n:
            m = longest_at(ws, k + 1, kb, taken)
            if m is not None and any(e.kind == "country" for e in kb.lookup(m[3])):
                country = next(e.id for e in kb.lookup(m[3]) if e.kind == "country")
                k = m[0]
        if k < n and ws[k].key == ",":
            k += 1
        if k >= n or not _cap(ws[k]) or taken[k]:
            office = _office(text, ws, i, k - (ws[k - 1].key == ","), role, country, sentence) if dem else None
            if office is not None:
                out.append(office)
                for t in range(i, k):
                    taken[t] = True
                i = k
                continue
            i += 1
            continue
        got = _person(text, ws, k, kb, taken, role if role.role else None, country, sentence)
        if got is None:
            i += 1
            continue
        found, stop = got
        out.append(found)
        if role.role:
            last_role = role
        for t in range(i, stop):
            taken[t] = True
        i = stop
    return out


def _orgs(text, ws, kb, taken, sentence) -> list[Found]:
    out: list[Found] = []
    suffixes = _org_suffixes()
    i, n = 0, len(ws)
    while i < n:
        if taken[i] or not _cap(ws[i]) or ws[i].key in _ARTICLES:
            i += 1
            continue
        j = i
        last_suffix = -1
        countries = []
        while j < n and not taken[j] and (_cap(ws[j]) or (ws[j].key in _INNER and j + 1 < n and _cap(ws[j + 1]))):
            d = _demonym(ws[j], kb)
            if d is not None:
                countries.append(d.country)
            if ws[j].text in suffixes:
                last_suffix = j
            j += 1
        if last_suffix < 0 or last_suffix == i and not countries:
            i = max(j, i + 1)
            continue
        end_i = last_suffix + 1
        start, end = ws[i].start, ws[end_i - 1].end
        out.append(Found(start, end, text[start:end], "ORG", (), via="pattern", country=countries[0] if countries else None,
                         countries=tuple(dict.fromkeys(countries)), name=text[start:end], sentence=sentence))
        for t in range(i, end_i):
            taken[t] = True
        i = end_i
    return out
