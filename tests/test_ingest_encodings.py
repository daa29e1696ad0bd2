"""Every supported encoding decodes to the same text; BOMs are dropped, newlines kept."""

from __future__ import annotations

import codecs

import pytest

from graph.ingest import ingest

ARABIC = "روسيا وأذربيجان يبحثان الأوضاع في قرة باغ\r\n\r\nأجرى وزير الخارجية الروسي سيرغي لافروف اتصالًا هاتفيًا مع نظيره الأذربيجاني.\n"

CASES = {
    "utf-8": ARABIC.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
    "utf-16-le-nobom": ARABIC.encode("utf-16-le"),
    "cp1256": ARABIC.encode("cp1256"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_encoding_decodes_to_original_text(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(CASES[name])
    arts, problems = ingest([path])
    assert problems == []
    (a,) = arts
    assert a.text == ARABIC  # BOM removed, "\r\n" kept: offsets match the decoded file
    assert a.lang == "ar"
    assert a.title == "روسيا وأذربيجان يبحثان الأوضاع في قرة باغ"


def test_same_text_in_any_encoding_gets_the_same_id(tmp_path):
    ids = set()
    for name, data in CASES.items():
        (tmp_path / f"{name}.txt").write_bytes(data)
    arts, problems = ingest([tmp_path])
    assert problems[0].severity == "warning" and "duplicate article id" in problems[0].message
    ids = {a.id for a in arts} | {p.message.split("'")[1] for p in problems}
    assert len(ids) == 1


def test_cp1256_jsonl_and_csv(tmp_path):
    text = "دعت أرمينيا إلى حماية المدنيين في قره باغ"
    (tmp_path / "a.jsonl").write_bytes(('{"id": "x", "text": "%s"}\n' % text).encode("cp1256"))
    (tmp_path / "b.csv").write_bytes(("id,text\ny,%s\n" % text).encode("cp1256"))
    arts, problems = ingest([tmp_path / "a.jsonl", tmp_path / "b.csv"])
    assert problems == []
    assert [a.text for a in arts] == [text, text]
    assert [a.origin for a in arts] == [f"{tmp_path / 'a.jsonl'}:1", f"{tmp_path / 'b.csv'}:2"]


def test_html_in_declared_legacy_encoding(tmp_path):
    page = (
        '<html><head><meta charset="windows-1256"><title>عنوان الخبر عن قره باغ</title></head><body><article>'
        "<p>أجرى وزير الخارجية الروسي اتصالًا هاتفيًا مع نظيره الأذربيجاني وبحثا الأوضاع في قره باغ وسبل التهدئة بين أذربيجان وأرمينيا.</p>"
        "<p>وأكد الجانبان أهمية مواصلة التواصل بين موسكو وباكو خلال الفترة المقبلة لضمان وصول المساعدات الإنسانية.</p>"
        "</article></body></html>"
    )
    (tmp_path / "p.html").write_bytes(page.encode("cp1256"))
    arts, problems = ingest([tmp_path / "p.html"])
    assert problems == []
    assert "قره باغ" in arts[0].text and arts[0].lang == "ar"
