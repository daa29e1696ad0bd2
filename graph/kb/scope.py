"""Pull scopes: the SPARQL templates in ``graph/kb/scopes/*.rq`` and the page query built from them.

A scope file is the body of a ``SELECT ?item`` (a pattern binding ``?item``) with a header::

    # scope: cities — cities and capitals above a population
    # type: GPE city            (type and kind when an item's P31 is not in classes.tsv)
    # param: min_population=100000

``{{name}}`` in the body is replaced by the parameter's value (numbers only, so a parameter can
never inject SPARQL). :func:`page_query` wraps a scope in ``details.rq``.

>>> s = load_scope("cities")
>>> s.default, s.params["min_population"]
(('GPE', 'city'), '100000')
>>> q = page_query(s, ("ar", "en"), limit=50, after="", params={"min_population": "500000"})
>>> "?population >= 500000" in q and "LIMIT 50" in q and '"ar", "en"' in q
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import KBError

__all__ = ["DEFAULT_SCOPES", "SCOPES_DIR", "Scope", "load_scope", "page_query", "scope_names"]

SCOPES_DIR = Path(__file__).resolve().parent / "scopes"

#: what ``kb pull`` fetches when no --scope is given
DEFAULT_SCOPES = ("states", "cities", "heads", "ministers", "politicians", "igos", "armed_forces", "ministries",
                  "parties", "armed_groups", "media")

_PARAM_VALUE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Scope:
    name: str
    title: str
    default: tuple[str, str]
    body: str
    params: dict[str, str] = field(default_factory=dict)


def scope_names() -> list[str]:
    return sorted(p.stem for p in SCOPES_DIR.glob("*.rq") if p.stem != "details")


def load_scope(name: str) -> Scope:
    """Read ``scopes/<name>.rq``; :class:`KBError` naming the known scopes if there is none."""
    path = SCOPES_DIR / f"{name}.rq"
    if name == "details" or not path.is_file():
        raise KBError(f"unknown scope {name!r}; known scopes: {', '.join(scope_names())}")
    title, default, params, body = name, None, {}, []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = re.match(r"^#\s*(scope|type|param):\s*(.*)$", line)
        if m:
            key, value = m.groups()
            if key == "scope":
                title = value.strip()
            elif key == "type":
                parts = value.split()
                if len(parts) != 2:
                    raise KBError(f"{path}:{lineno}: '# type:' needs TYPE KIND, got {value!r}")
                default = (parts[0], parts[1])
            else:
                k, _, v = value.partition("=")
                params[k.strip()] = v.strip()
        elif not line.startswith("#"):
            body.append(line)
    if default is None:
        raise KBError(f"{path}: missing '# type: TYPE KIND' header")
    return Scope(name=name, title=title, default=default, body="\n".join(body).strip(), params=params)


def page_query(scope: Scope, langs: tuple[str, ...], *, limit: int, after: str,
               params: dict[str, str] | None = None) -> str:
    """The SPARQL of one page: up to ``limit`` items of ``scope`` whose IRI sorts after ``after``."""
    values = dict(scope.params)
    for k, v in (params or {}).items():
        if k in scope.params:  # parameters of other scopes are ignored, not errors
            values[k] = v
    for k, v in values.items():
        if not _PARAM_VALUE.match(v):
            raise KBError(f"scope {scope.name}: parameter {k} must be a number, got {v!r}")
    for lang in langs:
        if not _LANG.match(lang):
            raise KBError(f"not a language code: {lang!r}")
    if limit < 1:
        raise KBError(f"page size must be at least 1, got {limit}")
    body = scope.body
    for k, v in values.items():
        body = body.replace("{{" + k + "}}", v)
    if "{{" in body:
        raise KBError(f"scope {scope.name}: unfilled parameter in {body!r}")
    details = (SCOPES_DIR / "details.rq").read_text(encoding="utf-8")
    text = "\n".join(line for line in details.splitlines() if not line.startswith("#"))
    after_lit = after.replace("\\", "\\\\").replace('"', '\\"')
    return (text.replace("{{SELECTION}}", body)
            .replace("{{AFTER}}", after_lit)
            .replace("{{LIMIT}}", str(int(limit)))
            .replace("{{LANGS}}", ", ".join(f'"{lang}"' for lang in _with_mul(langs))))


def _with_mul(langs: tuple[str, ...]) -> tuple[str, ...]:
    from graph.kb.wikidata import MUL_FALLBACK

    # "mul" labels stand in for missing English ones (see graph.kb.wikidata)
    return langs + ("mul",) if any(lang in MUL_FALLBACK for lang in langs) and "mul" not in langs else langs
