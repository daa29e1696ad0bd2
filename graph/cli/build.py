"""``newsgraph build`` and ``newsgraph annotate``: the main jobs."""

from __future__ import annotations

import datetime as _dt
import json
import sys

import click

from graph.cli.common import EXIT_SKIPPED, base_iri_option, kb_option
from graph.rdf.formats import NAMES as _FORMATS

__all__ = ["register", "build_cmd", "annotate_cmd", "doc_to_json"]



def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2023-09-20") from exc


published_option = click.option(
    "--published", callback=_date, default=None, metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (relative dates resolve against it).",
)
ner_option = click.option(
    "--ner-model", type=click.Path(dir_okay=False, exists=True), default=None,
    help="Optional CRF model (newsgraph ner train) whose spans fill the gaps of the KB and rules.",
)
ner_prefer_option = click.option(
    "--ner-prefer", type=click.Choice(["rules", "ner"]), default="rules", show_default=True,
    help="With --ner-model: whose span wins where the model and the KB/rules overlap.",
)
lang_option = click.option("--lang", type=click.Choice(["ar", "en"]), default=None,
                           help="Language of inputs that carry none (default: detected).")


def _report_problems(problems) -> bool:
    """Print every problem; True when some input was skipped (errors, not warnings)."""
    skipped = [p for p in problems if p.severity == "error"]
    for p in problems:
        click.echo(f"{'skipped' if p.severity == 'error' else 'warning'}: {p}", err=True)
    if skipped:
        click.echo(f"{len(skipped)} input(s) skipped; the rest was processed.", err=True)
    return bool(skipped)


@click.command("build")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", type=click.Path(file_okay=False), required=True,
              help="Output directory: RDF file, embedded store and HTML view go here.")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="trig", show_default=True,
              help="RDF serialisation of the dataset file.")
@kb_option
@base_iri_option
@published_option
@lang_option
@click.option("--no-html", is_flag=True, help="Skip the HTML actor view.")
@ner_option
@ner_prefer_option
def build_cmd(inputs, out, fmt, kb_path, base_iri, published, lang, no_html, ner_model, ner_prefer):
    """Build a knowledge graph from INPUTS (.txt, .jsonl, .csv, .html, feeds, directories, '-').

    Prints a summary; exits with status 3 when some input was skipped (each is reported).
    """
    from rich.console import Console
    from rich.progress import Progress

    from graph.api import build, load_kb

    console = Console(stderr=True)
    kb = load_kb(kb_path)
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("annotating", total=None)
        res = build(list(inputs), out, kb=kb, format=fmt, base_iri=base_iri, published=published, lang=lang,
                    html=not no_html, progress=lambda n: progress.advance(task, n), ner_model=ner_model,
                    ner_prefer=ner_prefer)
    click.echo(f"articles  {res.articles}")
    click.echo(f"mentions  {res.mentions} ({res.linked} linked to Wikidata)")
    click.echo(f"entities  {res.entities}")
    click.echo(f"relations {res.relations}")
    click.echo(f"events    {res.events}")
    click.echo(f"triples   {res.triples}")
    for name, path in res.paths.items():
        click.echo(f"{name:<9} {path}")
    if _report_problems(res.problems):
        sys.exit(EXIT_SKIPPED)


def doc_to_json(doc, base: str) -> dict:
    """The JSON object ``annotate`` prints for one article."""
    from graph.iri import entity_iri

    a = doc.article
    return {
        "id": a.id,
        "lang": a.lang,
        "title": a.title,
        "author": a.author,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "source": a.source,
        "text": a.text,
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "qid": m.qid,
             "iri": None if m.via == "byline" else entity_iri(m.entity, base), "score": m.score,
             "sentence": m.sentence, "role": m.role, "country": m.country, "via": m.via}
            for m in doc.mentions
        ],
        "events": [_event_json(e, base) for e in doc.events],
    }


def _event_json(e, base: str) -> dict:
    def role(r):
        if r is None:
            return None
        return {"entity": r.entity, "country": r.country, "sector": r.sector}

    return {
        "id": e.id, "type": e.type, "cameo": e.cameo, "mode": e.mode, "source": role(e.source),
        "target": role(e.target), "mediator": role(e.mediator), "location": e.location,
        "date": e.date.isoformat() if e.date else None, "date_text": e.date_text, "symmetric": e.symmetric,
        "negated": e.negated, "modality": e.modality, "confidence": e.confidence,
        "evidence": [{"sentence": s, "start": st, "end": en} for s, st, en in e.evidence],
    }


@click.command("annotate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@kb_option
@base_iri_option
@published_option
@lang_option
@ner_option
@ner_prefer_option
def annotate_cmd(inputs, kb_path, base_iri, published, lang, ner_model, ner_prefer):
    """Print one JSON object per article of INPUTS: mentions (offsets into the original text) and events."""
    from graph.api import annotate_article, load_kb, load_ner
    from graph.ingest import ingest

    kb = load_kb(kb_path)
    ner = load_ner(ner_model, kb)
    articles, problems = ingest(list(inputs), published=published, lang=lang)
    for a in articles:
        doc = annotate_article(a, kb, ner=ner, ner_prefer=ner_prefer)
        click.echo(json.dumps(doc_to_json(doc, base_iri), ensure_ascii=False))
    if _report_problems(problems):
        sys.exit(EXIT_SKIPPED)


def register(group: click.Group) -> None:
    group.add_command(build_cmd)
    group.add_command(annotate_cmd)
