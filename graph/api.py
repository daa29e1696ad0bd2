"""The functions a user calls: annotate text, build a graph from files, open a KB or a store.

>>> import datetime
>>> doc = annotate("روسيا وأذربيجان يبحثان الأوضاع في قرة باغ", published=datetime.date(2023, 9, 20))
>>> sorted({m.qid for m in doc.mentions})
['Q159', 'Q227', 'Q44302']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph._version import __version__
from graph.iri import DEFAULT_BASE
from graph.types import AnnotatedArticle, Article, Mention, Problem

__all__ = [
    "annotate",
    "annotate_article",
    "load_ner",
    "build",
    "BuildResult",
    "load_kb",
    "open_store",
    "actor_graph",
    "render_html",
    "analysis_report",
    "export_graph",
    "EXTRACTOR",
]

EXTRACTOR = f"newsgraph {__version__}"


def load_kb(path: str | Path | None = None):
    """The KB to link against: the bundled seed KB, layered under a user KB when given."""
    from graph.kb.layered import open_kb

    return open_kb(None if path is None else str(path))


def _byline_mention(article: Article) -> Mention | None:
    """The author is a person named in the byline: a mention, never an actor or entity."""
    if article.author_span is None:
        return None
    from graph.iri import local_entity_id

    sp = article.author_span
    text = article.text[sp.start:sp.end]
    return Mention(sp.start, sp.end, text, "PER", local_entity_id(text, "PER"), None, 0.9, -1, via="byline",
                   role="author")


def _ner_found(ner, article, sentences, kb):
    """Spans of an optional statistical tagger, with KB candidates for their names."""
    from dataclasses import replace as _replace

    from graph.kb.base import compatible_types, name_key

    out = []
    for f in ner.predict(article, sentences):
        ok = compatible_types(f.type)
        cands = tuple(e for e in kb.lookup(name_key(f.text)) if e.type in ok)
        out.append(_replace(f, candidates=cands, type=None if cands else f.type))
    return out


def load_ner(model_path: str | Path | None, kb):
    """The optional CRF tagger (``newsgraph ner train``) or None."""
    if not model_path:
        return None
    from graph.recognise.crf import CRFRecogniser

    return CRFRecogniser(model_path, kb)


def annotate_article(article: Article, kb=None, *, ner=None, ner_prefer: str = "rules") -> AnnotatedArticle:
    """Run text → recognise → link → extract on one article; the article is not modified.

    ``ner``: an optional statistical tagger (:func:`load_ner`). With ``ner_prefer="rules"`` its
    spans fill the gaps the KB and the rules leave; with ``"ner"`` its spans win where they
    overlap (a rule record on the very same span is kept, so KB links and roles survive).
    """
    from graph.extract.affiliation import affiliations
    from graph.extract.comention import comentions
    from graph.extract.events.extract import extract_events
    from graph.link import link
    from graph.recognise import recognise
    from graph.text.sentences import split_sentences

    kb = kb if kb is not None else load_kb()
    sentences = split_sentences(article.text, article.content_spans())
    found = recognise(article, sentences, kb)
    if ner is not None:
        from graph.recognise.crf import merge_found

        found = merge_found(found, _ner_found(ner, article, sentences, kb), prefer=ner_prefer)
    mentions, entities = link(found, kb, published=article.published)
    byline = _byline_mention(article)
    if byline is not None:
        mentions = tuple(sorted((*mentions, byline), key=lambda m: m.start))
    relations = comentions(mentions) + affiliations(mentions)
    events = tuple(extract_events(article, sentences, mentions, kb))
    return AnnotatedArticle(article, sentences, mentions, entities, relations, events, EXTRACTOR,
                            getattr(kb, "version", ""))


def annotate(text: str, lang: str | None = None, published: _dt.date | str | None = None, *, kb=None,
             id: str | None = None, title: str | None = None, url: str | None = None,
             source: str | None = None, ner=None) -> AnnotatedArticle:
    """Annotate one article given as text (cleaned like a scraped ``.txt`` file)."""
    from graph.ingest.records import make_article

    if isinstance(published, str):
        published = _dt.date.fromisoformat(published[:10])
    article = make_article(text, "<text>", given_id=id, lang=lang, published=published, title=title,
                           url=url, source=source)
    return annotate_article(article, kb, ner=ner)


@dataclass
class BuildResult:
    """What ``build`` did: counts, output paths and the inputs it skipped."""

    out: Path
    articles: int = 0
    mentions: int = 0
    linked: int = 0
    entities: int = 0
    relations: int = 0
    events: int = 0
    triples: int = 0
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def build(inputs: Sequence[str | Path] | str | Path, out: str | Path, *, kb=None, format: str = "trig",
          base_iri: str = DEFAULT_BASE, published: _dt.date | None = None, lang: str | None = None,
          html: bool = True, progress: Callable[[int], None] | None = None,
          ner_model: str | Path | None = None, ner_prefer: str = "rules") -> BuildResult:
    """Ingest ``inputs``, annotate every article, write RDF + store + HTML view into ``out``.

    Re-running on the same articles replaces their graphs (no duplicates). Inputs that cannot
    be read are reported in ``result.problems``; the rest is still built.
    """
    from graph.ingest import ingest
    from graph.iri import graph_iri
    from graph.rdf import article_quads
    from graph.rdf.formats import SUFFIXES
    from graph.store import open_store as _open_store

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    kb = kb if kb is not None else load_kb()
    if isinstance(kb, (str, Path)):
        kb = load_kb(kb)
    ner = load_ner(ner_model, kb)
    articles, problems = ingest(inputs, published=published, lang=lang)
    res = BuildResult(out=out, problems=list(problems))
    store = _open_store(str(out))
    entity_ids: set[str] = set()
    events = _event_index(store, base_iri)
    try:
        for doc in _annotate_all(articles, kb, ner, ner_prefer):
            # the byline author is article metadata (schema:author), not an actor of the graph
            # and an event other articles already reported keeps their event's IRI (one event, several sources)
            graph_doc = replace(doc, mentions=tuple(m for m in doc.mentions if m.via != "byline"),
                                events=events.assign(doc.events))
            quads = article_quads(graph_doc, base=base_iri)
            store.replace_graph(graph_iri(doc.article.id, base_iri), quads)
            res.triples += len(quads)
            res.articles += 1
            res.mentions += len(doc.mentions)
            res.linked += sum(1 for m in doc.mentions if m.qid)
            entity_ids.update(e.id for e in doc.entities)
            res.relations += len(doc.relations)
            res.events += len(doc.events)
            if progress is not None:
                progress(1)
        res.entities = len(entity_ids)
        rdf_path = out / f"graph.{SUFFIXES[format]}"
        # the file holds the whole store (earlier builds into the same directory included)
        store.dump(rdf_path, format)
        res.paths["rdf"] = rdf_path
        res.paths["store"] = out / "store"
    finally:
        store.close()
    if html and res.articles:
        view = out / "actors.html"
        G = actor_graph(str(out), country_edges=True)
        render_html(G, view, title="newsgraph: actors")
        res.paths["html"] = view
    return res


def _event_index(store, base_iri: str):
    """The events the store already holds, to merge new reports of them across articles."""
    from graph.extract.events.across import STORED_EVENTS, EventIndex

    prefix = f"{base_iri}event:"
    index = EventIndex()
    index.add_rows(store.query(STORED_EVENTS), lambda iri: iri[len(prefix):] if iri.startswith(prefix) else iri)
    return index


def _annotate_all(articles: Iterable[Article], kb, ner=None, ner_prefer: str = "rules"):
    for a in articles:
        yield annotate_article(a, kb, ner=ner, ner_prefer=ner_prefer)


def open_store(spec: str | Path):
    """A store by spec: an output directory, ``"memory"``, or an http(s) SPARQL endpoint."""
    from graph.store import open_store as _open

    return _open(str(spec))


def actor_graph(store, **kwargs):
    """The actor network (networkx MultiDiGraph) of a store or a build's output directory."""
    from graph.analyse import actor_graph as _ag

    if isinstance(store, (str, Path)):
        s = open_store(store)
        try:
            return _ag(s, **kwargs)
        finally:
            s.close()
    return _ag(store, **kwargs)


def render_html(G, path: str | Path, **kwargs) -> Path:
    """Write a self-contained interactive HTML view of an actor graph."""
    from graph.visualise import render_html as _render

    return _render(G, path, **kwargs)


def analysis_report(G, **kwargs) -> dict:
    """Centrality, communities, signed triads and per-period changes of an actor graph."""
    from graph.analyse import analysis_report as _report

    return _report(G, **kwargs)


def export_graph(G, path: str | Path, fmt: str | None = None) -> Path:
    """Write an actor graph as GraphML, GEXF or node-link JSON (by extension or ``fmt``)."""
    from graph.analyse import export_graph as _export

    return _export(G, path, fmt)
