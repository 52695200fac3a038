#!/usr/bin/env bash
# Times the home page (its 待我处理 counts) per demo account against a running portal: signs in with curl, asks for the
# page N+1 times, drops the first, prints p50 / p95 / max of the rest. Usage:
#   bench/HomeCounts/home-counts.sh [BASE_URL] [N] [PATH]     (defaults: http://127.0.0.1:5203, 20, /)
# Start the portal first on a generated database (bench/README.md, "Home page counts").
set -euo pipefail
base=${1:-http://127.0.0.1:5203}; n=${2:-20}; path=${3:-/}
for user in intake handler.qa head.qa leader supervisor archivist admin; do
  jar=$(mktemp)
  page=$(curl -s -c "$jar" -b "$jar" "$base/account/login")
  token=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//' || true)
  handler=$(grep -o 'name="_handler" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//' || true)
  [ -n "$token" ] || { echo "no sign-in form at $base/account/login" >&2; exit 1; }
  curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$base/account/login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "_handler=${handler:-login}" --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=Portal#2026"
  for _ in $(seq 0 "$n"); do curl -s -o /dev/null -b "$jar" -w "%{http_code} %{time_total}\n" "$base$path"; done \
    | tail -n "$n" | awk -v u="$user" '$1 != 200 { bad++ } { print $2 * 1000 } END { if (bad) print "non-200 answers: " bad > "/dev/stderr" }' \
    | sort -n | awk -v u="$user" '{ a[NR] = $1 } END { printf "%-11s p50 %5.0f ms   p95 %5.0f ms   max %5.0f ms   (%d requests)\n", u, a[int((NR + 1) * 0.5)], a[int(NR * 0.95)], a[NR], NR }'
  rm -f "$jar"
done
