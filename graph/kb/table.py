"""``kb import-table``: a CSV/TSV gazetteer with a QID column (Natural Earth places, an IGO list …).

``mapping`` says which column holds what: ``qid`` (required), ``name_en``, ``name_ar``,
``aliases_en``, ``aliases_ar`` (variants separated by ``|`` or ``;``), ``country`` (QID),
``kind``, ``type``, ``prior`` (0–1), ``lat``, ``lon``. Rows with no valid QID or no name are
reported as problems with ``file:line`` and the rest is imported.

>>> parse_mapping("qid=wikidataid,name_en=NAME, name_ar=NAME_AR")
{'qid': 'wikidataid', 'name_en': 'NAME', 'name_ar': 'NAME_AR'}
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import KBError
from graph.iri import is_qid
from graph.kb.base import Entity, name_key
from graph.kb.wikidata import normalise_point
from graph.types import ENTITY_TYPES, Problem

__all__ = ["FIELDS", "TableResult", "import_table", "parse_mapping", "read_table_entities"]

FIELDS = ("qid", "name_en", "name_ar", "aliases_en", "aliases_ar", "country", "kind", "type", "prior", "lat", "lon")


@dataclass(slots=True)
class TableResult:
    kb_path: str
    version: str = ""
    rows: int = 0
    entities: int = 0
    problems: list[Problem] = field(default_factory=list)


def parse_mapping(spec: str) -> dict[str, str]:
    """``field=COLUMN,...`` → dict; :class:`KBError` on an unknown field or a missing ``qid``."""
    out: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        k, sep, col = part.partition("=")
        k, col = k.strip(), col.strip()
        if not sep or not col:
            raise KBError(f"--map: expected FIELD=COLUMN, got {part.strip()!r}")
        if k not in FIELDS:
            raise KBError(f"--map: unknown field {k!r}; fields: {', '.join(FIELDS)}")
        out[k] = col
    if "qid" not in out:
        raise KBError("--map: the qid field is required (qid=COLUMN)")
    return out


def _variants(cell: str) -> list[str]:
    return [v.strip() for v in re.split(r"[|;]", cell) if v.strip()]


def read_table_entities(path: str | os.PathLike, mapping: dict[str, str], *, type_: str = "GPE", kind: str = "",
                        delimiter: str | None = None):
    """Yield ``(Entity | None, Problem | None)`` per data row of the table at ``path``."""
    path = Path(path)
    if type_ not in ENTITY_TYPES:
        raise KBError(f"--type must be one of {', '.join(ENTITY_TYPES)}, got {type_!r}")
    try:
        fh = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise KBError(f"{path}: cannot open table: {exc}") from exc
    with fh:
        if delimiter is None:
            suffix = path.suffix.lower()
            delimiter = "\t" if suffix in (".tsv", ".tab") else "," if suffix == ".csv" else None
            if delimiter is None:
                sample = fh.read(65536)
                fh.seek(0)
                try:
                    delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
                except csv.Error:
                    delimiter = ","
        reader = csv.reader(fh, delimiter=delimiter)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise KBError(f"{path}: empty table") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise KBError(f"{path}:1: unreadable header: {exc}") from exc
        missing = [c for c in mapping.values() if c not in header]
        if missing:
            raise KBError(f"{path}:1: no column(s) {', '.join(missing)} in header ({', '.join(header)})")
        index = {f: header.index(c) for f, c in mapping.items()}
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                yield None, Problem(f"{path}:{reader.line_num}", f"unreadable row: {exc}")
                continue
            where = f"{path}:{reader.line_num}"
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                yield None, Problem(where, f"expected {len(header)} fields, got {len(cells)}")
                continue
            row = {f: cells[i].strip() for f, i in index.items()}
            yield _row_entity(row, where, type_, kind)


def _row_entity(row: dict[str, str], where: str, type_: str, kind: str) -> tuple[Entity | None, Problem | None]:
    qid = row.get("qid", "")
    if not is_qid(qid):
        return None, Problem(where, f"not a QID: {qid!r}" if qid else "empty QID")
    names: list[tuple[str, str, str]] = []
    for lang in ("en", "ar"):
        label = row.get(f"name_{lang}", "")
        if label and name_key(label):
            names.append((lang, label, "label"))
        for alias in _variants(row.get(f"aliases_{lang}", "")):
            if alias != label and name_key(alias) and (lang, alias, "alias") not in names:
                names.append((lang, alias, "alias"))
    if not names:
        return None, Problem(where, f"{qid}: no name in any mapped name column")
    t = row.get("type") or type_
    if t not in ENTITY_TYPES:
        return None, Problem(where, f"{qid}: type must be one of {', '.join(ENTITY_TYPES)}, got {t!r}")
    country = row.get("country") or None
    if country and not is_qid(country):
        return None, Problem(where, f"{qid}: country is not a QID: {country!r}")
    try:
        prior = float(row["prior"]) if row.get("prior") else 0.5
    except ValueError:
        return None, Problem(where, f"{qid}: prior is not a number: {row['prior']!r}")
    if not 0.0 <= prior <= 1.0:
        return None, Problem(where, f"{qid}: prior must be in [0, 1], got {prior}")
    facts: list[tuple[str, str]] = []
    if row.get("lat") and row.get("lon"):
        try:
            facts.append(("P625", normalise_point(float(row["lat"]), float(row["lon"]))))
        except ValueError:
            return None, Problem(where, f"{qid}: bad coordinates {row['lat']!r}, {row['lon']!r}")
    return Entity(id=qid, qid=qid, type=t, kind=row.get("kind") or kind, names=tuple(names), country=country,
                  prior=prior, facts=tuple(facts)), None


def _merge(old: Entity | None, new: Entity) -> Entity:
    if old is None:
        return new
    names = old.names + tuple(n for n in new.names if (n[0], n[1]) not in {(o[0], o[1]) for o in old.names})
    facts = old.facts + tuple(f for f in new.facts if f not in old.facts)
    return Entity(id=old.id, qid=old.qid, type=old.type, kind=old.kind or new.kind, names=names,
                  country=old.country or new.country, role=old.role, prior=max(old.prior, new.prior), facts=facts)


def import_table(path: str | os.PathLike, kb_path: str | os.PathLike, mapping: dict[str, str] | str, *,
                 type_: str = "GPE", kind: str = "", delimiter: str | None = None) -> TableResult:
    """Import a gazetteer table into the KB at ``kb_path`` (created or updated in place)."""
    from graph.kb.disk import DiskKB, is_kb_dir, write_kb

    if isinstance(mapping, str):
        mapping = parse_mapping(mapping)
    result = TableResult(kb_path=str(kb_path))
    entities: dict[str, Entity] = {}
    for entity, problem in read_table_entities(path, mapping, type_=type_, kind=kind, delimiter=delimiter):
        result.rows += 1
        if problem is not None:
            result.problems.append(problem)
        else:
            entities[entity.id] = entity  # type: ignore[union-attr]
    result.entities = len(entities)
    if is_kb_dir(kb_path):
        # a gazetteer row adds names to what a pull already knows instead of replacing it
        old = DiskKB(kb_path)
        entities = {i: _merge(old.get(i), e) for i, e in entities.items()}
    if entities:
        kb = write_kb(entities.values(), [], kb_path, source="table", details={"file": Path(path).name})
        result.version = kb.version
    return result
