#!/usr/bin/env bash
# Runs every `paragraf` command on the built-in corpus scaled ×10 and ×100 and prints, per command, the
# wall time and peak memory at both sizes and the time ratio (≤ 12 expected for 10× the bytes; a larger
# ratio is a quadratic corner to look at). Whole processes, so reading, parsing and rendering count.
#
#   tools/cli-growth.sh            factors 10 and 100
#   SMALL=1 LARGE=10 tools/cli-growth.sh
#
# Release build, `nice -n 19`, one core (taskset when available); best of 3 runs. Generated corpora go to a
# temporary folder removed at the end. Not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SMALL=${SMALL:-10}
LARGE=${LARGE:-100}
WORK=$(mktemp -d /tmp/paragraf-cli-growth.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tools/release-build.sh
source "$ROOT/tools/release-build.sh"

# A corpus like the built-in one whose two versions are the seeds scaled by `factor` (the manifest's
# checksums rewritten for the new files).
make_corpus() {
    local factor=$1 dir="$WORK/x$1/tandpleje" manifest
    mkdir -p "$dir"
    manifest=$(cat corpus/tandpleje/manifest.json)
    for version in 2003 2020; do
        local file="$version-bek-tandpleje.txt"
        "$BENCH" generate "corpus/tandpleje/$file" "$factor" "$dir/$file" >&2
        local old new
        old=$(sha256sum "corpus/tandpleje/$file" | cut -d' ' -f1)
        new=$(sha256sum "$dir/$file" | cut -d' ' -f1)
        manifest=${manifest//$old/$new}
    done
    printf '%s\n' "$manifest" >"$dir/manifest.json"
}
make_corpus "$SMALL"
make_corpus "$LARGE"

# "seconds peakKB" of the best of three runs of `paragraf ARGS --corpus DIR`.
best() {
    local dir=$1 best_s="" best_kb=""
    shift
    for _ in 1 2 3; do
        local out s kb
        /usr/bin/time -o "$WORK/time" -f "%e %M" nice -n 19 $PIN "$PARAGRAF" "$@" --corpus "$dir" >/dev/null 2>&1 || true
        out=$(tail -1 "$WORK/time")
        s=${out% *}
        kb=${out#* }
        if [[ -z $best_s ]] || (($(echo "$s < $best_s" | bc -l))); then best_s=$s; best_kb=$kb; fi
    done
    echo "$best_s $best_kb"
}

commands=(
    "toc 2020"
    "toc 2020 --format json"
    "show 2020 '§ 17'"
    "refs 2020"
    "refs 2020 --format json"
    "cited-by 2020 '§ 12'"
    "check 2020"
    "resolve 2003 'jf. § 17, stk. 3' --from '§ 1, stk. 2'"
    "history '§ 17' --in 2003"
    "export 2020 --format akn"
    "export 2020 --format html"
    "diff 2003 2020"
    "diff 2003 2020 --format markdown"
    "diff 2003 2020 --format html"
    "diff 2003 2020 --format json"
)
echo
echo "| command | ×$SMALL s | ×$SMALL peak MB | ×$LARGE s | ×$LARGE peak MB | time ×$LARGE ÷ ×$SMALL |"
echo "|---|---:|---:|---:|---:|---:|"
for command in "${commands[@]}"; do
    eval "args=($command)"
    read -r s1 kb1 <<<"$(best "$WORK/x$SMALL" "${args[@]}")"
    read -r s2 kb2 <<<"$(best "$WORK/x$LARGE" "${args[@]}")"
    ratio=$(echo "$s2 / ($s1 + 0.005)" | bc -l)
    flag=""
    if (($(echo "$ratio > 12 * $LARGE / $SMALL / 10" | bc -l))); then flag=" ⚠"; fi
    printf '| `paragraf %s` | %s | %.0f | %s | %.0f | %.1f%s |\n' "$command" "$s1" "$(echo "$kb1 / 1000" | bc -l)" \
        "$s2" "$(echo "$kb2 / 1000" | bc -l)" "$ratio" "$flag"
done
