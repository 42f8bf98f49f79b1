#!/usr/bin/env bash
# Rebuilds data/models/word-clusters.tsv (the entity tagger's word clusters) from SaudiNewsNet,
# then retrains the tagger on ANERcorp with them. Run from the repository root; rebuild akhbar
# afterwards to ship both.
#
# Source: SaudiNewsNet, 31,030 Arabic articles from 14 Saudi papers, July–August 2015
# (../shared/data/corpora/saudinewsnet), licence CC BY-NC-SA 4.0. The clusters file holds word
# forms of its text and their cluster numbers, under the same licence.
set -euo pipefail
corpus=${1:-../shared/data/corpora/saudinewsnet}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
./target/release/akhbar run --input "$corpus" --out "$work/out" --quiet || [ $? -eq 2 ]
./target/release/akhbar train clusters --documents "$work/out/documents" \
  --source "SaudiNewsNet (31,030 Arabic articles from 14 Saudi papers, July-August 2015; CC BY-NC-SA 4.0), documents.text after akhbar run"
# The tagger reads the clusters it was built with: rebuild, then retrain it on them.
cargo build --release --quiet
./target/release/akhbar train ner --conll ../shared/data/ner/anercorp-train.txt
