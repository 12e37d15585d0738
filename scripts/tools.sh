#!/usr/bin/env bash
# Installs, only where missing and at pinned versions, the tools one README command needs, and puts
# them first on PATH:
#   . scripts/tools.sh serve   building and serving the app: the wasm32 target, Trunk,
#                              wasm-bindgen-cli and wasm-opt (npm binaryen)
#   . scripts/tools.sh test    all of that, and for the suite: clippy and rustfmt, Debian's chromium,
#                              chromium-driver and poppler-utils, the Python packages (in a virtual
#                              environment) and the end-to-end suite's npm packages
# Sourced, it installs in a child bash and then only exports variables into the calling shell: the
# caller's shell options (set -e, -u, pipefail) are left as they were. Run directly
# (`scripts/tools.sh test`), it installs and prints the `export` lines (for `eval "$(…)"`).
# Tools live outside the clone, in one folder per version (CCHC_TOOLS, by default
# ~/.cache/cchc-tools), so a fresh clone (CI) reuses them.

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: no `set` here, and nothing but `export`s reaches the caller's shell.
  _cchc_tools_source() {
    unset -f _cchc_tools_source
    local self="${BASH_SOURCE[0]}" profile="${1:-}" env
    case "$profile" in
      serve | test) ;;
      *) echo "usage: . scripts/tools.sh serve|test (got '${profile}')" >&2; return 2 ;;
    esac
    env="$(bash "$self" "$profile")" || { echo "[tools] installing the tools failed" >&2; return 1; }
    eval "$env"
  }
  _cchc_tools_source "${1:-}"
  return
fi

# Run as a program: the installing part, in its own process with its own options. Everything but
# the `export` lines goes to stderr (fd 3 keeps the real stdout for them).
set -euo pipefail
exec 3>&1 1>&2

PROFILE="${1:-}"
case "$PROFILE" in
  serve | test) ;;
  *) echo "usage: scripts/tools.sh serve|test"; exit 2 ;;
esac

TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than the pinned toolchain
BINARYEN_VERSION=132.0.0       # Debian's binaryen 108 builds an app that dies at start
JSONSCHEMA_VERSION=4.26.0
OPENPYXL_VERSION=3.1.5
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${CCHC_TOOLS:-$HOME/.cache/cchc-tools}"
mkdir -p "$TOOLS"

say() { printf '[tools] %s\n' "$*"; }

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
TRUNK_DIR="$TOOLS/trunk-$TRUNK_VERSION"
WB_DIR="$TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION"
BINARYEN_DIR="$TOOLS/binaryen-$BINARYEN_VERSION"
VENV="$TOOLS/py-venv"
E2E="$ROOT/e2e"
E2E_STAMP="$E2E/node_modules/.lock-stamp"

# ---------------------------------------------------------------- the installs

install_target() { rustup target add wasm32-unknown-unknown; }
install_components() { rustup component add clippy rustfmt; }

install_trunk() {
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TRUNK_DIR"
}

install_wasm_bindgen() {
  # --locked can fail when a locked dependency is missing from the registry; then resolve anew.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --root "$WB_DIR" \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$WB_DIR"
}

install_binaryen() {
  mkdir -p "$BINARYEN_DIR"
  npm install --prefix "$BINARYEN_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
}

APT_PACKAGES=()
install_apt() {
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_PACKAGES[@]}"
}

# jsonschema checks the documented schemas (scripts/check_schemas.py); openpyxl is the independent
# reader the end-to-end suite opens the exported .xlsx with. A virtual environment, because stock
# Debian refuses a system-wide `pip install`.
venv_ok() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" - "$JSONSCHEMA_VERSION" "$OPENPYXL_VERSION" 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
sys.exit(0 if [version("jsonschema"), version("openpyxl")] == sys.argv[1:] else 1)
PY
}
install_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    rm -rf "$VENV"
    python3 -m venv "$VENV" || { rm -rf "$VENV"; return 1; }
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "jsonschema==$JSONSCHEMA_VERSION" "openpyxl==$OPENPYXL_VERSION"
}

# The end-to-end suite's packages, exactly as locked; reinstalled only when the lock changes.
install_e2e() {
  (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$E2E/package-lock.json" "$E2E_STAMP"
}

# ---------------------------------------------------------------- what is missing

STEPS=()   # "function|what, and how long it takes"
plan() { STEPS+=("$1|$2"); }

# (Captured first: with pipefail, `rustup … | grep -q` can fail on a broken pipe.)
TARGETS="$(rustup target list --installed)"
COMPONENTS="$(rustup component list --installed)"
grep -qx wasm32-unknown-unknown <<<"$TARGETS" \
  || plan install_target "adding the wasm32-unknown-unknown target (seconds)"
[ -x "$TRUNK_DIR/bin/trunk" ] \
  || plan install_trunk "compiling trunk $TRUNK_VERSION (about 6 minutes, once)"
{ [ -x "$WB_DIR/bin/wasm-bindgen" ] && [ -x "$WB_DIR/bin/wasm-bindgen-test-runner" ]; } \
  || plan install_wasm_bindgen "compiling wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2–3 minutes, once)"
[ -x "$BINARYEN_DIR/node_modules/.bin/wasm-opt" ] \
  || plan install_binaryen "installing wasm-opt from npm binaryen $BINARYEN_VERSION (seconds)"

if [ "$PROFILE" = test ]; then
  if ! grep -q '^clippy' <<<"$COMPONENTS" || ! grep -q '^rustfmt' <<<"$COMPONENTS"; then
    plan install_components "adding clippy and rustfmt (seconds)"
  fi
  # Chromium for the browser tests; poppler-utils (pdfinfo, pdftotext) to read the printed report.
  [ -x /usr/bin/chromium ] || APT_PACKAGES+=(chromium)
  [ -x /usr/bin/chromedriver ] || APT_PACKAGES+=(chromium-driver)
  [ -x /usr/bin/pdftotext ] || APT_PACKAGES+=(poppler-utils)
  # Debian's python3 makes virtual environments only with python3-venv (it brings ensurepip).
  if ! venv_ok && [ ! -x "$VENV/bin/python" ] && ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    APT_PACKAGES+=(python3-venv)
  fi
  [ "${#APT_PACKAGES[@]}" -eq 0 ] \
    || plan install_apt "installing Debian's ${APT_PACKAGES[*]} (about 1 minute)"
  venv_ok \
    || plan install_venv "installing jsonschema and openpyxl in a Python virtual environment (under a minute)"
  if [ -f "$E2E/package-lock.json" ] && ! cmp -s "$E2E/package-lock.json" "$E2E_STAMP"; then
    plan install_e2e "installing the end-to-end suite's npm packages (seconds)"
  fi
fi

n=0
for step in "${STEPS[@]}"; do
  n=$((n + 1))
  say "step $n of ${#STEPS[@]}: ${step#*|}"
  "${step%%|*}"
done

# Trunk builds offline: every crate must already be in cargo's registry folder.
cargo fetch --manifest-path "$ROOT/Cargo.toml" --quiet

# ---------------------------------------------------------------- what the caller gets

# shellcheck disable=SC2016 # $PATH is expanded by the caller's shell, at eval
printf 'export PATH=%q:"$PATH"\n' "$BINARYEN_DIR/node_modules/.bin:$WB_DIR/bin:$TRUNK_DIR/bin" >&3
echo 'export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true' >&3
if [ "$PROFILE" = test ]; then
  echo 'export CHROMEDRIVER=/usr/bin/chromedriver' >&3
  echo 'export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner' >&3
  echo 'export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1' >&3
  printf 'export CCHC_PYTHON=%q\n' "$VENV/bin/python" >&3
fi
