"""Issue 4: after a KB update, ``relink`` turns a NIL person in the store into its QID."""

from __future__ import annotations

from click.testing import CliRunner

from graph.cli import main
from graph.kb.base import Entity
from graph.kb.disk import write_kb

TEXT = "أجرى وزير الخارجية الروسي، سيرغي لافروف اتصالا مع نظيره الأذربيجاني، كامران تستوغلو.\n"
# test data: an invented person with a fake QID, standing for someone the seed KB lacks
NEW = Entity("Q990000077", "Q990000077", "PER", "person",
             (("ar", "كامران تستوغلو", "label"), ("en", "Kamran Testoglu", "label")), country="Q227",
             role="foreign minister", prior=0.5)

Q = """PREFIX ng: <urn:newsgraph:ontology#>
SELECT ?entity ?qid ?version WHERE {
  ?m a ng:Mention ; ng:surface "كامران تستوغلو" ; ng:refersTo ?entity ; ng:kbVersion ?version .
  OPTIONAL { ?entity ng:qid ?qid }
}"""


def test_relink_turns_a_nil_person_into_its_qid(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(art), "--out", str(out), "--no-html"]).exit_code == 0

    from graph.store import open_store

    def rows():
        st = open_store(str(out), create=False)
        try:
            return st.query(Q)
        finally:
            st.close()

    before = rows()
    assert len(before) == 1 and before[0]["qid"] is None
    assert before[0]["entity"].startswith("urn:newsgraph:entity:PER-")

    kb_dir = tmp_path / "kb"
    kb = write_kb([NEW], [], kb_dir, source="test-update")
    res = runner.invoke(main, ["relink", "--store", str(out), "--kb", str(kb_dir)])
    assert res.exit_code == 0, res.output
    assert "linked" in res.output and "Q990000077" in res.output

    after = rows()
    assert after == [{"entity": "http://www.wikidata.org/entity/Q990000077", "qid": "Q990000077",
                      "version": kb.version}]
    # nothing else points at the old local entity any more
    st = open_store(str(out), create=False)
    try:
        left = st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ <{before[0]['entity']}> ?p ?o }} }}")
    finally:
        st.close()
    assert left[0]["n"] == "0"
    # a second relink has nothing left to do
    again = runner.invoke(main, ["relink", "--store", str(out), "--kb", str(kb_dir)])
    assert again.exit_code == 0 and "graphs updated    0" in again.output
