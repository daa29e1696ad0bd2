"""The knowledge base: interface, bundled seed, on-disk KB and the ways to fill it from Wikidata.

- :mod:`graph.kb.base` — the ``KnowledgeBase`` interface, ``Entity``, ``Nisba``, ``MemoryKB``
- :mod:`graph.kb.seed` — the bundled seed KB (``data/*.tsv``)
- :mod:`graph.kb.disk` — ``DiskKB``/``write_kb``: memory-mapped marisa tries, versioned
- :mod:`graph.kb.layered` — ``LayeredKB`` and ``open_kb`` (user KB over the seed)
- :mod:`graph.kb.wikidata` — a Wikidata item → ``Entity`` (shared by pull and dump import)
- :mod:`graph.kb.scope`, ``scopes/*.rq`` — the SPARQL templates of ``kb pull``
- :mod:`graph.kb.pull` — paged, retried, resumable SPARQL pull
- :mod:`graph.kb.dump` — streaming JSON dump import
- :mod:`graph.kb.table` — CSV/TSV gazetteer import
- :mod:`graph.kb.info` — counts and versions for ``kb info``
- :mod:`graph.kb.relink` — which stored mentions a KB update changes

Nothing is imported here, so ``import graph.kb.base`` stays cheap.
"""
