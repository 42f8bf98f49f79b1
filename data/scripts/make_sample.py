#!/usr/bin/env python3
"""Builds data/sample, the small corpus `akhbar run` processes when given no input.

Sources (read from ../shared/data, never copied whole):
  - the seed article (news article, for testing);
  - SaudiNewsNet, 25 articles of 2015-07-21 (CC BY-NC-SA 4.0; Alshehri et al.), kept in the
    corpus's own layout: a JSON array inside a zip file;
  - Reuters-21578, the first 24 stories of reut2-000.xml (research use; Lewis, Reuters Ltd).

Usage: python3 data/scripts/make_sample.py [--shared ../shared/data]
The output is deterministic: the same shared data gives byte-identical files.
"""
import argparse
import json
import pathlib
import shutil
import zipfile

SAUDINEWSNET_ARTICLES = 25
REUTERS_STORIES = 24


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared/data", type=pathlib.Path)
    parser.add_argument("--out", default="data/sample", type=pathlib.Path)
    args = parser.parse_args()
    out: pathlib.Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    seed = sorted((args.shared / "seed").glob("*.txt"))[0]
    (out / "seed").mkdir(exist_ok=True)
    shutil.copyfile(seed, out / "seed" / seed.name)

    with zipfile.ZipFile(args.shared / "corpora/saudinewsnet/2015-07-21.zip") as archive:
        articles = json.loads(archive.read("2015-07-21.json"))
    # One article from each newspaper first, then the next ones in file order.
    chosen, seen_sources = [], set()
    for article in articles:
        if article["source"] not in seen_sources and article["content"].strip():
            seen_sources.add(article["source"])
            chosen.append(article)
    for article in articles:
        if len(chosen) >= SAUDINEWSNET_ARTICLES:
            break
        if article not in chosen and article["content"].strip():
            chosen.append(article)
    chosen = chosen[:SAUDINEWSNET_ARTICLES]
    payload = json.dumps(chosen, ensure_ascii=False, indent=4).encode("utf-8")
    target = out / "saudinewsnet-2015-07-21-excerpt.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("2015-07-21.json", date_time=(2015, 8, 11, 15, 54, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, payload)

    text = (args.shared / "corpora/reuters21578/reut2-000.xml").read_text(encoding="utf-8")
    stories = text.split("<REUTERS ")[1 : REUTERS_STORIES + 1]
    body = "".join("<REUTERS " + story.split("</REUTERS>")[0] + "</REUTERS>\n" for story in stories)
    (out / "reut2-000-excerpt.xml").write_text('<?xml version="1.0"?>\n<LEWIS>\n' + body + "</LEWIS>\n", encoding="utf-8")
    print(f"wrote {out}: 1 seed article, {len(chosen)} SaudiNewsNet articles, {len(stories)} Reuters stories")


if __name__ == "__main__":
    main()
