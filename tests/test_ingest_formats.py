"""HTML (trafilatura), RSS/Atom feeds and CSV/TSV exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.ingest import ingest
from graph.iri import article_id

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def test_html_main_text_and_metadata():
    arts, problems = ingest([DATA / "page.html"])
    assert problems == []
    (a,) = arts
    assert a.title == "لافروف يبحث مع نظيره الأذربيجاني الوضع في قره باغ"
    assert a.text[a.title_span.start : a.title_span.end] == a.title
    assert a.published == dt.date(2023, 9, 21)
    assert a.url == "https://news.example.org/2023/09/lavrov-baku-call"
    assert a.lang == "ar"
    assert "سيرغي لافروف" in a.text
    # navigation and footer are not main text
    assert "الرئيسية" not in a.text and "جميع الحقوق محفوظة" not in a.text
    assert "<p>" not in a.text
    # the id comes from the page URL, so the same page saved twice gets the same id
    assert a.id == ingest([DATA / "page.html"])[0][0].id


def test_html_without_main_text_is_a_problem(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><script>var x = 1;</script></head><body><img src=\"a.png\"></body></html>", encoding="utf-8")
    arts, problems = ingest([tmp_path / "blank.html"])
    assert arts == [] and problems[0].where == str(tmp_path / "blank.html") and "no main text" in problems[0].message


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title><language>en-us</language>
<item>
  <title>Lavrov and Bayramov discuss Karabakh</title>
  <link>https://news.example.org/1</link>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>Russia&#39;s foreign minister spoke with his Azerbaijani counterpart.</p><p>Armenia called for monitors.</p>]]></content:encoded>
  <dc:creator>Maria Lopez</dc:creator>
  <pubDate>Thu, 21 Sep 2023 18:30:00 +0000</pubDate>
</item>
<item>
  <title>Yerevan&nbsp;asks for a mission</title>
  <link>https://news.example.org/2</link>
  <description>Armenia asked for an international mission &amp; aid.</description>
  <pubDate>2023-09-22</pubDate>
</item>
<item><link>https://news.example.org/3</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<title>أخبار المثال</title>
<entry>
  <title>باكو وموسكو تبحثان الوضع في قره باغ</title>
  <link rel="alternate" href="https://news.example.org/ar/1"/>
  <id>urn:uuid:1</id>
  <published>2023-09-21T08:30:00+03:00</published>
  <author><name>ليلى منصور</name></author>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>أجرى وزير الخارجية الروسي اتصالًا مع نظيره الأذربيجاني.</p><p>ودعت أرمينيا إلى حماية المدنيين.</p></div></content>
</entry>
</feed>
"""


def test_rss_items(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    arts, problems = ingest([tmp_path / "wire.rss"])
    assert [a.url for a in arts] == ["https://news.example.org/1", "https://news.example.org/2"]
    first, second = arts
    assert first.origin == f"{tmp_path / 'wire.rss'}:{RSS.splitlines().index('<item>') + 1}"
    assert first.title == "Lavrov and Bayramov discuss Karabakh" and first.title_span.start == 0
    assert "Russia's foreign minister spoke" in first.text and "Armenia called for monitors." in first.text
    assert "<p>" not in first.text and "Short summary" not in first.text  # full content wins
    assert first.author == "Maria Lopez" and first.source == "Example Wire" and first.lang == "en"
    assert first.published == dt.date(2023, 9, 21) and second.published == dt.date(2023, 9, 22)
    assert second.title == "Yerevan\u00a0asks for a mission"  # HTML entity resolved without a DTD
    assert "mission & aid" in second.text
    empty_item = RSS.splitlines().index("<item><link>https://news.example.org/3</link></item>") + 1
    assert [p.where for p in problems] == [f"{tmp_path / 'wire.rss'}:{empty_item}"]


def test_atom_entries(tmp_path):
    (tmp_path / "a.atom").write_text(ATOM, encoding="utf-8")
    arts, problems = ingest([tmp_path / "a.atom"])
    assert problems == []
    (a,) = arts
    assert a.title == "باكو وموسكو تبحثان الوضع في قره باغ"
    assert a.url == "https://news.example.org/ar/1" and a.published == dt.date(2023, 9, 21)
    assert a.author == "ليلى منصور" and a.lang == "ar" and a.source == "أخبار المثال"
    assert "ودعت أرمينيا إلى حماية المدنيين." in a.text


def test_feed_entity_declarations_are_refused(tmp_path):
    bomb = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>'
    xxe = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>'
    (tmp_path / "bomb.xml").write_text(bomb, encoding="utf-8")
    (tmp_path / "xxe.xml").write_text(xxe, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Baku and Moscow talked about Karabakh.", encoding="utf-8")
    arts, problems = ingest([tmp_path / "bomb.xml", tmp_path / "xxe.xml", tmp_path / "ok.txt"])
    assert len(arts) == 1
    assert {p.where for p in problems} == {str(tmp_path / "bomb.xml"), str(tmp_path / "xxe.xml")}
    assert all("entity declarations are not allowed" in p.message for p in problems)


def test_malformed_and_non_feed_xml(tmp_path):
    (tmp_path / "bad.xml").write_text("<rss><channel><item></channel>", encoding="utf-8")
    (tmp_path / "other.xml").write_text("<config><a/></config>", encoding="utf-8")
    arts, problems = ingest([tmp_path / "bad.xml", tmp_path / "other.xml"])
    assert arts == []
    assert "not well-formed XML" in problems[0].message and "line 1" in problems[0].message
    assert "not an RSS or Atom feed" in problems[1].message


def test_csv_and_tsv_exports(tmp_path):
    csv_text = 'ID,Text,Published,Source\r\nc1,"Russia and Azerbaijan, in a call,\r\ndiscussed Karabakh.",2023-09-20,Wire\r\nc2,,2023-09-21,Wire\r\n'
    (tmp_path / "e.csv").write_bytes(csv_text.encode("utf-8-sig"))
    (tmp_path / "e.tsv").write_text("id\ttext\tlang\nt1\tدعت أرمينيا إلى حماية المدنيين\tar\n", encoding="utf-8")
    (tmp_path / "none.csv").write_text("id,body2\nx,y\n", encoding="utf-8")
    arts, problems = ingest([tmp_path / "e.csv", tmp_path / "e.tsv", tmp_path / "none.csv"])
    assert [a.id for a in arts] == ["c1", "t1"]
    assert arts[0].text == "Russia and Azerbaijan, in a call,\r\ndiscussed Karabakh."  # cell kept exactly
    assert arts[0].published == dt.date(2023, 9, 20) and arts[0].source == "Wire"
    assert arts[0].origin == f"{tmp_path / 'e.csv'}:2"
    assert arts[1].lang == "ar"
    assert [p.where for p in problems] == [f"{tmp_path / 'e.csv'}:4", f"{tmp_path / 'none.csv'}:1"]


def test_feed_in_windows_1256_with_and_without_declaration(tmp_path):
    item = "<item><title>دعت أرمينيا إلى حماية المدنيين</title><description>بيان عن قره باغ</description><guid>g1</guid></item>"
    declared = f'<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>المثال</title>{item}</channel></rss>'
    bare = f"<rss><channel><title>المثال</title>{item.replace('g1', 'g2')}</channel></rss>"
    (tmp_path / "declared.xml").write_bytes(declared.encode("cp1256"))
    (tmp_path / "bare.xml").write_bytes(bare.encode("cp1256"))
    arts, problems = ingest([tmp_path / "declared.xml", tmp_path / "bare.xml"])
    assert problems == []
    assert [a.title for a in arts] == ["دعت أرمينيا إلى حماية المدنيين"] * 2
    assert [a.id for a in arts] == ["g1", "g2"]  # no link: the guid is the id
    assert all(a.lang == "ar" and a.source == "المثال" for a in arts)


def test_atom_prefers_published_over_updated_and_summary_when_content_is_remote(tmp_path):
    entry = """<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry>
<title>Armenia asks for monitors in Karabakh</title><id>urn:x:9</id>
<updated>2023-10-01T00:00:00Z</updated><published>2023-09-22T09:00:00Z</published>
<content src="https://news.example.org/full"/><summary>Yerevan asked for an international mission.</summary>
</entry></feed>"""
    (tmp_path / "u.atom").write_text(entry, encoding="utf-8")
    (a,), problems = ingest([tmp_path / "u.atom"])
    assert problems == []
    assert a.published == dt.date(2023, 9, 22)
    assert a.text.endswith("Yerevan asked for an international mission.")
    assert a.id == article_id(a.text, given="urn:x:9")  # no alternate link: the Atom id is the id
