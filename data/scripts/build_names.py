#!/usr/bin/env python3
"""Builds the name data akhbar ships in data/names from the permissive sources in ../shared/data.

Sources and licences:
  - names/romanizer-units.tsv: Arabic name units with their Latin spellings and counts
    (MIT; Wikidata CC0) -> romanizer.tsv, the most frequent Latin spelling of each Arabic unit;
  - names/wikidata-person-names.txt: person-name groups across scripts (MIT, OpenSanctions
    rigour; Wikidata CC0) -> variant-groups.txt, the groups that hold both Arabic- and
    Latin-script forms (a shared group is evidence that two spellings are one name);
  - names/un-individuals.jsonl (public) and names/ofac-sdn.jsonl (public domain) ->
    anchors.tsv, the listed individuals and entities with every name they are known by, to
    anchor resolved entities to a record (un:IRi.039, ofac:10481).

Usage: python3 data/scripts/build_names.py [--shared ../shared/data]
Deterministic: the same inputs give byte-identical files.
"""
import argparse
import collections
import json
import pathlib
import re

ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"^[A-Za-z][A-Za-z'\- ]*$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared/data", type=pathlib.Path)
    parser.add_argument("--out", default="data/names", type=pathlib.Path)
    args = parser.parse_args()
    shared, out = args.shared, args.out
    out.mkdir(parents=True, exist_ok=True)

    spellings = collections.defaultdict(collections.Counter)
    for line in (shared / "names/romanizer-units.tsv").open(encoding="utf-8"):
        key, latin, _lang, _country, _role, count, _source = line.rstrip("\n").split("\t")
        if key == "arabic_key" or not count.isdigit() or not LATIN.match(latin):
            continue
        # A spelling far longer than its unit belongs to a longer name (اله as "Alahverdi", from
        # Allahverdi; روحو as "Cheikhrouhou"): more than two Latin letters per Arabic one, and two.
        if len(latin) > 2 * len(key) + 2:
            continue
        spellings[key][latin] += int(count)
    with (out / "romanizer.tsv").open("w", encoding="utf-8") as f:
        f.write("# Built by data/scripts/build_names.py from romanizer-units.tsv (MIT; Wikidata CC0).\n")
        f.write("# Arabic name unit, its most frequent Latin spelling, how often that spelling was seen.\n")
        for key in sorted(spellings):
            latin, count = sorted(spellings[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            f.write(f"{key}\t{latin}\t{count}\n")

    groups = []
    for line in (shared / "names/wikidata-person-names.txt").open(encoding="utf-8"):
        forms, _, qid = line.rstrip("\n").rpartition(" => ")
        forms = [f.strip() for f in forms.split(",") if f.strip()]
        arabic = [f for f in forms if ARABIC.search(f) and " " not in f]
        latin = [f for f in forms if LATIN.match(f) and " " not in f]
        if arabic and latin:
            groups.append((qid.strip(), sorted(set(arabic + [l.lower() for l in latin]))))
    with (out / "variant-groups.txt").open("w", encoding="utf-8") as f:
        f.write("# Built by data/scripts/build_names.py from wikidata-person-names.txt (MIT; Wikidata CC0).\n")
        f.write("# One name item per line: its Wikidata id, then its Arabic- and Latin-script forms.\n")
        for qid, forms in sorted(groups):
            f.write(qid + "\t" + "\t".join(forms) + "\n")

    anchors = []
    for line in (shared / "names/un-individuals.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        names = [record["name"], record["original_script"]] + [a["name"] for a in record["aliases"] if a.get("quality") == "Good"]
        anchors.append((f"un:{record['ref']}", "PER", [n for n in names if n]))
    for line in (shared / "names/ofac-sdn.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        kind = {"individual": "PER", "-0-": "ORG"}.get(record["type"])
        if kind is None:
            continue
        names = [record["name"]] + [a["name"] for a in record["aliases"]]
        if kind == "PER":
            names = [" ".join(reversed([p.strip() for p in n.split(",", 1)])) if "," in n else n for n in names]
        anchors.append((f"ofac:{record['ent_num']}", kind, names))
    with (out / "anchors.tsv").open("w", encoding="utf-8") as f:
        f.write("# Built by data/scripts/build_names.py from the UN consolidated list (public) and the OFAC SDN list (public domain).\n")
        f.write("# Anchor id, entity type, then every name the record is known by.\n")
        for anchor, kind, names in sorted(anchors):
            clean = [" ".join(n.replace("\t", " ").split()) for n in names]
            f.write(anchor + "\t" + kind + "\t" + "\t".join(dict.fromkeys(c for c in clean if c)) + "\n")
    for name in ("romanizer.tsv", "variant-groups.txt", "anchors.tsv"):
        print(f"{out / name}: {(out / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
