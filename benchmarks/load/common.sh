# Shared by the load scripts in this folder (sourced, not run): start the app, sign in, load URLs with autocannon,
# report requests/s as ratios to /healthz, profile with dotnet-trace. The caller sets `set -euo pipefail`, cds to the
# repository root and then calls start_app. Settings (environment): CONNECTIONS=50 DURATION=10 ROUNDS=3 WARMUP=3
# PORT=5299 BUILD=1 PROFILE=0 AUTOCANNON=autocannon@9.0.0 DOTNET_TRACE_VERSION=10.0.750501

connections=${CONNECTIONS:-50}
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-3}
port=${PORT:-5299}
autocannon=${AUTOCANNON:-autocannon@9.0.0}
base="http://127.0.0.1:${port}"

work=$(mktemp -d -t wellbeing-load-XXXXXX)
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Builds (unless BUILD=0) and starts the web app in Development (SQLite, demo data in a fresh temporary database, so
# the developer's App_Data stays out of it), run from its assembly so that the process to stop is the app itself.
start_app() {
  # Something else answering on the port would be measured instead of this build.
  if curl -s -o /dev/null "$base/"; then
    echo "Port $port is already in use; stop what listens there or choose another with PORT=..." >&2
    exit 1
  fi
  if [[ ${BUILD:-1} == 1 ]]; then
    dotnet build src/Web -c Release -v quiet -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
  fi
  (
    cd src/Web
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" ConnectionStrings__Wellbeing="Data Source=$work/wellbeing.db" \
      exec dotnet bin/Release/net10.0/Wellbeing.Web.dll
  ) > "$work/app.log" 2>&1 &
  app_pid=$!
  # A loaded machine can take over two minutes to start the app and seed the demo.
  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "$base/healthz"; then return; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log"; echo "The app stopped." >&2; exit 1; fi
    sleep 1
  done
  cat "$work/app.log"; echo "The app did not answer /healthz." >&2; exit 1
}

# sign_in EMAIL: signs in as a browser does (the form's antiforgery token and its cookie, then the authentication
# cookie, demo password) and prints the Cookie header's value.
sign_in() {
  local jar="$work/cookies-$1" token status
  token=$(curl -fs -c "$jar" "$base/account/login" | sed -nE 's/.*name="__RequestVerificationToken"[^>]*value="([^"]+)".*/\1/p' | head -n 1)
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$base/account/login" \
    --data-urlencode "Email=$1" --data-urlencode "Password=Demo!2026" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "ReturnUrl=")
  [[ $status == 302 ]] || { echo "Sign-in of $1 answered $status, not 302." >&2; exit 1; }
  # curl marks HttpOnly cookies with a #HttpOnly_ prefix; every other # line is a comment.
  sed -E 's/^#HttpOnly_//; /^#/d; /^$/d' "$jar" | awk -F '\t' '{ printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }'
}

# One autocannon run: load SECONDS PATH HEADER EXPECTED-STATUS prints requests/s (the mean of its per-second
# samples) and fails on any other status, error or timeout.
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

# run_targets: loads each entry of the caller's `targets` array ("name|path|header|expected status", /healthz first)
# after checking that each answers as expected once, so that a refusal never passes for a fast answer; a warm-up pass,
# then ROUNDS rounds of every URL in order; prints each URL's rounds, median and ratio to /healthz's median.
run_targets() {
  local target name path header expected got rps round m ratio healthz
  for target in "${targets[@]}"; do
    IFS='|' read -r name path header expected <<< "$target"
    local args=(-s -o /dev/null -w '%{http_code}')
    [[ -n $header ]] && args+=(-H "$header")
    got=$(curl "${args[@]}" "$base$path")
    [[ $got == "$expected" ]] || { echo "$name answered $got, not $expected." >&2; exit 1; }
  done

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
}

median() { tr ' ' '\n' <<< "$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# profile NAME PATH HEADER "label=frame regex"...: traces 12 s of a 20-second load on PATH with dotnet-trace (sampled
# thread time; installed from NuGet into the temporary folder) and prints the share of the app's thread time in
# managed code under each part (profile-summary.mjs).
profile() {
  local name=$1 path=$2 header=$3
  shift 3
  if [[ ! -x "$work/tools/dotnet-trace" ]]; then
    dotnet tool install --tool-path "$work/tools" dotnet-trace --version "${DOTNET_TRACE_VERSION:-10.0.750501}" > /dev/null
  fi
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
  [[ -z ${KEEP_TRACE:-} ]] || cp "$work/$name.speedscope.json" "$KEEP_TRACE"
}
