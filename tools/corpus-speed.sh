#!/usr/bin/env bash
# Whole-corpus parse speed (issue 14, item 4): all documents of ../shared/danish-law written as text (the corpus
# scorer's first layout), then, in the same run and on the same bytes:
#   wc -l           over the concatenation of all texts (one file)
#   python          reading that file and splitting it into lines (bytes.split(b"\n"))
#   parse dir       `paragraf parse DIR --format summary --quiet`: every document, one process, with one job
#                   (on one core, as the rest) and with two (both cores; wc -l and Python use one)
#   parse file      `paragraf parse ALL.txt --format summary --quiet`: the concatenation as one document
# each timed by hyperfine (RUNS runs, default 3, after one warm-up), whole processes, under nice -n 19 on one
# core (taskset). Prints MB/s (from the mean and the best run) and each one's ratio to wc -l, from the wall clock
# and from the CPU time (user + system), which a machine shared with other work disturbs less.
#
#   tools/corpus-speed.sh              # all 18,697 documents
#   LIMIT=2000 tools/corpus-speed.sh   # the first 2 000 (quick look)
#   KEEP=/tmp/texts tools/corpus-speed.sh   # keep the written texts there (and reuse them next time)
#   BEFORE=/path/to/old/paragraf tools/corpus-speed.sh   # also time that binary on the one file
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATASET=${DATASET:-"$ROOT/../shared/danish-law/documents-dev.jsonl.zst"}
RUNS=${RUNS:-3}
WORK=${KEEP:-$(mktemp -d /tmp/paragraf-speed.XXXXXX)}
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$WORK"' EXIT
command -v hyperfine >/dev/null || { echo "corpus-speed: needs hyperfine" >&2; exit 1; }

# shellcheck source=tools/release-build.sh
source "$ROOT/tools/release-build.sh"
nice -n 19 swift build -c release --package-path "$ROOT/tools/corpus-score" >&2
SCORE="$ROOT/tools/corpus-score/.build/release/paragraf-corpus-score"
RUN="nice -n 19 $PIN"

if [[ ! -f $WORK/docs.all.txt ]]; then
    "$SCORE" write-texts "$WORK/docs" --input "$DATASET" ${LIMIT:+--limit "$LIMIT"} >&2
fi
ALL="$WORK/docs.all.txt"
BYTES=$(stat -c %s "$ALL")
FILES=$(find "$WORK/docs" -type f | wc -l)
echo "corpus: $FILES documents, $BYTES bytes ($(echo "scale=1; $BYTES / 1000000" | bc) MB)" >&2

hyperfine --warmup 2 --runs "$RUNS" --style basic --export-json "$WORK/times.json" \
    -n "wc -l" "$RUN wc -l $ALL" \
    -n "python split" "$RUN python3 -c 'import sys; len(open(sys.argv[1], \"rb\").read().split(b\"\\n\"))' $ALL" \
    -n "parse dir, 1 job" "$RUN $PARAGRAF parse $WORK/docs --format summary --quiet --jobs 1" \
    -n "parse dir, 2 jobs" "nice -n 19 $PARAGRAF parse $WORK/docs --format summary --quiet --jobs 2" \
    -n "parse file" "$RUN $PARAGRAF parse $ALL --format summary --quiet" \
    ${BEFORE:+-n "parse file (before)" "$RUN $BEFORE parse $ALL --format summary --quiet"} >&2

python3 - "$WORK/times.json" "$BYTES" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2]) / 1e6
wc = next(r for r in results if r["command"] == "wc -l")
cpu = lambda r: r["user"] + r["system"]
print(f"| step | wall s (mean) | MB/s (mean) | MB/s (best) | × wc -l (mean) | CPU s (user+sys) | MB/s (CPU) | × wc -l (CPU) |")
print(f"|---|---:|---:|---:|---:|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['mean']:.3f} | {size / r['mean']:.0f} | {size / r['min']:.0f} | {r['mean'] / wc['mean']:.1f}"
          f" | {cpu(r):.3f} | {size / cpu(r):.0f} | {cpu(r) / cpu(wc):.1f} |")
PY
