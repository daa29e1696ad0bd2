"""``kb info``: what a KB holds — counts by type, kind and language, source, build date, version.

>>> from graph.kb.base import Entity, MemoryKB
>>> kb = MemoryKB([Entity(id="Q1", qid="Q1", type="GPE", names=(("en", "Testland", "label"),))], version="t1")
>>> d = describe(kb)
>>> d["version"], d["counts"]["entities"], d["counts"]["by_type"], d["counts"]["entities_by_lang"]
('t1', 1, {'GPE': 1}, {'en': 1})
"""

from __future__ import annotations

from collections import Counter

from graph.kb.base import KnowledgeBase

__all__ = ["describe", "describe_layers"]


def describe(kb: KnowledgeBase) -> dict:
    """Metadata of one KB: a DiskKB's stored ``meta.json``; for other KBs, counted now."""
    meta = getattr(kb, "meta", None)
    if meta is not None:
        return dict(meta, path=str(getattr(kb, "path", "")))
    by_type: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_lang: Counter[str] = Counter()
    names_by_lang: Counter[str] = Counter()
    by_source: Counter[str] = Counter()
    for e in kb:
        by_source.update([v for p, v in e.facts if p == "source"] or [kb.version.split("-")[0]])
        by_type[e.type] += 1
        by_kind[e.kind or "-"] += 1
        by_lang.update({lang for lang, _, _ in e.names})
        names_by_lang.update(lang for lang, _, _ in e.names)
    nisba = sum(1 for _ in kb.nisba_items()) if hasattr(kb, "nisba_items") else None
    version = kb.version
    return {
        "version": version,
        "source": version.split("-")[0] if version.startswith("seed-") else type(kb).__name__,
        "built": None,
        "counts": {"entities": len(kb), "nisba": nisba, "by_type": dict(sorted(by_type.items())),
                   "by_kind": dict(sorted(by_kind.items())), "entities_by_lang": dict(sorted(by_lang.items())),
                   "names_by_lang": dict(sorted(names_by_lang.items())),
                   "by_source": dict(sorted(by_source.items()))},
    }


def describe_layers(kb: KnowledgeBase) -> list[dict]:
    """:func:`describe` of every layer of a layered KB (or of the KB itself), highest first."""
    return [describe(layer) for layer in getattr(kb, "layers", (kb,))]
