#!/usr/bin/env python3
"""Builds the gazetteers akhbar ships in data/gazetteers from the permissive sources in
../shared/data. Every output file names its sources and their licences in its header.

Sources and licences:
  - names/wikidata-person-names.txt: person-name groups (MIT, OpenSanctions rigour; Wikidata CC0)
  - names/romanizer-units.tsv: Arabic name units with Latin spellings and roles (MIT; Wikidata CC0)
  - names/un-individuals.jsonl: UN Security Council consolidated list (public)
  - names/ofac-sdn.jsonl: US OFAC SDN list (public domain)
  - names/anetac-pairs.jsonl: ANETAC Arabic named entities with English spellings (research data,
    Hadj Ameur et al.)
  - events/petrarch2/Phoenix.*.actors.txt: PETRARCH2 Phoenix actor dictionaries (MIT)
  - data/gazetteers/countries-capitals.tsv, places-curated.tsv, organizations-curated.tsv, titles.txt,
    data/names/people-curated.tsv: written for akhbar

Usage: python3 data/scripts/build_gazetteers.py [--shared ../shared/data]
Deterministic: the same inputs give byte-identical files (sorted, de-duplicated).
"""
import argparse
import json
import pathlib
import re

ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z'\-\.]*$")


def clean(form: str) -> str:
    return " ".join(form.replace("_", " ").split()).strip(" ,;")


def is_useful(form: str) -> bool:
    letters = sum(ch.isalpha() for ch in form)
    return letters >= 2 and len(form) <= 80


def ofac_display(name: str) -> str:
    """OFAC writes individuals as 'LAST, First'; news writes 'First Last'."""
    if "," in name:
        last, first = name.split(",", 1)
        return clean(f"{first} {last}")
    return clean(name)


def write(path: pathlib.Path, header: str, forms) -> int:
    rows = sorted({clean(f) for f in forms if is_useful(clean(f))})
    path.write_text(header + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared/data", type=pathlib.Path)
    parser.add_argument("--out", default="data/gazetteers", type=pathlib.Path)
    args = parser.parse_args()
    shared, out = args.shared, args.out

    name_parts, full_names, locations, organizations = set(), set(), set(), set()

    # Wikidata name groups: keep the groups that reach Arabic script; their Arabic and Latin forms
    # are given or family names as the world's press spells them.
    for line in (shared / "names/wikidata-person-names.txt").open(encoding="utf-8"):
        forms, _, _ = line.rstrip("\n").rpartition(" => ")
        forms = [f.strip() for f in forms.split(",")]
        if not any(ARABIC.search(f) for f in forms):
            continue
        for form in forms:
            if ARABIC.search(form) and " " not in form:
                name_parts.add(form)
            elif LATIN_NAME.match(form):
                name_parts.add(form.capitalize())

    for line in (shared / "names/romanizer-units.tsv").open(encoding="utf-8"):
        key, latin, _lang, _country, role, count, _source = line.rstrip("\n").split("\t")
        if role in ("given", "surname") and count.isdigit() and int(count) >= 2:
            if " " not in key:
                name_parts.add(key)
            if LATIN_NAME.match(latin):
                name_parts.add(latin)

    # Sanctions lists: full names of individuals (all scripts), names of entities.
    for line in (shared / "names/un-individuals.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        names = [record["name"].title(), record["original_script"]]
        names += [a["name"] for a in record["aliases"] if a.get("quality") == "Good"]
        full_names.update(n for n in names if n and " " in n.strip())
    for line in (shared / "names/ofac-sdn.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        names = [record["name"]] + [a["name"] for a in record["aliases"]]
        if record["type"] == "individual":
            full_names.update(ofac_display(n) for n in names if "," in n)
        elif record["type"] == "-0-":
            organizations.update(clean(n) for n in names)

    # akhbar's own curated people (data/names/people-curated.tsv): leaders, officials and
    # sportsmen the sanctions lists do not name, in both scripts (بان كي مون, جون كيري).
    for line in (out.parent / "names/people-curated.tsv").open(encoding="utf-8"):
        if line.startswith(("#", "name_en")):
            continue
        for column in line.rstrip("\n").split("\t"):
            full_names.update(n.strip() for n in column.split("|") if " " in n.strip())

    for line in (shared / "names/anetac-pairs.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        target = {"PERSON": name_parts, "LOCATION": locations, "ORGANIZATION": organizations}[record["class"]]
        target.add(record["ar"])
        english = [e for e in record["en"] if LATIN_NAME.match(e.replace(" ", ""))]
        if record["class"] == "ORGANIZATION":
            # One-word English spellings of ANETAC organizations are mostly parts of longer names
            # or not organizations at all (Volcker): they would type people and places as ORG.
            english = [e for e in english if " " in e.strip()]
        target.update(english)

    # Phoenix actors: country entries (3-letter codes) and their synonyms are places; the
    # international and non-state armed actor dictionaries name organizations.
    country_entry = re.compile(r"^([^+#\s][^\[#]*?)\s*\[([A-Z]{3})\]")
    current_is_country = False
    for line in (shared / "events/petrarch2/Phoenix.Countries.actors.txt").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        match = country_entry.match(line)
        if match:
            current_is_country = True
            locations.add(match.group(1).title())
        elif not line.startswith(("+", "\t", " ")):
            current_is_country = False
        elif line.startswith("+") and current_is_country:
            name = line[1:].split("#")[0].split("[")[0]
            # Synonyms include demonyms (IRANIAN, TURKISH): adjectives, not places.
            demonym = re.search(r"(IAN|ESE|ISH|ICAN|EAN|ANI|I)_?\s*$", name.strip()) and len(name.split("_")) <= 2
            if "GRAVEYARD" not in name and not demonym:
                locations.add(clean(name).title())
    org_word = re.compile(r"\b(ORGANI[SZ]ATION|UNION|COUNCIL|BANK|FUND|NATIONS|ASSOCIATION|COMMITTEE|AGENCY|LEAGUE|FRONT|PARTY|ARMY|BRIGADES?|MOVEMENT|FORCES?|COURT|COMMISSION|ALLIANCE|GROUP|INSTITUTE|PROGRAMME|PROGRAM)\b")
    for file in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for line in (shared / "events/petrarch2" / file).open(encoding="utf-8"):
            if line.startswith(("#", "\t", " ", "!")) or not line.strip():
                continue
            name = clean(line.lstrip("+").split("#")[0].split("[")[0])
            if file.startswith("Phoenix.MilNonState") or org_word.search(name.upper()):
                organizations.add(name.title())

    for line in (out / "countries-capitals.tsv").open(encoding="utf-8"):
        if line.startswith(("#", "country_en")):
            continue
        for column in line.rstrip("\n").split("\t"):
            locations.update(column.split("|"))
    for line in (out / "places-curated.tsv").open(encoding="utf-8"):
        if line.startswith(("#", "name_en")):
            continue
        for column in line.rstrip("\n").split("\t"):
            locations.update(name.split(" (")[0] for name in column.split("|"))
    for line in (out / "organizations-curated.tsv").open(encoding="utf-8"):
        if line.startswith(("#", "name_en")):
            continue
        for column in line.rstrip("\n").split("\t"):
            organizations.update(column.split("|"))

    # ANETAC writes a few one-word names with "and" glued on (وعمان, وغيانا): the name is the
    # rest, which the lists already have; the glued form would keep the conjunction in mentions.
    listed = locations | organizations
    for names in (locations, organizations):
        glued = {n for n in names if n.startswith("و") and " " not in n.strip() and n[1:] in listed}
        print(f"dropped, \"and\" glued to a listed name: {' '.join(sorted(glued))}")
        names.difference_update(glued)

    header = "# Built by data/scripts/build_gazetteers.py from {}. Do not edit by hand.\n"
    counts = {
        "person-name-parts.txt": write(out / "person-name-parts.txt", header.format("Wikidata person-name groups (MIT/CC0), romanizer units (MIT/CC0), ANETAC PERSON (research data)"), name_parts),
        "person-names.txt": write(out / "person-names.txt", header.format("the UN consolidated list (public), the OFAC SDN list (public domain), people-curated.tsv (written for akhbar)"), full_names),
        "locations.txt": write(out / "locations.txt", header.format("ANETAC LOCATION (research data), PETRARCH2 Phoenix country actors (MIT), countries-capitals.tsv, places-curated.tsv"), locations),
        "organizations.txt": write(out / "organizations.txt", header.format("OFAC SDN entities (public domain), ANETAC ORGANIZATION (research data), PETRARCH2 Phoenix international and non-state actors (MIT), organizations-curated.tsv"), organizations),
    }
    for name, count in counts.items():
        print(f"{out / name}: {count} forms")


if __name__ == "__main__":
    main()
