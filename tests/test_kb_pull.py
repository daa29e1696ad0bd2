"""``kb pull`` against a real Oxigraph server loaded with a Wikidata-shaped fixture (no internet).

The fixture (tests/fixtures/wikidata/items.ttl) holds invented items with fake QIDs
Q99000xxxx; dump.json holds the same items in the Wikidata JSON dump format.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.errors import KBError
from graph.kb.base import name_key
from graph.kb.disk import DiskKB
from graph.kb.dump import import_dump
from graph.kb.layered import open_kb
from graph.kb.pull import USER_AGENT, pull_wikidata
from graph.kb.scope import scope_names
from graph.kb.seed import load_seed_kb
from graph.text.tokenize import tokenize

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wikidata"
OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server CLI (pip install oxigraph) is not installed")

MINISTER_QID = "Q990000010"
MINISTER_AR = "كامران تستوغلو"
STATES = ("Q990000001", "Q990000002", "Q990000003")  # what the 'states' scope selects in the fixture


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """A real ``oxigraph serve`` on 127.0.0.1 over a store loaded from the fixture."""

    def __init__(self, location: Path, port: int | None = None):
        self.location = location
        self.port = port or _free_port()
        self.proc: subprocess.Popen | None = None
        if not location.exists():
            subprocess.run([OXIGRAPH, "load", "--location", str(location), "--file", str(FIXTURES / "items.ttl")],
                           check=True, capture_output=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def start(self) -> OxigraphServer:
        self.proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location),
                                      "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/query?query=ASK%7B%7D", timeout=1):
                    return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("oxigraph serve exited at start")
                time.sleep(0.05)
        raise RuntimeError("oxigraph serve did not answer within 20 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None


@pytest.fixture()
def server(tmp_path):
    srv = OxigraphServer(tmp_path / "oxi").start()
    yield srv
    srv.stop()


def _pull(server, tmp_path, **kw):
    kw.setdefault("scopes", ("states",))
    kw.setdefault("page_size", 2)
    kw.setdefault("retries", 1)
    kw.setdefault("backoff", 0.05)
    kw.setdefault("cache_dir", tmp_path / "cache")
    return pull_wikidata(kw.pop("kb", tmp_path / "kb"), endpoint=kw.pop("endpoint", server.endpoint), **kw)


def _snapshot(kb) -> dict:
    return {e.id: (e.type, e.kind, e.country, sorted(e.names), sorted(e.facts), e.prior) for e in kb}


def _link_sentence(kb, text: str) -> list[tuple[str, str]]:
    """Longest KB match over the words of ``text``: what a recogniser does with is_prefix/lookup."""
    words = [t for t in tokenize(text) if t.is_word]
    found, i = [], 0
    while i < len(words):
        best, j = None, i
        while j < len(words):
            key = name_key(text[words[i].start:words[j].end])
            if kb.lookup(key):
                best = (j, kb.lookup(key)[0].id, text[words[i].start:words[j].end])
            if not kb.is_prefix(key):
                break
            j += 1
        if best:
            found.append((best[2], best[1]))
            i = best[0] + 1
        else:
            i += 1
    return found


def test_pull_links_new_person_the_seed_cannot(server, tmp_path):
    r = _pull(server, tmp_path, scopes=("ministers", "states"), page_size=50)
    sentence = "وقال وزير الخارجية كامران تستوغلو إن المحادثات مع تستلاند ستستمر."
    assert load_seed_kb().lookup(name_key(MINISTER_AR)) == ()
    assert (MINISTER_AR, MINISTER_QID) not in _link_sentence(load_seed_kb(), sentence)
    kb = open_kb(r.kb_path)
    links = _link_sentence(kb, sentence)
    assert (MINISTER_AR, MINISTER_QID) in links and ("تستلاند", "Q990000001") in links
    minister = kb.get(MINISTER_QID)
    assert minister.type == "PER" and minister.country == "Q990000001"
    # p:P39 statements with pq:P580/P582; the deprecated one (Q990000024) is left out
    assert minister.fact("P580:Q990000020") == "2020-07-16"
    assert minister.fact("P582:Q990000023") == "2020-07-15"
    assert "Q990000024" not in {v for p, v in minister.facts if p == "P39"}
    # the link can carry the version of the KB that gave it
    assert kb.version_of(MINISTER_QID) == DiskKB(r.kb_path).version == r.version
    assert r.version.startswith("wikidata-sparql@")
    # P1549 demonyms feed the nisba table, the seed's nisbas are still there
    assert [n.country for n in kb.nisba(name_key("تستلاندي"))] == ["Q990000001"]
    assert kb.nisba(name_key("روسي"))


@pytest.mark.parametrize("page_size,pages", [(1, 4), (2, 2), (3, 2), (50, 1)])
def test_page_size_sets_requests(server, tmp_path, page_size, pages):
    r = _pull(server, tmp_path, page_size=page_size, keep_cache=True)
    assert (r.pages_fetched, r.pages_cached, r.requests) == (pages, 0, pages)
    assert sorted(DiskKB(r.kb_path).ids()) == list(STATES)
    assert len(list((tmp_path / "cache").glob("*/page-*.json"))) == pages
    # a complete pull deletes its pages by default: the next pull asks for fresh data
    again = _pull(server, tmp_path, page_size=page_size, kb=tmp_path / "kb2")
    assert (again.pages_cached, again.pages_fetched) == (pages, 0)
    assert not list((tmp_path / "cache").glob("*/page-*.json"))
    fresh = _pull(server, tmp_path, page_size=page_size, kb=tmp_path / "kb3")
    assert (fresh.pages_cached, fresh.pages_fetched) == (0, pages)


def test_every_scope_runs_and_filters(server, tmp_path):
    r = _pull(server, tmp_path, scopes=scope_names(), page_size=3)
    kb = DiskKB(r.kb_path)
    ids = set(kb.ids())
    assert {"Q990000004", "Q990000011", MINISTER_QID, "Q990000030", "Q990000031", "Q990000032",
            "Q990000033", "Q990000034", "Q990000035"} <= ids
    assert "Q990000005" not in ids  # population 5,000 < min_population
    assert "Q990000012" not in ids  # minister until 1980 < since=1990, and no Arabic label
    assert "Q990000036" not in ids and r.skipped >= 1  # only a French label
    assert kb.get("Q990000004").country == "Q990000001"  # preferred P17 only
    assert kb.get("Q990000014").label("en") == "Rauf Testzade"  # a "mul" label stands in for English
    assert kb.meta["counts"]["by_type"]["ORG"] == 6
    low = _pull(server, tmp_path, scopes=("cities",), params={"min_population": "1000"}, kb=tmp_path / "kb2")
    assert "Q990000005" in set(DiskKB(low.kb_path).ids())


def test_retries_until_the_server_comes_up(tmp_path):
    srv = OxigraphServer(tmp_path / "oxi")
    starter = threading.Timer(0.6, srv.start)
    starter.start()
    try:
        r = _pull(srv, tmp_path, retries=8, backoff=0.1)
    finally:
        starter.join()
        srv.stop()
    assert r.requests > r.pages_fetched  # some attempts failed, then succeeded
    assert sorted(DiskKB(r.kb_path).ids()) == list(STATES)


def test_gives_up_with_a_clear_error(tmp_path):
    port = _free_port()
    with pytest.raises(KBError, match=rf"127\.0\.0\.1:{port}.*unreachable after 3 attempts"):
        pull_wikidata(tmp_path / "kb", endpoint=f"http://127.0.0.1:{port}/query", scopes=("states",),
                      cache_dir=tmp_path / "c", retries=2, backoff=0.01)
    assert not (tmp_path / "kb").exists()


def test_resume_after_the_server_stops_mid_pull(tmp_path):
    srv = OxigraphServer(tmp_path / "oxi").start()
    try:
        full = _pull(srv, tmp_path, scopes=("states", "ministers"), page_size=1, kb=tmp_path / "full",
                     cache_dir=tmp_path / "fullcache")
        assert full.pages_fetched == 4 + 3 and full.pages_cached == 0

        def stop_after_second(scope, n, items):
            if scope == "states" and n == 1:
                srv.stop()

        with pytest.raises(KBError, match="unreachable"):
            _pull(srv, tmp_path, scopes=("states", "ministers"), page_size=1, on_page=stop_after_second)
        assert len(list((tmp_path / "cache").glob("states-*/page-*.json"))) == 2
        srv.start()
        r = _pull(srv, tmp_path, scopes=("states", "ministers"), page_size=1)
    finally:
        srv.stop()
    assert r.pages_cached == 2 and r.pages_fetched == full.pages_fetched - 2
    assert not list((tmp_path / "cache").glob("*/page-*.json"))  # done: the pages are gone
    kb = DiskKB(r.kb_path)
    ids = list(kb.ids())
    assert len(ids) == len(set(ids)) == len(kb) == full.entities
    assert _snapshot(kb) == _snapshot(DiskKB(full.kb_path))
    assert [e.id for e in kb.lookup(name_key("تستلاند"))] == ["Q990000001"]


def test_rerun_updates_in_place_without_duplicates(server, tmp_path):
    first = _pull(server, tmp_path)
    again = _pull(server, tmp_path, scopes=("states", "ministers"), cache_dir=tmp_path / "other")
    kb = DiskKB(again.kb_path)
    ids = list(kb.ids())
    assert len(ids) == len(set(ids)) == len(STATES) + 2  # the two ministers
    assert again.version != first.version
    assert [h["source"] for h in kb.meta["history"]] == ["wikidata-sparql", "wikidata-sparql"]


def test_import_dump_gives_the_same_kb_as_pull(server, tmp_path):
    r = _pull(server, tmp_path, scopes=scope_names(), page_size=4)
    # the dump holds every fixture item; the filters that the pull scopes apply by population
    # and dates are applied here by sitelinks (the excluded items have none)
    d = import_dump(FIXTURES / "dump.json", tmp_path / "dumpkb", min_sitelinks=1)
    pulled, dumped = DiskKB(r.kb_path), DiskKB(d.kb_path)
    assert _snapshot(pulled) == _snapshot(dumped)
    assert sorted(pulled.nisba_items()) == sorted(dumped.nisba_items())
    assert pulled.meta["content_hash"] == dumped.meta["content_hash"]


def test_user_agent_names_newsgraph(monkeypatch):
    from graph._version import __version__
    from graph.kb.pull import user_agent

    assert USER_AGENT.startswith(f"newsgraph/{__version__} ")
    monkeypatch.setenv("NEWSGRAPH_CONTACT", "ops@example.org")
    assert user_agent().startswith(f"newsgraph/{__version__} (") and "; ops@example.org)" in user_agent()


def test_cli_pull_then_info(server, tmp_path):
    from graph.cli import main

    runner = CliRunner()
    res = runner.invoke(main, ["kb", "pull", "--endpoint", server.endpoint, "--scope", "ministers",
                               "--scope", "states", "--kb", str(tmp_path / "kb"), "--page-size", "2",
                               "--cache", str(tmp_path / "cache"), "--retries", "0"])
    assert res.exit_code == 0, res.output
    assert "KB version wikidata-sparql@" in res.output
    info = runner.invoke(main, ["kb", "info", "--kb", str(tmp_path / "kb"), "--json"])
    assert info.exit_code == 0, info.output
    import json

    data = json.loads(info.output)
    assert data["layers"][0]["counts"]["entities"] == 5 and data["layers"][0]["counts"]["by_type"]["PER"] == 2
    assert data["layers"][0]["counts"]["by_source"] == {"wikidata-sparql": 5}
    # under the pull: the bundled KB, with its counts by kind and by source
    bundled = data["layers"][1]
    assert bundled["version"].startswith(("bundle@", "seed-"))
    assert bundled["counts"]["by_kind"]["country"] >= 180 and sum(bundled["counts"]["by_source"].values()) > 0
    table = runner.invoke(main, ["kb", "info", "--kb", str(tmp_path / "kb")])
    assert table.exit_code == 0 and "by type: PER" in table.output and "by source:" in table.output


@pytest.mark.webtest
def test_public_wikidata_states(tmp_path):
    r = pull_wikidata(tmp_path / "kb", scopes=("states",), page_size=500, cache_dir=tmp_path / "c", retries=2)
    assert "Q227" in DiskKB(r.kb_path)


def test_http_503_is_retried_with_the_user_agent(tmp_path, monkeypatch):
    """A real HTTP server that answers 503 twice, then SPARQL JSON: retried, and told who asks."""
    import json
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from graph.kb.pull import fetch_json

    seen: list[tuple[int, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            code = 503 if len(seen) < 2 else 200
            seen.append((code, self.headers.get("User-Agent", "")))
            body = json.dumps({"head": {"vars": ["item"]}, "results": {"bindings": []}}).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    monkeypatch.setenv("NEWSGRAPH_CONTACT", "ops@example.org")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    waits: list[float] = []
    try:
        res = fetch_json(f"http://127.0.0.1:{httpd.server_address[1]}/sparql", "ASK {}", retries=3, backoff=0.5,
                         sleep=waits.append)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert res["results"]["bindings"] == []
    assert [c for c, _ in seen] == [503, 503, 200]
    assert waits == [0.5, 1.0]  # exponential back-off
    assert all(ua.startswith("newsgraph/") and "ops@example.org" in ua for _, ua in seen)


def test_a_timed_out_page_is_asked_again_smaller(server, tmp_path):
    """A proxy in front of the real server answers like Blazegraph on a timeout for pages over 1 item."""
    import re
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    limits: list[int] = []

    class Proxy(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            query = urllib.parse.parse_qs(body.decode("utf-8"))["query"][0]
            limit = int(re.search(r"LIMIT (\d+)", query).group(1))
            limits.append(limit)
            if limit > 1:
                self.send_response(500)
                self.end_headers()
                self.wfile.write(b"java.util.concurrent.TimeoutException")
                return
            req = urllib.request.Request(server.endpoint, data=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=10) as resp:
                data = resp.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    import urllib.parse

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        r = _pull(server, tmp_path, endpoint=f"http://127.0.0.1:{httpd.server_address[1]}/sparql", page_size=4)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert limits[:3] == [4, 2, 1] and set(limits[3:]) == {1}
    assert sorted(DiskKB(r.kb_path).ids()) == list(STATES)
    assert [p.message for p in r.problems] == ["query timed out; page size lowered to 2",
                                               "query timed out; page size lowered to 1"]
