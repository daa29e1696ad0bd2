"""newsgraph: knowledge graphs from Arabic and English news.

The data flow, one sub-package per stage: ingest → text → recognise → link → extract → rdf →
store → analyse → visualise. The few functions a user calls live in :mod:`graph.api` and are
re-exported here lazily, so ``import graph`` stays cheap.
"""

from graph._lazy import lazy_exports
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


__getattr__ = lazy_exports(__name__, _LAZY)
