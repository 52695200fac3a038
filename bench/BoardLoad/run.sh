#!/usr/bin/env bash
# Live board load benchmark: builds the portal (Release), starts it on loopback with a fresh SQLite
# file, opens N board hub connections from P node processes, makes M case changes and measures
# notice latency and server memory. Stops the server and cleans up by itself.
#
#   bench/BoardLoad/run.sh [N connections] [M changes] [P client processes]
#   env: BOARDLOAD_RATE (changes/s, 5), BOARDLOAD_BATCH (concurrent opens per process, 50),
#        BOARDLOAD_MODE (act | intake), BOARDLOAD_PORT (5190), SKIP_BUILD=1, BOARDLOAD_KEEP=1 (keep temp folder)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
N="${1:-${BOARDLOAD_CONNECTIONS:-5000}}"
M="${2:-${BOARDLOAD_CHANGES:-200}}"
P="${3:-${BOARDLOAD_PROCESSES:-4}}"
PORT="${BOARDLOAD_PORT:-5190}"
base="http://127.0.0.1:$PORT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  dotnet build "$root/ComplaintPortal.Web/ComplaintPortal.Web.csproj" -c Release -nologo -v q
fi
dll="$root/ComplaintPortal.Web/bin/Release/net10.0/ComplaintPortal.Web.dll"
[[ -f "$dll" ]] || { echo "not built: $dll" >&2; exit 1; }
if [[ ! -d "$here/node_modules/@microsoft/signalr" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
if curl -s -o /dev/null --max-time 2 "$base/healthz"; then
  echo "something already answers on $base; set BOARDLOAD_PORT" >&2; exit 1
fi

work="$(mktemp -d /tmp/boardload.XXXXXX)"
server_pid=""; sampler_pid=""
cleanup() {
  [[ -n "$sampler_pid" ]] && kill "$sampler_pid" 2>/dev/null || true
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [[ "${BOARDLOAD_KEEP:-0}" == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== server: $base, database $work/board.db, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
(
  cd "$root/ComplaintPortal.Web/bin/Release/net10.0"
  export ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$base" \
    ConnectionStrings__Sqlite="Data Source=$work/board.db" \
    Demo__SeedAccounts=true \
    Security__RequireHttps=false \
    Logging__LogLevel__Default=Warning \
    Cases__EvidencePath="$work/evidence" \
    Cases__PickupPath="$work/outbox"
  exec dotnet "$dll"
) >"$work/server.log" 2>&1 &
server_pid=$!

for i in $(seq 1 120); do
  if curl -fs -o /dev/null --max-time 2 "$base/healthz"; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "server exited:" >&2; tail -30 "$work/server.log" >&2; exit 1; }
  [[ $i == 120 ]] && { echo "server not healthy after 60 s" >&2; tail -30 "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
echo "== healthy after ~$((i / 2)) s; server pid $server_pid" >&2

# RSS every 200 ms (epoch ms, VmRSS kB) until the server goes away or 20 minutes pass.
(
  for _ in $(seq 1 6000); do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null) || break
    [[ -z "$rss" ]] && break
    echo "$(date +%s%3N) $rss"
    sleep 0.2
  done
) >"$work/rss.txt" &
sampler_pid=$!

status=0
BOARDLOAD_BASE="$base" BOARDLOAD_CONNECTIONS="$N" BOARDLOAD_CHANGES="$M" BOARDLOAD_PROCESSES="$P" \
BOARDLOAD_SERVER_PID="$server_pid" BOARDLOAD_RSS_FILE="$work/rss.txt" \
  timeout 900 node "$here/board-load.mjs" || status=$?

hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
max=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$work/rss.txt")
echo "== server VmHWM $((hwm / 1024)) MB; max sampled VmRSS $((max / 1024)) MB over $(wc -l <"$work/rss.txt") samples (200 ms)"
if grep -qiE "warn|fail|error|exception" "$work/server.log"; then
  echo "== server log (warnings/errors, first 20 lines):" >&2
  grep -iE "warn|fail|error|exception" "$work/server.log" | head -20 >&2
fi
echo "== load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
