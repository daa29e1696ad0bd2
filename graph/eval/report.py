"""Rich tables of evaluation results, and where the development data beside the project is.

>>> from graph.eval.metrics import Counts
>>> t = counts_table("demo", {"LOC": Counts(3, 1, 0), "overall": Counts(3, 1, 0)})
>>> t.row_count
2
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from graph.eval.metrics import OVERALL, Counts

__all__ = [
    "console",
    "counts_table",
    "el_table",
    "errors_table",
    "ner_table",
    "shared_dir",
    "shared_path",
]


def shared_dir() -> Path | None:
    """``$NEWSGRAPH_SHARED``, else ``../shared`` beside a source checkout; None when absent."""
    env = os.environ.get("NEWSGRAPH_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2].parent / "shared"
    return here if here.is_dir() else None


def shared_path(*parts: str) -> Path | None:
    """A file under the shared data directory, or None when it is not there."""
    base = shared_dir()
    if base is None:
        return None
    p = base.joinpath(*parts)
    return p if p.exists() else None


def console():
    """A rich console; 120 columns when output is not a terminal (logs, CI), so tables stay whole."""
    from rich.console import Console

    c = Console()
    return c if c.is_terminal else Console(width=120)


def _f(x: float) -> str:
    return f"{x:.3f}"


def counts_table(title: str, counts: Mapping[str, Counts], order: Sequence[str] | None = None):
    """One row per key: support, tp, fp, fn, precision, recall, F1."""
    from rich.table import Table

    t = Table(title=title)
    for col in ("type", "gold", "tp", "fp", "fn", "P", "R", "F1"):
        t.add_column(col, justify="left" if col == "type" else "right")
    keys = list(order) if order else sorted(counts, key=lambda k: (k == OVERALL, k))
    for k in keys:
        c = counts.get(k)
        if c is None:
            continue
        t.add_row(k, str(c.support), str(c.tp), str(c.fp), str(c.fn), _f(c.precision), _f(c.recall), _f(c.f1),
                  style="bold" if k == OVERALL else None)
    return t


def ner_table(results: Sequence, level: str = "entity"):
    """One row per system and type at ``level`` ("entity" or "token"): gold, tp, fp, fn, P, R, F1."""
    from rich.table import Table

    types = ("PERS", "LOC", "ORG", OVERALL, "MISC")
    t = Table(title=f"Arabic mention detection, {level} level (overall = micro over PERS, LOC, ORG)",
              caption="MISC: gold MISC vs predicted NORP; not comparable on ANERcorp, so not in overall")
    for col in ("system", "type", "gold", "tp", "fp", "fn", "P", "R", "F1"):
        t.add_column(col, justify="left" if col in ("system", "type") else "right")
    for r in results:
        counts = getattr(r, level)
        for i, ty in enumerate(types):
            c = counts.get(ty, Counts())
            t.add_row(r.name if i == 0 else "", ty, str(c.support), str(c.tp), str(c.fp), str(c.fn),
                      _f(c.precision), _f(c.recall), _f(c.f1), style="bold" if ty == OVERALL else None,
                      end_section=i == len(types) - 1)
    return t


def el_table(results: Sequence):
    """One row per benchmark: strict P/R/F1, relaxed F1, and strict precision on labelled text only."""
    from rich.table import Table

    t = Table(title="English end-to-end linking (strict: span + QID; relaxed: QID on an overlapping span)",
              caption="in KB: gold items whose QID the KB holds at all (the recall ceiling); "
                      "labelled P: predictions on unlabelled text not counted; "
                      "named: gold written as names only (no pronouns or common nouns)")
    for col in ("benchmark", "docs", "gold", "in KB", "linked", "P", "R", "F1", "relaxed F1", "labelled P",
                "named R", "named F1"):
        t.add_column(col, justify="left" if col == "benchmark" else "right")
    for r in results:
        c = r.strict
        t.add_row(r.name, str(r.documents), str(r.gold), str(r.gold_in_kb), str(r.predicted), _f(c.precision), _f(c.recall),
                  _f(c.f1), _f(r.relaxed.f1), _f(r.labelled.precision), _f(r.named.recall), _f(r.named.f1))
    return t


def errors_table(result, n: int = 15):
    """The ``n`` most frequent missed and spurious entities per scored type of one NER result."""
    from rich.table import Table

    t = Table(title=f"{result.name}: most frequent errors (entity level)")
    for col in ("type", "missed (gold, not found exactly)", "spurious (found, not in gold)"):
        t.add_column(col)
    for ty in ("PERS", "LOC", "ORG"):
        miss = [f"{s} ×{c}" for (t_, s), c in result.missed.most_common() if t_ == ty][:n]
        spur = [f"{s} ×{c}" for (t_, s), c in result.spurious.most_common() if t_ == ty][:n]
        t.add_row(ty, "\n".join(miss), "\n".join(spur), end_section=True)
    return t
