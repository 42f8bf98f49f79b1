#!/usr/bin/env python3
"""Builds the name data akhbar ships in data/names from the permissive sources in ../shared/data.

Sources and licences:
  - names/romanizer-units.tsv: Arabic name units with their Latin spellings and counts
    (MIT; Wikidata CC0) -> romanizer.tsv, the most frequent Latin spelling of each Arabic unit
    whose consonants agree with the unit's (see spelling_of);
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
import itertools
import json
import pathlib
import re

ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"^[A-Za-z][A-Za-z'\- ]*$")


# Consonant classes of Arabic-script letters (Persian and Urdu ones too), as src/names/analyze.rs
# folds them; ه counts inside a word only, vowels and weak letters not at all.
ARABIC_CONSONANTS = {
    letter: cls
    for letters, cls in [("قكغگ", "K"), ("خ", "X"), ("شسصچ", "S"), ("ثتط", "T"), ("ذدض", "D"), ("زظ", "Z"),
                         ("جژ", "J"), ("بپ", "B"), ("فڤ", "F"), ("م", "M"), ("ن", "N"), ("ل", "L"), ("ر", "R"), ("ح", "H")]
    for letter in letters
}
LATIN_DIGRAPHS = {"kh": "X", "gh": "K", "sh": "S", "ch": "S", "th": "T", "dh": "D", "ph": "F", "ck": "K"}
LATIN_CONSONANTS = dict(q="K", k="K", g="K", x="K", d="D", z="Z", s="S", t="T", j="J", b="B", p="B", f="F",
                        v="F", m="M", n="N", l="L", r="R")
LATIN_ARTICLE = re.compile(r"^[ae](l|[tdsrzn]h?)[- ']")


def push(skeleton: str, cls: str) -> str:
    return skeleton if skeleton.endswith(cls) else skeleton + cls


def arabic_skeletons(unit: str) -> set:
    """The unit's consonant skeleton, with and without a leading ال (البير is Albert)."""
    def skeleton(word: str) -> str:
        out = ""
        for index, letter in enumerate(word):
            cls = ARABIC_CONSONANTS.get(letter) or ("H" if letter == "ه" and index + 1 < len(word) else None)
            out = push(out, cls) if cls else out
        return out
    return {skeleton(unit), skeleton(unit[2:]) if unit.startswith("ال") and len(unit) > 3 else skeleton(unit)}


def latin_skeletons(spelling: str) -> set:
    """The spelling's consonant skeletons under each reading of its ambiguous letters: c as k or s,
    g as g or j (George), v as a consonant or a vowel (Persian و: Parviz), zh as one sound or two."""
    word = "".join(c for c in LATIN_ARTICLE.sub("", spelling.lower()) if "a" <= c <= "z")
    skeletons = set()
    for c, g, v, zh in itertools.product("ks", "gj", ["v", ""], ["zh", "j"]):
        variant = word.replace("zh", zh).replace("c", c).replace("v", v)
        if g == "j":
            variant = variant.replace("gh", "\0").replace("g", "j").replace("\0", "gh")
        out, index = "", 0
        while index < len(variant):
            cls = LATIN_DIGRAPHS.get(variant[index:index + 2])
            if cls:
                index += 2
            else:
                letter = variant[index]
                index += 1
                cls = LATIN_CONSONANTS.get(letter) or ("H" if letter == "h" and index < len(variant) else None)
            out = push(out, cls) if cls else out
        skeletons.add(out)
    return skeletons


def edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (x != y)))
        row = current
    return row[-1]


def consonants_apart(unit: str, spelling: str) -> int:
    """How many consonants a Latin spelling is from its Arabic unit, at best."""
    return min(edit_distance(a, l) for a in arabic_skeletons(unit) for l in latin_skeletons(spelling))


def spelling_of(unit: str, counts: collections.Counter) -> tuple:
    """The unit's most frequent spelling, the closest in consonants among equally frequent ones
    (a source pairs الثبيتي with "Al-Otaibi" once and "ath-Thubaity" once: Thubaity), unless its
    consonants are two or more away from the unit's and another spelling's are not (ماطر is
    Mater, not Al-Harbi; غلامحسين Gholamhossein, not Gholam)."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], consonants_apart(unit, kv[0]), kv[0]))
    if consonants_apart(unit, ranked[0][0]) >= 2:
        for spelling, count in ranked:
            if consonants_apart(unit, spelling) <= 1:
                return spelling, count
    return ranked[0]


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
            latin, count = spelling_of(key, spellings[key])
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
