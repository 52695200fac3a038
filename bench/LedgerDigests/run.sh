#!/usr/bin/env bash
# Heap and time of the ledger digest archive on a large sealed ledger (Program.cs). Builds the bench in Release
# against this working tree, or against another commit's Domain with REF (e.g. REF=main for the archive before
# the digest index), and runs it twice. The database is only read; the digests are sealed into DIGESTS once.
#
#   flock /work/wt/bench.lock bench/LedgerDigests/run.sh [--verify] [--cases N]
#   REF=main OUT=/tmp/before BUILD_ONLY=1 bench/LedgerDigests/run.sh; REF=main OUT=/tmp/before flock /work/wt/bench.lock bench/LedgerDigests/run.sh --verify
#   env: DB (/work/bench-data/time13c-1m.db), DIGESTS (/tmp/ledger-digests-1m, 1.4 GB at 1,000,000 cases),
#        REF (empty: this working tree), RUNS (2), OUT (keep the build there and reuse it; build it outside the lock)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
db="${DB:-/work/bench-data/time13c-1m.db}"
digests="${DIGESTS:-/tmp/ledger-digests-1m}"
work="$(mktemp -d /tmp/ledgerdigests.XXXXXX)"
trap 'rm -rf "$work"' EXIT

src="$root"
if [[ -n "${REF:-}" ]]; then
  src="$work/src"
  mkdir -p "$src/bench"
  git -C "$root" archive "$REF" Directory.Build.props Directory.Packages.props global.json .editorconfig ComplaintPortal.Domain | tar -x -C "$src"
  cp -r "$here" "$src/bench/"
  rm -rf "$src/bench/LedgerDigests/bin" "$src/bench/LedgerDigests/obj"
fi
echo "archive from: ${REF:-working tree} ($(git -C "$root" rev-parse --short "${REF:-HEAD}"))"
out="${OUT:-$work/out}"
if [[ ! -f "$out/LedgerDigests.dll" ]]; then
  dotnet build "$src/bench/LedgerDigests/LedgerDigests.csproj" -c Release -nologo -v q -clp:ErrorsOnly -o "$out" >/dev/null
fi
[[ "${BUILD_ONLY:-0}" == 1 ]] && exit 0

for run in $(seq 1 "${RUNS:-2}"); do
  echo "--- run $run"
  dotnet "$out/LedgerDigests.dll" --db "$db" --digests "$digests" --key "$digests.key.pem" --seal "$@"
done
