#!/usr/bin/env bash
# Scores the text parser on the real documents of ../shared/danish-law (issue 14): every document is written
# out as text in two layouts, parsed, and compared with its own provision list, per document type.
#
#   tools/corpus-score.sh score                    the table for the tuned documents (four fifths)
#   tools/corpus-score.sh score --split all        tuned and held-out fifth, side by side
#   tools/corpus-score.sh score --save run.tsv     … and keep the per-document scores
#   tools/corpus-score.sh score --compare run.tsv  … and list the documents that changed since run.tsv
#   tools/corpus-score.sh failures                 the wrong §§ with their lines, grouped by class
#   tools/corpus-score.sh failures --class 0 --examples 40 --type LBK
#   tools/corpus-score.sh text 2019:976 --layout 2 one document as the parser gets it
#
# DATASET=path/to/documents-dev.jsonl[.zst] reads another copy. The scorer is a separate package
# (tools/corpus-score/, release build, depends on the root package by path), so it never enters `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATASET=${DATASET:-"$ROOT/../shared/danish-law/documents-dev.jsonl.zst"}
if [[ ! -r $DATASET ]]; then
    echo "corpus-score: cannot read the dataset $DATASET (set DATASET=…)" >&2
    exit 1
fi
if (($# == 0)); then set -- score; fi
echo "building (release)…" >&2
nice -n 19 swift build -c release --package-path "$ROOT/tools/corpus-score" >&2
SCORE="$ROOT/tools/corpus-score/.build/release/paragraf-corpus-score"
command=$1
shift
case $command in
    text) exec nice -n 19 "$SCORE" text "$1" --input "$DATASET" "${@:2}" ;;
    *) exec nice -n 19 "$SCORE" "$command" --input "$DATASET" "$@" ;;
esac
