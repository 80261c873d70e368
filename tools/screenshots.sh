#!/usr/bin/env bash
# Screenshots of every page type of `paragraf serve` at 1,400 and 400 px with Debian's headless chromium:
#
#   tools/screenshots.sh OUT_DIR
#
# Starts the debug build (built when missing) on the bundled corpus on a free port and writes
# OUT_DIR/{home,work,version,provision,provision-at,compare,search}-{1400,400}.png, 1,600 px tall.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: tools/screenshots.sh OUT_DIR}
mkdir -p "$OUT"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "chromium is missing: apt-get install -y --no-install-recommends chromium" >&2; exit 1; }
# `paragraf serve` starts the paragraf-server beside it in its own place.
for product in paragraf paragraf-server; do
    [ -x .build/debug/$product ] || swift build --product $product >/dev/null
done
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/debug/paragraf serve --port "$PORT" 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
shoot() {
    for width in 1400 400; do
        "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,1600" \
            --screenshot="$OUT/$1-$width.png" "http://127.0.0.1:$PORT$2" >/dev/null 2>&1
    done
}
shoot home /
shoot work /works/tandpleje
shoot version /works/tandpleje/2003
shoot provision /works/tandpleje/2003/p17
shoot provision-at /works/tandpleje/at/2021-01-01/p3
shoot compare /works/tandpleje/compare/2003/2020
shoot search "/search?q=tandregulering&all=1"
ls "$OUT"
