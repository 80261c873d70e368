#!/usr/bin/env bash
# Benchmarks Paragraf against a byte-scan floor and prints the table of tools/README.md.
#
#   tools/bench.sh                 factors 1 10 100 1000, LexDania, whole-process CLI timings
#   FACTORS="1 10" tools/bench.sh  fewer sizes (quick check)
#   SECONDS_PER_FIGURE=1 tools/bench.sh   measure each figure for at least that long (default 0.5)
#
# Everything runs in release mode under `nice -n 19` on one core (taskset when available). Generated
# inputs go to a temporary folder that is removed at the end. Not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FACTORS=${FACTORS:-"1 10 100 1000"}
SECONDS_PER_FIGURE=${SECONDS_PER_FIGURE:-0.5}
WORK=$(mktemp -d /tmp/paragraf-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tools/release-build.sh
source "$ROOT/tools/release-build.sh"
RUN="nice -n 19 $PIN"

# wc -l throughput in MB/s on the file's bytes: the file is doubled into one ≥ 200 MB file (so that
# process start and per-file costs vanish), then `wc -l` reads it, best of 3.
wc_mbps() {
    local file=$1 big="$WORK/wc.bin" best=999999 start end elapsed size
    cp "$file" "$big"
    while (($(stat -c %s "$big") < 200000000)); do
        cat "$big" "$big" >"$big.2"
        mv "$big.2" "$big"
    done
    size=$(stat -c %s "$big")
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        $RUN wc -l "$big" >/dev/null
        end=$(date +%s.%N)
        elapsed=$(echo "$end - $start" | bc -l)
        if (($(echo "$elapsed < $best" | bc -l))); then best=$elapsed; fi
    done
    rm -f "$big"
    echo "$size / 1000000 / $best" | bc -l
}

# Peak resident memory in KB of one run, from /usr/bin/time -v.
peak_kb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}

ROWS="$WORK/rows.tsv"
: >"$ROWS"

measure() {
    local name=$1 file=$2
    shift 2
    local wc peak cite base full=nan
    wc=$(wc_mbps "$file")
    peak=$(peak_kb $RUN "$BENCH" once parse "$file")
    cite=$(peak_kb $RUN "$BENCH" once cite "$file")
    base=$(peak_kb $RUN "$BENCH" once read "$file")
    if [[ ${1:-} == --old ]]; then full=$(peak_kb $RUN "$BENCH" once full "$2" "$4"); fi
    echo "measuring $name ($(stat -c %s "$file") bytes)…" >&2
    $RUN "$BENCH" measure "$name" "$file" "$@" --wc-mbps "$wc" --peak-kb "$peak" --base-kb "$base" \
        --cite-kb "$cite" --full-kb "$full" --seconds "$SECONDS_PER_FIGURE" >>"$ROWS"
}

# Real seeds and synthetic sizes: parse/citations on the 2020 text, diff 2003 → 2020 at the same factor.
# Growth: each size against the one before it, timed interleaved (paragraf-bench growth), so that the
# machine's drift in speed between two rows does not enter the ratio.
GROWTH="$WORK/growth.md"
: >"$GROWTH"
previous=""
for factor in $FACTORS; do
    "$BENCH" generate corpus/tandpleje/2003-bek-tandpleje.txt "$factor" "$WORK/2003-x$factor.txt" >&2
    "$BENCH" generate corpus/tandpleje/2020-bek-tandpleje.txt "$factor" "$WORK/2020-x$factor.txt" >&2
    name="synthetic ×$factor"
    [[ $factor == 1 ]] && name="synthetic ×1 (2020 seed)"
    measure "$name" "$WORK/2020-x$factor.txt" --old "$WORK/2003-x$factor.txt" --new "$WORK/2020-x$factor.txt"
    if [[ -n $previous ]]; then
        echo "growth ×$previous → ×$factor…" >&2
        rounds=5
        ((factor >= 1000)) && rounds=3
        $RUN "$BENCH" growth "×$previous → ×$factor" "$WORK/2003-x$previous.txt" "$WORK/2020-x$previous.txt" \
            "$WORK/2003-x$factor.txt" "$WORK/2020-x$factor.txt" --rounds $rounds >>"$GROWTH"
        rm -f "$WORK/2003-x$previous.txt" "$WORK/2020-x$previous.txt"
    fi
    previous=$factor
done
measure "2003 seed" corpus/tandpleje/2003-bek-tandpleje.txt

# Flattened LexDania acts (XML → tree → PlainTextFormatter text), when the shared samples are there.
LEXDANIA="$ROOT/../shared/lexdania"
if [[ -d $LEXDANIA ]]; then
    for xml in "$LEXDANIA"/*.xml; do
        base=$(basename "$xml" .xml)
        "$BENCH" flatten "$xml" "$WORK/$base.txt" >&2
        measure "LexDania $base" "$WORK/$base.txt" --xml "$xml"
    done
fi

echo
"$BENCH" table <"$ROWS"

if [[ -s $GROWTH ]]; then
    echo
    echo "Growth timed interleaved (median ratio large ÷ small over the rounds, range in brackets; target ≤ 12 per ×10):"
    echo
    echo "| sizes | bytes × | parse | citations | diff (graphs given) |"
    echo "|---|---:|---|---|---|"
    cat "$GROWTH"
fi

# Whole processes on the built-in corpus.
echo
echo "Whole-process times on the built-in corpus (release build):"
show=(show 2020 "§ 17")
diff=(diff 2003 2020)
if command -v hyperfine >/dev/null; then
    for cmd in "paragraf show 2020 '§ 17'" "paragraf diff 2003 2020"; do
        args=${cmd#paragraf }
        $RUN hyperfine -N --warmup 3 --min-runs 20 --export-json "$WORK/h.json" "$PARAGRAF $args" >/dev/null 2>&1 || true
        mean=$(python3 -c "import json;r=json.load(open('$WORK/h.json'))['results'][0];print(f\"{r['mean']*1000:.1f} ms ± {r['stddev']*1000:.1f} (min {r['min']*1000:.1f})\")" 2>/dev/null || echo "failed")
        echo "- \`$cmd\`: $mean"
    done
else
    for cmd in show diff; do
        declare -n argv=$cmd
        start=$(date +%s.%N)
        for _ in $(seq 20); do $RUN "$PARAGRAF" "${argv[@]}" >/dev/null; done
        end=$(date +%s.%N)
        echo "- paragraf ${argv[*]}: $(echo "($end - $start) * 1000 / 20" | bc -l | cut -c1-6) ms (mean of 20, hyperfine not installed)"
    done
fi
echo "- \`wc -l\` on the 2020 text as a whole process, for scale: $( (
    start=$(date +%s.%N)
    for _ in $(seq 20); do $RUN wc -l corpus/tandpleje/2020-bek-tandpleje.txt >/dev/null; done
    end=$(date +%s.%N)
    echo "($end - $start) * 1000 / 20" | bc -l | cut -c1-5
)) ms"
