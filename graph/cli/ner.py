"""``newsgraph ner …``: the optional statistical Arabic tagger (python-crfsuite)."""

from __future__ import annotations

import click

__all__ = ["ner_group", "register"]


@click.group("ner")
def ner_group() -> None:
    """Optional statistical Arabic mention tagger (CRF; needs the ``ner`` extra)."""


@ner_group.command("train")
@click.argument("conll", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out", type=click.Path(dir_okay=False), required=True,
              help="Where to write the model (never inside the data or the repository).")
@click.option("--layer", type=int, default=0, show_default=True,
              help="Tag column of nested files (Wojood): 0 first, -1 outermost scored type per token.")
@click.option("--iterations", type=int, default=200, show_default=True, help="L-BFGS iterations.")
@click.option("--c1", type=float, default=0.02, show_default=True, help="L1 regularisation.")
@click.option("--c2", type=float, default=0.03, show_default=True, help="L2 regularisation.")
@click.option("--stack", is_flag=True, help="Use the KB + rules recogniser's output as features (stacking).")
@click.option("--kb", "kb_path", type=click.Path(), default=None,
              help="KB whose names become gazetteer features (default: bundled seed). Use the same KB when tagging.")
def train_cmd(conll, out, layer, iterations, c1, c2, stack, kb_path):
    """Train a CRF on CoNLL files (token TAG [TAG …]) and write it to --out."""
    import time

    from graph.api import load_kb
    from graph.recognise.crf import NERModelError, train_crf

    t0 = time.perf_counter()
    try:
        path = train_crf(list(conll), out, load_kb(kb_path), layer=layer, max_iterations=iterations, c1=c1, c2=c2,
                         rules=stack)
    except NERModelError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"model written to {path} ({path.stat().st_size:,} bytes, {time.perf_counter() - t0:.1f}s)")


def register(group: click.Group) -> None:
    group.add_command(ner_group)
