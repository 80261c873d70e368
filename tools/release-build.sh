# Sourced by tools/bench.sh and tools/cli-growth.sh (with ROOT set to the package root): builds the package
# and the benchmark package in release mode at low priority and sets
#   PIN       "taskset -c 1" when taskset is there (one core), else empty
#   BENCH     the paragraf-bench binary
#   PARAGRAF  the paragraf binary
PIN=""
if command -v taskset >/dev/null; then PIN="taskset -c 1"; fi

echo "building (release)…" >&2
nice -n 19 swift build -c release --package-path "$ROOT" >&2
nice -n 19 swift build -c release --package-path "$ROOT/tools/benchmark" >&2
BENCH="$ROOT/tools/benchmark/.build/release/paragraf-bench"
PARAGRAF="$ROOT/.build/release/paragraf"
