"""``newsgraph kb …``: pull, import and inspect the knowledge base."""

from __future__ import annotations

import sys

import click

from graph.cli.common import EXIT_SKIPPED, kb_option

__all__ = ["register"]

_write_kb_option = click.option(
    "--kb", "kb_path", type=click.Path(file_okay=False), default=None,
    help="KB directory to create or update (default: the user's KB in the user data directory).",
)


def _target(kb_path: str | None) -> str:
    from graph.kb.layered import user_kb_dir

    return kb_path or str(user_kb_dir())


def _langs(value: str) -> tuple[str, ...]:
    langs = tuple(v.strip() for v in value.split(",") if v.strip())
    if not langs:
        raise click.BadParameter("give at least one language code, e.g. ar,en")
    return langs


def _report(problems, what: str) -> None:
    for p in problems:
        click.echo(f"skipped {p}", err=True)
    if problems:
        click.echo(f"{len(problems)} {what} skipped (see above)", err=True)
        sys.exit(EXIT_SKIPPED)


def _kb_errors(fn):
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from graph.errors import KBError

        try:
            return fn(*args, **kwargs)
        except KBError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


@click.group("kb")
def kb_group() -> None:
    """Build, update and inspect the knowledge base (Wikidata pull, dump and table import)."""


@kb_group.command("pull")
@click.option("--endpoint", default=None, help="SPARQL endpoint URL (default: the public Wikidata query service).")
@click.option("--lang", "langs", default="ar,en", show_default=True, help="Comma-separated label languages.")
@click.option("--scope", "scopes", multiple=True,
              help="Scope to pull (repeatable): states, cities, heads, ministers, politicians, igos, "
                   "armed_forces, ministries, parties, armed_groups, media. Default: all but politicians.")
@click.option("--param", "params", multiple=True, metavar="KEY=NUMBER",
              help="Scope parameter, e.g. min_population=500000 or since=2000 (repeatable).")
@_write_kb_option
@click.option("--page-size", default=500, show_default=True, type=click.IntRange(1, 100000), help="Items per request.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Directory of saved pages (default: the user cache directory); rerunning a pull that "
                   "stopped resumes from it.")
@click.option("--keep-cache", is_flag=True, help="Keep the saved pages after a complete pull (default: delete them).")
@click.option("--retries", default=5, show_default=True, type=click.IntRange(0, 50), help="Retries per request.")
@click.option("--backoff", default=2.0, show_default=True, type=float, help="First retry delay in seconds (doubles).")
@click.option("--timeout", default=120.0, show_default=True, type=float, help="Seconds per request.")
@_kb_errors
def pull_cmd(endpoint, langs, scopes, params, kb_path, page_size, cache_dir, keep_cache, retries, backoff,
             timeout) -> None:
    """Pull entities from a Wikidata SPARQL endpoint into the KB (resumable; updates in place)."""
    from graph.kb.pull import WIKIDATA_ENDPOINT, pull_wikidata
    from graph.kb.scope import DEFAULT_SCOPES

    values = {}
    for p in params:
        k, sep, v = p.partition("=")
        if not sep:
            raise click.BadParameter(f"expected KEY=NUMBER, got {p!r}", param_hint="--param")
        values[k.strip()] = v.strip()

    def on_page(scope: str, n: int, items: int) -> None:
        click.echo(f"{scope}: page {n + 1}, {items} items", err=True)

    r = pull_wikidata(_target(kb_path), endpoint=endpoint or WIKIDATA_ENDPOINT, scopes=scopes or DEFAULT_SCOPES,
                      langs=_langs(langs), page_size=page_size, cache_dir=cache_dir, params=values,
                      retries=retries, backoff=backoff, timeout=timeout, on_page=on_page,
                      keep_cache=keep_cache)
    for p in r.problems:
        click.echo(f"warning: {p}", err=True)
    click.echo(f"{r.entities} entities from {r.pages_fetched} fetched + {r.pages_cached} cached pages "
               f"({r.skipped} items without a name in {langs} or a known type) → {r.kb_path}")
    click.echo(f"KB version {r.version}")


@kb_group.command("import-dump")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@_write_kb_option
@click.option("--lang", "langs", default="ar,en", show_default=True, help="Comma-separated label languages.")
@click.option("--type", "types", multiple=True, type=click.Choice(["PER", "ORG", "GPE", "LOC", "NORP"]),
              help="Keep only these entity types (repeatable; default: every type in the class table).")
@click.option("--min-sitelinks", default=0, show_default=True, type=click.IntRange(0),
              help="Keep items with at least N sitelinks.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Parsing processes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@_kb_errors
def import_dump_cmd(dump, kb_path, langs, types, min_sitelinks, workers, progress) -> None:
    """Stream a Wikidata JSON dump (.json, .json.gz, .json.bz2) into the KB."""
    from graph.kb.dump import import_dump

    show = sys.stderr.isatty() if progress is None else progress
    r = import_dump(dump, _target(kb_path), langs=_langs(langs), types=types or None,
                    min_sitelinks=min_sitelinks, workers=workers, progress=show)
    click.echo(f"{r.entities} entities kept of {r.lines} lines ({r.skipped} filtered out) → {r.kb_path}")
    click.echo(f"KB version {r.version}")
    _report(r.problems, "lines")


@kb_group.command("import-table")
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option("--map", "mapping", required=True,
              help="FIELD=COLUMN,… with fields qid (required), name_en, name_ar, aliases_en, aliases_ar, "
                   "country, kind, type, prior, lat, lon.")
@click.option("--type", "type_", default="GPE", show_default=True,
              type=click.Choice(["PER", "ORG", "GPE", "LOC", "NORP"]), help="Type of rows without a type column.")
@click.option("--kind", default="", help="Kind of rows without a kind column (city, igo, …).")
@_write_kb_option
@_kb_errors
def import_table_cmd(table, mapping, type_, kind, kb_path) -> None:
    """Import a CSV/TSV gazetteer with a QID column into the KB."""
    from graph.kb.table import import_table

    r = import_table(table, _target(kb_path), mapping, type_=type_, kind=kind)
    click.echo(f"{r.entities} entities from {r.rows} rows → {r.kb_path}")
    if r.version:
        click.echo(f"KB version {r.version}")
    _report(r.problems, "rows")


@kb_group.command("info")
@kb_option
@click.option("--json", "as_json", is_flag=True, help="Print the metadata as JSON.")
@_kb_errors
def info_cmd(kb_path, as_json) -> None:
    """Counts by type, kind, language and source, build date and version of the KB (each layer)."""
    import json

    from rich.console import Console
    from rich.table import Table

    from graph.kb.info import describe_layers
    from graph.kb.layered import open_kb

    kb = open_kb(kb_path)
    layers = describe_layers(kb)
    if as_json:
        click.echo(json.dumps({"version": kb.version, "layers": layers}, ensure_ascii=False, indent=1))
        return
    console = Console()
    console.print(f"KB version [bold]{kb.version}[/bold]  ({len(kb)} entities)")
    for d in layers:
        c = d["counts"]
        t = Table(title=f"{d.get('path') or d['source']}", title_justify="left")
        t.add_column("")
        t.add_column("value")
        for k in ("version", "source", "built"):
            t.add_row(k, str(d.get(k) or "-"))
        t.add_row("entities", str(c["entities"]))
        if c.get("nisba") is not None:
            t.add_row("nisba forms", str(c["nisba"]))
        for group in ("by_type", "entities_by_lang", "names_by_lang", "by_kind", "by_source"):
            for k, v in c.get(group, {}).items():
                t.add_row(f"{group.replace('_', ' ')}: {k}", str(v))
        console.print(t)


def register(group: click.Group) -> None:
    group.add_command(kb_group)
