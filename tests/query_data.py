"""Shared by the query tests: a value for every query parameter, pointing at data the synthetic
corpus (graph.rdf.synthetic) holds, and an order-free form of result rows."""

from __future__ import annotations

PARAMS = {"article": "urn:newsgraph:article:syn0-1", "entity": "http://www.wikidata.org/entity/Q159",
          "actor": "http://www.wikidata.org/entity/Q159", "country": "http://www.wikidata.org/entity/Q159",
          "fact": "urn:newsgraph:article:syn0-1#r0", "type": "PER", "source": "Elasimah",
          "from": "2023-03-01", "to": "2023-10-31"}


def norm(rows):
    return sorted(tuple(sorted((k, v or "") for k, v in r.items())) for r in rows)
