#!/usr/bin/env bash
# First render of the board on a large database: starts the published portal (Release) on a COPY of a
# generated database and times GET /board for a few users (first-render.mjs). Stops the server by itself.
#
#   bench/BoardFirstRender/run.sh /path/to/copy-of-cases.db
#   env: PORT (5196), SKIP_PUBLISH=1, PUBLISH_DIR (bench/BoardCircuits/publish), USERS, WARMUP, COUNT
# The database is migrated on start (the portal's own initializer): pass a copy you may change. Sealing the ledger
# (minutes of CPU for a 1,000,000-case file sealed from scratch) and the archive jobs are off, so only the board is timed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
db="${1:?usage: run.sh /path/to/copy-of-cases.db}"
PORT="${PORT:-5196}"
base="http://127.0.0.1:$PORT"
publish="${PUBLISH_DIR:-$root/bench/BoardCircuits/publish}"

if [[ "${SKIP_PUBLISH:-0}" != 1 ]]; then
  dotnet publish "$root/ComplaintPortal.Web/ComplaintPortal.Web.csproj" -c Release -o "$publish" -nologo -v q
fi
if curl -s -o /dev/null --max-time 2 "$base/healthz"; then
  echo "something already answers on $base; set PORT" >&2; exit 1
fi

work="$(mktemp -d /tmp/boardfirstrender.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== server: $base on $db, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
(
  cd "$publish"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    ConnectionStrings__Sqlite="Data Source=$db" DataProtection__KeysPath="$work/keys" \
    Ledger__DigestPath="$db.ledger-digests" Ledger__DigestKeyPath="$db.ledger-key" Ledger__DigestEnabled=false \
    Demo__SeedAccounts=true Security__RequireHttps=false Logging__LogLevel__Default=Warning \
    Cases__EvidencePath="$work/evidence" Cases__PickupPath="$work/outbox" \
    Archive__JobsEnabled=false
  exec dotnet ComplaintPortal.Web.dll
) >"$work/server.log" 2>&1 &
server_pid=$!
for i in $(seq 1 600); do
  curl -fs -o /dev/null --max-time 2 "$base/healthz" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server exited:" >&2; tail -30 "$work/server.log" >&2; exit 1; }
  [[ $i == 600 ]] && { echo "server not healthy after 5 min" >&2; exit 1; }
  sleep 0.5
done

BASE="$base" SERVER_PID="$server_pid" timeout 900 node "$here/first-render.mjs"
if grep -qiE "fail|error|exception" "$work/server.log"; then
  echo "== server log (warnings/errors, first 20 lines):" >&2
  grep -iE "fail|error|exception" "$work/server.log" | head -20 >&2
fi
