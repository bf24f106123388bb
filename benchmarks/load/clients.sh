#!/usr/bin/env bash
# Load test of the professional's clients list (/clients, the whole page, and a search) against
# /healthz, in one run of one app process, signed in as the demo professional pro1 (Northwind). Method, settings and
# output as in common.sh; see docs/performance.md, "Clients list under load".
#
# Usage (from anywhere):   benchmarks/load/clients.sh        about seven minutes; PROFILE=1 also profiles the page under
# load. BUILD=0 skips the Release build (only after one), PORT=... moves it off 5299; the other settings in common.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/load/common.sh

start_app
cookie=$(sign_in pro1@demo.wellbeing.test)

# name | path | header | expected status. The last one takes the page apart: the same cookie, an MVC action and a
# view in the same layout, but no query.
targets=(
  "/healthz|/healthz||200"
  "Clients list|/clients|Cookie: $cookie|200"
  "Clients list, search|/clients?search=a|Cookie: $cookie|200"
  "Error page (cookie, MVC, layout; no query)|/errors/403|Cookie: $cookie|403"
)
run_targets

if [[ ${PROFILE:-0} != 1 ]]; then exit 0; fi
profile "Clients list" "/clients" "Cookie: $cookie" \
  'Cookie authentication (decrypting the cookie, the session check)=Microsoft\.AspNetCore\.Authentication\.Cookies!' \
  '- of it, the server-side session check=SessionValidation' \
  'Clients query (GetMyClientsHandler)=GetMyClientsHandler' \
  '- of it, reading the versions of the professional'"'"'s hubs=ClientListVersionReader' \
  '- of it, finding the query in EF Core'"'"'s cache (expression tree walk and hash)=GetMyClientsHandler>ExpressionTreeFuncletizer|ExpressionEqualityComparer|CompiledQueryCache' \
  '- of it, generating SQL=GetMyClientsHandler>RelationalCommandCache|ParameterBasedSqlProcessor|QuerySqlGenerator|SqlNullabilityProcessor' \
  '- of it, in SQLite=GetMyClientsHandler>Microsoft\.Data\.Sqlite|SQLitePCL' \
  '- of it, SQLite preparing the statement=GetMyClientsHandler>PrepareAndEnumerateStatements' \
  'Rendering the view (Razor page, layout, partials)=Microsoft\.AspNetCore\.Mvc\.Razor!|AspNetCoreGeneratedDocument' \
  '- of it, the antiforgery token of the layout=Microsoft\.AspNetCore\.Antiforgery!' \
  'Garbage collection=PollGC'
