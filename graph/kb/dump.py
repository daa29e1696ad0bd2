"""``kb import-dump``: stream a Wikidata JSON dump (``latest-all.json[.gz|.bz2]``) into a KB.

The dump is one JSON array with one entity per line (``[``, then ``{...},`` lines, then ``]``).
It is read line by line through the decompressor, so memory holds one batch of lines plus the
entities kept, never the dump: a 100 GB dump and a 1 MB one use the same memory when they keep
the same items. Items are kept when their P31 class is in ``scopes/classes.tsv`` (optionally
only some types), they have a label or alias in one of the requested languages, and enough
sitelinks. With ``workers > 1`` batches are parsed in a process pool (bounded queue).

Statements are reduced the way Wikidata's SPARQL ``wdt:`` "truthy" triples are: deprecated
statements are dropped and, when a property has preferred statements, only those count; P39
keeps every non-deprecated statement with its start/end qualifiers (``p:P39/ps:P39/pq:``).
So the same item gives the same entity here as through :func:`graph.kb.pull.pull_wikidata`.

>>> line = ('{"type":"item","id":"Q990000001","labels":{"en":{"language":"en","value":"Testland"}},'
...         '"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":'
...         '{"value":{"id":"Q3624078"},"type":"wikibase-entityid"}},"rank":"normal"}]},"sitelinks":{}},')
>>> e, _ = parse_dump_line(line, ("ar", "en"))
>>> e.id, e.type, e.kind
('Q990000001', 'GPE', 'country')
"""

from __future__ import annotations

import bz2
import gzip
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import KBError
from graph.kb.base import Entity, Nisba
from graph.kb.wikidata import Item, item_nisbas, item_to_entity, normalise_point, normalise_time
from graph.types import Problem

__all__ = ["DumpResult", "import_dump", "item_from_json", "iter_dump_lines", "parse_dump_line"]

_BATCH = 2000


def _json_loads():
    try:  # optional: several times faster on the 100 GB dump
        import orjson

        return orjson.loads
    except ImportError:
        return json.loads


_loads = _json_loads()


def _class_pattern():
    import re

    from graph.kb.wikidata import load_classes

    ids = "|".join(sorted({q for q, _, _ in load_classes()}, key=len, reverse=True))
    return re.compile(r'"id":\s*"(?:' + ids + r')"')


_CLASS_RE = _class_pattern()


@dataclass(slots=True)
class DumpResult:
    kb_path: str
    version: str = ""
    lines: int = 0
    entities: int = 0
    skipped: int = 0  # entities read but not kept by the filters
    problems: list[Problem] = field(default_factory=list)


def _truthy(statements: list[dict]) -> list[dict]:
    live = [s for s in statements if s.get("rank") != "deprecated"]
    preferred = [s for s in live if s.get("rank") == "preferred"]
    return preferred or live


def _value(snak: dict) -> object | None:
    if snak.get("snaktype") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _item_id(snak: dict) -> str | None:
    v = _value(snak)
    return v.get("id") if isinstance(v, dict) else None


def item_from_json(obj: dict) -> Item:
    """An :class:`Item` from one dump entity (a parsed JSON object)."""
    it = Item(id=obj["id"])
    it.labels = {lg: v["value"] for lg, v in (obj.get("labels") or {}).items()}
    it.aliases = {lg: [a["value"] for a in vs] for lg, vs in (obj.get("aliases") or {}).items()}
    it.descriptions = {lg: v["value"] for lg, v in (obj.get("descriptions") or {}).items()}
    claims = obj.get("claims") or {}
    for prop in ("P31", "P17", "P27", "P131", "P361"):
        ids = [_item_id(s["mainsnak"]) for s in _truthy(claims.get(prop, []))]
        setattr(it, prop.lower(), [i for i in ids if i])
    for s in _truthy(claims.get("P625", [])):
        v = _value(s["mainsnak"])
        if isinstance(v, dict) and "latitude" in v:
            it.point = normalise_point(v["latitude"], v["longitude"])
            break
    for s in _truthy(claims.get("P1549", [])):
        v = _value(s["mainsnak"])
        if isinstance(v, dict) and v.get("text"):
            it.demonyms.append((v.get("language", ""), v["text"]))
    for s in claims.get("P39", []):
        if s.get("rank") == "deprecated":
            continue
        pos = _item_id(s["mainsnak"])
        if not pos:
            continue
        quals = s.get("qualifiers") or {}
        dates = []
        for q in ("P580", "P582"):
            v = next((_value(x) for x in quals.get(q, []) if _value(x)), None)
            dates.append(normalise_time(v.get("time")) if isinstance(v, dict) else None)
        it.positions.append((pos, dates[0], dates[1]))
    it.sitelinks = len(obj.get("sitelinks") or {})
    return it


def parse_dump_line(line: str, langs: tuple[str, ...], types: frozenset[str] | None = None,
                    min_sitelinks: int = 0) -> tuple[Entity | None, list[tuple[str, Nisba]]]:
    """The entity of one dump line if the filters keep it (else None), and its nisba rows.

    Raises ``ValueError`` for a line that is not a JSON entity.
    """
    text = line.strip().rstrip(",")
    if not text or text in ("[", "]"):
        return None, []
    # Most of the dump (scholarly articles, genes, stars …) has no class we keep: a regex over the
    # raw line skips it without parsing. Only well-formed-looking lines are skipped this way, so a
    # damaged line is still parsed and reported.
    if text[0] == "{" and text[-1] == "}" and not _CLASS_RE.search(text):
        return None, []
    obj = _loads(text)
    if not isinstance(obj, dict) or "id" not in obj:
        raise ValueError("not a Wikidata entity object")
    if obj.get("type") != "item":
        return None, []
    if len(obj.get("sitelinks") or {}) < min_sitelinks:
        return None, []
    it = item_from_json(obj)
    e = item_to_entity(it, langs)
    if e is None or (types and e.type not in types):
        return None, []
    return e, item_nisbas(it, langs)


def _open_raw(path: Path):
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise KBError(f"{path}: cannot open dump: {exc}") from exc
    name = path.name.lower()
    if name.endswith(".gz"):
        return raw, gzip.GzipFile(fileobj=raw)
    if name.endswith(".bz2"):
        return raw, bz2.BZ2File(raw)
    return raw, raw


def iter_dump_lines(path: str | os.PathLike, on_bytes: Callable[[int], None] | None = None) -> Iterator[tuple[int, str]]:
    """(line number, text) of a dump file, decompressing ``.gz``/``.bz2`` on the fly.

    ``on_bytes(position)`` reports how far into the (compressed) file reading has got.
    """
    path = Path(path)
    raw, stream = _open_raw(path)
    try:
        for lineno, b in enumerate(stream, start=1):
            try:
                text = b.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise KBError(f"{path}:{lineno}: not UTF-8: {exc}") from exc
            yield lineno, text
            if on_bytes is not None and lineno % 1000 == 0:
                on_bytes(raw.tell())
    except (OSError, EOFError) as exc:
        raise KBError(f"{path}: damaged or truncated dump: {exc}") from exc
    finally:
        stream.close()
        raw.close()


def _parse_batch(batch: list[tuple[int, str]], langs: tuple[str, ...], types: frozenset[str] | None,
                 min_sitelinks: int) -> list[tuple[int, object, object]]:
    out: list[tuple[int, object, object]] = []
    for lineno, line in batch:
        if line.strip() in ("", "[", "]"):
            continue  # the array brackets around the entities
        try:
            e, ns = parse_dump_line(line, langs, types, min_sitelinks)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            out.append((lineno, "error", f"{type(exc).__name__}: {exc}"))
            continue
        out.append((lineno, e, ns))
    return out


def _batches(lines: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for item in lines:
        batch.append(item)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def import_dump(path: str | os.PathLike, kb_path: str | os.PathLike, *, langs: Iterable[str] = ("ar", "en"),
                types: Iterable[str] | None = None, min_sitelinks: int = 0, workers: int = 1,
                progress: bool = False) -> DumpResult:
    """Import the entities of the dump ``path`` that pass the filters into the KB at ``kb_path``.

    Bad lines are reported as :class:`Problem` (``file:line``) and the rest is imported.
    """
    path = Path(path)
    langs = tuple(langs)
    type_set = frozenset(types) if types else None
    result = DumpResult(kb_path=str(kb_path))
    entities: dict[str, Entity] = {}
    nisbas: dict[tuple, None] = {}

    def take(parsed: list[tuple[int, object, object]]) -> None:
        for lineno, e, ns in parsed:
            result.lines = max(result.lines, lineno)
            if e == "error":
                result.problems.append(Problem(f"{path}:{lineno}", f"invalid dump line ({ns})"))
            elif e is None:
                result.skipped += 1
            else:
                entities[e.id] = e  # type: ignore[union-attr]
                for k, n in ns:  # type: ignore[union-attr]
                    nisbas[(k, n)] = None

    bar = None
    on_bytes = None
    if progress:
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                       TimeRemainingColumn(), transient=True)
        task = bar.add_task(f"reading {path.name}", total=path.stat().st_size)
        on_bytes = lambda pos: bar.update(task, completed=pos)
        bar.start()
    try:
        lines = iter_dump_lines(path, on_bytes)
        if workers <= 1:
            for batch in _batches(lines):
                take(_parse_batch(batch, langs, type_set, min_sitelinks))
        else:
            import multiprocessing as mp

            with mp.get_context("spawn").Pool(workers) as pool:
                pending: deque = deque()
                for batch in _batches(lines):
                    pending.append(pool.apply_async(_parse_batch, (batch, langs, type_set, min_sitelinks)))
                    # keep at most two batches per worker in flight: memory stays bounded
                    while len(pending) >= 2 * workers:
                        take(pending.popleft().get())
                while pending:
                    take(pending.popleft().get())
    finally:
        if bar is not None:
            bar.stop()
    result.entities = len(entities)
    from graph.kb.disk import write_kb

    kb = write_kb(entities.values(), list(nisbas), kb_path, source="wikidata-dump",
                  details={"file": path.name, "langs": list(langs)})
    result.version = kb.version
    return result
