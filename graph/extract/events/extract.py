"""Events of one article: cues → roles → modality → date → actor roll-up → merged reports.

Per sentence: find the cues (one event per PLOVER type and sentence, the most specific cue
wins), give it source/target/mediator/location from the sentence's mentions, read negation,
future and reporting, and date it with the nearest date expression (else the publication date).
Dyadic types (CONSULT, AGREE, ACCUSE …) need an actor in the sentence; violent and protest cues
stand alone ("a car bomb exploded"). A definite verbal noun (``بدء العملية العسكرية``) refers
back to an event told elsewhere and makes no new event. A sentence whose only time words are
earlier years (``في الفترة من 2020 إلى 2022``) is background: no event is dated today from it.
An event with a full past date (a timeline: ``* 21 مايو 2005: اغتيال …``) is kept with that
date. For the types the report judgement covers (``report.py``), an event the sentence only
talks about is kept with modality ``mentioned``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress
from operator import attrgetter

from graph.extract.dates import find_dates
from graph.extract.events.actors import nisba_actors
from graph.extract.events.cues import CueHit, cue_lexicon
from graph.extract.events.merge import event_id, merge_events
from graph.extract.events.modality import glued, modality_words, tell
from graph.extract.events.report import report_judge
from graph.extract.events.roles import Roles, Tok, assign_roles
from graph.extract.events.rollup import actor_role
from graph.text.fold import fold_key
from graph.text.tokenize import WORD_RE, sentence_tokens, sentence_words
from graph.types import Article, Event, EventRole, Mention, Sentence

__all__ = ["NEEDS_ACTOR", "extract_events"]

#: types that relate two parties: without an actor in the sentence they are not reported
NEEDS_ACTOR = frozenset({
    "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "SANCTION", "MOBILIZE",
})
_TOKEN_RE = re.compile(r"(?P<w>" + WORD_RE.pattern + r")|[^\s]")
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_KEYS: dict[str, str] = {}
#: types whose unnamed actors ("متظاهرون") are coded as the country of the place, with this sector
_LOCAL_ACTOR = {"PROTEST": "CVL"}  # attackers with no name stay unknown: "a car bomb in Baghdad" is not Iraq acting


def _key(s: str) -> str:
    k = _KEYS.get(s)
    if k is None:
        k = fold_key(s)
        if len(_KEYS) > 200_000:
            _KEYS.clear()
        _KEYS[s] = k
    return k


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    # the recogniser's words of this very span carry the same start, end, folded key and
    # word flag (only a lone "_" differs: no word there, and no cue or name either)
    seen = sentence_tokens(text, start, end)
    if seen is not None:
        return seen
    key = _key
    return [Tok(m.start(), m.end(), key(m.group()), m.lastgroup == "w") for m in _TOKEN_RE.finditer(text, start, end)]


def _lang(article: Article) -> str:
    if article.lang in ("ar", "en"):
        return article.lang
    return "ar" if _ARABIC.search(article.text, 0, 2000) else "en"


def _specificity(h: CueHit) -> tuple[int, int]:
    return len(h.cue.cameo), h.cue.mode is not None


def _primary(hits: list[CueHit]) -> dict[str, CueHit]:
    """The most specific cue per type; a cue that absorbs another type removes it."""
    best: dict[str, CueHit] = {}
    for h in hits:
        have = best.get(h.cue.type)
        if have is None or _specificity(h) > _specificity(have):
            best[h.cue.type] = h
    for h in list(best.values()):
        for t in h.cue.absorb:
            best.pop(t, None)
    return best


def _date_for(found, cue_pos: int, published: _dt.date | None, text: str) -> tuple[_dt.date | None, str | None]:
    dated = [f for f in found if f[2] is not None]
    if dated:
        s, e, d, _kind = min(dated, key=lambda f: abs(f[0] - cue_pos))
        return d, text[s:e]
    return published, None


_NUMBER = re.compile(r"^\d|^(عشرات|مئات|الاف|آلاف|الآلاف|ثلاث|اربع|أربع|خمس|ست|سبع|ثمان|تسع|عشر|اثن|أحد|احد|dozens|hundreds|thousands|one|two|three|four|five|six|seven|eight|nine|ten)")
#: a casualty word followed by a count pins down a violent event told by a noun ("أسفر انفجار … عن إصابة عشرة")
_CASUALTY = frozenset({"اصابه", "اصابات", "جرح", "مقتل", "قتل", "مصرع", "استشهاد", "killing", "deaths", "wounding"})


def _counted(words: list[str]) -> bool:
    for i, w in enumerate(words):
        k = _key(w)
        k = k[1:] if len(k) > 3 and k[0] in "وب" else k
        if k in _CASUALTY and any(_NUMBER.match(x) for x in words[i + 1:i + 3]):
            return True
    return False


def _specific(h: CueHit, words: list[str], found, roles: Roles, source) -> bool:
    """A noun cue reports an event, rather than naming a kind of event, when something pins it down."""
    if found:  # a date expression, even one that cannot be resolved
        return True
    if any(_NUMBER.match(w) for w in words[h.end:h.end + 3]):
        return True  # a count: "مقتل 12 شخصا", "تظاهرة 3000 شخص"
    if roles.location is not None or roles.mediator is not None:
        return True  # "انفجرت سيارة مفخخة في بغداد"
    return source is not None and roles.target is not None


def _after_light_verb(words: list[str], i: int, mw) -> bool:
    """A noun cue governed by a light verb is a verb phrase: "نفذت القوات ضربة جوية", "launched an attack"."""
    light = glued(mw.by_kind.get("light", frozenset()))  # "وشن", "وتم"
    return any(_key(w) in light for w in words[max(0, i - 4):i])


_PRONOUN = ("هما", "هم", "ها", "ه")


def _light_after(words: list[str], h: CueHit, mw) -> int | None:
    """A light verb with a pronoun back to a noun cue is its relative clause, a verb phrase whose subject
    follows: "ضربة جوية نفذها الجيش الباكستاني", "الهجوم الذي شنته القوات". The verb's word index, or None."""
    light = mw.by_kind.get("light", frozenset())
    for j in range(h.end, min(len(words), h.end + 3)):
        k = _key(words[j])
        for p in _PRONOUN:
            if k.endswith(p) and len(k) > len(p) + 1 and k[:-len(p)] in light:
                return j
    return None


def _nisba_source(kb, words: list[str]) -> EventRole | None:
    """A nationality adjective right after a noun cue names its source ("غارة جوية أميركية")."""
    if kb is None or not hasattr(kb, "nisba"):
        return None
    for w in words:
        k = _key(w)
        k = k[2:] if k.startswith("ال") and len(k) > 4 else k
        for n in kb.nisba(k):
            if n.country:
                return EventRole(entity=n.country, country=n.country)
    return None


def _source_elsewhere(roles: Roles, text, toks, mentions, widx, same: list[CueHit], primary: CueHit, type_: str,
                      lang: str, reporting: frozenset) -> Roles:
    """The primary cue found no source: another cue of the same type may ("ونفذ الجيش الباكستاني
    ضربة جوية … أعقبتها هجمات انتحارية": the suicide attack is the more specific cue, the army acts
    in the air strike). Only the source is taken; the other roles stay the primary's."""
    for other in same:
        if other is primary:
            continue
        alt = assign_roles(text, toks, mentions, widx[other.start], widx[other.end - 1], type_, lang,
                           noun=other.cue.noun, reporting=reporting)
        if alt.source is not None and alt.source is not roles.target:
            return dataclasses.replace(roles, source=alt.source)
    return roles


def _source_role(roles: Roles, type_: str, raw: list[CueHit], words: list[str], kb) -> tuple[EventRole | None, bool]:
    """The source's role, and whether the text names it with a country (what the report judgement weighs).

    Fallbacks when the roles found none: a nationality adjective after any cue of the type, then
    (for protests) the place's country."""
    source = actor_role(roles.source, kb) if roles.source else None
    if source is None and roles.target is None:
        for other in (x for x in raw if x.cue.type == type_):
            source = source or _nisba_source(kb, words[other.end:other.end + 3])
    named = source is not None and source.country is not None
    if not named and type_ in _LOCAL_ACTOR and roles.location is not None:
        source = _local_actor(roles.location, type_, kb)
    return source, named


def _reporter(tok: Tok, mentions: list[Mention]) -> str | None:
    """Who is named next to the reporting word ("ذكرت وزارة …", "نشرت الوزارة بيانا"), within 40 characters."""
    near = [(min(abs(m.start - tok.end), abs(tok.start - m.end)), m.entity) for m in mentions
            if m.type in ("ORG", "PER", "GPE")]
    near = [x for x in near if x[0] < 40]
    return min(near)[1] if near else None


def _local_actor(location: Mention, type_: str, kb) -> EventRole | None:
    """Unnamed actors of a ``_LOCAL_ACTOR`` type (protesters), acting in a place, are coded as that
    place's country (CAMEO practice: "hundreds demonstrated in Athens" → GRC civilians)."""
    country = actor_role(location, kb).country
    if not country:
        return None
    return EventRole(entity=country, country=country, sector=_LOCAL_ACTOR[type_])


def _cues(text: str, sent: Sentence, lang: str) -> tuple[list[str], list[CueHit]]:
    """The sentence's words and cue hits: the cheap pass (most sentences hold no cue, and words alone tell)."""
    words = sentence_words(text, sent.start, sent.end)
    return words, cue_lexicon(lang).find(words)


def _sentence_events(article: Article, sent: Sentence, mentions: list[Mention], lang: str, kb,
                     cues: tuple[list[str], list[CueHit]] | None = None) -> list[Event]:
    text = article.text
    words, raw = cues if cues is not None else _cues(text, sent, lang)
    hits = [h for h in raw if not h.definite or h.cue.definite_ok]
    if not hits:
        return []
    toks = _tokens(text, sent.start, sent.end)
    widx = list(compress(range(len(toks)), map(attrgetter("is_word"), toks)))
    found = find_dates(text, sent.start, sent.end, article.published, lang)
    if article.published and not any(f[2] for f in found):
        years = [int(y) for y in _YEAR_RE.findall(text, sent.start, sent.end)]
        if years and max(years) < article.published.year:
            return []  # background: a past period, not today's news
    mw = modality_words(lang)
    extra = nisba_actors(text, toks, mentions, kb, lang)
    if extra:
        mentions = sorted([*mentions, *extra], key=lambda m: m.start)
    all_keys = list(map(attrgetter("key"), toks))
    judge = report_judge(lang)
    reporting = mw.by_kind.get("reported", frozenset())
    out = []
    for type_, h in _primary(hits).items():
        first, last = widx[h.start], widx[h.end - 1]
        light = _after_light_verb(words, h.start, mw)
        rel = _light_after(words, h, mw) if h.cue.noun and not light else None
        if rel is not None:
            last, light = widx[rel], True  # the relative verb closes the cue: its subject comes next
        same = [x for x in hits if x.cue.type == type_]
        roles: Roles = assign_roles(text, toks, mentions, first, last, type_, lang, noun=h.cue.noun and not light,
                                    reporting=reporting)
        if roles.source is None:
            roles = _source_elsewhere(roles, text, toks, mentions, widx, same, h, type_, lang, reporting)
        source, named = _source_role(roles, type_, raw, words, kb)
        if source is None and roles.target is None and (type_ in NEEDS_ACTOR or h.cue.weak):
            continue
        verbal = rel is not None or any(not x.cue.noun or _after_light_verb(words, x.start, mw) for x in same)
        if not verbal and not any(_specific(x, words, found, roles, source) for x in same) and not _counted(words):
            continue
        negated, modality, rep = tell(all_keys, first, mw)
        if modality == "abstract":
            continue  # "أهمية مناقشة", "the need to discuss": talk about an event, not an event
        facts = {"actor": named, "dated": any(f[2] is not None for f in found), "located": roles.location is not None}
        verdict = judge.verdict(type_, all_keys, **facts)
        judged = verdict[1] if verdict is not None else None
        if verdict is not None and modality in ("asserted", "reported") and not verdict[0]:
            modality = "mentioned"  # talk about an event (a trial, a condemnation, a call), recorded as such
        reported_by = _reporter(toks[rep], mentions) if rep is not None else None
        date, date_text = _date_for(found, toks[first].start, article.published, text)
        out.append(Event(
            type=type_,
            cameo=h.cue.cameo,
            mode=h.cue.mode,
            source=source,
            target=actor_role(roles.target, kb) if roles.target else None,
            mediator=actor_role(roles.mediator, kb) if roles.mediator else None,
            location=roles.location.entity if roles.location else None,
            date=date,
            date_text=date_text,
            symmetric=roles.symmetric,
            negated=negated,
            modality=modality,
            reported_by=reported_by,
            confidence=judged if judged is not None else 0.5 if h.cue.weak else 0.7,
            evidence=((sent.index, sent.start, sent.end),),
        ))
    return out


def extract_events(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention], kb=None
) -> tuple[Event, ...]:
    """PLOVER events of one article, reports of the same event merged, each with a stable ``id``.

    >>> import datetime
    >>> from graph.text.sentences import split_sentences
    >>> text = "روسيا وأذربيجان يبحثان الأوضاع."
    >>> art = Article(id="d1", text=text, origin="doc", lang="ar", published=datetime.date(2023, 9, 20))
    >>> ms = (Mention(0, 5, "روسيا", "GPE", "Q159", "Q159", 0.9), Mention(7, 15, "أذربيجان", "GPE", "Q227", "Q227", 0.9))
    >>> (e,) = extract_events(art, split_sentences(text), ms)
    >>> e.type, e.cameo, e.source.country, e.target.country, e.symmetric, e.date.isoformat()
    ('CONSULT', '040', 'Q159', 'Q227', True, '2023-09-20')
    """
    lang = _lang(article)
    lex = cue_lexicon(lang)
    ms = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ms]
    events: list[Event] = []
    for sent in sentences:
        words = sentence_words(article.text, sent.start, sent.end)
        if not lex.has_cue(words):
            continue  # no cue that can report an event, no event: the rest of the work is not needed
        lo = bisect_right(starts, sent.start - 1)
        hi = bisect_right(starts, sent.end - 1)
        in_sent = [m for m in ms[lo:hi] if m.end <= sent.end]
        events.extend(_sentence_events(article, sent, in_sent, lang, kb, (words, lex.find(words))))
    merged = merge_events(events)
    return tuple(dataclasses.replace(e, id=event_id(e, article.id)) for e in merged)
