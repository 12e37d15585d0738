#!/usr/bin/env bash
# README command 2: installs what is missing and runs the whole suite. CI runs exactly this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/tools.sh test
. scripts/lib.sh

temp LOGS -d
TOTAL_PASSED=0
started=$SECONDS

step() { printf '\n=== %s\n' "$*"; }

# Runs a test layer, shows its output, and fails the run when the layer ran no test.
# $1 name, $2 a regex whose first number group sums to the passed count, rest: the command.
layer() {
  local name="$1" pattern="$2"; shift 2
  step "$name"
  local log="$LOGS/$name.log" t0=$SECONDS
  if ! "$@" 2>&1 | tee "$log"; then
    echo "FAILED: $name"; exit 1
  fi
  local passed
  passed=$(grep -oE "$pattern" "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  if [ "$passed" -eq 0 ]; then
    echo "FAILED: $name ran no test"; exit 1
  fi
  echo "--- $name: $passed passed in $((SECONDS - t0)) s"
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
}

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "clippy (wasm32)"
cargo clippy -p cchc-app -p xlsx-worker --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

layer "framework and submission files against their JSON Schemas" '[0-9]+ passed' \
  "$CCHC_PYTHON" scripts/check_schemas.py

layer "native tests" '[0-9]+ passed' cargo test --workspace

layer "browser component tests (wasm-bindgen-test, headless Chromium)" '[0-9]+ passed' \
  cargo test -p cchc-app --target wasm32-unknown-unknown

step "release build"
build_dist
scripts/size.sh dist
scripts/size.sh --check dist
node scripts/precompress.mjs --check dist

# The end-to-end suite asks the core natively for the figures the page must show
# (e2e/tests/core.js: SCORE_BIN, SAMPLES_BIN).
step "the core's native scorer and sample generator for the end-to-end suite"
cargo build -p cchc-core --example score_answers --example sample_submissions
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
export SCORE_BIN="$TARGET_DIR/debug/examples/score_answers"
export SAMPLES_BIN="$TARGET_DIR/debug/examples/sample_submissions"

step "serving dist/ for the end-to-end suite"
serve_dist dist
echo "on $SERVE_URL"

layer "end-to-end (Playwright, headless Chromium)" '^# pass [0-9]+' \
  env APP_URL="$SERVE_URL" npm --prefix e2e test --silent

echo
echo "Suite finished in $((SECONDS - started)) s"
echo "all: $TOTAL_PASSED passed, 0 failed"
