"""Options and helpers shared by several commands."""

from __future__ import annotations

import click

__all__ = ["kb_option", "out_option", "store_option", "base_iri_option", "EXIT_SKIPPED"]

#: exit code when the run finished but some input was skipped (reported on stderr)
EXIT_SKIPPED = 3

kb_option = click.option(
    "--kb", "kb_path", type=click.Path(dir_okay=True), default=None,
    help="Knowledge base to link against (default: bundled seed KB merged with the user's KB).",
)
out_option = click.option(
    "--out", "out", type=click.Path(file_okay=False), required=True,
    help="Output directory; everything the command writes goes here.",
)
store_option = click.option(
    "--store", "store", default=None,
    help="Store: a build's output directory, 'memory', or an http(s) SPARQL endpoint base URL.",
)
base_iri_option = click.option(
    "--base-iri", default="urn:newsgraph:", show_default=True,
    help="Base IRI for articles, local entities and events.",
)
