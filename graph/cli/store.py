"""Store commands: ``serve`` a read-only SPARQL endpoint, ``push`` a build to a remote store,
``remove`` an article's graph, ``export`` the dataset to an RDF file."""

from __future__ import annotations

import click

from graph.cli.common import base_iri_option, store_option
from graph.rdf.formats import NAMES as FORMATS

__all__ = ["register"]


def _fail(exc: Exception):
    raise click.ClickException(str(exc)) from None


def register(group: click.Group) -> None:
    @group.command("serve")
    @store_option
    @click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
    @click.option("--port", default=7878, show_default=True, type=int)
    def serve_cmd(store, host, port):
        """Serve a build's store as a read-only SPARQL endpoint (HOST:PORT/query) until stopped."""
        from graph.errors import StoreError
        from graph.store.serve import serve

        store = store or "."
        click.echo(f"SPARQL endpoint: http://{host}:{port}/query (read-only; Ctrl-C stops it)", err=True)
        try:
            serve(store, host, port)
        except StoreError as exc:
            _fail(exc)

    @group.command("push")
    @click.argument("out", type=click.Path(exists=True, file_okay=False))
    @click.option("--to", "url", required=True, help="Base URL of the SPARQL store (serving /query, /update).")
    @click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1),
                  help="Articles (named graphs) per request.")
    @click.option("--spool", type=click.Path(file_okay=False), default=None,
                  help="Spool directory for unsent batches (default: the user's cache directory).")
    @click.option("--retries", default=3, show_default=True, type=click.IntRange(0))
    def push_cmd(out, url, batch_size, spool, retries):
        """Send the dataset of build directory OUT to a remote SPARQL store; unsent batches wait in
        the spool and go first next time."""
        from graph.errors import NewsgraphError
        from graph.store.push import push

        try:
            report = push(out, url, batch_size=batch_size, spool=spool, retries=retries)
        except NewsgraphError as exc:
            _fail(exc)
        click.echo(report.summary(), err=not report.ok)
        if not report.ok:
            raise SystemExit(1)

    @group.command("remove")
    @click.argument("article_id")
    @store_option
    @base_iri_option
    def remove_cmd(article_id, store, base_iri):
        """Remove one article (its whole named graph) from a store."""
        from graph.errors import NewsgraphError
        from graph.iri import graph_iri
        from graph.store import open_store

        if not store:
            raise click.UsageError("give --store")
        g = graph_iri(article_id, base_iri)
        try:
            with open_store(store, create=False) as s:
                if not s.remove_graph(g):
                    raise click.ClickException(f"{store}: no article {article_id!r} (graph {g})")
        except NewsgraphError as exc:
            _fail(exc)
        click.echo(f"removed {article_id} ({g})")

    @group.command("export")
    @store_option
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="trig", show_default=True,
                  help="turtle has no named graphs: all triples land in one graph.")
    @click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
    def export_cmd(store, fmt, output):
        """Write every named graph of a store to one RDF file."""
        from graph.errors import NewsgraphError
        from graph.store import open_store

        if not store:
            raise click.UsageError("give --store")
        try:
            with open_store(store, create=False) as s:
                path = s.dump(output, fmt)
                n = len(s)
        except NewsgraphError as exc:
            _fail(exc)
        click.echo(f"wrote {n} quads to {path}")
