#!/usr/bin/env bash
# Adds a migration with the same name for both database providers.
# Usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project ComplaintPortal.Domain --startup-project ComplaintPortal.Domain \
    --context "${provider}PortalDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
