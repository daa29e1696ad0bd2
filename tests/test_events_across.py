"""Issue 5: the same event reported by two articles is one event with two sources in the graph."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graph.cli import main

# two reports of one operation, a day apart in their dating; and one unrelated call
ARTICLES = [
    {"id": "one", "published": "2023-09-20", "lang": "ar",
     "text": "أعلنت وزارة الدفاع الأذربيجانية أمس بدء عملية عسكرية في منطقة قره باغ."},
    {"id": "two", "published": "2023-09-21", "lang": "ar",
     "text": "وكانت أذربيجان قد شنت أول أمس عملية عسكرية في منطقة قره باغ."},
    {"id": "three", "published": "2023-09-21", "lang": "ar",
     "text": "أجرى وزير الخارجية الروسي، سيرغي لافروف اتصالا هاتفيا مع نظيره الأرميني اليوم."},
]

Q = """PREFIX ng: <urn:newsgraph:ontology#>
SELECT ?event (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?event a ng:Event ; ng:eventType "ASSAULT" ; ng:inArticle ?article } GROUP BY ?event"""


def test_two_articles_one_event(tmp_path):
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(src), "--out", str(out), "--no-html"]).exit_code == 0

    from graph.store import open_store

    def assaults():
        st = open_store(str(out), create=False)
        try:
            return st.query(Q)
        finally:
            st.close()

    rows = assaults()
    assert len(rows) == 1 and rows[0]["articles"] == "2", rows
    # building the same articles again, or one of them alone, keeps one event
    assert runner.invoke(main, ["build", str(src), "--out", str(out), "--no-html"]).exit_code == 0
    assert assaults() == rows
    res = runner.invoke(main, ["query", "events-of-actor", "--store", str(out), "--format", "json",
                               "--param", "actor=http://www.wikidata.org/entity/Q227"])
    events = json.loads(res.stdout)
    assert len({e["event"] for e in events if e["type"] == "ASSAULT"}) == 1
    assert {e["article"] for e in events if e["type"] == "ASSAULT"} == {"urn:newsgraph:article:one",
                                                                        "urn:newsgraph:article:two"}
