#!/usr/bin/env bash
# Instructions (callgrind) of the library's work in two builds of paragraf-bench, side by side: the parse of
# one version, VersionDiff.compare given both citation graphs (bench.sh's "diff"), and the two-argument
# compare that builds the graphs itself ("diff incl. graphs"). Only the measured call is counted
# (--toggle-collect), so process start and file reading stay out. Deterministic, unlike wall clock on a
# shared machine: issue 13's "within 10 % of before" was checked with it beside tools/bench.sh.
#
#   tools/compare-instructions.sh OLD_BENCH NEW_BENCH [FACTORS]
#
# FACTORS defaults to "1 10 100": 1 is the real 2003 → 2020 pair, the others the texts scaled by
# `paragraf-bench generate`. Example, against the main before issue 13:
#   git worktree add /tmp/base 409c6ce && swift build -c release --package-path /tmp/base/tools/benchmark
#   tools/compare-instructions.sh /tmp/base/tools/benchmark/.build/release/paragraf-bench \
#       tools/benchmark/.build/release/paragraf-bench
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1") NEW=$(realpath "$2") FACTORS=${3:-"1 10 100"}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/paragraf-instructions.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

PARSE='$s8Paragraf16RegulationParserO5parse_10sourceNameAA14ParsedDocumentVSays5UInt8VG_SStFZTf4nnd_n'
GRAPHS='$s12ParagrafDiff07VersionB0O7compare__8oldGraph03newF0AA08DocumentB0V0A006ParsedH0V_AK0A10References09ReferenceF0VANtFZ'
PLAIN='$s12ParagrafDiff07VersionB0O7compareyAA08DocumentB0V0A006ParsedE0V_AItFZ'

# Instructions inside the function whose symbol is $1, running the bench binary $2 with the rest.
count() {
    local symbol=$1 binary=$2
    shift 2
    valgrind --tool=callgrind --toggle-collect="$symbol" --callgrind-out-file="$WORK/cg" "$binary" "$@" >/dev/null 2>&1
    callgrind_annotate "$WORK/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}

printf "%-7s %-22s %15s %15s %7s\n" input measure old new ratio
for f in $FACTORS; do
    if [[ $f == 1 ]]; then
        cp corpus/tandpleje/2003-bek-tandpleje.txt "$WORK/o.txt"
        cp corpus/tandpleje/2020-bek-tandpleje.txt "$WORK/n.txt"
    else
        "$NEW" generate corpus/tandpleje/2003-bek-tandpleje.txt "$f" "$WORK/o.txt" >/dev/null
        "$NEW" generate corpus/tandpleje/2020-bek-tandpleje.txt "$f" "$WORK/n.txt" >/dev/null
    fi
    for m in parse diff diff-incl-graphs; do
        case $m in
            parse) symbol=$PARSE args=(once parse "$WORK/n.txt") ;;
            diff) symbol=$GRAPHS args=(once diff-graphs "$WORK/o.txt" "$WORK/n.txt") ;;
            diff-incl-graphs) symbol=$PLAIN args=(once diff "$WORK/o.txt" "$WORK/n.txt") ;;
        esac
        o=$(count "$symbol" "$OLD" "${args[@]}")
        n=$(count "$symbol" "$NEW" "${args[@]}")
        printf "%-7s %-22s %15s %15s %7.3f\n" "×$f" "$m" "$o" "$n" "$(echo "$n / $o" | bc -l)"
    done
done
