#!/usr/bin/env bash
# Load test of the HR page, its CSV export and the partner API against /healthz, in one run of one app process.
#
# Starts the web app (Release build, Development environment: SQLite with the demo data, in a fresh temporary
# database), signs in as the demo HR manager (cookie + antiforgery token, as a browser does), gets a partner token
# (client credentials, scope aggregates:read), then loads each URL in turn with autocannon (npm, 9.0.0) at
# CONNECTIONS concurrent connections: the targets, then three requests that take parts of them apart. Each round
# loads every URL for DURATION seconds, in the same order; ROUNDS rounds run after a short warm-up pass. Prints each
# URL's requests/s per round, their median, and the median as a ratio to /healthz's median: the machine is shared, so
# only figures of the same run compare.
#
# PROFILE=1 then profiles the HR page and the partner API under the same load with dotnet-trace (sampled thread time,
# 12 s each; the tool is installed from NuGet into the temporary folder) and prints the share of the app's time in
# managed code spent in each part of the request (benchmarks/load/profile-summary.mjs).
#
# Usage (from anywhere):   benchmarks/load/hr-and-api.sh
# Settings (environment) and the shared steps: benchmarks/load/common.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

source benchmarks/load/common.sh

start_app
cookie=$(sign_in hr@demo.wellbeing.test)

# The HR manager's own hub: /hr redirects to it.
hub=$(curl -fs -o /dev/null -w '%{redirect_url}' -H "Cookie: $cookie" "$base/hr" | sed -nE 's#.*/hubs/([0-9a-f-]{36})/hr.*#\1#p')
[[ -n $hub ]] || { echo "No hub id in the /hr redirect." >&2; exit 1; }

bearer=$(curl -fs "$base/connect/token" \
  -d grant_type=client_credentials -d client_id=northwind-demo-partner \
  -d client_secret=demo-partner-secret-2026 -d scope=aggregates:read \
  | sed -nE 's/.*"access_token": *"([^"]+)".*/\1/p')
[[ -n $bearer ]] || { echo "No partner token." >&2; exit 1; }
# A valid token without the API's scope: validated in full, then refused by the authorization policy (403).
bearer_no_scope=$(curl -fs "$base/connect/token" \
  -d grant_type=client_credentials -d client_id=northwind-demo-partner -d client_secret=demo-partner-secret-2026 \
  | sed -nE 's/.*"access_token": *"([^"]+)".*/\1/p')
[[ -n $bearer_no_scope ]] || { echo "No partner token without a scope." >&2; exit 1; }

# name | path | header | expected status. The last four are for finding where the time goes, not targets:
# /hr is the HR manager's cookie checked and an MVC action run, with no query and no view (it redirects);
# the API without a token is refused before any token work; the API for another hub validates the token fully
# and answers 404 before any query; a token without the scope is validated fully and refused with 403.
other_hub=00000000-0000-0000-0000-000000000001
targets=(
  "/healthz|/healthz||200"
  "HR page|/hubs/$hub/hr|Cookie: $cookie|200"
  "HR export.csv|/hubs/$hub/hr/export.csv|Cookie: $cookie|200"
  "Partner API|/api/v1/hubs/$hub/aggregates|Authorization: Bearer $bearer|200"
  "/hr redirect (cookie, no query)|/hr|Cookie: $cookie|302"
  "Partner API, no token|/api/v1/hubs/$hub/aggregates||401"
  "Partner API, other hub (token, no query)|/api/v1/hubs/$other_hub/aggregates|Authorization: Bearer $bearer|404"
  "Partner API, token without the scope|/api/v1/hubs/$hub/aggregates|Authorization: Bearer $bearer_no_scope|403"
)

run_targets

if [[ ${PROFILE:-0} != 1 ]]; then exit 0; fi

# Parts are matched by assembly or by async state machine: the JIT inlines small methods once the app is warm.
gc='Garbage collection=PollGC'
dashboard='Dashboard query (GetHrDashboardHandler: the hub, then every published block with all its cells)=GetHrDashboardHandler'
profile "HR page" "/hubs/$hub/hr" "Cookie: $cookie" \
  'Cookie authentication, with Identity'"'"'s security stamp check=Microsoft\.AspNetCore\.Authentication\.Cookies!' \
  "$dashboard" \
  '- of it, in EF Core and SQLite=GetHrDashboardHandler>Microsoft\.EntityFrameworkCore|Microsoft\.Data\.Sqlite|SQLitePCL' \
  'Rendering the view (Razor page, layout, partials)=Microsoft\.AspNetCore\.Mvc\.Razor!|AspNetCoreGeneratedDocument' \
  '- of it, the antiforgery token of the layout=Microsoft\.AspNetCore\.Antiforgery!' \
  "$gc"
profile "Partner API" "/api/v1/hubs/$hub/aggregates" "Authorization: Bearer $bearer" \
  'Bearer token validation (OpenIddict)=OpenIddict\.Validation' \
  '- of it, reading the JWT and checking its RS256 signature=OpenIddict\.Validation>Microsoft\.IdentityModel' \
  '- of it, the client still registered (memory, or the database every 30 s)=RemovedClientTokens' \
  "$dashboard" \
  'Writing the JSON=System\.Text\.Json!' \
  "$gc"
