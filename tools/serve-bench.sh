#!/usr/bin/env bash
# Load benchmark of `paragraf serve` on loopback with wrk (Debian: apt-get install wrk):
#
#   tools/serve-bench.sh [SECONDS]      (default 30)
#
# Starts the release build on the bundled corpus (its database is built into the cache on first use) on a free
# port on 127.0.0.1, then runs wrk with 2 threads and 64 connections for SECONDS on each of: a provision page
# (with its citations, cited-by and history), a search results page, and the provision's JSON. Prints
# requests/s, p50 and p99 latency per URL, and the server's peak resident memory (VmHWM). The figures in the
# README's speed section come from this script on the 2-core development machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-30}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y --no-install-recommends wrk" >&2; exit 1; }
# `paragraf serve` starts the paragraf-server beside it in its own place (same process id: $SERVER below).
for product in paragraf paragraf-server; do
    [ -x .build/release/$product ] || swift build -c release --product $product >/dev/null
done
P=.build/release/paragraf
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp)
"$P" serve --port "$PORT" 2>"$LOG" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.5
done
BASE="http://127.0.0.1:$PORT"
printf '%-44s %10s %9s %9s\n' "URL" "req/s" "p50" "p99"
for url in /works/tandpleje/2020/p3 "/search?q=tandregulering" /api/works/tandpleje/2020/p3; do
    curl -sf -o /dev/null "$BASE$url" || { echo "$url does not answer" >&2; exit 1; }
    out=$(wrk -t2 -c64 -d"${SECONDS_RUN}s" --latency "$BASE$url")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
    printf '%-44s %10s %9s %9s %s\n' "$url" "$rps" "$p50" "$p99" "$errors"
done
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$SERVER/status)"
