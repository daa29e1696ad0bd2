"""Stable identifiers and IRIs for articles, entities, mentions and events.

Linked entities are Wikidata IRIs. Everything else lives under a configurable base IRI whose
default, ``urn:newsgraph:``, sits under no web domain that we do not own.

>>> entity_iri("Q159")
'http://www.wikidata.org/entity/Q159'
>>> local_entity_id("جيهون بيراموف", "PER", "Q227") == local_entity_id("جيهون  بيراموف", "PER", "Q227")
True
>>> entity_iri(local_entity_id("Jeyhun Bayramov", "PER", "Q227")).startswith("urn:newsgraph:entity:")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = [
    "DEFAULT_BASE",
    "WD",
    "is_qid",
    "article_id",
    "local_entity_id",
    "entity_iri",
    "article_iri",
    "graph_iri",
    "iri_to_entity_id",
]

DEFAULT_BASE = "urn:newsgraph:"
WD = "http://www.wikidata.org/entity/"
_QID = re.compile(r"^Q[1-9][0-9]*$")


def is_qid(value: str | None) -> bool:
    return bool(value) and bool(_QID.match(value))


def _digest(*parts: str, n: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:n]


def article_id(text: str, *, given: str | None = None, url: str | None = None) -> str:
    """Stable article id: the id given by the input if any, else derived from URL or content."""
    if given:
        return re.sub(r"[^0-9A-Za-z._~-]+", "-", given).strip("-") or _digest(given)
    if url:
        return "a" + _digest("url", url)
    return "a" + _digest("text", text)


def _name_key(name: str) -> str:
    # local import keeps this module importable without the text stage during bootstrapping
    from graph.text.fold import fold_key

    return " ".join(fold_key(unicodedata.normalize("NFKC", name)).split())


def local_entity_id(name: str, type_: str, country: str | None = None) -> str:
    """Id of an entity that has no QID: from its normalised name, type and country.

    The same unknown person in two articles gets the same id.
    """
    return f"{type_}-{_digest(_name_key(name), type_, country or '')}"


def entity_iri(entity_id: str, base: str = DEFAULT_BASE) -> str:
    if is_qid(entity_id):
        return WD + entity_id
    return f"{base}entity:{entity_id}"


def iri_to_entity_id(iri: str, base: str = DEFAULT_BASE) -> str:
    if iri.startswith(WD):
        return iri[len(WD):]
    prefix = f"{base}entity:"
    return iri[len(prefix):] if iri.startswith(prefix) else iri


def article_iri(art_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}article:{art_id}"


def graph_iri(art_id: str, base: str = DEFAULT_BASE) -> str:
    """The named graph that holds everything extracted from one article."""
    return f"{base}graph:{art_id}"
