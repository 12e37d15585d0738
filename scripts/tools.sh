#!/usr/bin/env bash
# Installs, only where missing and at pinned versions, every tool the build and the tests need,
# then puts them first on PATH. Source it (`. scripts/tools.sh`) or run it.
# Tools live outside the clone, in one folder per version, so a fresh clone (CI) reuses them.
set -euo pipefail

TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than the pinned toolchain
BINARYEN_VERSION=132.0.0       # Debian's binaryen 108 builds an app that dies at start
JSONSCHEMA_VERSION=4.26.0
OPENPYXL_VERSION=3.1.5
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${CCHC_TOOLS:-$HOME/.cache/cchc-tools}"
mkdir -p "$TOOLS"

say() { printf '[tools] %s\n' "$*" >&2; }

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi
if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy >&2; fi
if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt >&2; fi

TRUNK_DIR="$TOOLS/trunk-$TRUNK_VERSION"
if [ ! -x "$TRUNK_DIR/bin/trunk" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TRUNK_DIR" >&2
fi

WB_DIR="$TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION"
if [ ! -x "$WB_DIR/bin/wasm-bindgen-test-runner" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # --locked can fail when a locked dependency is missing from the registry; then resolve anew.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --root "$WB_DIR" >&2 \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$WB_DIR" >&2
fi

BINARYEN_DIR="$TOOLS/binaryen-$BINARYEN_VERSION"
if [ ! -x "$BINARYEN_DIR/node_modules/.bin/wasm-opt" ]; then
  say "installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
  mkdir -p "$BINARYEN_DIR"
  npm install --prefix "$BINARYEN_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" >&2
fi

# Chromium for the browser tests; poppler-utils (pdfinfo, pdftotext) to read the printed report.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ]; then
  say "installing Debian's chromium, chromium-driver and poppler-utils"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium chromium-driver poppler-utils >&2
fi

# Python packages: jsonschema checks the documented schemas (scripts/check_schemas.py); openpyxl
# is the independent reader the end-to-end suite opens the exported .xlsx with.
if ! python3 -c 'import jsonschema, openpyxl' 2>/dev/null; then
  say "installing the Python packages jsonschema and openpyxl"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    "jsonschema==$JSONSCHEMA_VERSION" "openpyxl==$OPENPYXL_VERSION" >&2
fi

# The end-to-end suite's packages, exactly as locked; reinstalled only when the lock changes.
E2E="$ROOT/e2e"
if [ -f "$E2E/package-lock.json" ]; then
  stamp="$E2E/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$E2E/package-lock.json" "$stamp"; then
    say "installing the end-to-end suite's npm packages"
    (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2)
    cp "$E2E/package-lock.json" "$stamp"
  fi
fi

export PATH="$BINARYEN_DIR/node_modules/.bin:$WB_DIR/bin:$TRUNK_DIR/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Trunk builds offline: every crate must already be in cargo's registry folder.
cargo fetch --manifest-path "$ROOT/Cargo.toml" --quiet >&2
