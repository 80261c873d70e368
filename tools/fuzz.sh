#!/usr/bin/env bash
# Runs a libFuzzer target for N minutes:  tools/fuzz.sh parser|citations|xml|diff|dataset|amendments|import|request MINUTES
#
# Builds the target with `swiftc -sanitize=fuzzer,address` over the sources it needs (one module, so
# the harness in tools/fuzz/ can check internal invariants), copies the seeds into a temporary
# corpus (generated corpora are not committed), and runs under `nice -n 19` on one job. Crashes,
# timeouts and out-of-memory inputs are copied to fixtures/regressions/fuzz-TARGET-*; add a test
# for each (see Tests/ParagrafTests/HostileInputTests.swift). A timeout or slow unit is kept only if it
# is still slow when run again alone (libFuzzer's timeout is wall-clock time; FUZZ_TIMEOUT sets it,
# default 10 s). Exit status 0: the full time, nothing found; 1: something found; 3: stopped early
# by a timeout that does not reproduce (run again).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET=${1:-}
MINUTES=${2:-}
if [[ -z $TARGET || -z $MINUTES ]] || { [[ $MINUTES != build ]] && ((MINUTES < 1)); }; then
    echo "usage: tools/fuzz.sh parser|citations|xml|diff|dataset|amendments|import|request MINUTES (≥ 1, or 'build')" >&2
    exit 64
fi

BUILD="$ROOT/tools/fuzz/.build-fuzz"
# Seconds before libFuzzer calls an input a hang (wall clock; FUZZ_TIMEOUT=60 on a busy machine).
TIMEOUT=${FUZZ_TIMEOUT:-10}
mkdir -p "$BUILD"
SOURCES=(Sources/Paragraf/*/*.swift tools/fuzz/FuzzChecks.swift)
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -module-name Paragraf -package-name paragraf -swift-version 6)
case $TARGET in
parser)
    SOURCES+=(tools/fuzz/FuzzParser.swift)
    ;;
citations)
    SOURCES+=($(ls Sources/ParagrafReferences/*.swift | grep -v Exports.swift) tools/fuzz/FuzzCitations.swift)
    ;;
xml)
    SOURCES+=($(ls Sources/ParagrafReferences/*.swift | grep -v Exports.swift)
        $(find Sources/ParagrafXML -name '*.swift' ! -name Exports.swift) tools/fuzz/FuzzXML.swift)
    FLAGS+=(-I Sources/CLibXML2 $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') -lxml2)
    ;;
diff)
    SOURCES+=($(ls Sources/ParagrafReferences/*.swift | grep -v Exports.swift)
        $(find Sources/ParagrafDiff -name '*.swift' ! -name Exports.swift) tools/fuzz/FuzzDiff.swift)
    ;;
dataset)
    SOURCES+=(tools/fuzz/FuzzDataset.swift)
    ;;
amendments)
    SOURCES+=($(ls Sources/ParagrafReferences/*.swift | grep -v Exports.swift)
        $(find Sources/ParagrafXML Sources/ParagrafDiff Sources/ParagrafAmendments -name '*.swift' ! -name Exports.swift)
        tools/fuzz/FuzzAmendments.swift)
    FLAGS+=(-I Sources/CLibXML2 $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') -lxml2)
    ;;
import)
    # The store's reader and preparer, without the files that use the database (GRDB).
    STORE=(Sources/ParagrafStore/Import/{ByteStream,JSONStream,ImportItem,ImportInput,ImportReader,DocumentPreparer,PreparedDocument,NodeRows,LineTable,CitationRows,InstrumentKey}.swift
        Sources/ParagrafStore/Search/{TextFolding,UnitText,SearchQuery,SearchContext}.swift
        Sources/ParagrafStore/Model/DocumentRole.swift Sources/ParagrafStore/Store/{StoreCodes,StoreError}.swift)
    SOURCES+=($(ls Sources/ParagrafReferences/*.swift | grep -v Exports.swift)
        $(find Sources/ParagrafXML -name '*.swift' ! -name Exports.swift) "${STORE[@]}" tools/fuzz/FuzzImport.swift)
    FLAGS+=(-I Sources/CLibXML2 $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') -lxml2)
    ;;
request)
    # The request reader of `paragraf serve`: its routing files only (no Hummingbird, no database).
    SOURCES+=(Sources/ParagrafServer/Routing/*.swift tools/fuzz/FuzzRequest.swift)
    ;;
*)
    echo "unknown target $TARGET (parser, citations, xml, diff, dataset, amendments, import, request)" >&2
    exit 64
    ;;
esac

echo "building fuzz-$TARGET…" >&2
# One module: copy the sources with their `import Paragraf…` lines removed (the modules they name are
# this one), each file under a unique name.
SRC="$BUILD/src-$TARGET"
rm -rf "$SRC"
mkdir -p "$SRC"
COPIED=()
for f in "${SOURCES[@]}"; do
    out="$SRC/$(echo "$f" | tr '/' '_')"
    sed -E 's/^(@_exported )?import Paragraf[A-Za-z]*$//' "$f" >"$out"
    COPIED+=("$out")
done
# The linker's notes about ASan's local symbols are noise.
rm -f "$BUILD/fuzz-$TARGET"
nice -n 19 swiftc "${FLAGS[@]}" "${COPIED[@]}" -o "$BUILD/fuzz-$TARGET" 2>&1 | grep -v "is part of module 'Paragraf'; ignoring import\|Cannot export local symbol" | grep -E "error|warning" >&2 || true
[[ -x $BUILD/fuzz-$TARGET ]] || { echo "build failed" >&2; exit 1; }
[[ $MINUTES == build ]] && exit 0

WORK=$(mktemp -d /tmp/paragraf-fuzz-$TARGET.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/corpus" "$WORK/artifacts"
# Seeds: the corpus texts, the shared seeds and LexDania samples, the regression fixtures.
cp corpus/*/*.txt "$WORK/corpus/"
cp fixtures/regressions/* "$WORK/corpus/" 2>/dev/null || true
[[ -d ../shared/seeds ]] && cp ../shared/seeds/*.txt "$WORK/corpus/"
if [[ $TARGET == xml ]]; then
    [[ -d ../shared/lexdania ]] && cp ../shared/lexdania/*.xml "$WORK/corpus/"
    find fixtures -name '*.xml' -o -name '*.html' | while read -r f; do cp "$f" "$WORK/corpus/"; done
fi
if [[ $TARGET == diff ]]; then
    # Two versions joined by two NUL bytes (tools/fuzz/FuzzDiff.swift): the fixture pairs and 2003 → 2020.
    for pair in fixtures/diff/*/; do
        [[ -f $pair/old.txt && -f $pair/new.txt ]] || continue
        { cat "$pair/old.txt"; printf '\0\0'; cat "$pair/new.txt"; } >"$WORK/corpus/pair-$(basename "$pair").txt"
    done
    { cat corpus/tandpleje/2003-bek-tandpleje.txt; printf '\0\0'; cat corpus/tandpleje/2020-bek-tandpleje.txt; } \
        >"$WORK/corpus/pair-tandpleje.txt"
fi
if [[ $TARGET == parser ]]; then
    # Real layouts of Retsinformation documents (issue 14) and the layout fixtures.
    cp fixtures/parser-recall/*.txt fixtures/layouts/*.txt "$WORK/corpus/"
fi
if [[ $TARGET == dataset ]]; then
    # Real dataset documents: the fixtures and, when the shared data is there, every work's documents.
    cp fixtures/dataset/*.json "$WORK/corpus/"
    [[ -d ../shared/danish-law/works ]] && for f in ../shared/danish-law/works/*/*.json; do
        cp "$f" "$WORK/corpus/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
fi
if [[ $TARGET == amendments ]]; then
    # Amending acts: the fixtures (text, XML extract, synthetic orders) and the real act's XML.
    find fixtures/amendments -name '*.txt' ! -path '*/golden/*' -o -name 'lov-*.xml' | while read -r f; do cp "$f" "$WORK/corpus/"; done
    [[ -d ../shared/lexdania ]] && cp ../shared/lexdania/LOV-*.xml "$WORK/corpus/"
fi
if [[ $TARGET == import ]]; then
    # JSON lines of the store's fixture (a few lines per seed), its pretty-printed files, and bad lines.
    split -l 3 -d fixtures/store/dev-extract.jsonl "$WORK/corpus/lines-"
    cp fixtures/store/hold-af-dyr/*.json "$WORK/corpus/"
    printf '{"id": 1}\n{"title": ["x"], "provisions": "y"}\nnot json\n{"provisions": [{"content": "§ 1. Kommu' >"$WORK/corpus/bad.jsonl"
fi
if [[ $TARGET == request ]]; then
    # Request targets: every page type and API route, and a few hostile ones (first line: the method).
    n=0
    for t in / "/?titles=tandpleje" "/search?q=tandregulering&at=2010-01-01&type=BEK&work=tandpleje&limit=5" \
        /works/tandpleje /works/tandpleje/2003 /works/tandpleje/2003/p17/stk3 "/works/tandpleje/2003/%C2%A7%2017%2C%20stk.%203" \
        /works/tandpleje/at/2010-01-01/p10 /works/tandpleje/compare/2003/1077-2020 "/works/tandpleje/2003?citation=%C2%A7+17" \
        "/api/works?q=tand" "/api/works/tandpleje/history/p17?in=2003" /api/works/tandpleje/2020/basis \
        "/api/cited-by?target=sundhedsloven%20%C2%A7%20135" "/api/check?limit=5&type=BEK" /api/openapi.json \
        "/works/../x" "/%C3%28" "/a%0Ab?q=%zz"; do
        printf 'GET\n%s' "$t" >"$WORK/corpus/target-$n"
        n=$((n + 1))
    done
    printf 'POST\n/api/works' >"$WORK/corpus/target-post"
fi
if [[ $TARGET == citations ]]; then
    find fixtures/references -name '*.txt' -exec cp {} "$WORK/corpus/" \;
fi

# Swift's own crash backtracer reads memory in a way ASan reports as an overflow, and can hang:
# let the runtime trap go straight to libFuzzer's handler instead.
export SWIFT_BACKTRACE=enable=no
echo "fuzzing $TARGET for $MINUTES min with $(ls "$WORK/corpus" | wc -l) seeds…" >&2
START=$(date +%s)
set +e
nice -n 19 "$BUILD/fuzz-$TARGET" "$WORK/corpus" -max_total_time=$((MINUTES * 60)) -timeout="$TIMEOUT" -rss_limit_mb=4096 \
    -max_len=131072 -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 2>"$WORK/log"
STATUS=$?
set -e
END=$(date +%s)
grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" "$WORK/log" | tail -6 >&2
FOUND=0
for artifact in "$WORK"/artifacts/*; do
    [[ -e $artifact ]] || continue
    # libFuzzer's timeout is wall-clock time: at `nice -n 19` next to busy processes an ordinary input can
    # starve past it. Run a timeout or slow unit once more on its own; keep it only if it is still slow.
    case $(basename "$artifact") in
    timeout-* | slow-unit-*)
        t0=$(date +%s.%N)
        "$BUILD/fuzz-$TARGET" "$artifact" >/dev/null 2>&1 || true
        again=$(echo "$(date +%s.%N) - $t0" | bc -l)
        if (($(echo "$again < $TIMEOUT / 4" | bc -l))); then
            echo "not kept: $(basename "$artifact") takes $(printf %.2f "$again") s when run alone (starved under load)" >&2
            continue
        fi
        ;;
    esac
    name=fuzz-$TARGET-$(basename "$artifact")
    cp "$artifact" "fixtures/regressions/$name"
    echo "found: fixtures/regressions/$name" >&2
    FOUND=1
done
if ((FOUND == 1)); then
    result="findings saved"
elif ((STATUS != 0)); then
    result="stopped early with nothing kept (a timeout that does not reproduce alone: starved under load; run again, e.g. FUZZ_TIMEOUT=60)"
else
    result="nothing found"
fi
echo "fuzz-$TARGET: ran $((END - START)) s, exit $STATUS, $result"
if ((FOUND == 1)); then
    tail -40 "$WORK/log" >&2
    exit 1
fi
((STATUS == 0)) || exit 3
