# shellcheck shell=bash
# Helpers shared by test.sh and bench.sh; source it after scripts/tools.sh. It sets no shell option.

# Runs every command registered with on_exit when the script exits, the latest first.
CCHC_ON_EXIT=()
cchc_run_on_exit() {
  local i
  for ((i = ${#CCHC_ON_EXIT[@]} - 1; i >= 0; i--)); do eval "${CCHC_ON_EXIT[i]}" || true; done
}
# on_exit WORD…: runs the command WORD… (each word kept as given) at exit.
on_exit() {
  CCHC_ON_EXIT+=("$(printf '%q ' "$@")")
  trap cchc_run_on_exit EXIT
}

# temp VAR [mktemp's arguments]: a temporary file or folder, its path put in VAR, removed at exit.
# (Not `x=$(temp)`: a command substitution's subshell would register the removal in vain.)
temp() {
  local _temp_path
  _temp_path="$(mktemp "${@:2}")" || return 1
  on_exit rm -rf "$_temp_path"
  printf -v "$1" '%s' "$_temp_path"
}

# Stops a server this script started (by its id), quietly if it has already stopped.
stop_pid() { kill "$1" 2>/dev/null || true; }

# serve_dist DIR: serves DIR (a built dist/) with python3's http.server on a free local port and
# waits until it answers (at most SERVE_TIMEOUT seconds, 10 by default). Sets SERVE_URL, SERVE_PORT
# and SERVE_PID; the server is stopped and its log removed at exit. When the server does not answer
# in time it prints the port and the end of the server's log and returns 1.
serve_dist() {
  local dir="$1" timeout="${SERVE_TIMEOUT:-10}" log deadline
  temp log -t cchc-serve.XXXXXX || return 1
  SERVE_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  SERVE_URL="http://127.0.0.1:$SERVE_PORT/"
  python3 -m http.server "$SERVE_PORT" --bind 127.0.0.1 --directory "$dir" >"$log" 2>&1 &
  SERVE_PID=$!
  on_exit stop_pid "$SERVE_PID"
  deadline=$((SECONDS + timeout))
  until python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$SERVE_URL" 2>/dev/null; do
    if ! kill -0 "$SERVE_PID" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      echo "FAILED: the local server for $dir did not answer on 127.0.0.1:$SERVE_PORT within $timeout s." >&2
      echo "The end of its log:" >&2
      tail -n 20 "$log" | sed 's/^/  | /' >&2
      return 1
    fi
    sleep 0.1
  done
}

# build_dist: the release build into dist/: the first page (the start page and the workspace), then
# the full program's page into dist/day-du/ and the framework builder's into dist/tao-bo-tieu-chi/
# (Trunk empties dist/ when it builds the first page, so the order matters), then a .gz and a .br
# copy beside every large file (scripts/precompress.mjs).
build_dist() {
  trunk build --release || return 1
  trunk build full/index.html --release=true --dist dist/day-du --public-url ./ || return 1
  trunk build builder/index.html --release=true --dist dist/tao-bo-tieu-chi --public-url ./ || return 1
  node scripts/precompress.mjs dist
}
