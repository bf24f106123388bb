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
# Settings (environment):  CONNECTIONS=50 DURATION=10 ROUNDS=3 WARMUP=3 PORT=5299 BUILD=1 PROFILE=0
#                          AUTOCANNON=autocannon@9.0.0 DOTNET_TRACE_VERSION=10.0.750501
set -euo pipefail
cd "$(dirname "$0")/../.."

connections=${CONNECTIONS:-50}
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-3}
port=${PORT:-5299}
autocannon=${AUTOCANNON:-autocannon@9.0.0}
base="http://127.0.0.1:${port}"

work=$(mktemp -d -t hr-and-api-XXXXXX)
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ${BUILD:-1} == 1 ]]; then
  dotnet build src/Web -c Release -v quiet -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
fi

# The demo data is seeded into an empty database; a fresh file keeps the developer's App_Data out of it. The built
# assembly runs directly (from src/Web, its content root), so the process to stop at the end is the app itself.
(
  cd src/Web
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" ConnectionStrings__Wellbeing="Data Source=$work/wellbeing.db" \
    exec dotnet bin/Release/net10.0/Wellbeing.Web.dll
) > "$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "$base/healthz"; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log"; echo "The app stopped." >&2; exit 1; fi
  sleep 1
done
curl -fs -o /dev/null "$base/healthz" || { cat "$work/app.log"; echo "The app did not answer /healthz." >&2; exit 1; }

# Sign in as a browser would: the form's antiforgery token and its cookie, then the authentication cookie.
jar="$work/cookies"
token=$(curl -fs -c "$jar" "$base/account/login" | sed -nE 's/.*name="__RequestVerificationToken"[^>]*value="([^"]+)".*/\1/p' | head -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$base/account/login" \
  --data-urlencode "Email=hr@demo.wellbeing.test" --data-urlencode "Password=Demo!2026" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "ReturnUrl=")
[[ $status == 302 ]] || { echo "Sign-in answered $status, not 302." >&2; exit 1; }
# curl marks HttpOnly cookies with a #HttpOnly_ prefix; every other # line is a comment.
cookie=$(sed -E 's/^#HttpOnly_//; /^#/d; /^$/d' "$jar" | awk -F '\t' '{ printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }')

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

# Every URL answers as expected once before it is loaded, so a refused request is never mistaken for a fast one.
for target in "${targets[@]}"; do
  IFS='|' read -r name path header expected <<< "$target"
  args=(-s -o /dev/null -w '%{http_code}')
  [[ -n $header ]] && args+=(-H "$header")
  got=$(curl "${args[@]}" "$base$path")
  [[ $got == "$expected" ]] || { echo "$name answered $got, not $expected." >&2; exit 1; }
done

# One autocannon run; prints requests/s (the mean of its per-second samples) and fails on any unexpected status.
load() {
  local seconds=$1 path=$2 header=$3 expected=$4 out="$work/result.json"
  local args=(--yes "$autocannon" -c "$connections" -d "$seconds" -j)
  [[ -n $header ]] && args+=(-H "$header")
  npx "${args[@]}" "$base$path" > "$out" 2> "$work/autocannon.log"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const expected = process.argv[2];
    const other = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => code !== expected);
    if (r.errors || r.timeouts || other.length) {
      console.error(`unexpected answers: ${r.errors} errors, ${r.timeouts} timeouts, ${JSON.stringify(other)}`);
      process.exit(1);
    }
    console.log(r.requests.average.toFixed(0));
  ' "$out" "$expected"
}

echo "Warming up (${warmup} s per URL)..."
for target in "${targets[@]}"; do
  IFS='|' read -r name path header expected <<< "$target"
  load "$warmup" "$path" "$header" "$expected" > /dev/null
done

declare -A samples
for round in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    IFS='|' read -r name path header expected <<< "$target"
    rps=$(load "$duration" "$path" "$header" "$expected")
    samples[$name]+="$rps "
    echo "round $round: $name $rps requests/s"
  done
done

median() { tr ' ' '\n' <<< "$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
healthz=$(median "${samples[/healthz]}")
echo
echo "$connections connections, $rounds rounds of $duration s per URL, one app process (Release, Development, SQLite demo data)"
echo "| URL | Requests/s per round | Median | Ratio to /healthz |"
echo "|---|---|---|---|"
for target in "${targets[@]}"; do
  IFS='|' read -r name path header expected <<< "$target"
  m=$(median "${samples[$name]}")
  ratio=$(awk -v a="$m" -v b="$healthz" 'BEGIN { printf "%.2fx", a / b }')
  echo "| $name | ${samples[$name]% } | $m | $ratio |"
done

if [[ ${PROFILE:-0} != 1 ]]; then exit 0; fi

dotnet tool install --tool-path "$work/tools" dotnet-trace --version "${DOTNET_TRACE_VERSION:-10.0.750501}" > /dev/null
# profile NAME PATH HEADER "label=frame regex"...: traces 12 s of a 20-second load on PATH and summarises it.
profile() {
  local name=$1 path=$2 header=$3
  shift 3
  npx --yes "$autocannon" -c "$connections" -d 20 -H "$header" "$base$path" > /dev/null 2>&1 &
  local load_pid=$!
  sleep 4
  "$work/tools/dotnet-trace" collect -p "$app_pid" --profile dotnet-sampled-thread-time --duration 00:00:00:12 \
    -o "$work/$name.nettrace" > /dev/null
  wait "$load_pid"
  "$work/tools/dotnet-trace" convert --format Speedscope "$work/$name.nettrace" -o "$work/$name" > /dev/null
  echo
  echo "$name: share of the app's thread time in managed code (parts overlap where one holds another)"
  echo "| Part | Share |"
  echo "|---|---|"
  node benchmarks/load/profile-summary.mjs "$work/$name.speedscope.json" "$@"
}

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
