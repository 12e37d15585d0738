#!/usr/bin/env bash
# README command 1: installs what is missing for building and serving (not the test tools), builds
# the release app and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/tools.sh serve
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
