#!/usr/bin/env bash
# Whole-process figures of two paragraf binaries side by side, interleaved in one sitting (issue 13's
# "within 10 % of before"): CPU seconds (user + sys) and peak memory of each command line, median of ROUNDS
# runs, with the ratio new/old. CPU time rather than wall time: on a shared machine it moves less with load.
#
#   tools/compare-binaries.sh OLD_BINARY NEW_BINARY [ROUNDS]
#
# The inputs are the tandpleje texts scaled ×10 and ×100 by `paragraf-bench generate` (tools/benchmark),
# written to a temporary folder. Example, against the main before issue 13:
#   git worktree add /tmp/base 409c6ce && swift build -c release --package-path /tmp/base
#   tools/compare-binaries.sh /tmp/base/.build/release/paragraf .build/release/paragraf 7
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# Absolute paths: the runs happen in the temporary folder of the inputs.
OLD=$(realpath "$1") NEW=$(realpath "$2") ROUNDS=${3:-5}
WORK=$(mktemp -d /tmp/paragraf-compare.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# BENCH=path/to/paragraf-bench skips the release builds (only the benchmark's input generator is used);
# otherwise tools/release-build.sh builds it, as for tools/bench.sh.
if [[ -z ${BENCH:-} ]]; then
    # shellcheck source=tools/release-build.sh
    source "$ROOT/tools/release-build.sh"
fi
for f in 10 100; do
    "$BENCH" generate corpus/tandpleje/2003-bek-tandpleje.txt $f "$WORK/o$f.txt" >/dev/null
    "$BENCH" generate corpus/tandpleje/2020-bek-tandpleje.txt $f "$WORK/n$f.txt" >/dev/null
done
MB=$(echo "$(stat -c %s "$WORK/n100.txt") / 1000000" | bc -l)

LINES=(
    "parse n100.txt --format summary"
    "parse n100.txt --format json"
    "export n100.txt --format akn"
    "diff o10.txt n10.txt"
    "diff o10.txt n10.txt --format json"
    "diff o100.txt n100.txt"
)

# One run: "cpu_seconds peak_kb" (getrusage of the child: microsecond CPU times, unlike time(1)'s 10 ms).
measure() {
    local binary=$1 line=$2
    (cd "$WORK" && python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.4f %d" % (r.ru_utime + r.ru_stime, r.ru_maxrss))' "$binary" $line)
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf "%-36s %10s %10s %7s %12s %12s %7s\n" "command (n100 = $(printf %.1f "$MB") MB)" "old CPU s" "new CPU s" "ratio" "old peak KB" "new peak KB" "ratio"
for line in "${LINES[@]}"; do
    : >"$WORK/old" && : >"$WORK/new"
    for _ in $(seq "$ROUNDS"); do
        measure "$OLD" "$line" >>"$WORK/old"
        measure "$NEW" "$line" >>"$WORK/new"
    done
    ot=$(cut -d' ' -f1 "$WORK/old" | median) nt=$(cut -d' ' -f1 "$WORK/new" | median)
    om=$(cut -d' ' -f2 "$WORK/old" | median) nm=$(cut -d' ' -f2 "$WORK/new" | median)
    printf "%-36s %10s %10s %7.2f %12s %12s %7.2f\n" "$line" "$ot" "$nt" "$(echo "$nt / $ot" | bc -l)" "$om" "$nm" "$(echo "$nm / $om" | bc -l)"
done
