"""``newsgraph relink``: apply a KB update to a built store."""

from __future__ import annotations

import click

from graph.cli.common import base_iri_option, kb_option

__all__ = ["register"]


@click.command("relink")
@click.option("--store", "store", required=True, help="A build's output directory (or a SPARQL endpoint base URL).")
@kb_option
@base_iri_option
def relink_cmd(store, kb_path, base_iri):
    """Re-link NIL and outdated mentions in STORE with the current KB, in place; prints what changed."""
    from graph.api import load_kb
    from graph.errors import NewsgraphError
    from graph.link.relink import relink_store
    from graph.store import open_store

    try:
        kb = load_kb(kb_path)
        st = open_store(store, create=False)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        summary = relink_store(st, kb, base=base_iri)
    finally:
        st.close()
    click.echo(f"mentions checked  {summary.mentions}")
    click.echo(f"graphs updated    {summary.graphs}")
    for reason, n in summary.by_reason().items():
        click.echo(f"{reason:<17} {n}")
    for c in summary.changes:
        if c.reason != "version":
            click.echo(f"  {c.mention_id}: {c.old_entity} → {c.new_entity}")
    click.echo(f"KB version        {summary.kb_version}")


def register(group: click.Group) -> None:
    group.add_command(relink_cmd)
