"""The bundled seed knowledge base: two hand-written TSV tables in ``graph/kb/data/``.

``countries.tsv`` holds the sovereign states with ISO codes, English/Arabic names, Arabic nisba
forms and English demonyms; ``entities.tsv`` holds cities, regions, organisations, groups and
people. Both are written by the project from known facts (see ``graph/kb/data/README.md``);
``tests/test_kb_reference.py`` checks them against reference tables.

>>> kb = load_seed_kb()
>>> [e.id for e in kb.lookup(name_key("روسيا"))]
['Q159']
>>> [(n.country, n.gender, n.number) for n in kb.nisba(name_key("روسية"))]
[('Q159', 'f', 'sg')]
>>> kb.get("Q58217").label("en"), kb.get("Q58217").country
('Sergey Lavrov', 'Q159')
>>> kb.version.startswith("seed-")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from graph.errors import KBError
from graph.iri import is_qid
from graph.kb.base import Entity, MemoryKB, Nisba, name_key
from graph.types import ENTITY_TYPES

__all__ = [
    "DATA_DIR",
    "COUNTRY_COLUMNS",
    "ENTITY_COLUMNS",
    "load_seed_kb",
    "load_tables",
    "read_table",
    "strip_article",
    "english_plural",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

COUNTRY_COLUMNS = (
    "qid", "iso2", "iso3", "name_en", "aliases_en", "name_ar", "aliases_ar",
    "nisba_m", "nisba_f", "nisba_pl_m", "nisba_pl_f", "demonym_en", "capital_qid", "people_qid",
)
ENTITY_COLUMNS = (
    "qid", "local_id", "type", "kind", "name_en", "aliases_en", "name_ar", "aliases_ar",
    "short_ar", "short_en", "country", "role", "prior",
)

#: Prior of a country: states are the most frequent and least ambiguous names in the news.
COUNTRY_PRIOR = 0.9

# English demonyms whose plural is the same word ("the Chinese", "the French", "the Swiss");
# "Czech" → "Czechs" is regular, so not every "-ch".
_INVARIANT_EN = ("ese", "ish", "ench", "utch", "ss")


def strip_article(word: str) -> str:
    """The Arabic word without a leading definite article ال (nisba keys are stored bare).

    >>> strip_article("الأرمن"), strip_article("روسي"), strip_article("ال")
    ('أرمن', 'روسي', 'ال')
    """
    w = word.strip()
    # "ال" plus one or two letters (الم، الي) is too short to be article + nisba stem
    if w.startswith("ال") and len(w) > 4:
        return w[2:]
    return w


def english_plural(demonym: str) -> str | None:
    """The plural noun of an English demonym, or None when it is the same word.

    >>> english_plural("Russian"), english_plural("Czech"), english_plural("Chinese"), english_plural("Dutch")
    ('Russians', 'Czechs', None, None)
    """
    d = demonym.strip()
    if not d or d.lower().endswith(_INVARIANT_EN):
        return None
    return d + "s"


def _variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row dict) of a UTF-8 TSV whose header must equal ``columns``.

    Blank lines and lines starting with ``#`` are skipped. Raises :class:`KBError` with
    ``path:line`` on a wrong header or a row with the wrong number of fields.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"{path}: cannot read seed table: {exc}") from exc
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != columns:
                raise KBError(f"{path}:{lineno}: header must be {' '.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise KBError(f"{path}:{lineno}: expected {len(columns)} tab-separated fields, got {len(fields)}")
        yield lineno, {c: f.strip() for c, f in zip(columns, fields)}
    if not header_seen:
        raise KBError(f"{path}: empty seed table")


def _names(row: dict[str, str], *, with_short: bool) -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def put(lang: str, text: str, kind: str) -> None:
        if text and (lang, text) not in seen:
            seen.add((lang, text))
            out.append((lang, text, kind))

    for lang in ("en", "ar"):
        put(lang, row[f"name_{lang}"], "label")
        for v in _variants(row[f"aliases_{lang}"]):
            put(lang, v, "alias")
        if with_short:
            for v in _variants(row[f"short_{lang}"]):
                put(lang, v, "short")
    return tuple(out)


def _country(path: Path, lineno: int, row: dict[str, str]) -> tuple[Entity, list[tuple[str, Nisba]]]:
    qid = row["qid"]
    where = f"{path}:{lineno}"
    if not is_qid(qid):
        raise KBError(f"{where}: country needs a QID, got {qid!r}")
    if not row["name_en"] or not row["name_ar"]:
        raise KBError(f"{where}: country {qid} needs both name_en and name_ar")
    for col in ("capital_qid", "people_qid"):
        if row[col] and not is_qid(row[col]):
            raise KBError(f"{where}: {col} is not a QID: {row[col]!r}")
    facts = [(p, row[c]) for p, c in (("iso2", "iso2"), ("iso3", "iso3"), ("capital", "capital_qid"),
                                       ("people", "people_qid")) if row[c]]
    entity = Entity(id=qid, qid=qid, type="GPE", kind="country", names=_names(row, with_short=False),
                    country=qid, prior=COUNTRY_PRIOR, facts=tuple(facts))
    group = row["people_qid"] or None
    nisbas: list[tuple[str, Nisba]] = []
    for col, gender, number in (("nisba_m", "m", "sg"), ("nisba_f", "f", "sg"),
                                ("nisba_pl_m", "m", "pl"), ("nisba_pl_f", "f", "pl")):
        for form in _variants(row[col]):
            nisbas.append((name_key(strip_article(form)),
                           Nisba(country=qid, gender=gender, number=number, lang="ar",
                                 group=group if number == "pl" else None)))
    for dem in _variants(row["demonym_en"]):
        nisbas.append((name_key(dem), Nisba(country=qid, gender="m", number="sg", lang="en")))
        plural = english_plural(dem)
        if plural:
            nisbas.append((name_key(plural), Nisba(country=qid, gender="m", number="pl", lang="en", group=group)))
    return entity, nisbas


def _entity(path: Path, lineno: int, row: dict[str, str]) -> Entity:
    where = f"{path}:{lineno}"
    qid = row["qid"]
    if qid and not is_qid(qid):
        raise KBError(f"{where}: not a QID: {qid!r}")
    if not qid and not row["local_id"]:
        raise KBError(f"{where}: an entity without qid needs a local_id")
    if row["type"] not in ENTITY_TYPES:
        raise KBError(f"{where}: type must be one of {ENTITY_TYPES}, got {row['type']!r}")
    if row["country"] and not is_qid(row["country"]):
        raise KBError(f"{where}: country is not a QID: {row['country']!r}")
    try:
        prior = float(row["prior"]) if row["prior"] else 0.5
    except ValueError:
        raise KBError(f"{where}: prior is not a number: {row['prior']!r}") from None
    if not 0.0 <= prior <= 1.0:
        raise KBError(f"{where}: prior must be in [0, 1], got {prior}")
    names = _names(row, with_short=True)
    if not names:
        raise KBError(f"{where}: entity has no name")
    return Entity(id=qid or row["local_id"], qid=qid or None, type=row["type"], kind=row["kind"],
                  names=names, country=row["country"] or None, role=row["role"] or None, prior=prior)


def _version(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return "seed-" + h.hexdigest()[:12]


def load_tables(countries_path: Path | str, entities_path: Path | str) -> MemoryKB:
    """Build a :class:`MemoryKB` from a countries table and an entities table.

    Raises :class:`KBError` (with ``path:line``) on malformed rows or a duplicate id.
    """
    cpath, epath = Path(countries_path), Path(entities_path)
    entities: dict[str, Entity] = {}
    nisbas: list[tuple[str, Nisba]] = []
    for lineno, row in read_table(cpath, COUNTRY_COLUMNS):
        entity, forms = _country(cpath, lineno, row)
        if entity.id in entities:
            raise KBError(f"{cpath}:{lineno}: duplicate id {entity.id}")
        entities[entity.id] = entity
        nisbas.extend(forms)
    for lineno, row in read_table(epath, ENTITY_COLUMNS):
        entity = _entity(epath, lineno, row)
        if entity.id in entities:
            raise KBError(f"{epath}:{lineno}: duplicate id {entity.id}")
        entities[entity.id] = entity
    return MemoryKB(entities.values(), nisbas, version=_version(cpath, epath))


@lru_cache(maxsize=1)
def load_seed_kb() -> MemoryKB:
    """The bundled seed KB (loaded once per process; treat it as read-only)."""
    return load_tables(DATA_DIR / "countries.tsv", DATA_DIR / "entities.tsv")
