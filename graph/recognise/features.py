"""Token features for the statistical Arabic tagger (:mod:`graph.recognise.crf`).

Per token: the folded word, its prefixes and suffixes (also of the clitic-stripped stem), its
length, clitic-stripped readings, a word shape, whether it is a function word, a given name
(``data/given_names_ar.txt``, also under a proclitic) or a title or honorific (السيد، الشيخ …),
and what the KB and lexicons say: does a KB name start or
continue here (longest match over clitic readings, as the gazetteer matches) and of which
type, is the word a known name part (first/last word of a KB person), a nisba, a role word.
Neighbours within ±2 contribute their word and KB tags, prefixed by their offset; a title up
to four words back and a given name up to two words either side are features too.

>>> from graph.kb.base import Entity, MemoryKB
>>> kb = MemoryKB([Entity("Q810", "Q810", "GPE", names=(("ar", "الأردن", "label"),))])
>>> feats = sentence_features(make_words(["وفي", "الأردن", "قال"]), kb)
>>> feats[1]["gaz"], feats[1]["w"], feats[0]["+1:gaz"]
('B-GPE', 'الاردن', 'B-GPE')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from graph.kb.base import KnowledgeBase
from graph.recognise.gazetteer import longest_at
from graph.recognise.lexicon import load_lexicon
from graph.recognise.nisba import word_nisba
from graph.recognise.tokens import Reading, Word, is_arabic, readings_of
from graph.text.fold import fold_key
from graph.text.tokenize import WORD_RE

__all__ = ["make_words", "name_parts", "sentence_features", "span_tags"]

#: name parts are collected from the KB only when it is small enough to walk cheaply
_MAX_WALK = 200_000


def make_words(tokens: Sequence[str], offset: int = 0) -> list[Word]:
    """:class:`Word` records for bare token strings joined by single spaces from ``offset``."""
    out = []
    pos = offset
    for t in tokens:
        k = fold_key(t)
        is_word = bool(WORD_RE.fullmatch(t)) and t != "_"
        out.append(Word(pos, pos + len(t), t, k, is_word, readings_of(k) if is_word else (Reading(k, 0, 0),)))
        pos += len(t) + 1
    return out


@lru_cache(maxsize=4)
def _name_parts(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    parts: dict[str, set[str]] = {}
    try:
        if len(kb) > _MAX_WALK:
            return {}
    except TypeError:
        return {}
    from graph.kb.base import name_key

    for e in kb:
        for lang, text, _ in e.names:
            if lang != "ar":
                continue
            words = name_key(text).split(" ")
            if len(words) < 2:
                continue
            parts.setdefault(words[0], set()).add(f"{e.type}-first")
            parts.setdefault(words[-1], set()).add(f"{e.type}-last")
    return {k: frozenset(v) for k, v in parts.items()}


def name_parts(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Word → {"PER-first", "ORG-last", …}: where the word sits in multi-word KB names."""
    try:
        return _name_parts(kb)
    except TypeError:  # unhashable KB object
        return {}


#: titles and honorifics that precede a person's name (folded with ``name_key`` when loaded)
_HONORIFICS = (
    "السيد", "السيدة", "سيد", "الشيخ", "الشيخة", "شيخ", "الدكتور", "الدكتورة", "د", "المهندس", "المهندسة",
    "الأستاذ", "الأستاذة", "الحاج", "الحاجة", "العقيد", "اللواء", "العميد", "الجنرال", "الفريق", "المشير",
    "الرائد", "النقيب", "المقدم", "الملازم", "الأدميرال", "المستشار", "المستشارة", "القاضي", "الإمام",
    "الأب", "البابا", "الكاردينال", "الحاخام", "المطران", "القس", "البطريرك", "السلطان", "الأمير", "الأميرة",
    "الملك", "الملكة", "الرئيس", "الرئيسة", "النائب", "النائبة", "السناتور", "السيناتور", "المرشح",
    "المرشحة", "الزعيم", "الوزير", "الوزيرة", "السفير", "السفيرة", "المبعوث", "المدرب", "اللاعب", "اللاعبة",
    "الفنان", "الفنانة", "الكاتب", "الكاتبة", "الشاعر", "الشاعرة", "المخرج", "الممثل", "الممثلة", "المغني",
    "المغنية", "المطرب", "المطربة", "الصحفي", "الصحافي", "الناطق", "المتحدث", "المتحدثة", "زميلنا", "مراسلنا",
    "نظيره", "نظيرها", "الشهيد", "المرحوم", "الراحل", "الملا", "آية", "السير", "اللورد", "الليدي", "مستر",
    "مسز", "مدام", "الآنسة", "المفكر", "الباحث", "البروفسور", "البروفيسور", "الحاكم", "المحامي", "الأمين",
    "المدير", "المديرة", "العاهل", "الخليفة", "المفتي", "القائد", "الجنرالات", "رئيس", "رئيسة", "وزير",
    "وزيرة", "نائب", "زعيم", "سفير", "قائد", "مدير", "أمير", "ملك", "المواطن", "المواطنة", "الطفل", "الطفلة",
    "الشاب", "الشابة", "السيدات", "الكابتن", "المحقق", "الأسير", "المعتقل", "الشقيق", "شقيقه", "شقيقها",
    "ابنه", "ابنها", "زوجته", "زوجها", "والده", "والدته",
)


@lru_cache(maxsize=1)
def _person_words() -> tuple[frozenset[str], frozenset[str]]:
    """Folded given names (the lexicon's) and honorifics."""
    from graph.kb.base import name_key

    return load_lexicon().given_names, frozenset(name_key(h) for h in _HONORIFICS)


@lru_cache(maxsize=4)
def _role_words() -> tuple[frozenset[str], frozenset[str]]:
    lex = load_lexicon()
    first = frozenset(k.split(" ")[0] for k in lex.roles)
    every = frozenset(w for k in lex.roles for w in k.split(" "))
    return first, every


def _shape(w: Word) -> str:
    t = w.text
    if not w.is_word:
        return "punct"
    if t.isdigit() or w.key.isdigit():
        return "digit"
    if any(ch.isdigit() for ch in t):
        return "alnum"
    if not is_arabic(w.key):
        return "Latin-cap" if t[:1].isupper() else "latin"
    return f"ar{min(len(w.key), 8)}"


def _gazetteer_tags(ws: list[Word], kb: KnowledgeBase) -> list[str]:
    tags = ["O"] * len(ws)
    taken = [False] * len(ws)
    i = 0
    while i < len(ws):
        m = longest_at(ws, i, kb, taken) if ws[i].is_word else None
        if m is None:
            i += 1
            continue
        j, _, _, key = m
        types = sorted({e.type for e in kb.lookup(key)})
        typ = types[0] if len(types) == 1 else "+".join(types)
        tags[i] = "B-" + typ
        for t in range(i + 1, j):
            tags[t] = "I-" + typ
        i = j
    return tags


def _own(w: Word, kb: KnowledgeBase, parts: dict[str, frozenset[str]], fw: frozenset[str],
         role_first: frozenset[str], role_any: frozenset[str]) -> dict[str, str | float]:
    k = w.key
    f: dict[str, str | float] = {"bias": 1.0, "w": k, "shape": _shape(w)}
    if not w.is_word:
        return f
    f["p2"], f["p3"], f["s2"], f["s3"] = k[:2], k[:3], k[-2:], k[-3:]
    f["s1"] = k[-1:]
    non_bare = [r for r in w.readings if not r.bare]
    if len(non_bare) > 1:
        f["stem"] = non_bare[-1].key
        f["clitics"] = float(non_bare[-1].clitics)
    bare = [r for r in w.readings if r.bare]
    if bare:
        f["noal"] = bare[-1].key
    if k.startswith("ال") or any(r.key.startswith("ال") for r in non_bare[1:]):
        f["def"] = 1.0
    if k in fw:
        f["fw"] = 1.0
    for r in w.readings[:3]:
        if r.key in role_first:
            f["role1"] = 1.0
        if r.key in role_any:
            f["role"] = 1.0
        for p in parts.get(r.key, ()):
            f["part:" + p] = 1.0
        if not r.bare:
            for e in kb.lookup(r.key)[:3]:
                f["kb1:" + e.type] = 1.0
    if word_nisba(w, kb):
        f["nisba"] = 1.0
    given, hon = _person_words()
    if k in given:
        f["gn"] = 1.0
    elif any(r.key in given for r in w.readings[1:3] if not r.bare and r.clitics <= 1):
        f["gn"] = 1.0
        f["gn-clitic"] = 1.0
    if k in hon or any(r.key in hon for r in w.readings[1:2] if not r.bare):
        f["hon"] = 1.0
    if is_arabic(k):
        f["len"] = str(min(len(k), 10))
        f["p1"], f["s4"], f["p4"] = k[:1], k[-4:], k[:4]
        stem = non_bare[-1].key if non_bare else k
        f["stem-s2"], f["stem-p2"] = stem[-2:], stem[:2]
    return f


def span_tags(spans: Sequence[tuple[int, int, str]], ws: Sequence[Word]) -> list[str]:
    """IOB tags of words from character spans ``(start, end, type)`` (a word overlapping a span).

    >>> ws = make_words(["وروسيا", "قال"])
    >>> span_tags([(1, 6, "GPE")], ws)
    ['B-GPE', 'O']
    """
    tags = ["O"] * len(ws)
    for start, end, typ in sorted(spans):
        first = True
        for i, w in enumerate(ws):
            if w.start < end and w.end > start and tags[i] == "O":
                tags[i] = ("B-" if first else "I-") + typ
                first = False
    return tags


def sentence_features(ws: list[Word], kb: KnowledgeBase, rule_tags: Sequence[str] | None = None
                      ) -> list[dict[str, str | float]]:
    """One feature dict per word (string values become ``name=value`` features in crfsuite).

    ``rule_tags`` (IOB tags of what the KB + rules recogniser found) become features of the
    word and its neighbours, so the CRF learns when to trust the rules.
    """
    lex = load_lexicon()
    role_first, role_any = _role_words()
    parts = name_parts(kb)
    gaz = _gazetteer_tags(ws, kb)
    own = [_own(w, kb, parts, lex.function_words, role_first, role_any) for w in ws]
    for i, f in enumerate(own):
        f["gaz"] = gaz[i]
        if rule_tags is not None:
            f["rule"] = rule_tags[i]
    out = []
    n = len(ws)
    for i in range(n):
        f = dict(own[i])
        if i == 0:
            f["BOS"] = 1.0
        if i == n - 1:
            f["EOS"] = 1.0
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                o = own[j]
                f[f"{d:+d}:w"] = o["w"]
                f[f"{d:+d}:gaz"] = o["gaz"]
                if "rule" in o:
                    f[f"{d:+d}:rule"] = o["rule"]
                for key in ("role1", "nisba", "fw", "stem", "gn", "hon", "role"):
                    if key in o:
                        f[f"{d:+d}:{key}"] = o[key]
                if abs(d) == 1:
                    f[f"{d:+d}:shape"] = o["shape"]
                    if "p2" in o:
                        f[f"{d:+d}:p2"], f[f"{d:+d}:s2"] = o["p2"], o["s2"]
                    for key in o:
                        if key.startswith(("part:", "kb1:")):
                            f[f"{d:+d}:{key}"] = 1.0
        # a title or role word up to four words back; a given name up to two words either side
        for j in range(max(0, i - 4), i):
            o = own[j]
            if "hon" in o or "role1" in o:
                f["title<4"] = 1.0
            if "gn" in o and j >= i - 2:
                f["gn<2"] = 1.0
        for j in range(i + 1, min(n, i + 3)):
            if "gn" in own[j]:
                f["gn>2"] = 1.0
        if 0 < i < n - 1:
            f["-1|+1"] = f"{own[i - 1]['w']}|{own[i + 1]['w']}"
        if i > 0:
            f["-1|0"] = f"{own[i - 1]['w']}|{own[i]['w']}"
        out.append(f)
    return out
