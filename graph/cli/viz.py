"""``newsgraph viz``: the actor graph as one self-contained, offline HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli.analyze import graph_options, load_actor_graph
from graph.cli.common import store_option

__all__ = ["register"]


def register(group: click.Group) -> None:
    @group.command("viz")
    @store_option
    @graph_options
    @click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False),
        default=None,
        help="HTML file to write (default: STORE/actors.html).",
    )
    @click.option(
        "--lang",
        type=click.Choice(["ar", "en"]),
        default="ar",
        show_default=True,
        help="Language of the node labels and the page.",
    )
    @click.option("--title", default=None, help="Page title.")
    @click.option("--physics", is_flag=True, help="Let vis-network move nodes (slow beyond a few hundred).")
    @click.option("--country-edges/--no-country-edges", default=True, show_default=True,
                  help="Also draw each event between the countries its actors act for.")
    def viz(store, rollup, since, until, min_weight, actor, depth, output, lang, title, physics, country_edges):
        """Write the interactive actor-network view (works with no network)."""
        from graph.errors import NewsgraphError
        from graph.visualise import render_html

        if output is None:
            if not store or store == "memory" or str(store).startswith(("http://", "https://")):
                raise click.UsageError("give -o FILE when --store is not an output directory")
            output = Path(store) / "actors.html"
        try:
            G = load_actor_graph(
                store, rollup=rollup, since=since, until=until, min_weight=min_weight, actor=actor, depth=depth,
                country_edges=country_edges,
            )
            out = render_html(G, output, title=title, lang=lang, physics=physics)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"wrote {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
