"""Send a dataset to a remote SPARQL store in batches, through a spool that loses nothing.

Every batch (a few whole named graphs) is first written to the spool directory, then sent,
then deleted. A batch that cannot be sent stays on disk, and so do the batches after it; the
next push to the same URL sends the spooled batches first, oldest first, then the new data.
Each batch *replaces* its graphs (see :mod:`graph.store.sparql`), so a batch sent twice (e.g.
when the server applied it but the answer was lost) still leaves exactly one copy of each quad.

>>> spool_dir("/tmp/spool", "http://127.0.0.1:7878").name[:4]
'http'
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.store.base import quads_by_graph

__all__ = ["PushReport", "default_spool_root", "pending_batches", "push", "spool_dir"]


@dataclass
class PushReport:
    url: str
    spool: Path
    batches_sent: int = 0
    graphs_sent: int = 0
    quads_sent: int = 0
    resent: int = 0  # batches left over by an earlier push and sent now
    pending: list[Path] = field(default_factory=list)  # batches still in the spool
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.pending

    def summary(self) -> str:
        head = (f"pushed {self.graphs_sent} graphs ({self.quads_sent} quads) in {self.batches_sent} batches "
                f"to {self.url}" + (f", {self.resent} of them resent from the spool" if self.resent else ""))
        if self.ok:
            return head
        return (f"{head}; FAILED: {self.error}; {len(self.pending)} batch(es) kept in {self.spool} "
                f"and resent by the next push")


def default_spool_root() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsgraph")) / "push-spool"


def spool_dir(root: str | Path, url: str) -> Path:
    """One spool per target URL, so batches meant for one server never go to another."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", url).strip("-")[:60]
    return Path(root) / f"{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:10]}"


def pending_batches(spool: Path) -> list[Path]:
    return sorted(spool.glob("*.nq")) if spool.is_dir() else []


def _write_batch(spool: Path, seq: int, quads: list[ox.Quad]) -> Path:
    # names sort by creation time, then sequence: resending keeps the original order
    path = spool / f"{time.time_ns():020d}-{seq:06d}.nq"
    tmp = path.with_suffix(".part")
    with open(tmp, "wb") as fh:
        ox.serialize(quads, fh, format=ox.RdfFormat.N_QUADS)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)  # a crash mid-write leaves a .part file, never a truncated batch
    return path


def _read_batch(path: Path) -> dict[str, list[ox.Quad]]:
    with open(path, "rb") as fh:
        return quads_by_graph(ox.parse(fh, format=ox.RdfFormat.N_QUADS))


def push(source, url: str, *, batch_size: int = 50, spool: str | Path | None = None,
         retries: int = 3, backoff: float = 0.5, timeout: float = 60.0,
         on_batch: Callable[[int, Path], None] | None = None) -> PushReport:
    """Send ``source`` (a build's output dir, a store spec, a Store, or quads) to ``url``.

    ``batch_size`` counts named graphs (articles) per request. ``spool`` is the spool root
    (default: the user's cache directory); ``on_batch(n, path)`` runs after each batch sent.
    Failure does not raise: the report says what was sent and what waits in the spool.
    """
    from graph.store import Store, open_store
    from graph.store.sparql import SparqlStore

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    remote = SparqlStore(url, retries=retries, backoff=backoff, timeout=timeout)
    sp = spool_dir(spool or default_spool_root(), remote.url)
    sp.mkdir(parents=True, exist_ok=True)
    report = PushReport(url=remote.url, spool=sp)
    old = pending_batches(sp)

    # spool the new data first: from here on nothing is lost, whatever happens to the network
    if source is not None:
        if isinstance(source, Store):
            quads: Iterable[ox.Quad] = source.quads()
            graphs = quads_by_graph(quads)
        elif isinstance(source, (str, os.PathLike)):
            with open_store(source, create=False) as s:
                graphs = quads_by_graph(s.quads())
        else:
            graphs = quads_by_graph(source)
        names = sorted(graphs)
        for seq, start in enumerate(range(0, len(names), batch_size)):
            chunk = list(itertools.chain.from_iterable(graphs[g] for g in names[start:start + batch_size]))
            _write_batch(sp, seq, chunk)

    for path in pending_batches(sp):
        batch = _read_batch(path)
        try:
            remote.send_batch(batch)
        except StoreError as exc:
            report.error = str(exc)
            break
        path.unlink()
        report.batches_sent += 1
        report.graphs_sent += len(batch)
        report.quads_sent += sum(len(q) for q in batch.values())
        report.resent += path in old
        if on_batch is not None:
            on_batch(report.batches_sent, path)
    report.pending = pending_batches(sp)
    return report
