#!/usr/bin/env bash
# The corpus database against its anchor, in one sitting: a plain SQLite FTS5 index of the same provisions
# built by a short Python script (tools/store-bench/anchor.py), then `paragraf import` of the same documents,
# the same 200 queries on both (tools/store-bench/queries.txt), and `cited-by` on the 100 most cited provisions.
#
#   tools/store-bench.sh [documents-dev.jsonl]     (default: ../shared/danish-law/documents-dev.jsonl.zst, unpacked)
#   REPEAT=5 tools/store-bench.sh                  (runs per query; the best counts; default 3)
#
# Prints the targets' table of issue 16. Release builds, `nice -n 19`. Not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REPEAT=${REPEAT:-3}
WORK=$(mktemp -d /tmp/paragraf-store-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
INPUT=${1:-}
if [[ -z $INPUT ]]; then
    zstd -dc ../shared/danish-law/documents-dev.jsonl.zst >"$WORK/documents.jsonl"
    INPUT="$WORK/documents.jsonl"
fi
# shellcheck source=tools/release-build.sh
source "$ROOT/tools/release-build.sh"
STORE_BENCH="$ROOT/tools/benchmark/.build/release/paragraf-store-bench"
RUN="nice -n 19"

percentile() { # FILE P: the P-th percentile (nearest rank) of the numbers in FILE
    sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int((p/100)*NR+0.999999); if (i<1) i=1; print a[i]}'
}
peak_mb() { grep "Maximum resident" "$1" | awk '{printf "%.0f", $6/1024}'; }
wall_s() { grep "Elapsed (wall" "$1" | awk '{n=split($8,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}'; }
cpu_s() { awk '/User time/ {u=$4} /System time/ {s=$4} END {print u+s}' "$1"; }

echo "anchor: loading…" >&2
$RUN /usr/bin/time -v python3 tools/store-bench/anchor.py load "$INPUT" "$WORK/anchor.sqlite" >"$WORK/anchor.out" 2>"$WORK/anchor.time"
echo "paragraf: importing…" >&2
$RUN /usr/bin/time -v "$PARAGRAF" import "$INPUT" --db "$WORK/paragraf.sqlite" --quiet >"$WORK/import.out" 2>"$WORK/import.time" || true
cat "$WORK/import.out" >&2
sqlite3 "$WORK/paragraf.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

echo "queries…" >&2
$RUN python3 tools/store-bench/anchor.py query "$WORK/anchor.sqlite" tools/store-bench/queries.txt "$REPEAT" >"$WORK/anchor.q"
$RUN "$STORE_BENCH" search "$WORK/paragraf.sqlite" tools/store-bench/queries.txt "$REPEAT" >"$WORK/paragraf.q"
$RUN "$STORE_BENCH" search "$WORK/paragraf.sqlite" tools/store-bench/queries.txt "$REPEAT" --all-versions >"$WORK/paragraf-all.q"
sqlite3 "$WORK/paragraf.sqlite" "
    SELECT '§ ' || substr(c.address, 2, instr(c.address || '/', '/') - 2) || ' i ' || w.act_key
    FROM citations c JOIN works w ON w.id = c.target_work
    WHERE c.address GLOB 'p[0-9]*' AND w.act_key IS NOT NULL AND w.act_key <> 'loven'
    GROUP BY w.act_key, substr(c.address, 1, instr(c.address || '/', '/') - 1) ORDER BY count(*) DESC LIMIT 100" \
    | sed -E 's/^§ ([0-9]+)([a-z])/§ \1 \2/' >"$WORK/targets.txt"
$RUN "$STORE_BENCH" cited-by "$WORK/paragraf.sqlite" "$WORK/targets.txt" "$REPEAT" >"$WORK/citedby.q"

anchor_load=$(awk '/^seconds/ {print $2}' "$WORK/anchor.out")
anchor_size=$(awk '/^bytes/ {print $2}' "$WORK/anchor.out")
import_wall=$(wall_s "$WORK/import.time")
import_cpu=$(cpu_s "$WORK/import.time")
anchor_cpu=$(cpu_s "$WORK/anchor.time")
size=$(stat -c %s "$WORK/paragraf.sqlite")
a50=$(percentile "$WORK/anchor.q" 50); a99=$(percentile "$WORK/anchor.q" 99)
p50=$(percentile "$WORK/paragraf.q" 50); p99=$(percentile "$WORK/paragraf.q" 99)
q50=$(percentile "$WORK/paragraf-all.q" 50); q99=$(percentile "$WORK/paragraf-all.q" 99)
c50=$(percentile "$WORK/citedby.q" 50); c99=$(percentile "$WORK/citedby.q" 99)
ratio() { echo "scale=2; $1 / $2" | bc -l; }
echo
echo "| figure | anchor (Python + FTS5) | Paragraf | ratio | target |"
echo "|---|---:|---:|---:|---|"
echo "| load + index, wall s | $anchor_load | $import_wall | $(ratio "$import_wall" "$anchor_load") | ≤ 3 |"
echo "| load + index, CPU s | $anchor_cpu | $import_cpu | $(ratio "$import_cpu" "$anchor_cpu") | |"
echo "| peak memory, MB | $(peak_mb "$WORK/anchor.time") | $(peak_mb "$WORK/import.time") | | Paragraf ≤ 1024 |"
echo "| database, MB | $(ratio "$anchor_size" 1000000) | $(ratio "$size" 1000000) | $(ratio "$size" "$anchor_size") | ≤ 2.5 |"
echo "| search p50, ms (in force today) | $a50 | $p50 | $(ratio "$p50" "$a50") | ≤ 1.5 |"
echo "| search p99, ms (in force today) | $a99 | $p99 | $(ratio "$p99" "$a99") | ≤ 1.5 |"
echo "| search p50, ms (all versions) | $a50 | $q50 | $(ratio "$q50" "$a50") | |"
echo "| search p99, ms (all versions) | $a99 | $q99 | $(ratio "$q99" "$a99") | |"
echo "| cited-by p50 / p99, ms ($(wc -l <"$WORK/targets.txt") provisions) | – | $c50 / $c99 | | p99 ≤ 50 |"
