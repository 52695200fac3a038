#!/usr/bin/env bash
# Crash drill: intake under load through the JSON API, SIGKILL mid-burst, restart, retry with the same
# idempotency keys; then every ledger chain, the signed digests, duplicates and the deadline monitor are
# checked on the database. Usage:
#   scripts/crash-drill.sh [calls=300] [parallel=8] [kill-after-acknowledged=120]
# Builds the portal and the checker (bench/CrashDrill) in Release (CONFIG=Debug reuses a Debug build),
# runs on a fresh SQLite file in a temporary folder (kept; its path is printed), on a free loopback port.
# Exit code 0 when nothing acknowledged was lost, nothing is duplicated and every check holds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
calls="${1:-300}"
parallel="${2:-8}"
kill_after="${3:-120}"
config="${CONFIG:-Release}"
work="$(mktemp -d /tmp/crash-drill.XXXXXX)"

echo "Building the portal and the checker ($config)..."
dotnet build "$root/ComplaintPortal.Web" -c "$config" -nologo -clp:ErrorsOnly -v:q
dotnet build "$root/bench/CrashDrill" -c "$config" -nologo -clp:ErrorsOnly -v:q

echo "Drill folder: $work"
python3 "$root/scripts/crash_drill.py" \
  --dll "$root/ComplaintPortal.Web/bin/$config/net10.0/ComplaintPortal.Web.dll" \
  --content-root "$root/ComplaintPortal.Web" \
  --checker "$root/bench/CrashDrill/bin/$config/net10.0/CrashDrill.dll" \
  --work "$work" --calls "$calls" --parallel "$parallel" --kill-after "$kill_after"
