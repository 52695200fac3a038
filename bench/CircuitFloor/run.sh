#!/usr/bin/env bash
# The framework's floor for a live page (bench/README.md, "Blazor Server's own floor"): publishes the bare app,
# starts it on loopback as the portal's bench starts the portal, opens N pages in headless Chromium and sends M ticks
# (floor.mjs). Stops the server by itself.
#
#   bench/CircuitFloor/run.sh [N pages] [M ticks]
#   env: RATE (ticks/s, 2), Floor__Rows (0: the tick alone; 200: a keyed table whose top row each tick replaces),
#        HIDDEN (1: the pages apply each batch without drawing it), PORT (5197), SKIP_PUBLISH=1, PUBLISH_DIR, IDLE_MS,
#        Floor__InlineScheduling=true (Kestrel runs socket continuations on the I/O thread; runs F12, F14, F16)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${PORT:-5197}"
base="http://127.0.0.1:$PORT"
publish="${PUBLISH_DIR:-$here/publish}"

if [[ "${SKIP_PUBLISH:-0}" != 1 ]]; then
  dotnet publish "$here/CircuitFloor.csproj" -c Release -o "$publish" -nologo -v q
fi
[[ -d "$here/../BoardCircuits/node_modules/playwright-core" ]] || (cd "$here/../BoardCircuits" && npm ci --no-audit --no-fund)
if curl -s -o /dev/null --max-time 2 "$base/stats"; then
  echo "something already answers on $base; set PORT" >&2; exit 1
fi

log="$(mktemp /tmp/circuitfloor.XXXXXX.log)"
(
  cd "$publish"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Logging__LogLevel__Default=Warning
  exec dotnet CircuitFloor.dll
) >"$log" 2>&1 &
server_pid=$!
trap 'kill -TERM $server_pid 2>/dev/null || true; wait $server_pid 2>/dev/null || true; rm -f "$log"' EXIT
for i in $(seq 1 60); do
  curl -fs -o /dev/null --max-time 2 "$base/stats" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server exited:" >&2; cat "$log" >&2; exit 1; }
  [[ $i == 60 ]] && { echo "server not answering after 30 s" >&2; exit 1; }
  sleep 0.5
done
echo "== server: $base, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
BASE="$base" PAGES="${1:-100}" TICKS="${2:-60}" SERVER_PID="$server_pid" node "$here/floor.mjs"
if grep -qiE "fail|error|exception" "$log"; then
  echo "== server log (warnings/errors, first 20 lines):" >&2
  grep -iE "fail|error|exception" "$log" | head -20 >&2
fi
