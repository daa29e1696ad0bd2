"""``newsgraph analyze``: centralities, communities, signed triads and change, as rich tables."""

from __future__ import annotations

import json
from typing import Any

import click

from graph.cli.common import store_option

__all__ = ["graph_options", "load_actor_graph", "register"]


def graph_options(f):
    """Options that choose which actor graph to build (shared by analyze and viz)."""
    for opt in reversed(
        [
            click.option("--rollup", is_flag=True, help="Map persons and organisations to their country."),
            click.option("--since", default=None, metavar="YYYY-MM-DD", help="Keep dated edges on or after this day."),
            click.option("--until", default=None, metavar="YYYY-MM-DD", help="Keep dated edges on or before this day."),
            click.option("--min-weight", type=float, default=0.0, show_default=True, help="Drop lighter edges."),
            click.option("--actor", default=None, help="Ego network of this actor (QID, local id or label)."),
            click.option("--depth", type=int, default=1, show_default=True, help="Ego network radius (with --actor)."),
        ]
    ):
        f = opt(f)
    return f


def load_actor_graph(store: str | None, **kwargs: Any):
    """Open ``store`` (a build's output directory, 'memory' or an endpoint) and build its actor graph."""
    from graph.analyse import actor_graph
    from graph.errors import StoreError
    from graph.store import open_store

    if not store:
        raise click.UsageError("--store is required (a build's output directory or a SPARQL endpoint)")
    try:
        st = open_store(store, create=False)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        return actor_graph(st, **kwargs)
    finally:
        st.close()


def _fmt(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def print_report(report: dict[str, Any], paths: list[dict[str, Any]] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"actor graph: {report['nodes']} nodes, {report['edges']} edges")
    t = Table(title="Centrality")
    columns = ("node", "label", "label_ar", "type", "degree", "weighted_degree", "betweenness", "pagerank",
               "eigenvector")
    for col in columns:
        t.add_column(col, justify="right" if col not in {"node", "label", "label_ar", "type"} else "left")
    for r in report["centrality"]:
        t.add_row(*(_fmt(r[c]) for c in columns))
    console.print(t)
    t = Table(title="Communities (Louvain)")
    t.add_column("#", justify="right")
    t.add_column("size", justify="right")
    t.add_column("members")
    for i, c in enumerate(report["communities"], 1):
        t.add_row(str(i), str(c["size"]), ", ".join(c["labels"][:12]) + (" …" if c["size"] > 12 else ""))
    console.print(t)
    t = Table(title="Signed triads among the top states")
    for col in ("triad", "signs", "product", "balanced"):
        t.add_column(col)
    sign = {1: "+", -1: "−", 0: "0"}
    for tri in report["triads"]:
        t.add_row(
            " – ".join(tri["labels"]),
            " ".join(f"{k}:{sign[v]}" for k, v in tri["signs"].items()),
            sign[tri["product"]],
            {True: "balanced", False: "unbalanced", None: "undetermined"}[tri["balanced"]],
        )
    console.print(t)
    if report["changes"]:
        t = Table(title="Per-period change")
        for col in ("pair", "from", "to", "change"):
            t.add_column(col)
        for c in report["changes"]:
            t.add_row(" – ".join(c["labels"]), c["from_period"], c["to_period"], c["change"])
        console.print(t)
    for step in paths or []:
        kinds = ", ".join(sorted({e["type"] or e["kind"] for e in step["edges"]}))
        console.print(f"{step['from_label']} → {step['to_label']}: {kinds}")
        for e in step["edges"][:3]:
            for s, title in zip(e["sentences"][:1], e["titles"][:1] or [""]):
                console.print(f"    “{s}” — {title}", markup=False, highlight=False)


def register(group: click.Group) -> None:
    @group.command("analyze")
    @store_option
    @graph_options
    @click.option("--top", type=int, default=10, show_default=True, help="Rows of the centrality table.")
    @click.option(
        "--path",
        "path_between",
        nargs=2,
        default=None,
        metavar="A B",
        help="Also print the shortest path between two actors with its evidence.",
    )
    @click.option(
        "--export",
        "export_to",
        type=click.Path(dir_okay=False),
        default=None,
        help="Write the graph as .graphml, .gexf or .json (node-link).",
    )
    @click.option(
        "--period",
        type=click.Choice(["day", "month", "year"]),
        default="month",
        show_default=True,
        help="Period over which sign changes are compared.",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON instead of tables.")
    def analyze(store, rollup, since, until, min_weight, actor, depth, top, path_between, export_to, period, as_json):
        """Who matters, who sides with whom, and what changed, in a build's actor graph."""
        from graph.analyse import analysis_report, export_graph, shortest_path
        from graph.errors import NewsgraphError

        try:
            G = load_actor_graph(
                store, rollup=rollup, since=since, until=until, min_weight=min_weight, actor=actor, depth=depth
            )
            report = analysis_report(G, top=top, freq=period)
            paths = shortest_path(G, *path_between) if path_between else None
            if export_to:
                export_graph(G, export_to)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
        if as_json:
            click.echo(json.dumps({**report, "path": paths}, ensure_ascii=False, indent=1, default=str))
        else:
            print_report(report, paths)
        if export_to:
            click.echo(f"wrote {export_to}", err=True)
