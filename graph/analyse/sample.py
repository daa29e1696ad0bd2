"""A small hand-written store in the project's RDF shape, for examples, tests and benchmarks.

Two articles: a Russia–Azerbaijan phone call on Karabakh (September 2023: CONSULT, an
Azerbaijani ASSAULT in Karabakh, a ceasefire mediated by Russia) and, a month later, a
made-up follow-up in which Russia accuses Azerbaijan, so that per-period change has something
to find. Lavrov (Q58217) is a person of Russia; the Azerbaijani minister is a local entity.

>>> store = sample_store()
>>> len(list(store.named_graphs()))
2
"""

from __future__ import annotations

from typing import Any

__all__ = ["NG", "entity_quads", "event_quads", "sample_quads", "sample_store"]

NG = "urn:newsgraph:ontology#"
_WD = "http://www.wikidata.org/entity/"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SCHEMA = "http://schema.org/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL = "urn:newsgraph:entity:"

# id, type, English label, Arabic label, country
_ENTITIES = [
    ("Q159", "GPE", "Russia", "روسيا", ""),
    ("Q227", "GPE", "Azerbaijan", "أذربيجان", ""),
    ("Q399", "GPE", "Armenia", "أرمينيا", ""),
    ("Q44302", "LOC", "Karabakh", "قره باغ", "Q227"),
    ("Q58217", "PER", "Sergey Lavrov", "سيرجي لافروف", "Q159"),
    ("PER-bayramov", "PER", "Jeyhun Bayramov", "جيهون بيراموف", "Q227"),
]


def _iri(entity_id: str) -> str:
    return (_WD if entity_id.startswith("Q") else _LOCAL) + entity_id


def entity_quads(graph: str, entity_id: str, type_: str, en: str, ar: str, country: str = "") -> list[tuple]:
    """Triples (as ``(s, p, o, graph)`` with ``o`` either ``str`` IRI or ``(lexical, lang|datatype)``)."""
    e = _iri(entity_id)
    out = [
        (e, _RDF_TYPE, NG + "Entity", graph),
        (e, NG + "entityType", (type_, None), graph),
        (e, _RDFS_LABEL, (en, "@en"), graph),
        (e, _RDFS_LABEL, (ar, "@ar"), graph),
    ]
    if entity_id.startswith("Q"):
        out.append((e, NG + "qid", (entity_id, None), graph))
    if country:
        out.append((e, NG + "country", _iri(country), graph))
    return out


def event_quads(
    graph: str,
    article: str,
    ev_id: str,
    etype: str,
    cameo: str,
    source: str,
    target: str,
    date: str,
    sentence: tuple[int, str],
    *,
    role: str = "target",
    source_country: str = "",
    target_country: str = "",
    mediator: str = "",
) -> list[tuple]:
    ev = f"urn:newsgraph:event:{ev_id}"
    sent = f"{article}#s{sentence[0]}"
    out = [
        (ev, _RDF_TYPE, NG + "Event", graph),
        (ev, _RDF_TYPE, NG + etype, graph),
        (ev, NG + "eventType", (etype, None), graph),
        (ev, NG + "cameo", (cameo, None), graph),
        (ev, NG + "source", _iri(source), graph),
        (ev, NG + role, _iri(target), graph),
        (ev, NG + "date", (date, _XSD + "date"), graph),
        (ev, NG + "inArticle", article, graph),
        (ev, NG + "evidence", sent, graph),
        (sent, _RDF_TYPE, NG + "Sentence", graph),
        (sent, NG + "inArticle", article, graph),
        (sent, NG + "text", (sentence[1], None), graph),
    ]
    if source_country:
        out.append((ev, NG + "sourceCountry", _iri(source_country), graph))
    if target_country:
        out.append((ev, NG + "targetCountry", _iri(target_country), graph))
    if mediator:
        out.append((ev, NG + "mediator", _iri(mediator), graph))
    return out


def _article(art_id: str, headline: str, url: str, published: str) -> tuple[str, str, list[tuple]]:
    article = f"urn:newsgraph:article:{art_id}"
    graph = f"urn:newsgraph:graph:{art_id}"
    return (
        article,
        graph,
        [
            (article, _RDF_TYPE, _SCHEMA + "NewsArticle", graph),
            (article, _SCHEMA + "headline", (headline, None), graph),
            (article, _SCHEMA + "url", (url, None), graph),
            (article, _SCHEMA + "datePublished", (published, _XSD + "date"), graph),
        ],
    )


def _comention(graph: str, article: str, rid: int, s: str, o: str, count: int, sentence: int) -> list[tuple]:
    r = f"{article}#r{rid}"
    return [
        (r, _RDF_TYPE, NG + "Relation", graph),
        (r, NG + "subject", _iri(s), graph),
        (r, NG + "object", _iri(o), graph),
        (r, NG + "relationType", ("comention", None), graph),
        (r, NG + "count", (str(count), _XSD + "integer"), graph),
        (r, NG + "inArticle", article, graph),
        (r, NG + "evidence", f"{article}#s{sentence}", graph),
        (_iri(s), NG + "coMentionedWith", _iri(o), graph),
        (_iri(o), NG + "coMentionedWith", _iri(s), graph),
    ]


def sample_quads(headline: str = "روسيا وأذربيجان يبحثان الأوضاع في قرة باغ") -> list[tuple]:
    """The sample as plain tuples; ``headline`` of the first article can be replaced (e.g. for XSS tests)."""
    a1, g1, quads = _article("sample-1", headline, "https://example.org/news/1?a=1&b=2", "2023-09-20")
    for row in _ENTITIES:
        quads += entity_quads(g1, *row)
    quads += event_quads(
        g1,
        a1,
        "e1",
        "CONSULT",
        "041",
        "Q58217",
        "PER-bayramov",
        "2023-09-20",
        (1, "أجرى لافروف مكالمة هاتفية مع نظيره الأذربيجاني جيهون بيراموف"),
        source_country="Q159",
        target_country="Q227",
    )
    quads += event_quads(
        g1,
        a1,
        "e2",
        "ASSAULT",
        "190",
        "Q227",
        "Q44302",
        "2023-09-19",
        (2, "وكانت أذربيجان قد شنت عملية عسكرية في منطقة قره باغ"),
        role="location",
    )
    quads += event_quads(
        g1,
        a1,
        "e3",
        "RETREAT",
        "0871",
        "Q227",
        "Q44302",
        "2023-09-20",
        (3, "تم التوصل إلى اتفاق لوقف إطلاق النار بوساطة قوات حفظ السلام الروسية"),
        mediator="Q159",
    )
    quads += _comention(g1, a1, 1, "Q399", "Q227", 1, 4)
    quads += _comention(g1, a1, 2, "Q159", "Q227", 2, 1)
    quads.append((f"{a1}#s4", NG + "text", ("نزاع إقليمي بين أرمينيا وأذربيجان", None), g1))
    a2, g2, more = _article("sample-2", "Moscow criticises Baku", "https://example.org/news/2", "2023-10-05")
    more += entity_quads(g2, "Q159", "GPE", "Russia", "روسيا")
    more += entity_quads(g2, "Q227", "GPE", "Azerbaijan", "أذربيجان")
    more += event_quads(
        g2,
        a2,
        "e4",
        "ACCUSE",
        "112",
        "Q159",
        "Q227",
        "2023-10-05",
        (0, "Moscow accused Baku of breaking the agreement."),
    )
    return quads + more


def sample_store(quads: list[tuple] | None = None) -> Any:
    """An in-memory ``pyoxigraph.Store`` holding :func:`sample_quads` (or the quads given)."""
    import pyoxigraph as ox

    store = ox.Store()
    items = []
    for s, p, o, g in sample_quads() if quads is None else quads:
        if isinstance(o, tuple):
            lex, tag = o
            if tag and tag.startswith("@"):
                obj = ox.Literal(lex, language=tag[1:])
            elif tag:
                obj = ox.Literal(lex, datatype=ox.NamedNode(tag))
            else:
                obj = ox.Literal(lex)
        else:
            obj = ox.NamedNode(o)
        items.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, ox.NamedNode(g)))
    store.extend(items)
    return store
