"""Arabic patterns that find people and organisations the KB does not name.

- Roles and appositions: ``وزير الخارجية الروسي، سيرجي لافروف`` → a person with role
  "foreign minister" and country Russia; ``نظيره الأذربيجاني، جيهون بيراموف`` → the same role,
  country Azerbaijan.
- Organisations: head noun + up to a few words + nisba(s): ``وزارة الدفاع الأذربيجانية``,
  ``مركز المراقبة الروسي التركي المشترك`` (two countries).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.kb.base import KnowledgeBase
from graph.recognise.found import Found
from graph.recognise.gazetteer import longest_at, name_entities
from graph.recognise.lexicon import Lexicon
from graph.recognise.nisba import word_nisba
from graph.recognise.tokens import Word, original_start

__all__ = ["find_orgs", "find_roles"]

_JOINT = {"المشترك", "المشتركه", "المشتركين"}
_COMMA = {"،", ","}
_FORMER = frozenset({"السابق", "السابقه", "الاسبق", "الاسبقه", "المقبل", "المقبله", "الجديد", "الجديده"})
_MAX_NAME = 4
#: words that join the parts of a name (محمد بن سلمان, عبد الله): a name continues after them
_NAME_JOINERS = frozenset({"بن", "بنت", "ابن", "ابو", "عبد", "ال", "دي", "فان", "فون", "دا"})


def _role_at(ws: list[Word], i: int, lex: Lexicon):
    """(role, end index, prefix_len) of the longest role phrase starting at word i."""
    first = lex.role_first
    keys = None
    for r in ws[i].readings[:3]:
        if r.key not in first or r.clitics > 1:
            continue
        if keys is None:
            after = ws[i + 1:i + min(lex.max_role_tokens, len(ws) - i)]
            # a phrase runs over words only: it ends at the first non-word after word i
            words = next((k for k, w in enumerate(after) if not w.is_word), len(after))
            keys = [w.key for w in after[:words]]
        for length in range(len(keys) + 1, 0, -1):
            role = lex.roles.get(" ".join([r.key, *keys[:length - 1]]))
            if role is not None:
                return role, i + length, r.prefix_len
    return None


def _name_words(ws: list[Word], k: int, kb: KnowledgeBase, lex: Lexicon, taken: list[bool],
                start_ok: bool = False) -> int:
    """End index of a person name starting at word k found by shape alone (0 words → k).

    ``start_ok``: the name already began before k (a given name), so word k may carry the article.
    """
    j = k
    n = len(ws)
    while j < n and j - k < _MAX_NAME:
        w = ws[j]
        # a family name may carry the article (محمد الحسن); a name never starts with it
        if not w.is_word or taken[j] or w.key in lex.function_words or (w.key.startswith("ال") and j == k
                                                                         and not start_ok):
            break
        if w.key.isdigit() or word_nisba(w, kb) or w.key in lex.roles:
            break
        if j - k >= 1 and len(w.key) >= 5 and w.key[0] == "س" and w.key[1] in "يتن":
            break  # a future verb (ستزور، سيلتقي) ends the name
        j += 1
        # first name + family name; longer only through a joiner (بن، عبد، أبو …)
        if j - k >= 2 and ws[j - 1].key not in _NAME_JOINERS and ws[j - 2].key not in _NAME_JOINERS:
            break
    return j


def find_roles(text: str, ws: list[Word], kb: KnowledgeBase, lex: Lexicon, taken: list[bool], sentence: int = -1,
               *, starts: Sequence[int] | None = None) -> list[Found]:
    """Role + name appositions. ``starts``: ascending indices of the only words a role can
    start at (default: every word); words between them are not visited."""
    out: list[Found] = []
    last_role = None
    n = len(ws)
    pos = 0  # words before pos belong to an earlier match
    for i in range(n) if starts is None else starts:
        if i < pos or taken[i] or not ws[i].is_word:
            continue
        hit = _role_at(ws, i, lex)
        counterpart = False
        if hit is None and ws[i].key in lex.counterparts and last_role is not None:
            hit = (last_role, i + 1, 0)
            counterpart = True
        if hit is None:
            continue
        role, j, _ = hit
        countries = []
        while j < n and ws[j].is_word and (nis := word_nisba(ws[j], kb)):
            countries.append(nis[0].country)
            j += 1
        if not countries and not counterpart:
            # a role needs its country (nisba) before we trust the name after it
            continue
        k = j + 1 if j < n and ws[j].key in _COMMA else j
        if k >= n:
            out += _office(text, ws, i, j, hit, countries, sentence)
            for t in range(i, j):
                taken[t] = True
            pos = j
            continue
        found = None
        m = longest_at(ws, k, kb, taken)
        if m is not None:
            cands = tuple(e for e in name_entities(kb, m[3]) if e.type == "PER")
            if cands:
                end = ws[m[0] - 1].end
                start = original_start(ws[k], m[2])
                found = Found(start, end, text[start:end], "PER", cands, via="role", role=role.role,
                              sector=role.sector, country=countries[0] if countries else None,
                              countries=tuple(countries), name=text[start:end], sentence=sentence)
                stop = m[0]
        if found is None:
            stop = _name_words(ws, k, kb, lex, taken)
            if stop - k >= 2 or (stop - k == 1 and (stop >= n or not ws[stop].is_word)):
                start, end = ws[k].start, ws[stop - 1].end
                found = Found(start, end, text[start:end], "PER", (), via="role", role=role.role,
                              sector=role.sector, country=countries[0] if countries else None,
                              countries=tuple(countries), name=text[start:end], sentence=sentence)
        if found is None:
            # a role with no name after it ("وزير الخارجية الأردني"): its words are still a role,
            # not an organisation for the patterns that follow; linking may find the office holder
            out += _office(text, ws, i, j, hit, countries, sentence)
            for t in range(i, j):
                taken[t] = True
            pos = j
            continue
        out.append(found)
        last_role = role
        for t in range(i, stop):
            taken[t] = True
        pos = stop
    return out


def _office(text: str, ws: list[Word], i: int, j: int, hit, countries: list[str], sentence: int) -> list[Found]:
    """A role and its country with no name: a mention of whoever held the office (``via="office"``,
    resolved on the article's date by :mod:`graph.link.offices`, dropped when it cannot be)."""
    role, _, prefix_len = hit
    if not countries or not role.role or (j < len(ws) and ws[j].key in _FORMER):
        return []  # "وزير الخارجية الروسي السابق" is a former holder: not who holds it on the date
    start, end = original_start(ws[i], prefix_len), ws[j - 1].end
    return [Found(start, end, text[start:end], "PER", (), via="office", role=role.role, sector=role.sector,
                  country=countries[0], countries=tuple(countries), sentence=sentence)]


def find_orgs(text: str, ws: list[Word], kb: KnowledgeBase, lex: Lexicon, taken: list[bool], sentence: int = -1,
              *, starts: Sequence[int] | None = None, nisba: Sequence | None = None) -> list[Found]:
    """Head noun + words + nisba(s). ``starts``: ascending indices of the only words a head can
    be (default: every word); ``nisba``: per word, whether :func:`word_nisba` finds readings."""
    out: list[Found] = []
    n = len(ws)
    pos = 0
    for i in range(n) if starts is None else starts:
        if i < pos or taken[i] or not ws[i].is_word:
            continue
        head = None
        for r in ws[i].readings[:3]:
            if r.key in lex.org_heads:
                head = (r, lex.org_heads[r.key])
                break
        if head is None:
            continue
        r, (sector, max_inner, min_inner) = head
        if nisba is not None and not any(nisba[i + 1:i + max_inner + 2]):
            continue  # no nisba near enough for the words below to end on
        j = i + 1
        inner = 0
        while j < n and inner <= max_inner and ws[j].is_word and not taken[j] and not (
                nisba[j] if nisba is not None else word_nisba(ws[j], kb)):
            if ws[j].key in lex.function_words:
                break
            j += 1
            inner += 1
        if inner > max_inner or inner < min_inner or j >= n or taken[j]:
            continue
        countries = []
        while j < n and ws[j].is_word and not taken[j] and (nis := word_nisba(ws[j], kb)):
            countries.append(nis[0].country)
            j += 1
        if not countries:
            continue
        if j < n and ws[j].key in _JOINT:
            j += 1
        start = original_start(ws[i], r.prefix_len)
        end = ws[j - 1].end
        out.append(Found(start, end, text[start:end], "ORG", (), via="pattern", sector=sector,
                         country=countries[0], countries=tuple(dict.fromkeys(countries)),
                         name=text[start:end], sentence=sentence))
        for t in range(i, j):
            taken[t] = True
        pos = j
    return out


def find_given_names(text: str, ws: list[Word], kb: KnowledgeBase, lex: Lexicon, taken: list[bool],
                     sentence: int = -1, *, starts: Sequence[int] | None = None) -> list[Found]:
    """People named by a known given name and a family name: ``توفيق الحكيم``, ``كوفي أنان``.

    Without capital letters, a given name is the best cue Arabic offers; a given name alone
    says too little, so at least one more name word must follow. ``starts``: ascending indices
    of the only words that can be a given name.
    """
    out: list[Found] = []
    given = lex.given_names
    n = len(ws)
    pos = 0
    for i in range(n) if starts is None else starts:
        w = ws[i]
        if i < pos or taken[i] or not w.is_word:
            continue
        r = next((r for r in w.readings[:2] if r.key in given and not r.bare and r.clitics <= 1), None)
        if r is None or (r.key in lex.function_words and (w.text.endswith("ى") or (
                i + 1 < n and ws[i + 1].key.startswith("ال")))):
            # علي (Ali) folds like على (on): "على الرغم" is no person
            continue
        stop = _name_words(ws, i + 1, kb, lex, taken, start_ok=True) if i + 1 < n else i + 1
        if stop == i + 1:
            continue
        start, end = original_start(w, r.prefix_len), ws[stop - 1].end
        out.append(Found(start, end, text[start:end], "PER", (), via="name", name=text[start:end], sentence=sentence))
        for t in range(i, stop):
            taken[t] = True
        pos = stop
    return out
