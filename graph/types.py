"""Frozen records that pass between the stages of the pipeline.

ingest → :class:`Article`; text → :class:`Sentence`; recognise + link → :class:`Mention` and
:class:`EntityRef`; extract → :class:`Relation` and :class:`Event`; all of it together is an
:class:`AnnotatedArticle`, which the RDF stage turns into one named graph.

Every character offset anywhere (``start``/``end``) is a Python ``str`` index into
``Article.text``, the original decoded input text, never into a cleaned or folded copy.

>>> a = Article(id="x1", text="Russia and Azerbaijan", origin="x.txt")
>>> m = Mention(start=0, end=6, text="Russia", type="GPE", entity="Q159", qid="Q159", score=0.9)
>>> a.text[m.start:m.end] == m.text
True
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

__all__ = [
    "ENTITY_TYPES",
    "Span",
    "Article",
    "Sentence",
    "Mention",
    "EntityRef",
    "Relation",
    "EventRole",
    "Event",
    "AnnotatedArticle",
    "Problem",
]

#: Mention/entity types. GPE: countries, cities, capitals; LOC: regions, geographic features;
#: NORP: nationalities, ethnic and religious groups.
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "NORP")


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of the original text with the reason it is there (e.g. boilerplate)."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from its input, original text kept whole.

    ``body`` lists the ranges of ``text`` that are article content (paragraphs and title);
    ``excluded`` lists what cleaning left out, with the reason (``boilerplate``,
    ``duplicate-title``, ``byline``). Later stages look only inside ``body``.
    """

    id: str
    text: str
    origin: str  # where it came from: "path" or "path:line" (JSONL/CSV)
    lang: str | None = None  # "ar" | "en" | None when undetermined
    title: str | None = None
    title_span: Span | None = None
    author: str | None = None
    author_span: Span | None = None
    published: _dt.date | None = None
    url: str | None = None
    source: str | None = None
    body: tuple[Span, ...] = ()
    excluded: tuple[Span, ...] = ()
    content_hash: str = ""  # sha256 hex of text

    def content_spans(self) -> tuple[Span, ...]:
        """Body ranges, or the whole text when cleaning found no structure."""
        return self.body or (Span(0, len(self.text), "body"),)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # 0-based, in document order over the body
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the original text that names an entity.

    ``entity`` is the entity's id: the QID when linked (``Q159``), else a stable local id
    (see :func:`graph.iri.local_entity_id`). ``country`` is the QID of the country the
    mention is attributed to (from the KB or from a nisba adjective in the text).
    """

    start: int
    end: int
    text: str
    type: str
    entity: str
    qid: str | None
    score: float
    sentence: int = -1
    label: str | None = None  # canonical label of the entity (English when known)
    role: str | None = None  # e.g. "foreign minister"
    country: str | None = None
    via: str = "kb"  # kb | clitic | nisba | role | pattern | coref | byline | ner
    kb_version: str | None = None


@dataclass(frozen=True, slots=True)
class EntityRef:
    """What the graph should say about an entity that an article mentions."""

    id: str  # QID or local id
    qid: str | None
    type: str
    label_en: str | None = None
    label_ar: str | None = None
    country: str | None = None  # QID
    role: str | None = None
    kb_version: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A binary relation between two entities found in one article.

    ``predicate`` is one of ``comention`` (same sentence; symmetric), ``country``,
    ``role``, ``located_in``. ``evidence`` lists (sentence index, start, end) of each support.
    """

    subject: str
    predicate: str
    object: str
    count: int = 1
    confidence: float = 1.0
    evidence: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class EventRole:
    """An actor in an event: the entity as written and the country-level actor it rolls up to."""

    entity: str  # entity id as written (person, organisation, state …)
    country: str | None = None  # QID of the country-level actor
    sector: str | None = None  # CAMEO sector code: GOV, MIL, …
    mention_start: int | None = None
    mention_end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when (PLOVER type + CAMEO code)."""

    type: str  # PLOVER: CONSULT, ASSAULT, …
    cameo: str | None
    mode: str | None = None  # phone, visit, mediation, ceasefire, military …
    source: EventRole | None = None
    target: EventRole | None = None
    mediator: EventRole | None = None
    location: str | None = None  # entity id
    date: _dt.date | None = None
    date_text: str | None = None
    symmetric: bool = False
    negated: bool = False
    modality: str = "asserted"  # asserted | future | intended | reported | mentioned (talked about, not reported)
    reported_by: str | None = None
    confidence: float = 0.5
    evidence: tuple[tuple[int, int, int], ...] = ()  # (sentence, start, end) per report
    id: str = ""  # stable id, set by the extractor


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[EntityRef, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    extractor: str = ""  # "newsgraph X.Y.Z"
    kb_version: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that was skipped, and why; reported, never silently dropped."""

    where: str  # "path" or "path:line"
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

