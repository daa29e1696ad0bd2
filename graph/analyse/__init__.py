"""Analyse: store → networkx actor graph → centralities, communities, balance, change, exports."""

from graph.analyse.actor_graph import actor_graph, resolve_actor
from graph.analyse.export import export_graph, flatten
from graph.analyse.metrics import (
    centrality,
    communities,
    pair_signs,
    period_changes,
    shortest_path,
    signed_triads,
    top_states,
    triad_balance,
)
from graph.analyse.report import analysis_report

__all__ = [
    "actor_graph",
    "analysis_report",
    "centrality",
    "communities",
    "export_graph",
    "flatten",
    "pair_signs",
    "period_changes",
    "resolve_actor",
    "shortest_path",
    "signed_triads",
    "top_states",
    "triad_balance",
]
