#!/usr/bin/env bash
# Prints the raw and gzip (level 9) size of what a browser downloads from a built dist/:
#   scripts/size.sh [dist]           the first load, then what is fetched only on demand
#   scripts/size.sh --check [dist]   fails when the first load is over its budget (below)
set -euo pipefail
# The first load's budget, gzip bytes: 403,584 measured once the screens other than the start page
# and the workspace (and the carry panel) moved to the full program (day-du/) and Leptos's
# components were type-erased — before them 572,688 — plus 3 KB. It is a guard against growth, not
# the goal: the goal is 200 KB, to be reached by shipping the frameworks as files fetched when
# chosen (about 55 KB of this) and by a lighter workspace.
FIRST_LOAD_GZIP_BUDGET=$((403584 + 3 * 1024))
check=false
if [ "${1:-}" = "--check" ]; then check=true; shift; fi
dist="${1:-dist}"
gz_total=0
report() {
  local title="$1"; shift
  # brotli B: the precompressed .br copy shipped beside the file (what a server with brotli_static
  # sends), or the gzip size for a file too small to have one.
  printf '%s\n%-44s %10s %10s %10s\n' "$title" "file" "raw B" "gzip B" "brotli B"
  local total_raw=0 total_gz=0 total_br=0 f raw gz br
  for f in "$@"; do
    raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
    if [ -f "$f.br" ]; then br=$(wc -c <"$f.br"); else br=$gz; fi
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
    printf '%-44s %10d %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
  done
  printf '%-44s %10d %10d %10d\n\n' "total" "$total_raw" "$total_gz" "$total_br"
  gz_total=$total_gz
}
files() { find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) "$@" | sort; }
# The spreadsheet worker (xlsx_worker*) is fetched only when a user asks for an .xlsx file; the
# full program (day-du/) when a screen other than the start page and the workspace is opened; the
# framework builder (tao-bo-tieu-chi/) only when an officer opens it.
mapfile -t first < <(files ! -name 'xlsx_worker*' ! -path "$dist/day-du/*" ! -path "$dist/tao-bo-tieu-chi/*")
mapfile -t full < <(files -path "$dist/day-du/*")
mapfile -t worker < <(files -name 'xlsx_worker*')
mapfile -t builder < <(files -path "$dist/tao-bo-tieu-chi/*")
if $check; then
  report "first load (what every visit downloads)" "${first[@]}" >/dev/null
  if [ "$gz_total" -gt "$FIRST_LOAD_GZIP_BUDGET" ]; then
    echo "FAILED: the first load is $gz_total B gzip, over its budget of $FIRST_LOAD_GZIP_BUDGET B"
    exit 1
  fi
  echo "first load: $gz_total B gzip, within its budget of $FIRST_LOAD_GZIP_BUDGET B"
  exit 0
fi
report "first load (what every visit downloads)" "${first[@]}"
[ "${#worker[@]}" -eq 0 ] || report "on demand: the spreadsheet writer, when an .xlsx is asked for" "${worker[@]}"
[ "${#full[@]}" -eq 0 ] || report "on demand: the full program, when another screen is opened" "${full[@]}"
[ "${#builder[@]}" -eq 0 ] || report "on demand: the framework builder, when its page is opened" "${builder[@]}"
