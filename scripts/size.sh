#!/usr/bin/env bash
# Prints the raw and gzip (level 9) size of what a browser downloads from a built dist/.
set -euo pipefail
dist="${1:-dist}"
printf '%-40s %10s %10s\n' "file" "raw B" "gzip B"
total_raw=0; total_gz=0
while IFS= read -r f; do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz"
done < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
printf '%-40s %10d %10d\n' "total" "$total_raw" "$total_gz"
