#!/usr/bin/env bash
# Builds the solution and runs every test project; ends with "N passed, N failed" and the elapsed time.
set -euo pipefail
cd "$(dirname "$0")"

started=$(date +%s)
results_dir="$PWD/TestResults"

# The browser and database tests drive system binaries instead of downloading their own.
if [[ ! -x /usr/bin/chromium ]] || ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y chromium postgresql
  else
    echo "Chromium or PostgreSQL is missing and this is not root: run 'apt-get install -y chromium postgresql' as root." >&2
  fi
fi

dotnet tool restore
# The OpenAPI lint test runs @redocly/cli as pinned in package-lock.json.
if ! command -v npm > /dev/null; then
  echo "Node.js 20.19+ (or 22.12+) with npm is needed for the OpenAPI lint test; Debian 12's own nodejs 18 is too old." >&2
  exit 1
fi
npm ci --no-audit --no-fund
dotnet build Wellbeing.Clean.sln -c Release

# Old trx files would be counted again.
rm -rf "$results_dir"
status=0
dotnet test Wellbeing.Clean.sln -c Release --no-build \
  --logger "console;verbosity=normal" --logger trx --results-directory "$results_dir" || status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" || true)
  passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<< "$counters")))
  failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<< "$counters")))
done
trx_files=("$results_dir"/*.trx)

echo "${passed} passed, ${failed} failed"
echo "Elapsed: $(( $(date +%s) - started ))s"

if (( status != 0 || failed != 0 || ${#trx_files[@]} == 0 )); then
  exit 1
fi
