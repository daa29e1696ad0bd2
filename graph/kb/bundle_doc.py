"""``graph/kb/data/SOURCES.md``: the sources of the bundled KB, written from the bundle's summary."""

from __future__ import annotations

__all__ = ["SOURCES", "sources_markdown"]

#: source key → (what, licence, how its QIDs count)
SOURCES = {
    "seed": ("the hand-written seed tables `countries.tsv`, `entities.tsv` (this directory)", "project's own",
             "checked against `../shared/data/reference` by tests/test_kb_reference.py"),
    "eps-cabinets": ("every-politician-scrapers office-holder, cabinet and ministry tables (32 repos, 2022-07…2023-03),"
                     " Wikidata SPARQL output", "CC0 (Wikidata data); repos carry no LICENSE file",
                     "Wikidata-derived table"),
    "everypolitician-2015": ("EveryPolitician legislators (Popolo), snapshot of 2015-11-30, with Wikidata identifiers"
                             " and labels", "CC0", "Wikidata-derived table"),
    "natural-earth-v5": ("Natural Earth v5.1 attribute tables (no geometry): states, admin-1, populated places,"
                         " physical features; `wikidataid`, `name_ar` (NE took both from Wikidata)", "public domain",
                         "Wikidata-derived table"),
    "whosonfirst-mena": ("Who's On First admin records of SY, IQ, EG, LB, PS, YE, IL with a Wikidata concordance",
                         "CC-BY (WOF CC0 + GeoNames/GeoPlanet CC-BY): \"Data from Who's On First\"",
                         "Wikidata concordance table"),
    "igos-supraverden": ("SupraVerden international organisations (only rows whose QID another file confirms)",
                         "CC BY-SA 4.0", "two independent files agree"),
    "arwikicats-names": ("ArWikiCats English→Arabic person names (no QIDs): an Arabic label for people joined on an"
                         " unambiguous English label; other names enter as local people", "MIT", "no QIDs"),
    "verified_qids": ("`reference/verified_qids.tsv` (corrected 2026-12-03): CONFLICT / NOT_FOUND QIDs are never"
                      " shipped", "project's own", "—"),
}


def sources_markdown(summary: dict) -> str:
    """The SOURCES.md text of a bundle summary (:func:`graph.kb.bundle.build`); deterministic."""
    lines = [
        "# Sources of the bundled KB (`graph/kb/data/bundle/`)",
        "",
        "Written by `python -m graph.kb.bundle --sources ../shared/data` (do not edit by hand). The bundle holds facts",
        "only (QID, labels, aliases, type, kind, country, offices with dates, prior, source); no source file is copied.",
        "",
        f"Version `{summary['version']}`: {summary['entities']:,} entities, {summary['offices']:,} dated office terms"
        " (`offices.tsv`).",
        "",
        "| source | what | licence | QIDs enter as | entities |",
        "|---|---|---|---|---|",
    ]
    counts = summary["by_source"]
    for key, (what, licence, basis) in SOURCES.items():
        n = summary["counts"].get("by_source", {}).get(key, 0)
        detail = "; ".join(f"{k.partition(' ')[2].strip('()')} {v:,}" for k, v in sorted(counts.items())
                           if k.split(" ")[0] == key and " " in k)
        shown = "— (a filter)" if key == "verified_qids" else f"{n:,}{' (' + detail + ')' if detail else ''}"
        lines.append(f"| {key} | {what} | {licence} | {basis} | {shown} |")
    lines += [
        "",
        "Entities of the bundle that carry the source (an entity given by several sources counts for each).",
        "",
        "## How each QID entered",
        "",
        "| basis | entities |",
        "|---|---|",
    ]
    names = {"wikidata-table": "a Wikidata-derived table gives it", "two-files": "two independent files agree",
             "seed-checked": "seed row checked against the reference tables", "local": "no QID (local id)"}
    for k, v in summary["by_basis"].items():
        lines.append(f"| {names.get(k, k)} | {v:,} |")
    c = summary["counts"]
    lines += ["", "## Contents", "", "| kind | entities |", "|---|---|"]
    lines += [f"| {k} | {v:,} |" for k, v in c["by_kind"].items()]
    t = summary["translit"]
    lines += [
        "",
        "## Generated Arabic names",
        "",
        f"{t['generated']:,} people got an Arabic spelling from `graph.kb.translit` (everyone with English names only, and",
        "heads of state and ministers beside their own Arabic name, as a variant spelling; names of kind",
        "`generated`: matched with a low weight, never shown as a label). Trained on"
        f" {t['train']:,} English–Arabic name pairs (ArWikiCats, Arabic labels of the tables and the seed); on {t['held_out']:,}"
        f" held-out pairs (deterministic hash split) {t['exact_name']:.1%} of whole names and {t['word']:.1%} of name words",
        "come out exactly (after folding).",
        "",
        f"## Conflicts left local ({len(summary['conflicts'])})",
        "",
        "One QID, different names in different sources: the entity ships under a local id, without the QID; where",
        "the hand-checked seed row is one side (it was checked against `../shared/data/reference`), the seed row is kept.",
        "",
    ]
    lines += [f"- {c}" for c in summary["conflicts"]] or ["- none"]
    return "\n".join(lines) + "\n"
