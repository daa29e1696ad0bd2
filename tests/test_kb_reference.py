"""Check the bundled seed KB against the checked reference tables in ``../shared`` (read in place).

Every QID we ship must appear in a reference table, and one of our labels must match the
reference label of that QID (compared as folded name keys). Countries must also agree on ISO
codes, capitals and the masculine nisba. The reference tables are never copied: facts only.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph.kb.base import name_key
from graph.kb.seed import COUNTRY_COLUMNS, DATA_DIR, ENTITY_COLUMNS, read_table, strip_article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REF = SHARED / "data" / "reference"

pytestmark = pytest.mark.skipif(not REF.is_dir(), reason="../shared/data/reference is absent (reference tables not available)")

csv.field_size_limit(10**8)


@dataclass
class RefEntry:
    """What the reference tables say about one QID."""

    labels: set[str] = field(default_factory=set)  # folded keys, any language
    ar_labels: set[str] = field(default_factory=set)  # folded keys of the Arabic labels alone
    sources: set[str] = field(default_factory=set)
    iso2: str = ""
    iso3: str = ""
    capitals: set[str] = field(default_factory=set)
    nisba_m: set[str] = field(default_factory=set)
    is_place: bool = False
    is_capital: bool = False  # Natural Earth marks it a national capital (incl. "capital alt")
    place_country: set[str] = field(default_factory=set)  # ISO2 and folded name of the place's country in NE


def _keys(text: str) -> set[str]:
    """Folded keys of a reference label and its obvious variants ("X (Y)", "the X", "A|B")."""
    out: set[str] = set()
    for part in text.split("|"):
        part = part.strip()
        if not part:
            continue
        forms = {part}
        m = re.match(r"^(.*?)\s*\((.*)\)\s*$", part)
        if m:
            forms.update({m.group(1), m.group(2)})
        for f in list(forms):
            if f.lower().startswith("the "):
                forms.add(f[4:])
        out.update(k for k in (name_key(f) for f in forms) if k)
    return out


def _skeleton(key: str) -> str:
    """A nisba key without its non-initial alefs: transliterations differ in long a (تايلندي/تايلاندي).

    Only for comparing with the reference; the KB keeps its own spelling.
    """
    return key[:1] + key[1:].replace("ا", "")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _load_reference() -> tuple[dict[str, RefEntry], dict[str, str]]:
    ref: dict[str, RefEntry] = defaultdict(RefEntry)
    bad_status: dict[str, str] = {}
    for r in _rows(REF / "countries.tsv"):
        e = ref[r["qid"]]
        e.sources.add("countries")
        for col in ("label_ar_wdcore", "label_en_wdcore", "cldr_name_ar", "iso_name_ar", "iso_official_name_ar",
                    "cldr_name_en", "iso_official_name_en"):
            e.labels |= _keys(r[col] or "")
            if col.endswith("_ar") or "_ar_" in col:
                e.ar_labels |= _keys(r[col] or "")
        e.iso2, e.iso3 = r["alpha_2"] or "", r["alpha_3"] or ""
        e.capitals |= {c for c in (r["capital_qids_ne"] or "").split("|") if c}
        e.nisba_m |= _keys(r["nisba_ar_male"] or "")
    for r in _rows(REF / "countries-addendum.tsv"):
        e = ref[r["qid"]]
        e.sources.add("countries-addendum")
        for col in ("label_en", "label_ar", "aliases_ar"):
            e.labels |= _keys(r[col] or "")
        e.ar_labels |= _keys(r["label_ar"] or "") | _keys(r["aliases_ar"] or "")
    for r in _rows(REF / "verified_qids.tsv"):
        if not r["qid"]:
            continue
        if r["status"] != "VERIFIED":
            bad_status[r["qid"]] = r["status"]
            continue
        e = ref[r["qid"]]
        e.sources.add("verified_qids")
        e.labels |= _keys(r["english_label"] or "") | _keys(r["arabic_label"] or "")
        e.ar_labels |= _keys(r["arabic_label"] or "")
    for r in _rows(REF / "natural-earth" / "ne_10m_populated_places_attributes.tsv"):
        if not r["wikidataid"]:
            continue
        e = ref[r["wikidataid"]]
        e.sources.add("natural-earth")
        e.is_place = True
        e.is_capital |= (r["FEATURECLA"] or "").startswith("Admin-0 capital")
        e.place_country |= {r["ISO_A2"] or ""} | _keys(r["ADM0NAME"] or "")
        for col in ("NAME", "NAME_EN", "NAMEALT", "NAMEASCII"):
            e.labels |= _keys(r[col] or "")
    for r in _rows(REF / "igos" / "igos_qid_en_ar.tsv"):
        if not r["qid"]:
            continue
        e = ref[r["qid"]]
        e.sources.add("igos")
        for col in ("key", "name_en", "abbrev_en", "name_ar"):
            e.labels |= _keys(r[col] or "")
        e.ar_labels |= _keys(r["name_ar"] or "")
    return dict(ref), bad_status


@pytest.fixture(scope="module")
def reference() -> tuple[dict[str, RefEntry], dict[str, str]]:
    return _load_reference()


def _our_keys(row: dict[str, str], cols: tuple[str, ...]) -> set[str]:
    return {k for c in cols for v in row.get(c, "").split("|") if (k := name_key(v))}


def _report(title: str, checked: int, mismatches: list[str]) -> None:
    print(f"\n{title}: {checked} checked, {len(mismatches)} mismatches")
    for m in mismatches:
        print("  " + m)


def test_countries_match_reference(reference):
    ref, _ = reference
    mismatches: list[str] = []
    checked = 0
    for lineno, row in read_table(DATA_DIR / "countries.tsv", COUNTRY_COLUMNS):
        qid, where = row["qid"], f"countries.tsv:{lineno} {row['qid']} {row['name_en']}"
        checked += 1
        e = ref.get(qid)
        if e is None or not e.sources & {"countries", "countries-addendum"}:
            mismatches.append(f"{where}: QID not in reference countries tables")
            continue
        if not _our_keys(row, ("name_en", "aliases_en", "name_ar", "aliases_ar")) & e.labels:
            mismatches.append(f"{where}: no label matches reference {sorted(e.labels)[:6]}")
        if e.ar_labels and not _our_keys(row, ("name_ar", "aliases_ar")) & e.ar_labels:
            mismatches.append(f"{where}: no Arabic name matches reference {sorted(e.ar_labels)}")
        for col, want in (("iso2", e.iso2), ("iso3", e.iso3)):
            if want and row[col] != want:
                mismatches.append(f"{where}: {col} {row[col]!r} != reference {want!r}")
        if row["capital_qid"]:
            cap = ref.get(row["capital_qid"])
            # constitutional vs seat-of-government capitals (Porto-Novo/Cotonou): NE's "capital alt" counts
            if cap is None or not cap.is_capital:
                mismatches.append(f"{where}: capital {row['capital_qid']} is not a Natural Earth national capital")
            elif row["capital_qid"] not in e.capitals and not {row["iso2"], name_key(row["name_en"])} & cap.place_country:
                mismatches.append(f"{where}: capital {row['capital_qid']} not in reference {sorted(e.capitals)}"
                                  f" nor a capital placed in {row['iso2']}")
        ours_m = {_skeleton(name_key(strip_article(v))) for v in row["nisba_m"].split("|") if v}
        ref_m = {_skeleton(k) for k in e.nisba_m} | {_skeleton(k.split(" ")[0]) for k in e.nisba_m}
        if e.nisba_m and ours_m and not ours_m & ref_m:
            mismatches.append(f"{where}: nisba_m {sorted(ours_m)} vs reference {sorted(e.nisba_m)}")
    _report("countries vs reference", checked, mismatches)
    # the reference lacks a few micro-states; those ship as local entities (see data/README.md)
    assert checked >= 180
    assert mismatches == []


def test_entities_match_reference(reference):
    ref, _ = reference
    mismatches: list[str] = []
    checked = arabic_checked = 0
    for lineno, row in read_table(DATA_DIR / "entities.tsv", ENTITY_COLUMNS):
        qid = row["qid"]
        if not qid:
            continue
        where = f"entities.tsv:{lineno} {qid} {row['name_en']}"
        checked += 1
        e = ref.get(qid)
        if e is None:
            mismatches.append(f"{where}: QID in no reference table")
            continue
        ours = _our_keys(row, ("name_en", "aliases_en", "name_ar", "aliases_ar", "short_ar", "short_en"))
        if not ours & e.labels:
            mismatches.append(f"{where}: no label matches reference {sorted(e.labels)[:6]} ({', '.join(sorted(e.sources))})")
        elif e.ar_labels and not _our_keys(row, ("name_ar", "aliases_ar", "short_ar")) & e.ar_labels:
            mismatches.append(f"{where}: no Arabic name matches reference {sorted(e.ar_labels)}")
        else:
            arabic_checked += bool(e.ar_labels)
    _report(f"entities vs reference ({arabic_checked} also on Arabic)", checked, mismatches)
    assert checked > 0
    assert mismatches == []


def test_no_conflict_or_not_found_qid(reference):
    _, bad_status = reference
    assert bad_status, "verified_qids.tsv should list CONFLICT/NOT_FOUND rows"
    shipped: list[tuple[str, str]] = []
    for lineno, row in read_table(DATA_DIR / "countries.tsv", COUNTRY_COLUMNS):
        shipped += [(f"countries.tsv:{lineno}", q) for q in (row["qid"], row["capital_qid"], row["people_qid"]) if q]
    for lineno, row in read_table(DATA_DIR / "entities.tsv", ENTITY_COLUMNS):
        shipped += [(f"entities.tsv:{lineno}", q) for q in (row["qid"], row["country"]) if q]
    bad = [f"{where}: {q} is {bad_status[q]}" for where, q in shipped if q in bad_status]
    _report("QIDs vs CONFLICT/NOT_FOUND", len(shipped), bad)
    assert len(shipped) > 200
    assert bad == []


def test_every_verified_actor_is_shipped():
    """The seed KB covers every VERIFIED row of verified_qids.tsv (with its QID)."""
    shipped = {r["qid"] for _, r in read_table(DATA_DIR / "countries.tsv", COUNTRY_COLUMNS)}
    shipped |= {r["qid"] for _, r in read_table(DATA_DIR / "entities.tsv", ENTITY_COLUMNS) if r["qid"]}
    verified = [r for r in _rows(REF / "verified_qids.tsv") if r["status"] == "VERIFIED" and r["qid"]]
    missing = [f"{r['qid']} {r['english_label']}" for r in verified if r["qid"] not in shipped]
    _report("VERIFIED actors shipped", len(verified), missing)
    assert len(verified) > 50
    assert missing == []

GOLD = SHARED / "seed" / "gold.json"


@pytest.mark.skipif(not GOLD.is_file(), reason="../shared/seed/gold.json is absent")
def test_seed_article_gold_names_resolve():
    """Every gold mention of the reference article is a name the seed KB knows, linked to the gold QID."""
    import json

    from graph.kb.seed import load_seed_kb

    kb = load_seed_kb()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    missing: list[str] = []
    checked = 0
    for m in gold["mentions"]:
        if m["qid"] is None and m["type"] == "PER" and "byline" in m.get("note", ""):
            continue  # the article's author is not an actor the KB should know
        checked += 1
        found = kb.lookup(name_key(m["text"]))
        accepted = {m["qid"]} | set(re.findall(r"Q[0-9]+", m.get("note", ""))) if m["qid"] else set()
        if not found:
            missing.append(f"{m['start']}-{m['end']} {m['text']}: not in KB")
        elif accepted and not {e.id for e in found} & accepted:
            missing.append(f"{m['start']}-{m['end']} {m['text']}: {[e.id for e in found]} not {sorted(accepted)}")
        elif not accepted and any(e.qid for e in found):
            missing.append(f"{m['start']}-{m['end']} {m['text']}: gold has no QID, KB links {[e.id for e in found]}")
        elif any(e.type != m["type"] for e in found if not accepted or e.id in accepted):
            missing.append(f"{m['start']}-{m['end']} {m['text']}: type {[e.type for e in found]} != {m['type']}")
    # nisba adjectives of the article resolve to their countries (they are not mentions)
    for word, country in (("الروسية", "Q159"), ("الأذربيجانية", "Q227"), ("الأرمنية", "Q399"),
                          ("الأرمينية", "Q399"), ("التركي", "Q43")):
        checked += 1
        if country not in {n.country for n in kb.nisba(name_key(strip_article(word)))}:
            missing.append(f"nisba {word}: no reading for {country}")
    _report("seed article gold names", checked, missing)
    assert checked > 30
    assert missing == []


# --- the bundled KB (graph/kb/data/bundle, built by python -m graph.kb.bundle) ----------------------------

SOURCES = SHARED / "data" / "kb-sources"
BUNDLE = DATA_DIR / "bundle"


def _source_names() -> dict[str, set[str]]:
    """QID → folded names that the source tables (read in place) give it, with the reference tables'."""
    names: dict[str, set[str]] = defaultdict(set)

    def put(qid: str, *cells: str) -> None:
        if qid:
            names[qid]  # noqa: B018 - a QID the table gives, with or without a name
            for cell in cells:
                for part in (cell or "").split("|"):
                    part = part[3:] if part.startswith("fa:") else part
                    k = name_key(part)
                    if k:
                        names[qid].add(k)

    for sub in ("natural-earth-v5", "whosonfirst-mena", "eps-cabinets", "everypolitician-2015"):
        for r in _rows(SOURCES / sub / "normalized.tsv"):
            put(r["qid"], r["label_en"], r["label_ar"], r["aliases"])
    for r in _rows(SOURCES / "everypolitician-2015" / "persons_qid_en_ar.tsv"):
        put(r["qid"], r["name"], r["label_en"], r["label_ar"], r["aliases_ar"], r["aliases_en"])
    for r in _rows(SOURCES / "everypolitician-2015" / "orgs_qid.tsv"):
        put(r["qid"], r["name"], r["label_en"], r["label_ar"])
    with (SOURCES / "eps-cabinets" / "raw" / "world-leaders-2021" / "data" / "wikidata.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            put(r["officeholder"], r["officeholderLabel"])
            put(r["position"], r["positionLabel"])
    for r in _rows(SOURCES / "eps-cabinets" / "eps_entities.tsv"):
        for held in (r["positions_held"] or "").split("|"):
            if re.match(r"^Q[0-9]+\[", held):
                put(held.split("[")[0])  # a position the table names by its QID alone
    for f in sorted((SOURCES / "eps-cabinets" / "raw").glob("*/html/positions.csv")):
        with f.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                put(r["id"], r["position"])
                put(r["country"], "")
    for f in sorted((SOURCES / "eps-cabinets" / "raw").glob("*/wikidata/wanted-positions.csv")):
        with f.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                put(r["position"], r["title"])
    with (SOURCES / "eps-cabinets" / "raw" / "world-leaders-2021" / "data" / "wikidata.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            put(r["countryid"], r["country"])
    joined = json.loads((SOURCES / "arwikicats-names" / "peoples_joined_to_person_qids.json").read_text(encoding="utf-8"))
    for qid, ar in joined.items():
        put(qid, ar)
    for r in _rows(REF / "igos" / "igos_qid_en_ar.tsv"):
        put(r["qid"], r["name_en"], r["abbrev_en"], r["name_ar"])
    return names


@pytest.fixture(scope="module")
def bundle():
    from graph.kb.disk import DiskKB, is_kb_dir

    if not is_kb_dir(BUNDLE):
        pytest.skip("graph/kb/data/bundle is absent: build it with python -m graph.kb.bundle --sources ../shared/data")
    return DiskKB(BUNDLE)


@pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/data/kb-sources is absent")
def test_bundle_qids_match_sources(reference, bundle):
    """Every QID the bundle ships (entities, countries, offices) is in a source or reference table, and
    one of its names (not a generated one) is a name that table gives that very QID."""
    ref, bad_status = reference
    src = _source_names()
    shipped = set(bundle.ids())
    mismatches: list[str] = []
    checked = 0
    for e in bundle:
        if e.qid is None:
            assert not re.fullmatch(r"Q[0-9]+", e.id), e.id
            continue
        checked += 1
        ours = {name_key(t) for _, t, k in e.names if k != "generated"}
        known = src.get(e.qid, set()) | (ref[e.qid].labels if e.qid in ref else set())
        if e.qid in bad_status:
            mismatches.append(f"{e.qid} {e.label('en')}: reference says {bad_status[e.qid]}")
        elif not known:
            mismatches.append(f"{e.qid} {e.label('en')}: in no source or reference table")
        elif not ours & known:
            mismatches.append(f"{e.qid} {e.label('en')}: no name matches the tables' {sorted(known)[:4]}")
        if e.country and e.country not in shipped and e.country not in src:
            mismatches.append(f"{e.qid} {e.label('en')}: country {e.country} is neither shipped nor in a table")
        for prop, value in e.facts:
            if prop == "P39" and value not in src:
                mismatches.append(f"{e.qid}: position {value} in no source table")
    from graph.kb.offices import read_offices

    terms = list(read_offices(BUNDLE / "offices.tsv"))
    for t in terms:
        if t.holder not in shipped or (t.country and t.country not in shipped and t.country not in src):
            mismatches.append(f"offices.tsv: {t} names an entity the bundle does not ship")
    _report(f"bundled QIDs vs source tables ({len(terms)} office terms)", checked, mismatches)
    assert checked >= 50_000
    assert mismatches == []


def test_corrected_qids_are_shipped(bundle):
    """The corrected reference rows: Guterres is Q311440 (Q57402 is Daniel Ortega), Sunak, Starmer, Khamenei."""
    for name, qid in (("António Guterres", "Q311440"), ("Rishi Sunak", "Q20055561"), ("Keir Starmer", "Q6383803"),
                      ("Ali Khamenei", "Q57336")):
        assert [e.id for e in bundle.lookup(name_key(name)) if e.type == "PER"][:1] == [qid], name
    ortega = bundle.get("Q57402")
    assert ortega is None or "guterres" not in " ".join(t.lower() for _, t, _ in ortega.names)
