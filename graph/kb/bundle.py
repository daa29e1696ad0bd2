"""Build the bundled KB that ships in the wheel from public tables (facts only), reproducibly.

    python -m graph.kb.bundle --sources ../shared/data [--out graph/kb/data/bundle]

Reads the hand-written seed tables (``graph/kb/data/*.tsv``), ``kb-sources/`` (Natural Earth v5,
the every-politician-scrapers office-holder tables, EveryPolitician 2015, Who's On First, ArWikiCats
names) and ``reference/`` (verified QIDs, IGOs), and writes an on-disk KB (:mod:`graph.kb.disk`)
plus ``offices.tsv`` (:mod:`graph.kb.offices`) and ``graph/kb/data/SOURCES.md``. Output is sorted
and carries no timestamp, so the same inputs give the same bytes.

A QID enters only when a Wikidata-derived table gives it (``wikidata-table``) or two independent
files agree on it (``two-files``); where sources give one QID different names, the entity is kept
under a local id and listed as a conflict. Persons with English names only get Arabic spellings
from :mod:`graph.kb.translit`, kept as ``generated`` names (matching only, never a label).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.iri import is_qid, local_entity_id
from graph.kb.base import Entity, name_key
from graph.kb.offices import Term, role_of_position, write_offices
from graph.kb.seed import DATA_DIR, load_tables
from graph.kb.translit import Transliterator, name_pairs_split

__all__ = ["BUNDLE_DIR", "SOURCE_DATE", "build", "main"]

BUNDLE_DIR = DATA_DIR / "bundle"
#: the date the bundled facts stand for (newest snapshot among the sources), not the build time
SOURCE_DATE = "2024-03-06"

csv.field_size_limit(10**8)

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff0-9 .,'’()&/-]+$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LRM = re.compile(r"[\u200e\u200f\u202a-\u202e]")

#: every-politician-scrapers repo → country QID (repos whose positions.csv does not say it)
_REPO_COUNTRY = {"bahrain": "Q398", "mauritania": "Q1025", "syria": "Q858", "yemen": "Q805"}
#: EveryPolitician country names the seed's country names do not spell the same way
_EP_COUNTRY = {"UK": "Q145", "United_States_of_America": "Q30", "Scotland": "Q145", "Wales": "Q145",
               "Northern_Ireland": "Q145", "North_Korea": "Q423", "Czech_Republic": "Q213"}
#: EveryPolitician legislatures kept: the Arab states, Iran, Turkey, Israel, Russia, the US, the EU states and the UK
_EP_KEEP = {"Q30", "Q145", "Q43", "Q794", "Q801", "Q159", "Q183", "Q142", "Q38", "Q29", "Q36", "Q213", "Q31", "Q55",
            "Q35", "Q34", "Q33", "Q191", "Q211", "Q37", "Q40", "Q219", "Q224", "Q215", "Q214", "Q27", "Q28", "Q229",
            "Q233", "Q45", "Q218", "Q32", "Q41", "Q822", "Q817", "Q810", "Q796", "Q858", "Q79", "Q1016", "Q1028",
            "Q262", "Q948", "Q851", "Q878", "Q846", "Q842", "Q398", "Q805", "Q1049", "Q1025", "Q1045", "Q227", "Q399",
            "Q889"}

_PRIOR = {"country": 0.9, "capital": 0.7, "city": 0.55, "town": 0.5, "region": 0.35, "territory": 0.5, "locality": 0.25,
          "river": 0.3, "sea": 0.4, "lake": 0.25, "mountain": 0.25, "island": 0.3, "physical": 0.25,
          "head": 0.6, "minister": 0.5, "person": 0.35, "legislator": 0.3, "ministry": 0.45, "party": 0.4,
          "legislature": 0.45, "igo": 0.6, "famous": 0.4}
#: population above which a city's one-word name is the city wherever it is written (Madrid, Mosul)
_BIG_CITY = 500_000
_MINOR_PLACES = {"town", "locality", "region", "river", "lake", "mountain", "island", "physical"}
#: the Arab League states: their provinces are news places with distinct one-word Arabic names
_ARAB_STATES = {"Q262", "Q398", "Q970", "Q977", "Q79", "Q796", "Q810", "Q817", "Q822", "Q1016", "Q1025", "Q1028",
                "Q842", "Q219060", "Q846", "Q851", "Q1045", "Q1049", "Q858", "Q948", "Q878", "Q805"}
_SUFFIXES = {name_key(w) for w in ("الابن", "الأب", "جونيور", "الثاني", "الأول", "الثالث")}
_ORDINALS = {name_key(w) for w in ("الثاني", "الأول", "الثالث")}
_HEAD_ROLES = {"president", "prime minister", "king", "supreme leader", "crown prince", "secretary-general"}


@dataclass
class _Rec:
    """An entity being assembled from several sources."""

    qid: str
    type: str
    kind: str
    prior: float
    country: str | None = None
    role: str | None = None
    names: list[tuple[str, str, str]] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    en_labels: dict[str, str] = field(default_factory=dict)  # source → English label (conflict check)
    ar_labels: dict[str, str] = field(default_factory=dict)  # source → Arabic label (conflict check)
    seed: Entity | None = None

    def name(self, lang: str, text: str, kind: str) -> None:
        text = _LRM.sub("", text or "").strip()
        if not text or not name_key(text):
            return
        if any(lg == lang and t == text for lg, t, _ in self.names):
            return
        if kind == "label" and any(lg == lang and k == "label" for lg, _, k in self.names):
            kind = "alias"
        self.names.append((lang, text, kind))


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(cell: str) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _agree_ar(a: str, b: str) -> bool:
    """Two Arabic labels share a word (after folding), ignoring the generic محافظة / ولاية / مدينة."""
    generic = {name_key(w) for w in ("محافظة", "ولاية", "مدينة", "منطقة", "إقليم", "لواء")}
    ka, kb_ = set(name_key(a).split()) - generic, set(name_key(b).split()) - generic
    return bool(ka & kb_)


def _acronym(short: str, long: str) -> bool:
    words = [w for w in re.split(r"[\s,-]+", long) if w and w[0].isupper()]
    return short.isupper() and 2 <= len(short) <= 8 and "".join(w[0] for w in words) == short


def _agree(a: str, b: str) -> bool:
    """Two English labels name the same thing: a shared token majority, a containment, or spellings
    close enough to be transliteration variants (Gövhər / Govhar). Labels in other scripts are not compared.

    >>> _agree("Donald M. Payne", "Donaldus Milford Payne"), _agree("Daniel Ortega", "António Guterres")
    (True, False)
    """
    if not _LATIN.match(a) or not _LATIN.match(b) or _acronym(a, b) or _acronym(b, a):
        return True
    ka, kb_ = set(name_key(_ascii(a)).split()), set(name_key(_ascii(b)).split())
    if not ka or not kb_ or ka <= kb_ or kb_ <= ka:
        return True
    if len(ka & kb_) / min(len(ka), len(kb_)) >= 0.5:
        return True
    return difflib.SequenceMatcher(None, _ascii(a), _ascii(b)).ratio() >= 0.7


class _Builder:
    def __init__(self, sources: Path):
        self.src = sources
        self.recs: dict[str, _Rec] = {}
        self.basis: dict[str, str] = {}
        self.counts: Counter = Counter()
        self.conflicts: list[str] = []
        self.terms: list[Term] = []
        self.bad_qids: set[str] = set()
        self.seed = load_tables(DATA_DIR / "countries.tsv", DATA_DIR / "entities.tsv")
        self.iso3: dict[str, str] = {}
        self.iso2: dict[str, str] = {}
        self.country_by_name: dict[str, str] = {}
        for e in self.seed:
            if e.kind == "country":
                self.iso3[e.fact("iso3") or ""] = e.id
                self.iso2[e.fact("iso2") or ""] = e.id
                for lg, text, _ in e.names:
                    if lg == "en":
                        self.country_by_name[name_key(text)] = e.id

    # -- helpers -------------------------------------------------------------------------------
    def rec(self, qid: str, source: str, type_: str, kind: str, prior: float, en: str = "",
            ar: str = "") -> _Rec | None:
        if not is_qid(qid) or qid in self.bad_qids:
            return None
        r = self.recs.get(qid)
        if r is None:
            r = self.recs[qid] = _Rec(qid, type_, kind, prior)
        elif r.seed is None and prior > r.prior:
            r.prior, r.kind, r.type = prior, kind, type_
        r.sources.add(source)
        if en:
            r.en_labels.setdefault(source, en)
        if ar:
            r.ar_labels.setdefault(source, ar)
        return r

    def country_of(self, name: str) -> str | None:
        name = name.split("|")[0].strip()
        return _EP_COUNTRY.get(name) or self.country_by_name.get(name_key(name.replace("_", " ")))

    # -- sources -------------------------------------------------------------------------------
    def reference(self) -> None:
        for r in _tsv(self.src / "reference" / "verified_qids.tsv"):
            if r["qid"] and r["status"] != "VERIFIED":
                self.bad_qids.add(r["qid"])

    def seed_kb(self) -> None:
        for e in self.seed:
            if e.qid is None:
                self.recs[e.id] = _Rec(e.id, e.type, e.kind, e.prior, seed=e, sources={"seed"}, names=list(e.names))
                continue
            r = self.rec(e.id, "seed", e.type, e.kind, e.prior, e.label("en") or "", e.label("ar") or "")
            if r is None:
                continue
            r.seed, r.country, r.role = e, e.country, e.role
            for n in e.names:
                r.name(*n)
            r.facts += list(e.facts)
            self.counts["seed"] += 1

    def natural_earth(self) -> None:
        kinds = {"admin0": "territory", "admin1": "region", "physical": "physical"}
        for row in _tsv(self.src / "kb-sources" / "natural-earth-v5" / "normalized.tsv"):
            group, _, sub = row["type"].partition("/")
            if group in ("airport", "admin2"):
                continue
            if group == "populated_place":
                kind = "capital" if sub.startswith("Admin-0 capital") else "city"
                pop = re.search(r"pop_max=(\d+)", row["extra"])
                if kind == "city" and (not pop or int(pop.group(1)) < _BIG_CITY):
                    kind = "town"
            elif group == "physical":
                low = sub.lower()
                kind = next((k for k in ("river", "sea", "lake", "island") if k in low), "mountain"
                            if "mtn" in low or "mountain" in low or "range" in low else "physical")
            else:
                kind = kinds.get(group, "region")
            type_ = "LOC" if group == "physical" else "GPE"
            r = self.rec(row["qid"], "natural-earth-v5", type_, kind, _PRIOR.get(kind, 0.3), row["label_en"],
                         row["label_ar"])
            if r is None:
                continue
            self.counts["natural-earth-v5"] += 1
            r.name("en", row["label_en"], "label")
            r.name("ar", row["label_ar"], "label")
            for a in _split(row["aliases"]):
                if _LATIN.match(a):
                    r.name("en", a, "alias")
            if r.country is None and r.kind != "country":
                r.country = self.iso3.get(row["country"])

    def whosonfirst(self) -> None:
        for row in _tsv(self.src / "kb-sources" / "whosonfirst-mena" / "normalized.tsv"):
            place = row["type"].partition("/")[2]
            if place in ("campus", "country"):
                continue
            r = self.rec(row["qid"], "whosonfirst-mena", "GPE", "locality", _PRIOR["locality"], row["label_en"],
                         _LRM.sub("", row["label_ar"]))
            if r is None:
                continue
            self.counts["whosonfirst-mena"] += 1
            r.name("en", row["label_en"], "label")
            r.name("ar", row["label_ar"], "label")
            for a in _split(row["aliases"]):
                r.name("ar" if _ARABIC.search(a) else "en", a, "alias")
            r.country = r.country or self.iso2.get(row["country"])

    def _repo_maps(self) -> tuple[dict[str, str], dict[tuple[str, str], tuple[str, str, str]]]:
        """(repo → country QID, (repo, title) → (position QID, label, country))."""
        raw = self.src / "kb-sources" / "eps-cabinets" / "raw"
        repo_country: dict[str, str] = dict(_REPO_COUNTRY)
        titles: dict[tuple[str, str], tuple[str, str, str]] = {}
        for repo in sorted(p.name for p in raw.iterdir() if p.is_dir()):
            pos: dict[str, tuple[str, str]] = {}
            pfile = raw / repo / "html" / "positions.csv"
            if pfile.is_file():
                rows = _csv(pfile)
                for row in rows:
                    pos[row["id"]] = (row["position"], row["country"])
                    titles[(repo, row["position"])] = (row["id"], row["position"], row["country"])
                top = Counter(row["country"] for row in rows if row["country"]).most_common(1)
                if top and repo not in repo_country:
                    repo_country[repo] = top[0][0]
            wfile = raw / repo / "wikidata" / "wanted-positions.csv"
            if wfile.is_file():
                for row in _csv(wfile):
                    label, country = pos.get(row["position"], (row["title"], ""))
                    titles.setdefault((repo, row["title"]), (row["position"], label, country))
        return repo_country, titles

    def eps(self) -> None:
        repo_country, titles = self._repo_maps()
        for row in _tsv(self.src / "kb-sources" / "eps-cabinets" / "eps_entities.tsv"):
            kind = row["kind"]
            if kind not in ("person", "ministry", "party"):
                continue
            repos = _split(row["repos"])
            country = next((repo_country[r] for r in repos if r in repo_country), None)
            roles: list[str] = []
            terms = []
            for held in _split(row["positions_held"]):
                m = re.match(r"^(.*)\[(.*)\.\.(.*)\]$", held)
                if not m:
                    continue
                title, start, end = m.groups()
                pq, label, pc = "", title, ""
                if is_qid(title):
                    pq, label = title, ""
                for repo in repos:
                    if (repo, title) in titles:
                        pq, label, pc = titles[(repo, title)]
                        pc = pc or repo_country.get(repo, "")
                        break
                role = role_of_position(label) if label else None
                terms.append((pq, start, end))
                if role:
                    roles.append(role)
                    self.terms.append(Term(role, pc if role != "secretary-general" else "", start, end, row["qid"], pq))
            if kind == "person":
                level = "head" if set(roles) & _HEAD_ROLES else "minister" if roles else "person"
                r = self.rec(row["qid"], "eps-cabinets", "PER", "person", _PRIOR[level], row["label_en"])
            else:
                r = self.rec(row["qid"], "eps-cabinets", "ORG", kind, _PRIOR[kind], row["label_en"])
            if r is None:
                continue
            self.counts["eps-cabinets"] += 1
            r.name("en", row["label_en"], "label")
            r.name("ar", row["label_ar"], "label")
            for a in _split(row["aliases"]):
                a = a[3:] if a.startswith("fa:") else a
                if _ARABIC.search(a):
                    r.name("ar", a, "alias")
                elif _LATIN.match(a) and kind != "person" or (_LATIN.match(a) and len(a.split()) >= 2):
                    r.name("en", a, "alias")
            r.country = r.country or country
            if roles and not r.role:
                r.role = roles[0] if not (set(roles) & _HEAD_ROLES) else next(x for x in roles if x in _HEAD_ROLES)
            for pq, start, end in terms:
                if pq:
                    r.facts.append(("P39", pq))
                    r.facts.append(("P39:term", f"{pq}|{start}|{end}"))
        # heads of state and government of every state (2021 snapshot, years only)
        for row in _csv(self.src / "kb-sources" / "eps-cabinets" / "raw" / "world-leaders-2021" / "data" / "wikidata.csv"):
            role = role_of_position(row["positionLabel"])
            if not role or not is_qid(row["officeholder"]):
                continue
            self.terms.append(Term(role, row["countryid"], row["start_year"], row["end_year"], row["officeholder"],
                                   row["position"]))
            r = self.rec(row["officeholder"], "eps-cabinets", "PER", "person", _PRIOR["head"],
                         row["officeholderLabel"])
            if r is not None:
                r.name("en", row["officeholderLabel"], "label")
                r.country = r.country or row["countryid"]
                r.role = r.role or role
                r.prior = max(r.prior, _PRIOR["head"])

    def everypolitician(self) -> None:
        base = self.src / "kb-sources" / "everypolitician-2015"
        for row in _tsv(base / "persons_qid_en_ar.tsv"):
            country = self.country_of(row["countries"])
            if country not in _EP_KEEP and not row["label_ar"]:
                continue
            en = next((x for x in (row["label_en"], row["name"]) if x and _LATIN.match(x)), "")
            r = self.rec(row["qid"], "everypolitician-2015", "PER", "person", _PRIOR["legislator"], en)
            if r is None:
                continue
            self.counts["everypolitician-2015"] += 1
            r.name("en", en, "label")
            r.name("ar", row["label_ar"], "label")
            for a in _split(row["aliases_ar"]):
                r.name("ar", a, "alias")
            for a in _split(row["aliases_en"]):
                if _LATIN.match(a) and len(a.split()) >= 2:
                    r.name("en", a, "alias")
            r.country = r.country or country
            r.role = r.role or "legislator"
            for leg in _split(row["legislatures"]):
                r.facts.append(("legislature", leg))
        for row in _tsv(base / "orgs_qid.tsv"):
            kind = "party" if row["classification"] == "party" else "legislature"
            r = self.rec(row["qid"], "everypolitician-2015", "ORG", kind, _PRIOR[kind], row["label_en"] or row["name"])
            if r is None:
                continue
            self.counts["everypolitician-2015"] += 1
            r.name("en", row["label_en"] or row["name"], "label")
            r.name("ar", row["label_ar"], "label")
            r.country = r.country or self.country_of(row["country"])

    def igos(self) -> None:
        """IGOs with a QID another file confirms (the seed's checked rows, another source)."""
        for row in _tsv(self.src / "reference" / "igos" / "igos_qid_en_ar.tsv"):
            qid = row["qid"]
            if not is_qid(qid) or qid not in self.recs:
                continue
            r = self.rec(qid, "igos-supraverden", "ORG", "igo", _PRIOR["igo"], row["name_en"], row["name_ar"])
            if r is None or not _agree(row["name_en"], next(iter(r.en_labels.values()), row["name_en"])):
                continue
            self.counts["igos-supraverden"] += 1
            r.name("en", row["name_en"], "label")
            if row["abbrev_en"] and len(row["abbrev_en"]) >= 2:
                r.name("en", row["abbrev_en"], "alias")
            r.name("ar", row["name_ar"], "label")

    def arwikicats(self) -> list[tuple[str, str]]:
        """Arabic names of people: joined QIDs get their Arabic label, the others enter as local people."""
        base = self.src / "kb-sources" / "arwikicats-names"
        joined = json.loads((base / "peoples_joined_to_person_qids.json").read_text(encoding="utf-8"))
        for qid, ar in sorted(joined.items()):
            r = self.recs.get(qid)
            if r is not None and r.type == "PER":
                r.name("ar", ar, "label")
                r.sources.add("arwikicats-names")
                self.counts["arwikicats-names (Arabic label on a QID)"] += 1
        people = json.loads((base / "raw" / "people_peoples.json").read_text(encoding="utf-8"))
        known = {name_key(n[1]) for r in self.recs.values() for n in r.names if n[0] == "en"}
        for en, ar in sorted(people.items()):
            if "(" in en or not _ARABIC.search(ar) or len(en.split()) < 2:
                continue
            title = " ".join(w[:1].upper() + w[1:] for w in en.split())
            if name_key(title) in known:
                continue
            lid = local_entity_id(title, "PER")
            r = self.recs.setdefault(lid, _Rec(lid, "PER", "person", _PRIOR["famous"], sources={"arwikicats-names"}))
            r.name("en", title, "label")
            r.name("ar", ar, "label")
            self.counts["arwikicats-names (local people)"] += 1
        return sorted(people.items())

    # -- checks and output --------------------------------------------------------------------------------
    def check_conflicts(self) -> None:
        """A QID whose sources name it differently stays local; the basis of every other QID is recorded."""
        wikidata_tables = {"eps-cabinets", "everypolitician-2015", "natural-earth-v5", "whosonfirst-mena"}
        for qid in sorted(self.recs):
            r = self.recs[qid]
            if not is_qid(qid):
                continue
            labels = sorted(r.en_labels.items())
            ar = sorted(r.ar_labels.items())
            # English spellings of Arabic places vary (Aleppo / H'alab): an Arabic label in common settles it
            ar_agree = len(ar) >= 2 and all(_agree_ar(ar[0][1], x) for _, x in ar[1:])
            clash = [] if ar_agree else [(s, lab) for s, lab in labels[1:] if not _agree(labels[0][1], lab)]
            if clash and r.seed is not None:
                where = "; ".join(f"{s}: {lab}" for s, lab in labels)
                self.conflicts.append(f"{qid}: {where} (seed row kept: checked against the reference tables)")
            elif clash:
                where = "; ".join(f"{s}: {lab}" for s, lab in labels)
                self.conflicts.append(f"{qid}: {where}")
                lid = local_entity_id(labels[0][1], r.type, r.country)
                del self.recs[qid]
                r.qid = lid
                r.facts = [f for f in r.facts if not f[0].startswith("P39")]
                self.recs.setdefault(lid, r)
                continue
            given = r.sources & wikidata_tables
            self.basis[qid] = "wikidata-table" if given else "two-files" if len(r.sources) >= 2 else "seed-checked"

    def transliterate(self, awc_pairs: list[tuple[str, str]]) -> dict:
        pairs = list(awc_pairs)
        for r in self.recs.values():
            if r.type != "PER":
                continue
            en = next((t for lg, t, k in r.names if lg == "en" and k == "label"), None)
            ar = next((t for lg, t, k in r.names if lg == "ar" and k == "label"), None)
            if en and ar:
                pairs.append((en.lower(), ar))
        train, test = name_pairs_split(pairs)
        model = Transliterator.train(train)
        exact = words = words_ok = 0
        for en, ar in test:
            got = model.name(en)
            exact += bool(got) and name_key(got) == name_key(ar)
            ew, aw = en.split(), ar.split()
            if len(ew) == len(aw):
                for e, a in zip(ew, aw):
                    words += 1
                    g = model.word(e)
                    words_ok += bool(g) and name_key(g) == name_key(a)
        report = {"pairs": len(train) + len(test), "train": len(train), "held_out": len(test),
                  "exact_name": round(exact / max(1, len(test)), 3), "word": round(words_ok / max(1, words), 3)}
        model = Transliterator.train(train + test)
        made = 0
        for r in self.recs.values():
            # prominent people get a generated spelling beside their own (كوفي عنان / أنان)
            if r.type != "PER" or (r.prior < 0.5 and any(lg == "ar" for lg, _, _ in r.names)):
                continue
            en = next((t for lg, t, k in r.names if lg == "en" and k == "label"), None)
            if not en or len(en.split()) < 2:
                continue
            ar = model.name(en)
            if ar and len(ar.split()) >= 2 and not any(name_key(t) == name_key(ar) for _, t, _ in r.names):
                r.names.append(("ar", ar, "generated"))
                made += 1
        report["generated"] = made
        return report

    def surnames(self) -> None:
        """A prominent person's family name alone (بلير، أنان، يلتسين) as an Arabic alias, where the word
        names no place or organisation, is no one's given name, and is no function word."""
        from graph.recognise.lexicon import data_rows

        function = {name_key(w) for (w, *_) in data_rows("function_words_ar.txt")}
        other: set[str] = set()
        given: set[str] = set()
        for r in self.recs.values():
            for lg, t, k in r.names:
                if lg != "ar" or k == "generated":
                    continue
                key = name_key(t)
                if r.type != "PER":
                    other.add(key)
                elif " " in key:
                    given.add(key.split(" ")[0])
        for r in self.recs.values():
            if r.type != "PER":
                continue
            # a one-word Arabic "name" of a table person is mostly a given name alone (علي، محمد)
            if r.seed is None:
                r.names = [n for n in r.names if not (n[0] == "ar" and " " not in name_key(n[1]))]
            if r.prior < 0.4:
                continue
            for lg, t, k in list(r.names):
                if lg != "ar" or k not in ("label", "alias"):
                    continue
                parts = name_key(t).split(" ")
                if len(parts) > 2 and parts[-1] in _SUFFIXES and parts[-1] not in _ORDINALS:
                    # جورج بوش الابن is written جورج بوش in the news (his father, the same: the prior decides)
                    r.name("ar", " ".join(t.split()[:-1]), "alias")
                while len(parts) > 2 and parts[-1] in _SUFFIXES:
                    parts = parts[:-1]  # جورج بوش الابن: the family name is بوش
                last = parts[-1]
                shortest = 3 if r.prior >= 0.6 else 4 if r.prior >= 0.5 else 5
                if (len(parts) >= 2 and len(last) >= shortest and not last.startswith("ال")
                        and last not in other and last not in given
                        and last not in function and parts[-2] not in ("بن", "ابن", "بنت", "ابو", "عبد", "ال")):
                    word = next((w for w in reversed(t.split()) if name_key(w) == last), None)
                    if word:
                        r.name("ar", word, "alias")

    def entities(self) -> list[Entity]:
        out = []
        for key in sorted(self.recs):
            r = self.recs[key]
            if r.seed is None and r.type in ("GPE", "LOC") and r.kind in _MINOR_PLACES:
                # one-word names of towns, villages, hills and provinces are mostly ordinary words
                # elsewhere (الشيخ، السلام، أمس for the Ems, Van / وان): they link only where the article
                # names their country; a village's or a river's one word is not kept at all
                one = [len(name_key(t).split()) == 1 for _, t, _ in r.names]
                r.names = [(lg, t, "short" if o and k != "generated" else k) for (lg, t, k), o in zip(r.names, one)
                           if not (o and r.kind not in ("town", "region"))]
            if r.seed is None:
                # two-letter codes (IN, AL, "In") are words of running text more often than names
                r.names = [n for n in r.names if len(n[1].strip(". ")) > 2 or n[2] == "label"]
            if not any(k != "generated" for _, _, k in r.names):
                continue
            qid = r.qid if is_qid(r.qid) else None
            if r.seed is not None:
                # the seed's hand-checked record wins; the tables add names and facts
                s = r.seed
                names = tuple(s.names) + tuple(n for n in r.names if (n[0], n[1]) not in {(a, b) for a, b, _ in s.names})
                facts = tuple(dict.fromkeys(tuple(s.facts) + tuple(r.facts)
                                            + tuple(("source", x) for x in sorted(r.sources))))
                out.append(Entity(id=s.id, qid=s.qid, type=s.type, kind=s.kind, names=names, country=s.country,
                                  role=s.role or r.role, prior=s.prior, facts=facts))
                continue
            src = tuple(("source", s) for s in sorted(r.sources))
            basis = (("qid_basis", self.basis[key]),) if qid and key in self.basis else ()
            out.append(Entity(id=r.qid, qid=qid, type=r.type, kind=r.kind, names=tuple(r.names),
                              country=r.country if r.country != r.qid else None, role=r.role, prior=r.prior,
                              facts=tuple(dict.fromkeys(r.facts)) + src + basis))
        return out


def build(sources: Path, out: Path = BUNDLE_DIR, sources_md: Path | None = DATA_DIR / "SOURCES.md") -> dict:
    """Build the bundle from ``sources`` (the shared ``data`` directory) into ``out``; a summary."""
    from graph.kb.disk import write_kb

    b = _Builder(Path(sources))
    b.reference()
    b.seed_kb()
    b.eps()
    b.everypolitician()
    b.natural_earth()
    b.whosonfirst()
    b.igos()
    awc = b.arwikicats()
    b.check_conflicts()
    translit = b.transliterate(awc)
    b.surnames()
    entities = b.entities()
    # holders that did not make it into the KB (conflicts, bad QIDs) cannot be linked to
    ids = {e.id for e in entities}
    terms = [t for t in b.terms if t.holder in ids]
    out = Path(out)
    kb = write_kb(entities, list(b.seed.nisba_items()), out, source="bundle", merge=False,
                  source_date=SOURCE_DATE, built=False)
    n_terms = write_offices(terms, out / "offices.tsv")
    summary = {"entities": len(entities), "offices": n_terms, "by_source": dict(sorted(b.counts.items())),
               "by_basis": dict(sorted(Counter(b.basis.get(e.id, "local") for e in entities).items())),
               "conflicts": b.conflicts, "translit": translit, "counts": kb.meta["counts"],
               "version": kb.version}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                      encoding="utf-8")
    if sources_md is not None:
        from graph.kb.bundle_doc import sources_markdown

        Path(sources_md).write_text(sources_markdown(summary), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m graph.kb.bundle", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", required=True, help="the shared data directory (holds kb-sources/ and reference/)")
    ap.add_argument("--out", default=str(BUNDLE_DIR), help="KB directory to write (default: the bundled one)")
    ap.add_argument("--no-doc", action="store_true", help="do not rewrite graph/kb/data/SOURCES.md")
    args = ap.parse_args(argv)
    src = Path(args.sources)
    if not (src / "kb-sources").is_dir() or not (src / "reference").is_dir():
        print(f"{src}: needs kb-sources/ and reference/ (the shared data directory)", file=sys.stderr)
        return 2
    s = build(src, Path(args.out), None if args.no_doc else DATA_DIR / "SOURCES.md")
    print(json.dumps({k: v for k, v in s.items() if k != "conflicts"}, ensure_ascii=False, indent=1))
    print(f"{len(s['conflicts'])} conflicts left local")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
