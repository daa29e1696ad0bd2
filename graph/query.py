"""The query library: named, documented, parameterised SPARQL files in ``queries/``.

Each ``queries/NAME.rq`` opens with a header of ``#`` lines::

    # name: entities-of-article
    # description: Entities one article mentions, with labels, type, QID and mention count.
    # param: article iri  The article's IRI.
    # param: lang literal optional  Only labels in this language.
    # example: article=urn:newsgraph:article:elasimah-karabakh

Parameter types: ``iri`` (validated as an absolute IRI: no spaces, ``<``, ``>``, quotes or
braces), ``literal`` (a plain string), ``date`` (``YYYY-MM-DD`` → ``xsd:date``) and ``integer``.
Values become RDF terms and are bound with a ``VALUES`` block (see
:func:`graph.store.base.inject_values`), so no value is ever pasted into the query text.
Binding is a join at the start of the outermost ``WHERE`` group, so a parameter variable
must appear in required patterns or ``FILTER``s, never only inside an ``OPTIONAL`` (a left
join keeps rows whose optional part disagrees); an optional parameter that is not given
stays unbound: test it with ``!BOUND(?param) || …``.

>>> [p.name for p in load_query("entities-of-article").params]
['article']
>>> bind_params(load_query("entities-of-article"), {"article": "urn:x:a b"})
Traceback (most recent call last):
...
graph.errors.QueryError: entities-of-article: parameter 'article' is not a valid IRI: 'urn:x:a b' (not an absolute IRI)
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.resources import queries_dir

__all__ = ["PARAM_TYPES", "NamedQuery", "Param", "bind_params", "list_queries", "load_query", "run_query"]

PARAM_TYPES = ("iri", "literal", "date", "integer")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_HEADER = re.compile(r"^#\s*(name|description|param|example|network)\s*:\s*(.*)$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s+(\w+)(\s+optional)?\s*(.*)$")
_IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool = False
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()
    example: str = ""
    network: bool = False  # needs the internet (federated SERVICE); never run in tests

    def signature(self) -> str:
        return " ".join(f"{p.name}:{p.type}" + ("?" if p.optional else "") for p in self.params)


def _parse(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read query: {exc}") from exc
    fields: dict[str, list[str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if m:
            fields.setdefault(m.group(1), []).append(m.group(2).strip())
    params = []
    for spec in fields.get("param", []):
        m = _PARAM.match(spec)
        if not m or m.group(2) not in PARAM_TYPES:
            raise QueryError(f"{path}: bad parameter declaration {spec!r}; "
                             f"expected 'NAME TYPE [optional] description', TYPE one of {', '.join(PARAM_TYPES)}")
        params.append(Param(m.group(1), m.group(2), bool(m.group(3)), m.group(4).strip()))
    return NamedQuery(
        name=(fields.get("name") or [path.stem])[0], path=path, text=text,
        description=" ".join(fields.get("description", [])), params=tuple(params),
        example=" ".join(fields.get("example", [])),
        network=(fields.get("network") or ["no"])[0].lower() in ("yes", "true"),
    )


def list_queries(directory: str | Path | None = None) -> list[NamedQuery]:
    """Every ``*.rq`` of the library (or of ``directory``), sorted by name."""
    d = Path(directory) if directory else queries_dir()
    return sorted((_parse(p) for p in d.glob("*.rq")), key=lambda q: q.name)


def load_query(name_or_path: str | Path) -> NamedQuery:
    """A library query by name (``entities-of-article``) or any ``.rq`` file by path."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.is_file():
        return _parse(p)
    cand = queries_dir() / f"{name_or_path}.rq"
    if cand.is_file():
        return _parse(cand)
    known = ", ".join(q.name for q in list_queries())
    raise QueryError(f"unknown query {str(name_or_path)!r}: not a .rq file and not one of: {known}")


def _term(q: NamedQuery, p: Param, value: str) -> ox.NamedNode | ox.Literal:
    if not isinstance(value, str):
        raise QueryError(f"{q.name}: parameter {p.name!r} must be a string, got {type(value).__name__}")
    if p.type == "iri":
        v = value[1:-1] if value.startswith("<") and value.endswith(">") else value
        if not _IRI_SCHEME.match(v):
            raise QueryError(f"{q.name}: parameter {p.name!r} is not a valid IRI: {value!r} (not an absolute IRI)")
        try:
            return ox.NamedNode(v)  # pyoxigraph checks every code point against RFC 3987
        except ValueError as exc:
            raise QueryError(f"{q.name}: parameter {p.name!r} is not a valid IRI: {value!r} ({exc})") from None
    if p.type == "date":
        try:
            return ox.Literal(_dt.date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(_XSD + "date"))
        except ValueError:
            raise QueryError(f"{q.name}: parameter {p.name!r} must be a date YYYY-MM-DD, got {value!r}") from None
    if p.type == "integer":
        if not re.fullmatch(r"[+-]?[0-9]+", value.strip()):
            raise QueryError(f"{q.name}: parameter {p.name!r} must be an integer, got {value!r}")
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(_XSD + "integer"))
    return ox.Literal(value)


def bind_params(q: NamedQuery, params: dict[str, str] | None) -> dict[str, ox.NamedNode | ox.Literal]:
    """Check ``params`` against the query's declared parameters and turn them into RDF terms."""
    params = dict(params or {})
    declared = {p.name: p for p in q.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise QueryError(f"{q.name}: unknown parameter(s) {', '.join(unknown)}; "
                         f"it takes: {q.signature() or 'no parameters'}")
    missing = [p.name for p in q.params if not p.optional and params.get(p.name) in (None, "")]
    if missing:
        raise QueryError(f"{q.name}: missing parameter(s) {', '.join(missing)} (example: {q.example or '-'})")
    return {n: _term(q, declared[n], v) for n, v in params.items() if v not in (None, "")}


def run_query(store, name_or_path: str | Path, params: dict[str, str] | None = None, *,
              typed: bool = False) -> list[dict]:
    """Run a library query on ``store`` (a Store, or a spec for :func:`graph.store.open_store`)."""
    from graph.store import Store, open_store

    q = load_query(name_or_path)
    bindings = bind_params(q, params)
    if isinstance(store, Store):
        return store.query(q.text, bindings, typed=typed)
    with open_store(store, create=False) as s:
        return s.query(q.text, bindings, typed=typed)
