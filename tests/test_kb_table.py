"""``kb import-table``: CSV/TSV gazetteers with a QID column; bad rows reported with file:line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.errors import KBError
from graph.kb.base import Entity, name_key
from graph.kb.disk import DiskKB, write_kb
from graph.kb.table import import_table, parse_mapping

ROWS = [
    "wikidataid,NAME,NAME_AR,ALT_AR,COUNTRY,POP",
    "Q990000004,Testville,تستفيل,مدينة تستفيل|تست فيل,Q990000001,800000",
    "not-a-qid,Badtown,بادتاون,,Q990000001,1",
    "Q990000005,Smallton,,,Q990000001,5000",
    ",Nameless,,,,",
    "Q990000006,,,,Q990000001,7",
    "Q990000007,Wrongcountry,,,Testland,7",
    "Q990000008,Short,row",
]


def _write(tmp_path, rows, name="places.csv", sep=","):
    p = tmp_path / name
    p.write_text("\n".join(r.replace(",", sep) for r in rows) + "\n", encoding="utf-8")
    return p


def test_import_reports_bad_rows_and_imports_the_rest(tmp_path):
    table = _write(tmp_path, ROWS)
    r = import_table(table, tmp_path / "kb", "qid=wikidataid,name_en=NAME,name_ar=NAME_AR,aliases_ar=ALT_AR,country=COUNTRY",
                     type_="GPE", kind="city")
    assert r.rows == 7 and r.entities == 2
    assert [(p.where, p.message.split(":")[0]) for p in r.problems] == [
        (f"{table}:3", "not a QID"), (f"{table}:5", "empty QID"), (f"{table}:6", "Q990000006"),
        (f"{table}:7", "Q990000007"), (f"{table}:8", "expected 6 fields, got 3")]
    kb = DiskKB(r.kb_path)
    e = kb.get("Q990000004")
    assert (e.type, e.kind, e.country) == ("GPE", "city", "Q990000001")
    assert [x.id for x in kb.lookup(name_key("تست فيل"))] == ["Q990000004"]
    assert kb.version.startswith("table@")


def test_tsv_and_merge_with_an_existing_entity(tmp_path):
    write_kb([Entity(id="Q990000004", qid="Q990000004", type="GPE", kind="capital", prior=0.7,
                     names=(("en", "Testville", "label"),), facts=(("sitelinks", "60"),))], [], tmp_path / "kb",
             source="wikidata-sparql")
    table = _write(tmp_path, ROWS[:2], name="places.tsv", sep="\t")
    r = import_table(table, tmp_path / "kb", "qid=wikidataid,name_en=NAME,name_ar=NAME_AR", type_="GPE")
    e = DiskKB(r.kb_path).get("Q990000004")
    assert e.kind == "capital" and e.fact("sitelinks") == "60" and e.prior == 0.7  # the pulled record is kept
    assert e.label("ar") == "تستفيل"  # … and gains the table's names


def test_mapping_errors():
    with pytest.raises(KBError, match="qid field is required"):
        parse_mapping("name_en=NAME")
    with pytest.raises(KBError, match="unknown field 'nme'"):
        parse_mapping("qid=Q,nme=NAME")


def test_unknown_column_names_the_header(tmp_path):
    table = _write(tmp_path, ROWS)
    with pytest.raises(KBError, match=r"places.csv:1: no column\(s\) QID"):
        import_table(table, tmp_path / "kb", "qid=QID,name_en=NAME")


def test_cli_import_table(tmp_path):
    from graph.cli import main

    table = _write(tmp_path, ROWS)
    res = CliRunner().invoke(main, ["kb", "import-table", str(table), "--map", "qid=wikidataid,name_en=NAME",
                                    "--type", "GPE", "--kind", "city", "--kb", str(tmp_path / "kb")])
    assert res.exit_code == 3, res.output
    assert "3 entities from 7 rows" in res.output and f"{table}:3" in res.output
    bad = CliRunner().invoke(main, ["kb", "import-table", str(table), "--map", "name_en=NAME", "--kb", str(tmp_path / "kb")])
    assert bad.exit_code == 1 and "qid field is required" in bad.output
