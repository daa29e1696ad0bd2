"""A real Oxigraph SPARQL server on 127.0.0.1 for tests: start, wait until it answers, stop.

    with OxigraphServer(tmp_path / "db") as srv:
        open_store(srv.url).replace_graph(...)
        srv.stop(); srv.start()  # restart on the same data directory

The server comes from the ``oxigraph`` PyPI package (the ``oxigraph`` command); tests that
need it should call :func:`require_oxigraph` so they skip with a reason where it is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

__all__ = ["OxigraphServer", "free_port", "oxigraph_executable", "require_oxigraph"]


def oxigraph_executable() -> str | None:
    return shutil.which("oxigraph")


def require_oxigraph() -> str:
    import pytest

    exe = oxigraph_executable()
    if exe is None:
        pytest.skip("the oxigraph server command is absent (pip install oxigraph)")
    return exe


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` as a managed child process.

    ``union_default_graph`` stays off for newsgraph data: its stores keep the default graph as
    the union of the named graphs themselves (see graph/store/union.py).
    """

    def __init__(self, location: str | Path, *, port: int | None = None, union_default_graph: bool = False,
                 read_only: bool = False, startup_timeout: float = 30.0):
        self.location = Path(location)
        self.port = port or free_port()
        self.union_default_graph = union_default_graph
        self.read_only = read_only
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        exe = oxigraph_executable()
        if exe is None:
            raise RuntimeError("the oxigraph server command is absent (pip install oxigraph)")
        cmd = [exe, "serve-read-only" if self.read_only else "serve", "--location", str(self.location),
               "--bind", f"127.0.0.1:{self.port}"]
        return cmd + (["--union-default-graph"] if self.union_default_graph else [])

    def start(self) -> OxigraphServer:
        if self.proc is not None:
            return self
        self.location.mkdir(parents=True, exist_ok=True)
        self._log = open(self.location.parent / f"oxigraph-{self.port}.log", "ab")  # noqa: SIM115 - lives as long as the server
        self.proc = subprocess.Popen(self.command(), stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._close_log()
                raise RuntimeError(f"oxigraph exited with {self.proc.returncode}: {self.log_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph did not answer on {self.url} within {self.startup_timeout}s")

    def stop(self) -> None:
        """Stop the server (terminate, then kill) and wait until the data directory is free."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None
        self._close_log()

    def restart(self) -> OxigraphServer:
        self.stop()
        return self.start()

    def log_text(self) -> str:
        p = self.location.parent / f"oxigraph-{self.port}.log"
        return p.read_text(encoding="utf-8", errors="replace")[-2000:] if p.exists() else ""

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> OxigraphServer:  # noqa: PYI034
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
