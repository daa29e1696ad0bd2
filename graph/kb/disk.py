"""The on-disk KB: one directory of memory-mapped marisa tries, loaded in milliseconds.

Layout of a KB directory::

    meta.json      format, version, source, dates, content hash, counts by type/kind/language/source
    names.marisa   BytesTrie: name_key(name) → entity id (one value per entity having that key)
    records.marisa BytesTrie: entity id → the entity as compact JSON, decoded only when asked for
    nisba.json     [[key, country, gender, number, lang, group], ...]

Both tries are memory-mapped, so opening a KB of millions of names reads only ``meta.json`` and
``nisba.json``; the OS pages the rest in as lookups touch it.

The version is ``<source>@<YYYY-MM-DD>#<content hash>``: two KBs with the same entities have the
same hash whatever order they were written in, and any change of content changes it.

>>> import tempfile
>>> from graph.kb.base import Entity
>>> d = tempfile.mkdtemp()
>>> kb = write_kb([Entity(id="Q1", qid="Q1", type="GPE", names=(("en", "Testland", "label"),))],
...               [], d, source="doctest")
>>> [e.id for e in DiskKB(d).lookup("testland")], DiskKB(d).version.startswith("doctest@")
(['Q1'], True)
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from graph.errors import KBError
from graph.kb.base import Entity, Nisba, NisbaTable, name_key

__all__ = ["FORMAT", "DiskKB", "entity_from_json", "entity_to_json", "is_kb_dir", "read_meta", "write_kb"]

FORMAT = "newsgraph-kb/1"
_FILES = ("meta.json", "names.marisa", "records.marisa", "nisba.json")


def entity_to_json(e: Entity) -> bytes:
    """Compact JSON of an entity (a list, not an object: a third of the size)."""
    return json.dumps([e.id, e.qid, e.type, e.kind, [list(n) for n in e.names], e.country, e.role,
                       e.prior, [list(f) for f in e.facts]],
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entity_from_json(data: bytes) -> Entity:
    i, q, t, k, names, c, r, p, facts = json.loads(data)
    return Entity(id=i, qid=q, type=t, kind=k, names=tuple(tuple(n) for n in names), country=c,
                  role=r, prior=p, facts=tuple(tuple(f) for f in facts))


def is_kb_dir(path: str | os.PathLike) -> bool:
    return (Path(path) / "meta.json").is_file()


def read_meta(path: str | os.PathLike) -> dict:
    """The metadata of the KB in ``path``; :class:`KBError` if it is not a KB directory."""
    p = Path(path) / "meta.json"
    try:
        meta = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KBError(f"{path}: not a newsgraph KB directory (no meta.json); create one with 'newsgraph kb pull' "
                      "or 'newsgraph kb import-dump'") from None
    except (OSError, ValueError) as exc:
        raise KBError(f"{p}: unreadable KB metadata: {exc}") from exc
    if meta.get("format") != FORMAT:
        raise KBError(f"{p}: unsupported KB format {meta.get('format')!r} (expected {FORMAT})")
    return meta


class DiskKB(NisbaTable):
    """A :class:`~graph.kb.base.KnowledgeBase` over a KB directory written by :func:`write_kb`."""

    def __init__(self, path: str | os.PathLike):
        import marisa_trie

        self.path = Path(path)
        self.meta = read_meta(self.path)
        self.version: str = self.meta["version"]
        self._names = marisa_trie.BytesTrie()
        self._records = marisa_trie.BytesTrie()
        try:
            self._names.mmap(str(self.path / "names.marisa"))
            self._records.mmap(str(self.path / "records.marisa"))
            rows = json.loads((self.path / "nisba.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, RuntimeError) as exc:
            raise KBError(f"{self.path}: corrupt KB directory ({exc}); rebuild it") from exc
        self._nisba: dict[str, list[Nisba]] = {}
        for key, country, gender, number, lang, group in rows:
            self._nisba.setdefault(key, []).append(Nisba(country, gender, number, lang, group))
        # entities are decoded lazily; hot ones (countries, leaders) stay decoded
        self.get = lru_cache(maxsize=65536)(self._get)  # type: ignore[method-assign]
        # recognisers probe the same names again and again (every n-gram of every sentence)
        self.lookup = lru_cache(maxsize=65536)(self._lookup)  # type: ignore[method-assign]
        # and ask whether a longer name may follow the same prefixes as often (a trie walk each time)
        self.is_prefix = lru_cache(maxsize=65536)(self._is_prefix)  # type: ignore[method-assign]

    def _get(self, entity_id: str) -> Entity | None:
        values = self._records.get(entity_id)
        return entity_from_json(values[0]) if values else None

    def get(self, entity_id: str) -> Entity | None:  # replaced per instance by a cached copy
        return self._get(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and entity_id in self._records

    def lookup(self, key: str) -> tuple[Entity, ...]:  # replaced per instance by a cached copy
        return self._lookup(key)

    def _lookup(self, key: str) -> tuple[Entity, ...]:
        ids = self._names.get(key)
        if not ids:
            return ()
        found = [e for e in (self.get(i.decode("utf-8")) for i in ids) if e is not None]
        found.sort(key=lambda e: (-e.prior, e.id))
        return tuple(found)

    def is_prefix(self, key: str) -> bool:  # replaced per instance by a cached copy
        return self._is_prefix(key)

    def _is_prefix(self, key: str) -> bool:
        return next(iter(self._names.iterkeys(key + " ")), None) is not None

    def ids(self) -> Iterator[str]:
        return self._records.iterkeys()

    def __iter__(self) -> Iterator[Entity]:
        for _, data in self._records.iteritems():
            yield entity_from_json(data)

    def __len__(self) -> int:
        return int(self.meta["counts"]["entities"])

    def __reduce__(self):
        # worker processes reopen the directory (memory maps and caches are not picklable)
        return (DiskKB, (str(self.path),))

    def __repr__(self) -> str:
        return f"DiskKB({str(self.path)!r}, version={self.version!r}, entities={len(self)})"


class _Counts:
    """Counts by type, kind and language, fed one record at a time."""

    def __init__(self) -> None:
        self.by_type: Counter[str] = Counter()
        self.by_kind: Counter[str] = Counter()
        self.by_lang: Counter[str] = Counter()
        self.names_by_lang: Counter[str] = Counter()
        self.by_source: Counter[str] = Counter()

    def add(self, type_: str, kind: str, names: list, sources: list[str] | None = None) -> None:
        self.by_source.update(sources or ["-"])
        self.by_type[type_] += 1
        self.by_kind[kind or "-"] += 1
        self.by_lang.update({n[0] for n in names})
        self.names_by_lang.update(n[0] for n in names)

    def as_dict(self, entities: int, names: int, nisba: int) -> dict:
        return {"entities": entities, "names": names, "nisba": nisba,
                "by_type": dict(sorted(self.by_type.items())), "by_kind": dict(sorted(self.by_kind.items())),
                "entities_by_lang": dict(sorted(self.by_lang.items())),
                "names_by_lang": dict(sorted(self.names_by_lang.items())),
                "by_source": dict(sorted(self.by_source.items()))}


def write_kb(entities: Iterable[Entity], nisbas: Iterable[tuple[str, Nisba]], path: str | os.PathLike,
             source: str, *, merge: bool = True, source_date: str | None = None,
             details: dict | None = None, built: bool = True) -> DiskKB:
    """Write (or update) the KB directory ``path`` and return it opened.

    With ``merge`` (the default) an existing KB at ``path`` is kept and updated in place: an
    entity with the same id replaces the old one (so re-running a pull never duplicates), new
    nisba rows are added. ``details`` (endpoint, file …) go into the metadata's history. The
    directory is replaced atomically, so a reader never sees half a KB. ``built=False`` leaves the
    build time out of the metadata (a reproducible KB: same entities, same bytes).
    """
    import marisa_trie

    path = Path(path)
    if path.exists() and not is_kb_dir(path) and any(path.iterdir()):
        raise KBError(f"{path}: exists and is not a KB directory; refusing to overwrite it")
    # records are held encoded (a third of the memory of Entity objects) until written
    table: dict[str, bytes] = {}
    nisba_rows: dict[tuple, None] = {}
    history: list[dict] = []
    if merge and is_kb_dir(path):
        old = DiskKB(path)
        for eid, data in old._records.iteritems():
            table[eid] = data
        for k, n in old.nisba_items():
            nisba_rows[(k, n.country, n.gender, n.number, n.lang, n.group)] = None
        history = list(old.meta.get("history", []))
        del old
    added = replaced = 0
    for e in entities:
        if e.id in table:
            replaced += 1
        else:
            added += 1
        table[e.id] = entity_to_json(e)
    for k, n in nisbas:
        k = name_key(k)
        if k:
            nisba_rows[(k, n.country, n.gender, n.number, n.lang, n.group)] = None
    nisba_list = sorted(nisba_rows, key=lambda r: tuple("" if x is None else x for x in r))
    order = sorted(table)
    digest = hashlib.sha256()
    counts = _Counts()

    def records():
        for eid in order:
            data = table[eid]
            digest.update(data + b"\n")
            _, _, type_, kind, names, _, _, _, facts = json.loads(data)
            # an entity's own source facts (a bundled KB merges several); else the KB's source
            counts.add(type_, kind, names, [v for p, v in facts if p == "source"] or [source])
            yield eid, data

    def name_pairs():
        for eid in order:
            bid = eid.encode("utf-8")
            # one entity gives each key once; different entities never give the same pair
            for k in {name_key(n[1]) for n in json.loads(table[eid])[4]}:
                if k:
                    yield k, bid

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        marisa_trie.BytesTrie(records()).save(str(tmp / "records.marisa"))
        names_trie = marisa_trie.BytesTrie(name_pairs())
        names_trie.save(str(tmp / "names.marisa"))
        n_names = len(names_trie)
        del names_trie
        digest.update(json.dumps(nisba_list, ensure_ascii=False).encode("utf-8"))
        today = _dt.datetime.now(_dt.timezone.utc)
        date = source_date or today.date().isoformat()
        content_hash = digest.hexdigest()
        history.append({"source": source, "date": date, "added": added, "replaced": replaced, **(details or {})})
        meta = {
            "format": FORMAT,
            "version": f"{source}@{date}#{content_hash[:12]}",
            "source": source,
            "source_date": date,
            "built": today.isoformat(timespec="seconds") if built else None,
            "content_hash": content_hash,
            "counts": counts.as_dict(len(table), n_names, len(nisba_list)),
            "history": history,
        }
        (tmp / "nisba.json").write_text(json.dumps(nisba_list, ensure_ascii=False), encoding="utf-8")
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        if path.exists():
            old_dir = path.with_name(f".{path.name}.old")
            shutil.rmtree(old_dir, ignore_errors=True)
            path.rename(old_dir)
            tmp.rename(path)
            shutil.rmtree(old_dir, ignore_errors=True)
        else:
            tmp.rename(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return DiskKB(path)
