"""The SPARQL the actor graph is built from, and a runner that accepts several kinds of store.

A store is anything with ``.query(sparql) -> list[dict]`` (the project's ``graph.store``), a raw
``pyoxigraph.Store`` (queried over the union of its named graphs) or an rdflib graph/dataset.
Values come back as plain strings: IRIs without angle brackets, literals as their lexical form.

>>> plain('"روسيا"@ar')
'روسيا'
>>> plain('<http://www.wikidata.org/entity/Q159>')
'http://www.wikidata.org/entity/Q159'
>>> plain('"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
'3'
>>> plain('"We will not retreat."')
'"We will not retreat."'
"""

from __future__ import annotations

import re
from typing import Any

from graph.errors import StoreError

__all__ = ["COMENTIONS", "ENTITIES", "EVENTS", "EVIDENCE", "RELATIONS", "plain", "run_query"]

_PREFIXES = """PREFIX ng: <urn:newsgraph:ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# schema.org is written with either scheme in the wild; accept both
_HEADLINE = "<http://schema.org/headline>|<https://schema.org/headline>"
_URL = "<http://schema.org/url>|<https://schema.org/url>"
_PUBLISHED = "<http://schema.org/datePublished>|<https://schema.org/datePublished>"

ENTITIES = (
    _PREFIXES
    + """SELECT ?e ?type ?qid ?country ?ar ?en WHERE {
  ?e a ng:Entity .
  OPTIONAL { ?e ng:entityType ?type }
  OPTIONAL { ?e ng:qid ?qid }
  OPTIONAL { ?e ng:country ?country }
  OPTIONAL { ?e rdfs:label ?ar FILTER(langMatches(lang(?ar), "ar")) }
  OPTIONAL { ?e rdfs:label ?en FILTER(langMatches(lang(?en), "en")) }
}"""
)

EVENTS = (
    _PREFIXES
    + f"""SELECT ?ev ?etype ?cameo ?mode ?src ?tgt ?med ?loc ?sc ?tc ?date ?neg ?sym ?pub WHERE {{
  ?ev a ng:Event .
  OPTIONAL {{ ?ev ng:eventType ?etype }}
  OPTIONAL {{ ?ev ng:cameo ?cameo }}
  OPTIONAL {{ ?ev ng:mode ?mode }}
  OPTIONAL {{ ?ev ng:source ?src }}
  OPTIONAL {{ ?ev ng:target ?tgt }}
  OPTIONAL {{ ?ev ng:mediator ?med }}
  OPTIONAL {{ ?ev ng:location ?loc }}
  OPTIONAL {{ ?ev ng:sourceCountry ?sc }}
  OPTIONAL {{ ?ev ng:targetCountry ?tc }}
  OPTIONAL {{ ?ev ng:date ?date }}
  OPTIONAL {{ ?ev ng:negated ?neg }}
  OPTIONAL {{ ?ev ng:symmetric ?sym }}
  OPTIONAL {{ ?ev ng:inArticle ?art . ?art {_PUBLISHED} ?pub }}
  # an event only talked about (a trial, a condemnation) is no interaction between actors
  FILTER NOT EXISTS {{ ?ev ng:modality "mentioned" }}
}}"""
)

RELATIONS = (
    _PREFIXES
    + f"""SELECT ?r ?s ?o ?rtype ?count ?pub WHERE {{
  ?r a ng:Relation ; ng:subject ?s ; ng:object ?o .
  FILTER(isIRI(?o))
  OPTIONAL {{ ?r ng:relationType ?rtype }}
  OPTIONAL {{ ?r ng:count ?count }}
  OPTIONAL {{ ?r ng:inArticle ?art . ?art {_PUBLISHED} ?pub }}
}}"""
)

# used only when a store has ng:coMentionedWith triples but no ng:Relation nodes
COMENTIONS = _PREFIXES + """SELECT DISTINCT ?s ?o WHERE { ?s ng:coMentionedWith ?o . FILTER(STR(?s) < STR(?o)) }"""

EVIDENCE = (
    _PREFIXES
    + f"""SELECT ?x ?sent ?text ?art ?title ?url WHERE {{
  {{ ?x a ng:Event }} UNION {{ ?x a ng:Relation }}
  ?x ng:evidence ?sent .
  OPTIONAL {{ ?sent ng:text ?text }}
  OPTIONAL {{ ?sent ng:inArticle ?art .
             OPTIONAL {{ ?art {_HEADLINE} ?title }}
             OPTIONAL {{ ?art {_URL} ?url }} }}
}}"""
)

# only tagged literals are unwrapped: a bare '"…"' may be a quoted sentence in lexical form
_NT_LITERAL = re.compile(r'^"(.*)"(?:@[A-Za-z][A-Za-z0-9-]*|\^\^<[^>]*>)$', re.DOTALL)
_NT_IRI = re.compile(r"^<([^<>\s]*)>$")


def plain(value: Any) -> str | None:
    """A query value as a plain string (lexical form of a literal, IRI without brackets)."""
    if value is None:
        return None
    inner = getattr(value, "value", None)  # pyoxigraph terms
    if isinstance(inner, str) and not isinstance(value, str):
        return inner
    text = str(value)
    m = _NT_IRI.match(text)
    if m:
        return m.group(1)
    m = _NT_LITERAL.match(text)
    if m:
        return m.group(1).replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
    return text


def _oxigraph_rows(result: Any) -> list[dict[str, Any]]:
    names = [v.value for v in result.variables]
    rows = []
    for sol in result:
        rows.append({n: sol[n] for n in names if sol[n] is not None})
    return rows


def run_query(store: Any, sparql: str) -> list[dict[str, str]]:
    """Run one SELECT on ``store``; rows as ``{variable: plain string}`` without unbound variables."""
    import pyoxigraph

    try:
        if isinstance(store, pyoxigraph.Store):
            rows = _oxigraph_rows(store.query(sparql, use_default_graph_as_union=True))
        else:
            result = store.query(sparql)
            if isinstance(result, list):
                rows = result
            elif hasattr(result, "bindings"):  # rdflib Result
                rows = [{str(k): v for k, v in b.items()} for b in result.bindings]
            elif hasattr(result, "variables"):  # pyoxigraph QuerySolutions from a wrapper
                rows = _oxigraph_rows(result)
            else:
                rows = list(result)
    except Exception as exc:  # stores raise their own types; give the caller one
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"actor-graph query failed: {exc}") from exc
    return [{k: plain(v) for k, v in row.items() if v is not None} for row in rows]
