#!/usr/bin/env bash
# Prints the raw and gzip (level 9) size of what a browser downloads from a built dist/.
set -euo pipefail
dist="${1:-dist}"
# The spreadsheet worker (xlsx_worker*) is fetched only when a user asks for an .xlsx file.
report() {
  local title="$1"; shift
  printf '%s\n%-40s %10s %10s\n' "$title" "file" "raw B" "gzip B"
  local total_raw=0 total_gz=0 f raw gz
  for f in "$@"; do
    raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '%-40s %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz"
  done
  printf '%-40s %10d %10d\n\n' "total" "$total_raw" "$total_gz"
}
mapfile -t first < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) ! -name 'xlsx_worker*' | sort)
mapfile -t later < <(find "$dist" -type f -name 'xlsx_worker*' | sort)
report "first load (what every visit downloads)" "${first[@]}"
[ "${#later[@]}" -eq 0 ] || report "on demand (the spreadsheet writer, when an .xlsx is asked for)" "${later[@]}"
