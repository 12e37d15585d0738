#!/usr/bin/env bash
# README command 2: installs what is missing and runs the whole suite. CI runs exactly this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/tools.sh

LOGS="$(mktemp -d)"
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
  python3 scripts/check_schemas.py

layer "native tests" '[0-9]+ passed' cargo test --workspace

layer "browser component tests (wasm-bindgen-test, headless Chromium)" '[0-9]+ passed' \
  cargo test -p cchc-app --target wasm32-unknown-unknown

step "release build"
trunk build --release
scripts/size.sh dist

step "serving dist/ for the end-to-end suite"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist >"$LOGS/http.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
  sleep 0.1
done

layer "end-to-end (Playwright, headless Chromium)" '^# pass [0-9]+' \
  env APP_URL="http://127.0.0.1:$PORT/" npm --prefix e2e test --silent

echo
echo "Suite finished in $((SECONDS - started)) s"
echo "all: $TOTAL_PASSED passed, 0 failed"
