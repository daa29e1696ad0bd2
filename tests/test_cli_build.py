"""``newsgraph build`` / ``annotate`` end to end through the CLI (click's runner, real files)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graph.cli import main
from graph.cli.common import EXIT_SKIPPED

ARTICLE = "روسيا وأذربيجان يبحثان الأوضاع في قرة باغ.\nقال وزير الخارجية الروسي، سيرغي لافروف إن موسكو مستعدة.\n"


def _write_inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        json.dumps({"id": "one", "text": "أرمينيا وأذربيجان", "published": "2023-09-20"}, ensure_ascii=False) + "\n"
        + '{"id": "two", "text": "broken\n'
        + json.dumps({"id": "three", "text": "Russia and Azerbaijan discussed Karabakh."}) + "\n",
        encoding="utf-8",
    )
    return good, empty, binary, jsonl


def test_bad_input_is_reported_and_the_rest_is_built(tmp_path):
    good, empty, binary, jsonl = _write_inputs(tmp_path)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(good), str(empty), str(binary), str(jsonl), "--out", str(out),
                                    "--no-html"])
    assert res.exit_code == EXIT_SKIPPED, res.output
    err = res.stderr
    assert f"{empty}" in err and "empty" in err
    assert f"{binary}" in err and "binary" in err
    assert f"{jsonl}:2" in err  # the broken line, by number
    assert "articles  3" in res.stdout  # good.txt + JSONL lines 1 and 3
    assert (out / "graph.trig").stat().st_size > 0


def test_rebuild_replaces_graphs_instead_of_duplicating(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(good), "--out", str(out), "--no-html"])
    assert first.exit_code == 0, first.output
    from graph.store import open_store

    def count():
        st = open_store(str(out), create=False)
        try:
            return int(st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])
        finally:
            st.close()

    n1 = count()
    second = runner.invoke(main, ["build", str(good), "--out", str(out), "--no-html"])
    assert second.exit_code == 0
    assert count() == n1 > 0


def test_annotate_prints_offsets_into_the_original_text(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    text = "\u00a0كتب: أحمد\n\nروسيا وأذربيجان يبحثان الأوضاع في قره باغ"
    jsonl.write_text(json.dumps({"id": "x", "text": text, "published": "2023-09-20"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    res = CliRunner().invoke(main, ["annotate", str(jsonl)])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout.strip().splitlines()[0])
    assert doc["text"] == text and doc["published"] == "2023-09-20"
    got = {(m["text"], m["qid"]) for m in doc["mentions"] if m["via"] != "byline"}
    assert {("روسيا", "Q159"), ("أذربيجان", "Q227"), ("قره باغ", "Q44302")} <= got
    for m in doc["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
        assert m["iri"] is None or m["iri"].startswith(("http://www.wikidata.org/entity/", "urn:newsgraph:"))


def test_every_command_has_help():
    runner = CliRunner()
    for name, cmd in main.commands.items():
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0, name
        assert (cmd.help or "").strip(), f"command {name} has no help text"
