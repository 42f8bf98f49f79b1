#!/usr/bin/env python3
"""Builds data/lexicons/english-words.txt, the English vocabulary the mention rules use to tell a
surname from a word ("Paul Volcker" is a person, "Reagan Administration" and "Perkins Engines"
are not), from the permissive sources in ../shared/data.

Sources and licences:
  - events/petrarch2/CAMEO.2.0.txt: the PETRARCH2 verb dictionary (MIT, Open Event Data Alliance)
  - events/petrarch2/Phoenix.agents.txt: the PETRARCH2 agents dictionary (MIT)
Every word of two letters or more in their patterns and synonym lists, in lower case, with the
forms the dictionaries mark as stems (MINISTR_) left out; words in brackets ([~GOV], [043]) are
codes, not English, and are dropped.

Usage: python3 data/scripts/build_english_words.py [--shared ../shared/data]
Deterministic: the same inputs give a byte-identical file.
"""
import argparse
import pathlib
import re



def words_of(path: pathlib.Path) -> set:
    found = set()
    for line in path.open(encoding="utf-8", errors="replace"):
        line = line.split("#", 1)[0]
        line = re.sub(r"\[[^\]]*\]", " ", line)  # codes
        for part in re.split(r"[\s{}()<>*\-+=|,;:]+", line):
            for word in part.split("_"):
                word = word.strip("'&~$^%@!.")
                if len(word) >= 2 and re.fullmatch(r"[A-Z][A-Z']*[A-Z]", word):
                    found.add(word.lower())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared/data", type=pathlib.Path)
    parser.add_argument("--out", default="data/lexicons/english-words.txt", type=pathlib.Path)
    args = parser.parse_args()
    root = args.shared / "events" / "petrarch2"
    words = words_of(root / "CAMEO.2.0.txt") | words_of(root / "Phoenix.agents.txt")
    header = (
        "# Built by data/scripts/build_english_words.py from the PETRARCH2 verb and agent dictionaries\n"
        "# (CAMEO.2.0.txt, Phoenix.agents.txt; MIT, Open Event Data Alliance). Do not edit by hand.\n"
        "# English words in match form (lower case), one per line.\n"
    )
    args.out.write_text(header + "".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{args.out}: {len(words)} words")


if __name__ == "__main__":
    main()
