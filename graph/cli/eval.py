"""``newsgraph eval …``: measure recognition, linking and events against gold data."""

from __future__ import annotations

import click

__all__ = ["register", "eval_group"]


@click.group("eval")
def eval_group() -> None:
    """Evaluate against gold data (seed article, ANERcorp, ELEVANT benchmarks, event sentences)."""


def register(group: click.Group) -> None:
    group.add_command(eval_group)


# --- mention detection, linking and seed figures (graph.eval.ner / el / seed) -------------------

def _default_data(*parts: str) -> str | None:
    from graph.eval.report import shared_path

    p = shared_path(*parts)
    return None if p is None else str(p)


def _echo_command() -> None:
    """Print the command as typed (rebuilt from the options given, so it is the same under tests)."""
    import shlex

    ctx = click.get_current_context()
    words = ["newsgraph", *ctx.command_path.split()[1:]]
    for p in ctx.command.params:
        value = ctx.params.get(p.name)
        if value in (None, (), False) or value == p.default:
            continue
        flag = p.opts[0]
        for v in value if isinstance(value, (tuple, list)) else [value]:
            words += [flag] if value is True else [flag, str(v)]
    click.echo("$ " + " ".join(shlex.quote(w) for w in words))


def _load_kb_or_fail(kb_path):
    from graph.api import load_kb

    return load_kb(kb_path)


def _write_json(path, payload) -> None:
    import json

    with open(path, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def _ner_results(sentences, kb, data, model, cv, doc_size, iterations, stack, jobs, console):
    """Rules (and a given model) on the pseudo-documents, or a k-fold cross-validation."""
    from graph.eval.conll import documents
    from graph.eval.ner import crf_predictor, cross_validate, evaluate, rules_predictor

    if cv:
        results = cross_validate(sentences, cv, kb, doc_size=doc_size, max_iterations=iterations, rules=stack,
                                 jobs=jobs, progress=lambda msg: console.print(msg, style="dim"))
        results = list(results.values())
        for r in results:
            r.name = f"{r.name} ({cv}-fold CV)"
    else:
        docs = documents(sentences, doc_size)
        results = [evaluate(docs, rules_predictor(kb), "rules")]
        if model:
            from graph.recognise.crf import file_sha256, model_info

            trained = {s.get("sha256") for s in model_info(model).get("sources", [])}
            if file_sha256(data) in trained:
                raise click.UsageError(f"{model} was trained on {data}: its scores there would not be honest "
                                       "(use --cv, or evaluate on other data)")
            results.append(evaluate(docs, crf_predictor(model, kb), "crf"))
            results.append(evaluate(docs, crf_predictor(model, kb, merge="rules"), "rules>crf"))
            results.append(evaluate(docs, crf_predictor(model, kb, merge="ner"), "crf>rules"))
    return results


@eval_group.command("ner")
@click.option("--data", "data", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CoNLL file (token TAG [TAG …]); default: ../shared/data/dev/ner/anercorp-dev.conll.")
@click.option("--model", "model", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Also score a CRF model (alone and merged with the rules); refused if trained on --data.")
@click.option("--cv", "cv", type=click.IntRange(2, 20), default=None,
              help="K-fold cross-validation of the CRF on --data (document-contiguous folds).")
@click.option("--layer", type=int, default=0, show_default=True,
              help="Tag column of nested files (Wojood): 0 first, -1 outermost scored type per token.")
@click.option("--doc-size", type=int, default=20, show_default=True,
              help="Sentences per pseudo-document (the recogniser's article context).")
@click.option("--limit", type=int, default=None, help="Only the first N sentences (quick runs).")
@click.option("--iterations", type=int, default=200, show_default=True, help="CRF training iterations (--cv).")
@click.option("--stack", is_flag=True, help="--cv: train the CRF with the rules' output as features.")
@click.option("--errors", "errors", type=int, default=0, help="Also list the N most frequent errors per type.")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="--cv: folds run in this many processes.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None, help="Also write the figures here.")
@click.option("--kb", "kb_path", type=click.Path(), default=None, help="Knowledge base (default: bundled seed).")
def ner_cmd(data, model, cv, layer, doc_size, limit, iterations, stack, errors, jobs, json_out, kb_path):
    """Arabic mention detection on CoNLL gold: entity- and token-level P/R/F1 per type."""
    from graph.errors import NewsgraphError
    from graph.eval.conll import read_conll
    from graph.eval.report import console as _console
    from graph.eval.report import errors_table, ner_table

    data = data or _default_data("data", "dev", "ner", "anercorp-dev.conll")
    if data is None:
        raise click.UsageError("no --data given and ../shared/data/dev/ner/anercorp-dev.conll is absent")
    _echo_command()
    kb = _load_kb_or_fail(kb_path)
    sentences = read_conll(data, layer=layer)
    if limit:
        sentences = sentences[:limit]
    console = _console()
    try:
        results = _ner_results(sentences, kb, data, model, cv, doc_size, iterations, stack, jobs, console)
    except (NewsgraphError, ValueError) as exc:  # crfsuite missing, unreadable model, too few documents for --cv
        raise click.ClickException(str(exc)) from exc
    n_tok = results[0].tokens
    console.print(f"{data}: {len(sentences)} sentences, {n_tok} tokens, pseudo-documents of {doc_size} sentences")
    console.print(ner_table(results, "entity"))
    console.print(ner_table(results, "token"))
    if errors:
        for r in results:
            console.print(errors_table(r, errors))
    for r in results:
        console.print(f"{r.name}: {r.seconds:.1f}s to recognise ({r.tokens / max(r.seconds, 1e-9):,.0f} tokens/s)",
                      style="dim")
    if json_out:
        _write_json(json_out, {"data": str(data), "results": [r.as_dict() for r in results]})


@eval_group.command("el")
@click.option("--data", "data", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="ELEVANT *.benchmark.jsonl (repeatable); default: the five in ../shared/data/dev/el/.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None, help="Also write the figures here.")
@click.option("--kb", "kb_path", type=click.Path(), default=None, help="Knowledge base (default: bundled seed).")
def el_cmd(data, json_out, kb_path):
    """English end-to-end linking on ELEVANT benchmarks: strict and relaxed P/R/F1."""
    from pathlib import Path

    from graph.eval.el import BENCHMARKS, annotate_predictor, evaluate_el, read_benchmark
    from graph.eval.report import console, el_table

    paths = list(data)
    if not paths:
        paths = [p for b in BENCHMARKS if (p := _default_data("data", "dev", "el", f"{b}.benchmark.jsonl"))]
    if not paths:
        raise click.UsageError("no --data given and ../shared/data/dev/el/ is absent")
    _echo_command()
    kb = _load_kb_or_fail(kb_path)
    predict = annotate_predictor(kb)
    results = []
    for p in paths:
        name = Path(p).name.removesuffix(".benchmark.jsonl")
        results.append(evaluate_el(read_benchmark(p), predict, name, kb))
    console().print(el_table(results))
    if json_out:
        _write_json(json_out, {"results": [r.as_dict() for r in results]})


@eval_group.command("seed")
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False), default=None,
              help="gold.json beside its article; default: ../shared/seed/gold.json.")
@click.option("--kb", "kb_path", type=click.Path(), default=None, help="Knowledge base (default: bundled seed).")
def seed_cmd(gold, kb_path):
    """The seed article against its gold: mentions (type + QID), linking, events."""
    from graph.eval.report import console, counts_table
    from graph.eval.seed import evaluate_seed

    gold = gold or _default_data("seed", "gold.json")
    if gold is None:
        raise click.UsageError("no --gold given and ../shared/seed/gold.json is absent")
    _echo_command()
    res = evaluate_seed(gold, _load_kb_or_fail(kb_path))
    out = console()
    order = ["PER", "ORG", "GPE", "LOC", "NORP", "mentions", "linking", "events"]
    out.print(counts_table("seed article (required mentions; precision outside the repeated headline)",
                               res.counts, order))
    for label, items in (("missed", res.missed), ("not in gold", res.extra), ("wrong QID", res.wrong_link)):
        for it in items:
            out.print(f"{label}: {it}")


# --- events (graph.eval.events) ------------------------------------------------------------------

@eval_group.command("events")
@click.option("--data-dir", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Folder with assault/protest sentences and spans and plover_en_gsr.json "
                   "(default: ../shared/data/dev/events relative to the current directory).")
@click.option("--countries", "countries", type=click.Path(dir_okay=False), default=None,
              help="Reference country table mapping ISO3 codes to QIDs (default: <data-dir>/../../reference/countries.tsv).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None, help="Also write the figures here.")
@click.option("--kb", "kb_path", type=click.Path(), default=None, help="Knowledge base (default: bundled seed).")
def events_cmd(data_dir, countries, json_out, kb_path):
    """Event detection P/R/F1 per type, source-country accuracy, English PLOVER type accuracy."""
    from pathlib import Path

    from graph.eval.events import default_data_dir, detector, evaluate_events, format_report

    data = Path(data_dir) if data_dir else default_data_dir()
    if not (data / "assault_sentences.csv").is_file():
        raise click.UsageError(f"no event data in {data} (give --data-dir)")
    report = evaluate_events(data, Path(countries) if countries else None, detector(_load_kb_or_fail(kb_path)))
    click.echo(format_report(report))
    if json_out:
        _write_json(json_out, report)
