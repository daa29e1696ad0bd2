"""newsgraph: knowledge graphs from Arabic and English news.

The data flow, one sub-package per stage: ingest → text → recognise → link → extract → rdf →
store → analyse → visualise. The few functions a user calls live in :mod:`graph.api` and are
re-exported here lazily, so ``import graph`` stays cheap.
"""

from graph._version import __version__

__all__ = ["__version__", "annotate", "annotate_article", "build", "actor_graph", "render_html", "analysis_report",
           "export_graph", "load_kb", "open_store"]

_LAZY = {
    "annotate": "graph.api",
    "build": "graph.api",
    "load_kb": "graph.api",
    "open_store": "graph.api",
    "actor_graph": "graph.api",
    "render_html": "graph.api",
    "annotate_article": "graph.api",
    "analysis_report": "graph.api",
    "export_graph": "graph.api",
}


def __getattr__(name: str):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(mod), name)
