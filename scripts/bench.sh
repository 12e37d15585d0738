#!/usr/bin/env bash
# The project's benchmark: builds the release app, prints the download sizes (raw and gzip), serves
# dist/ on a free local port and measures it in headless Chromium (e2e/bench.js).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/tools.sh
trunk build --release >&2
echo "== download size (what a browser fetches)"
scripts/size.sh dist
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "${SYNTHETIC:-}" "${BATCHES:-}"' EXIT
sleep 0.5
SYNTHETIC="$(mktemp --suffix=.json)"
BATCHES="$(mktemp -d)"
cargo run -q --release -p cchc-core --example synthetic_framework 10 100 >"$SYNTHETIC"
cargo run -q --release -p cchc-core --example sample_submissions "$BATCHES/33" 33 2025
cargo run -q --release -p cchc-core --example sample_submissions "$BATCHES/1000" 1000 2025
echo "== load, edit and render in headless Chromium"
APP_URL="http://127.0.0.1:$PORT/" SYNTHETIC_FRAMEWORK="$SYNTHETIC" BATCH_DIRS="$BATCHES/33:$BATCHES/1000" node e2e/bench.js
