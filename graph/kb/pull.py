"""``kb pull``: build or update a KB from a Wikidata SPARQL endpoint, page by page, resumably.

Each scope (:mod:`graph.kb.scope`) is fetched in keyset pages of ``page_size`` items ordered by
IRI. Every page is saved in the cache directory before it is used; a pull that stops (server
down, network gone, Ctrl-C) is resumed by running it again: saved pages are read back, only the
missing ones are asked for, and entities are keyed by QID, so nothing is duplicated.

Requests go through SPARQLWrapper with a User-Agent naming newsgraph and its version (Wikidata's
policy), and transient failures (connection refused, timeouts, HTTP 429/5xx) are retried with
exponential back-off.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph._version import __version__
from graph.errors import KBError
from graph.kb.base import Entity, Nisba
from graph.kb.scope import Scope, load_scope, page_query
from graph.kb.wikidata import Item, item_nisbas, item_to_entity, normalise_point, normalise_time
from graph.types import Problem

__all__ = [
    "USER_AGENT",
    "WIKIDATA_ENDPOINT",
    "PullResult",
    "QueryTimeout",
    "default_cache_dir",
    "fetch_json",
    "items_from_rows",
    "pull_wikidata",
    "user_agent",
]

WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = f"newsgraph/{__version__} (open-source news knowledge-graph builder) SPARQLWrapper"
_WD = "http://www.wikidata.org/entity/"
_RETRY_HTTP = {429, 500, 502, 503, 504}


@dataclass(slots=True)
class PullResult:
    kb_path: str
    version: str
    entities: int = 0  # entities written by this pull
    pages_fetched: int = 0
    pages_cached: int = 0
    requests: int = 0  # HTTP requests, retries included
    skipped: int = 0  # items without a name in the requested languages or without a known type
    problems: list[Problem] = field(default_factory=list)


def user_agent() -> str:
    """:data:`USER_AGENT`, with the contact in ``NEWSGRAPH_CONTACT`` (an e-mail or URL) when set,
    as Wikidata's User-Agent policy asks of heavy users."""
    contact = os.environ.get("NEWSGRAPH_CONTACT", "").strip()
    return USER_AGENT.replace(")", f"; {contact})", 1) if contact else USER_AGENT


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("NEWSGRAPH_CACHE_DIR") or user_cache_dir("newsgraph")) / "pull"


def _retryable(exc: BaseException) -> bool:
    from urllib.error import HTTPError, URLError

    from SPARQLWrapper.SPARQLExceptions import EndPointInternalError

    if isinstance(exc, HTTPError):
        return exc.code in _RETRY_HTTP
    return isinstance(exc, (URLError, EndPointInternalError, TimeoutError, ConnectionError, OSError))


class QueryTimeout(KBError):
    """The endpoint (or the client) timed out on a query: a smaller page may get through."""


def _is_timeout(exc: BaseException) -> bool:
    from urllib.error import HTTPError, URLError

    if isinstance(exc, TimeoutError) or (isinstance(exc, URLError) and isinstance(exc.reason, TimeoutError)):
        return True
    if isinstance(exc, HTTPError) and exc.code == 504:
        return True
    # Blazegraph (query.wikidata.org) answers 500 with a Java TimeoutException in the body
    return "TimeoutException" in str(exc)


def fetch_json(endpoint: str, query: str, *, retries: int = 5, backoff: float = 2.0, timeout: float = 120.0,
               agent: str | None = None, sleep: Callable[[float], None] = time.sleep,
               counter: list[int] | None = None, timeouts_raise: bool = False) -> dict:
    """Run ``query`` on ``endpoint`` and return the SPARQL JSON results.

    Retries ``retries`` times after transient errors, waiting ``backoff * 2**attempt`` seconds
    (at most 120 s); raises :class:`KBError` naming the endpoint when it gives up. With
    ``timeouts_raise`` a query timeout raises :class:`QueryTimeout` at once instead (asking the
    same heavy query again would time out again).
    """
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    last: BaseException | None = None
    for attempt in range(retries + 1):
        if attempt:
            sleep(min(120.0, backoff * 2 ** (attempt - 1)))
        sw = SPARQLWrapper(endpoint, agent=agent or user_agent())
        sw.setMethod(POST)
        sw.setReturnFormat(JSON)
        sw.setTimeout(int(max(1, timeout)))
        sw.setQuery(query)
        if counter is not None:
            counter[0] += 1
        try:
            return sw.queryAndConvert()
        except QueryBadFormed as exc:
            raise KBError(f"{endpoint}: the endpoint rejected the query: {exc}") from exc
        except Exception as exc:
            if timeouts_raise and _is_timeout(exc):
                raise QueryTimeout(f"{endpoint}: query timed out: {str(exc)[:200]}") from exc
            if not _retryable(exc):
                raise KBError(f"{endpoint}: query failed: {exc}") from exc
            last = exc
    raise KBError(f"{endpoint}: unreachable after {retries + 1} attempts: {last}")


def _qid(value: str) -> str:
    return value.removeprefix(_WD)


def items_from_rows(rows: Iterable[list]) -> dict[str, Item]:
    """Fill :class:`Item` records from page rows ``[item, p, value, lang, start, end]``."""
    items: dict[str, Item] = {}
    for item_iri, p, v, lang, start, end in rows:
        qid = _qid(item_iri)
        it = items.get(qid)
        if it is None:
            it = items[qid] = Item(id=qid)
        if p == "label":
            it.labels[lang] = v
        elif p == "alias":
            it.aliases.setdefault(lang, []).append(v)
        elif p == "description":
            it.descriptions[lang] = v
        elif p in ("P31", "P17", "P27", "P131", "P361"):
            if v.startswith(_WD):
                getattr(it, p.lower()).append(_qid(v))
        elif p == "P625":
            # WKT "Point(lon lat)"
            inner = v[v.find("(") + 1:v.rfind(")")].split()
            if len(inner) == 2:
                it.point = normalise_point(float(inner[1]), float(inner[0]))
        elif p == "sitelinks":
            it.sitelinks = int(float(v))
        elif p == "P1549":
            it.demonyms.append((lang, v))
        elif p == "P39" and v.startswith(_WD):
            it.positions.append((_qid(v), normalise_time(start), normalise_time(end)))
    return items


def _rows(results: dict) -> list[list]:
    out = []
    for b in results.get("results", {}).get("bindings", []):
        v = b.get("v", {})
        out.append([b["item"]["value"], b.get("p", {}).get("value", ""), v.get("value"),
                    v.get("xml:lang"), b.get("start", {}).get("value"), b.get("end", {}).get("value")])
    return out


def _cache_key(endpoint: str, scope: Scope, langs: tuple[str, ...], page_size: int, params: dict[str, str]) -> str:
    ident = json.dumps([endpoint, scope.name, scope.body, list(langs), page_size,
                        sorted((k, v) for k, v in params.items() if k in scope.params)])
    return f"{scope.name}-{hashlib.sha256(ident.encode('utf-8')).hexdigest()[:16]}"


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)  # a page file is either whole or absent


def pull_wikidata(kb_path: str | os.PathLike, *, endpoint: str = WIKIDATA_ENDPOINT,
                  scopes: Iterable[str] = ("states",), langs: Iterable[str] = ("ar", "en"),
                  page_size: int = 500, cache_dir: str | os.PathLike | None = None,
                  params: dict[str, str] | None = None, retries: int = 5, backoff: float = 2.0,
                  timeout: float = 120.0, agent: str | None = None,
                  on_page: Callable[[str, int, int], None] | None = None, keep_cache: bool = False) -> PullResult:
    """Pull ``scopes`` from ``endpoint`` into the KB directory ``kb_path`` (created or updated).

    ``on_page(scope, page_number, items_in_page)`` is called after each page (progress display).
    Raises :class:`KBError` when the endpoint stays unreachable; the pages saved so far stay in
    the cache, so running the same pull again resumes. Once the KB is written the pages are
    deleted (unless ``keep_cache``), so the next pull asks the endpoint for fresh data.
    """
    from graph.kb.disk import write_kb

    langs = tuple(langs)
    params = dict(params or {})
    cache_root = Path(cache_dir) if cache_dir else default_cache_dir()
    counter = [0]
    entities: dict[str, Entity] = {}
    nisbas: list[tuple[str, Nisba]] = []
    result = PullResult(kb_path=str(kb_path), version="")
    scopes = list(scopes)
    folders: list[Path] = []
    for name in scopes:
        scope = load_scope(name)
        folder = cache_root / _cache_key(endpoint, scope, langs, page_size, params)
        folder.mkdir(parents=True, exist_ok=True)
        folders.append(folder)
        after, n, limit = "", 0, page_size
        while True:
            page_file = folder / f"page-{n:06d}.json"
            page = None
            if page_file.is_file():
                try:
                    page = json.loads(page_file.read_text(encoding="utf-8"))
                except ValueError:
                    page = None  # a damaged page is fetched again
                if page is not None and page.get("after") != after:
                    page = None
            if page is None:
                while True:
                    query = page_query(scope, langs, limit=limit, after=after, params=params)
                    try:
                        results = fetch_json(endpoint, query, retries=retries, backoff=backoff, timeout=timeout,
                                             agent=agent, counter=counter, timeouts_raise=limit > 1)
                        break
                    except QueryTimeout:
                        # a page too heavy for the endpoint's time limit: ask for fewer items
                        limit = max(1, limit // 2)
                        result.problems.append(Problem(f"{endpoint} ({scope.name})",
                                                       f"query timed out; page size lowered to {limit}", "warning"))
                rows = _rows(results)
                order = sorted({r[0] for r in rows})  # SPARQL orders IRIs by code point, as Python does
                page = {"after": after, "limit": limit, "items": order, "rows": rows}
                _write_json(page_file, page)
                result.pages_fetched += 1
            else:
                result.pages_cached += 1
                limit = page.get("limit", limit)  # keep a page size lowered before the stop
            for qid, item in items_from_rows(page["rows"]).items():
                entity = item_to_entity(item, langs, default=scope.default)
                if entity is None:
                    result.skipped += 1
                    continue
                entities[qid] = entity
                nisbas.extend(item_nisbas(item, langs))
            if on_page is not None:
                on_page(scope.name, n, len(page["items"]))
            if len(page["items"]) < page.get("limit", page_size):
                break
            after, n = page["items"][-1], n + 1
    result.requests = counter[0]
    result.entities = len(entities)
    kb = write_kb(entities.values(), nisbas, kb_path, source="wikidata-sparql",
                  details={"endpoint": endpoint, "scopes": list(scopes), "langs": list(langs)})
    result.version = kb.version
    if not keep_cache:
        import shutil

        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
    return result
