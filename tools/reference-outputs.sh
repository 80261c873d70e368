#!/usr/bin/env bash
# Writes the outputs of every command on the built-in corpus, the fixtures and the LexDania samples
# into OUT_DIR (one file per command line, stdout then "exit N"), and prints their SHA-256 sums, so that
# a refactoring can be checked byte for byte against the commit before it:
#
#   tools/reference-outputs.sh /tmp/before     # on the old commit
#   tools/reference-outputs.sh /tmp/after      # on the new one
#   diff -r /tmp/before /tmp/after
#
# Uses the release build in .build/release (built when missing), or the binary PARAGRAF names
# (PARAGRAF=/tmp/old/paragraf tools/reference-outputs.sh /tmp/before). ../shared is used when present.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: tools/reference-outputs.sh OUT_DIR}
mkdir -p "$OUT"
if [ -n "${PARAGRAF:-}" ]; then
    P=$PARAGRAF
else
    [ -x .build/release/paragraf ] || swift build -c release --product paragraf >/dev/null
    P=.build/release/paragraf
fi
SHARED=../shared
n=0
run() {
    n=$((n + 1))
    local name
    name=$(printf '%03d' "$n")
    { "$P" "$@" 2>"$OUT/$name.err"; echo "exit $?"; } >"$OUT/$name.out"
    printf '%s\n' "$*" >"$OUT/$name.cmd"
}
export NO_COLOR=1
for pair in "2003 2020" "2020 2003" "2020 2020"; do
    for f in text markdown json html; do run diff $pair --format "$f"; done
done
run diff 2003 2020 --all
run diff 2003 2020 --format markdown --all
for d in fixtures/diff/*/; do
    for f in text json; do run diff "$d/old.txt" "$d/new.txt" --format "$f"; done
done
for v in 2003 2020; do
    for f in text json summary; do run parse "corpus/tandpleje/$v-bek-tandpleje.txt" --format "$f"; done
    run toc "$v"
    run refs "$v"
    run refs "$v" --format json
    run check "$v"
    run check "$v" --format json
    run export "$v" --format akn
    run export "$v" --format html
    run cited-by "$v" "§ 12"
    run cited-by "$v" "§ 12" --format json
done
run versions
run versions --format json
run show 2003 "§ 17, stk. 3"
run show 2003 "§ 17, stk. 9"
run show 2020 "§ 21" --format json
run show 2020 "kapitel 4"
run show 2020 "bilag 1"
run show --at 2021-01-01 "§ 21"
run show --at 2015-01-01 "§ 10"
run resolve 2003 "jf. § 17, stk. 3" --from "§ 1, stk. 2"
for c in "§ 17" "§ 10" "§ 15" "§ 17, stk. 3" "kapitel 4"; do
    run history "$c" --in 2003
    run history "$c" --in 2003 --format json
done
run history "§ 21"
for f in fixtures/references/*.txt fixtures/xml/*.html fixtures/layouts/*.txt fixtures/regressions/*.txt; do
    run parse "$f" --format json
    run cite "$f"
done
if [ -d "$SHARED" ]; then
    for f in "$SHARED"/lexdania/*.xml; do
        for fmt in json summary text; do run parse "$f" --format "$fmt"; done
        run export "$f" --format akn
    done
    for f in "$SHARED"/seeds/*.txt; do run cite "$f"; run cite "$f" --format json; done
fi
(cd "$OUT" && sha256sum ./*.out) | sha256sum | sed 's/ .*//' | sed 's/^/combined: /'
echo "$n outputs in $OUT"
