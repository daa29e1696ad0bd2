"""``newsgraph query``: run a library query (or any .rq file) on a store, print the rows."""

from __future__ import annotations

import click

from graph.cli.common import store_option

__all__ = ["format_rows", "register"]


def format_rows(rows: list[dict], fmt: str) -> str:
    """Rows as CSV or JSON text (the table format is drawn by rich in the command)."""
    import csv
    import io
    import json

    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    buf = io.StringIO()
    cols = list(rows[0]) if rows else []
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
    return buf.getvalue()


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r}: expected NAME=VALUE", param_hint="--param")
        k, _, val = v.partition("=")
        out[k.strip()] = val
    return out


def register(group: click.Group) -> None:
    @group.command("query")
    @click.argument("name_or_file", required=False)
    @store_option
    @click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
                  help="A query parameter; repeat for several. Types are checked against the query header.")
    @click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                  show_default=True)
    @click.option("--list", "list_", is_flag=True, help="List the library's queries with their parameters.")
    def query_cmd(name_or_file, store, params, fmt, list_):
        """Run the query NAME_OR_FILE (a name from `--list` or a .rq file) on a store."""
        from rich.console import Console
        from rich.table import Table

        from graph.errors import NewsgraphError
        from graph.query import list_queries, run_query

        console = Console()
        if list_:
            t = Table("name", "parameters", "description", show_lines=False)
            for q in list_queries():
                t.add_row(q.name, q.signature() or "-", q.description + (" [network]" if q.network else ""))
            console.print(t)
            return
        if not name_or_file:
            raise click.UsageError("give a query name or .rq file, or --list")
        if not store:
            raise click.UsageError("give --store: a build's output directory, 'memory' or an http(s) endpoint")
        try:
            rows = run_query(store, name_or_file, _parse_params(params))
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from None
        if fmt != "table":
            click.echo(format_rows(rows, fmt), nl=fmt == "json")
            return
        t = Table(*(rows[0] if rows else ["(no rows)"]))
        for r in rows:
            t.add_row(*("" if v is None else str(v) for v in r.values()))
        console.print(t)
        console.print(f"{len(rows)} row(s)", style="dim")
