"""A read-only SPARQL endpoint over a build's store: the Oxigraph server, run on 127.0.0.1.

``oxigraph serve-read-only`` (from the ``oxigraph`` PyPI package) opens ``DIR/store`` without
taking the writer's lock and answers SPARQL 1.1 Protocol requests at ``/query``. The default
graph already holds the union of the articles' graphs (:mod:`graph.store.union`), so the
server runs without ``--union-default-graph``. Do not build into the same directory while it
serves: Oxigraph leaves reading during a write undefined.

>>> cmd = serve_command("out", "127.0.0.1", 7878, executable="oxigraph")
>>> cmd[1:3], cmd[-2:]
(['serve-read-only', '--location'], ['--bind', '127.0.0.1:7878'])
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from graph.errors import StoreError
from graph.store.oxigraph import store_path

__all__ = ["oxigraph_executable", "serve", "serve_command"]


def oxigraph_executable() -> str:
    exe = shutil.which("oxigraph")
    if exe is None:
        raise StoreError("the Oxigraph server is not installed: pip install oxigraph (it provides the "
                         "'oxigraph' command)")
    return exe


def serve_command(store: str | Path, host: str = "127.0.0.1", port: int = 7878, *,
                  executable: str | None = None) -> list[str]:
    exe = executable or oxigraph_executable()
    return [exe, "serve-read-only", "--location", str(store_path(store)), "--bind", f"{host}:{port}"]


def serve(store: str | Path, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Replace this process with the Oxigraph server (signals and Ctrl-C reach it directly)."""
    loc = store_path(store)
    if not loc.is_dir():
        raise StoreError(f"{store}: no store to serve (expected {loc}; run `newsgraph build` first)")
    cmd = serve_command(store, host, port)
    os.execv(cmd[0], cmd)
