#!/usr/bin/env bash
# README command 1: installs what is missing for building and serving (not the test tools), builds
# the release app and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/tools.sh serve
. scripts/lib.sh
build_dist
# A static server: Trunk's own would rebuild dist/ without the framework builder's page.
echo "Serving on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops)"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory dist
