#!/usr/bin/env bash
# Live board over real circuits: publishes the portal (Release), fills a fresh SQLite file with generated
# cases, starts the published server on loopback with Board:Diagnostics on, opens N boards in headless
# Chromium and makes M changes (board-circuits.mjs). Stops the server and cleans up by itself.
#
#   bench/BoardCircuits/run.sh [N boards] [M changes]
#   env: CASES (5000 generated cases), RATE (changes/s, 2), HIDDEN=1 (the boards apply changes without drawing them), PORT (5195), SKIP_PUBLISH=1, PUBLISH_DIR, KEEP=1,
#        BROWSER_NICE (e.g. 10: the browsers below the server's priority),
#        SERVER_CPUS / BROWSER_CPUS (taskset lists, e.g. 0 and 1: the server and the browsers each on cores of their own),
#        PAGE=/ READY=.portal-appbar (measure the app shell alone), WARM, HOLD_MS, CLOSE_WAIT_MS (200000: how long
#        to wait for the closed boards' circuits to go), WARM_CHANGES, BOARD_WARM_CHANGES, ACK_WAIT_MS, QUIET_MS,
#        any server setting (Board__PageSize=200)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
N="${1:-100}"
M="${2:-30}"
PORT="${PORT:-5195}"
base="http://127.0.0.1:$PORT"
publish="${PUBLISH_DIR:-$root/bench/BoardCircuits/publish}"

if [[ "${SKIP_PUBLISH:-0}" != 1 ]]; then
  # Static web assets answer 500 outside Development unless the app is published (STACK.md).
  dotnet publish "$root/ComplaintPortal.Web/ComplaintPortal.Web.csproj" -c Release -o "$publish" -nologo -v q
fi
[[ -d "$here/node_modules/playwright-core" ]] || (cd "$here" && npm ci --no-audit --no-fund)
if curl -s -o /dev/null --max-time 2 "$base/healthz"; then
  echo "something already answers on $base; set PORT" >&2; exit 1
fi

work="$(mktemp -d /tmp/boardcircuits.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

dotnet run -c Release --project "$root/bench/CaseGenerator" -- --count "${CASES:-5000}" --db "$work/board.db" | tail -3 >&2

echo "== server: $base, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
(
  cd "$publish"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    ConnectionStrings__Sqlite="Data Source=$work/board.db" DataProtection__KeysPath="$work/keys" \
    Ledger__DigestPath="$work/ledger-digests" Ledger__DigestKeyPath="$work/ledger-key" \
    Demo__SeedAccounts=true Security__RequireHttps=false Board__Diagnostics=true \
    Logging__LogLevel__Default=Warning Cases__EvidencePath="$work/evidence" Cases__PickupPath="$work/outbox" \
    Archive__JobsEnabled=false
  pin=()
  [[ -n "${SERVER_CPUS:-}" ]] && pin=(taskset -c "$SERVER_CPUS")
  exec "${pin[@]}" dotnet ComplaintPortal.Web.dll
) >"$work/server.log" 2>&1 &
server_pid=$!
for i in $(seq 1 120); do
  curl -fs -o /dev/null --max-time 2 "$base/healthz" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server exited:" >&2; tail -30 "$work/server.log" >&2; exit 1; }
  [[ $i == 120 ]] && { echo "server not healthy after 60 s" >&2; exit 1; }
  sleep 0.5
done

# BROWSER_NICE=10 runs the script and its browsers at a lower priority than the server: on a machine of its own the server
# would not share its cores with 100 browsers (bench/README.md, "Browsers niced").
nice_browsers=()
[[ -n "${BROWSER_NICE:-}" ]] && nice_browsers=(nice -n "$BROWSER_NICE")
# BROWSER_CPUS keeps the script and the browsers it starts (they inherit the affinity) off the server's cores.
[[ -n "${BROWSER_CPUS:-}" ]] && nice_browsers=(taskset -c "$BROWSER_CPUS" "${nice_browsers[@]}")
BASE="$base" BOARDS="$N" CHANGES="$M" SERVER_PID="$server_pid" timeout 1500 "${nice_browsers[@]}" node "$here/board-circuits.mjs"
if grep -qiE "fail|error|exception" "$work/server.log"; then
  echo "== server log (warnings/errors, first 20 lines):" >&2
  grep -iE "fail|error|exception" "$work/server.log" | head -20 >&2
fi
