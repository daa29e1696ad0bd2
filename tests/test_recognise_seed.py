"""The seed article against its gold annotation (../shared/seed/gold.json)."""

from __future__ import annotations

KARABAKH = {"Q44302", "Q244165"}


def _match(m, g) -> bool:
    if m is None or m.type != g["type"]:
        return False
    if g["qid"] is None:
        return True
    return m.qid == g["qid"] or (g["qid"] in KARABAKH and m.qid in KARABAKH)


def test_seed_mentions_against_gold(seed_doc, seed_gold):
    got = {(m.start, m.end): m for m in seed_doc.mentions}
    required = [g for g in seed_gold["mentions"] if not g.get("optional")]
    gold_spans = {(g["start"], g["end"]) for g in seed_gold["mentions"]}
    tp = [g for g in required if _match(got.get((g["start"], g["end"])), g)]
    # precision over what the system says outside the optional (duplicate headline) region
    optional = [(g["start"], g["end"]) for g in seed_gold["mentions"] if g.get("optional")]
    lo, hi = min(s for s, _ in optional), max(e for _, e in optional)
    said = [m for m in seed_doc.mentions if not (lo <= m.start < hi)]
    correct = [m for m in said if (m.start, m.end) in gold_spans]
    precision = len(correct) / len(said)
    recall = len(tp) / len(required)
    print(f"\nseed mentions: precision {precision:.3f} ({len(correct)}/{len(said)}), "
          f"recall {recall:.3f} ({len(tp)}/{len(required)})")
    missed = [(g["text"], g["type"], g["qid"]) for g in required if g not in tp]
    assert not missed, f"missed gold mentions: {missed}"
    extra = [(m.text, m.type, m.start) for m in said if (m.start, m.end) not in gold_spans]
    assert not extra, f"mentions gold does not have: {extra}"


def test_seed_links_and_roles(seed_doc):
    by_text = {}
    for m in seed_doc.mentions:
        by_text.setdefault(m.text, m)
    assert by_text["روسيا"].qid == "Q159"
    assert by_text["أذربيجان"].qid == "Q227"
    assert by_text["أرمينيا"].qid == "Q399"
    assert by_text["قرة باغ"].qid in KARABAKH and by_text["قره باغ"].qid in KARABAKH
    lavrov = by_text["سيرجي لافروف"]
    assert (lavrov.qid, lavrov.role, lavrov.country) == ("Q58217", "foreign minister", "Q159")
    bayramov = by_text["جيهون بيراموف"]
    assert bayramov.qid is None and bayramov.type == "PER"
    assert (bayramov.role, bayramov.country) == ("foreign minister", "Q227")


def test_seed_boilerplate_byline_and_nisba_make_no_entity(seed_doc):
    text = seed_doc.article.text
    for m in seed_doc.mentions:
        assert "AdPlace" not in m.text
    author = [m for m in seed_doc.mentions if m.via == "byline"]
    assert [m.text for m in author] == ["أحمد حسني"]
    assert author[0].entity not in {e.id for e in seed_doc.entities}
    nisbas = {"الروسي", "الروسية", "الأذربيجاني", "الأذربيجانية", "الأرمنية", "الأرمينية", "التركي"}
    for m in seed_doc.mentions:
        assert text[m.start:m.end] == m.text
        if m.text in nisbas:
            raise AssertionError(f"nisba adjective {m.text!r} at {m.start} became a mention")
    countries = [m for m in seed_doc.mentions if m.type == "GPE" and m.qid in {"Q159", "Q227", "Q399", "Q43"}]
    assert all(m.text in {"روسيا", "أذربيجان", "أرمينيا"} for m in countries)
