"""Generated articles in the newsgraph shape, for tests and benchmarks of the RDF and store stages.

Each article is built from a template sentence per event, so every offset, mention and
relation is right by construction; a seeded random generator makes the corpus repeatable.
The few Wikidata items used are ones the seed article is about (Russia Q159, Azerbaijan Q227,
Armenia Q399, Sergey Lavrov Q58217, Russian foreign ministry Q789889); other actors are
generated names, unlinked (NIL) like unknown people in real news.

>>> doc = synthetic_article(3)
>>> all(doc.article.text[m.start:m.end] == m.text for m in doc.mentions)
True
>>> synthetic_article(3) == doc
True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import random

from graph.iri import local_entity_id
from graph.types import (
    AnnotatedArticle,
    Article,
    EntityRef,
    Event,
    EventRole,
    Mention,
    Relation,
    Sentence,
)

__all__ = ["ACTORS", "synthetic_article", "synthetic_corpus"]

#: (id, qid, type, English label, Arabic label, country QID)
ACTORS = [
    ("Q159", "Q159", "GPE", "Russia", "روسيا", "Q159"),
    ("Q227", "Q227", "GPE", "Azerbaijan", "أذربيجان", "Q227"),
    ("Q399", "Q399", "GPE", "Armenia", "أرمينيا", "Q399"),
    ("Q58217", "Q58217", "PER", "Sergey Lavrov", "سيرجي لافروف", "Q159"),
    ("Q789889", "Q789889", "ORG", "Ministry of Foreign Affairs of Russia", "وزارة الخارجية الروسية", "Q159"),
]
_FIRST = ["أحمد", "محمد", "علي", "حسن", "يوسف", "خالد", "سامي", "عمر", "ليلى", "مريم", "نادية", "سلمى"]
_LAST = ["حسني", "الأحمد", "منصور", "العلي", "سليمان", "عباس", "حداد", "الخطيب", "نصار", "يونس"]
_FIRST_EN = ["Ahmed", "Mohamed", "Ali", "Hassan", "Youssef", "Khaled", "Sami", "Omar", "Layla", "Maryam", "Nadia", "Salma"]
_LAST_EN = ["Hosny", "Al-Ahmad", "Mansour", "Al-Ali", "Suleiman", "Abbas", "Haddad", "Al-Khatib", "Nassar", "Younes"]
_COUNTRIES = ["Q159", "Q227", "Q399"]
#: PLOVER type, CAMEO code, Arabic verb phrase
_VERBS = [
    ("CONSULT", "040", "بحث مع"), ("AGREE", "030", "اتفق مع"), ("SUPPORT", "051", "أشاد بموقف"),
    ("AID", "070", "قدم مساعدات إلى"), ("COOPERATE", "061", "تعاون اقتصاديا مع"), ("REQUEST", "100", "طالب"),
    ("ACCUSE", "112", "اتهم"), ("REJECT", "120", "رفض مقترح"), ("THREATEN", "130", "هدد"),
    ("PROTEST", "141", "احتج على"), ("SANCTION", "163", "فرض عقوبات على"), ("ASSAULT", "190", "هاجم"),
]


def _person(rng: random.Random) -> tuple:
    i, j = rng.randrange(len(_FIRST)), rng.randrange(len(_LAST))
    country = rng.choice(_COUNTRIES)
    ar = f"{_FIRST[i]} {_LAST[j]}"
    return (local_entity_id(ar, "PER", country), None, "PER", f"{_FIRST_EN[i]} {_LAST_EN[j]}", ar, country)


def synthetic_article(i: int, *, seed: int = 0, events: int = 3, start: _dt.date = _dt.date(2023, 1, 1),
                      extractor: str = "newsgraph synthetic", kb_version: str = "synthetic-1") -> AnnotatedArticle:
    """Article number ``i`` of the corpus ``seed``: ``events`` sentences, each one event."""
    rng = random.Random(seed * 1_000_003 + i)
    published = start + _dt.timedelta(days=rng.randrange(365))
    pieces: list[str] = []
    sentences, mentions, evs = [], [], []
    refs: dict[str, EntityRef] = {}
    pairs: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    pos = 0
    for k in range(events):
        a, b = (rng.choice(ACTORS) if rng.random() < 0.6 else _person(rng) for _ in range(2))
        if a[0] == b[0]:
            b = _person(rng)
        ptype, cameo, verb = rng.choice(_VERBS)
        s0 = pos
        spans = []
        for part in (a[4], f" {verb} ", b[4], "."):
            if part in (a[4], b[4]) and not part.startswith(" "):
                spans.append((pos, pos + len(part)))
            pieces.append(part)
            pos += len(part)
        sentences.append(Sentence(k, s0, pos))
        for (ms, me), act in zip(spans, (a, b)):
            mentions.append(Mention(ms, me, act[4], act[2], act[0], act[1], 0.9, sentence=k, label=act[3],
                                    country=act[5], kb_version=kb_version))
            refs[act[0]] = EntityRef(act[0], act[1], act[2], act[3], act[4], act[5], kb_version=kb_version)
        pairs.setdefault(tuple(sorted((a[0], b[0]))), []).append((k, s0, pos))
        evs.append(Event(ptype, cameo, source=EventRole(a[0], a[5]), target=EventRole(b[0], b[5]),
                         date=published - _dt.timedelta(days=rng.randrange(3)), confidence=0.7,
                         evidence=((k, s0, pos),), id=f"syn{seed}-{i}-e{k}"))
        pieces.append(" ")
        pos += 1
    text = "".join(pieces)
    rels = tuple(Relation(s, "comention", o, count=len(ev), evidence=tuple(ev)) for (s, o), ev in pairs.items())
    art = Article(id=f"syn{seed}-{i}", text=text, origin=f"synthetic:{seed}:{i}", lang="ar",
                  title=text[sentences[0].start:sentences[0].end], published=published,
                  url=f"https://news.example.org/{seed}/{i}", source=rng.choice(["Elasimah", "Example News"]),
                  author="أحمد حسني", content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return AnnotatedArticle(art, tuple(sentences), tuple(mentions), tuple(refs.values()), rels, tuple(evs),
                            extractor=extractor, kb_version=kb_version)


def synthetic_corpus(n: int, *, seed: int = 0, **kw):
    """``n`` articles, lazily."""
    return (synthetic_article(i, seed=seed, **kw) for i in range(n))
