"""Visualise: networkx actor graph → one self-contained, offline HTML page (pyvis + vis-network)."""

from graph.visualise.html import network_data, render_html

__all__ = ["network_data", "render_html"]
