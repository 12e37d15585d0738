#!/usr/bin/env bash
# The project's benchmark: builds the release app, prints the download sizes (raw and gzip), serves
# dist/ on a free local port and measures it in headless Chromium (e2e/bench.js).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/tools.sh test   # Chromium and the end-to-end suite's npm packages
. scripts/lib.sh
build_dist >&2
echo "== download size (what a browser fetches)"
scripts/size.sh dist
serve_dist dist
temp SYNTHETIC --suffix=.json
temp BATCHES -d
cargo run -q --release -p cchc-core --example synthetic_framework 10 100 >"$SYNTHETIC"
cargo run -q --release -p cchc-core --example sample_submissions "$BATCHES/33" 33 2025
cargo run -q --release -p cchc-core --example sample_submissions "$BATCHES/1000" 1000 2025
cargo run -q --release -p cchc-core --example sample_submissions "$BATCHES/150" 150 2025
echo "== load, edit and render in headless Chromium"
DIST="$PWD/dist" APP_URL="$SERVE_URL" SYNTHETIC_FRAMEWORK="$SYNTHETIC" BATCH_DIRS="$BATCHES/33:$BATCHES/1000" ROUND_DIR="$BATCHES/150" node e2e/bench.js
