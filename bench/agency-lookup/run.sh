#!/usr/bin/env bash
# Load benchmark of the public agency look-up (GET /api/v1/public/agencies?q=) against the same server's cheapest
# endpoint, on SQLite and on PostgreSQL, with 100,000 generated agencies. Method: bench/agency-lookup/README.md;
# figures: docs/benchmarks.md. One command:
#
#   bench/agency-lookup/run.sh [--db sqlite|postgres|both] [--duration SECONDS] [--rounds N] [--connections N]
#                              [--threads N] [--pin] [--no-demo-check]
#
# Loopback only (127.0.0.1), fixed durations. The prepared databases are cached under bench/agency-lookup/.cache
# (SQLite file) and in the PostgreSQL database cebu_bench_v1; delete them to prepare afresh.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# CEBU_BENCH_SERVER_ROOT: another checkout whose web app is measured instead (e.g. the commit before a change);
# the data, the CLI that imports it and the checks still come from this one.
SERVER_ROOT="${CEBU_BENCH_SERVER_ROOT:-$ROOT}"
DB=both; DURATION=15; ROUNDS=2; CONNECTIONS=16; THREADS=1; PIN=0; DEMO_CHECK=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --pin) PIN=1; shift ;;
    --no-demo-check) DEMO_CHECK=0; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

DATASET=v1                      # bump when the generator changes: the cached databases are then prepared afresh
TOTAL="${CEBU_BENCH_TOTAL:-100000}"   # smaller only to try the script itself, with its own CEBU_BENCH_CACHE
CACHE="${CEBU_BENCH_CACHE:-$HERE/.cache}"
DATA="$CACHE/data-$DATASET"
SQLITE_DB="$CACHE/sqlite-$DATASET/cebu.db"
PG_DB="${CEBU_BENCH_PG_DB:-cebu_bench_$DATASET}"
PG_CONN="Host=127.0.0.1;Port=5432;Database=$PG_DB;Username=cebu;Password=cebu"
export PGPASSWORD=cebu
CLI="dotnet $ROOT/src/Cebu.Cli/bin/Release/net10.0/cebu.dll"
TOOL="dotnet $HERE/tool/bin/Release/net10.0/agency-lookup-bench.dll"
WEB="$SERVER_ROOT/src/Cebu.Web/bin/Release/net10.0/Cebu.Web.dll"
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
RESULTS="$HERE/results/$STAMP.md"
mkdir -p "$CACHE" "$HERE/results"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; true' EXIT

calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }   # arithmetic without bc, which a fresh machine may lack
is_true() { awk "BEGIN { exit !($1) }"; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- tools and services (a fresh machine has neither wrk nor a running cluster) ---------------------------------
if ! command -v wrk >/dev/null; then log "installing wrk"; apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; fi
if [ "$DB" != sqlite ]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then log "starting PostgreSQL 15"; pg_ctlcluster 15 main start; sleep 2; fi
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
fi

# --- build (Release) -------------------------------------------------------------------------------------------------
log "building Release"
dotnet build -c Release "$SERVER_ROOT/src/Cebu.Web/Cebu.Web.csproj" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/src/Cebu.Cli/Cebu.Cli.csproj" -v q -nologo >/dev/null
dotnet build -c Release "$HERE/tool/AgencyLookupBench.csproj" -v q -nologo >/dev/null

# --- data set: 100,000 fictional agencies in one CSV per licensing state, and the query mix -------------------------
if [ ! -s "$DATA/dataset.txt" ]; then
  log "generating $TOTAL agencies and the query mix"
  rm -rf "$DATA"; $TOOL generate "$DATA" --total "$TOTAL" >/dev/null
fi
STATES="$(ls "$DATA"/agencies-*.csv | sed 's/.*agencies-\(..\)\.csv/\1/')"

# Imports through the product's own path: `cebu db migrate --demo`, then `cebu agencies import` per licensing state
# (ImportAgencies, one transaction per file, acting as that state's licensing officer). Times go to import-times.txt.
import_all() { # provider connection timesfile
  local provider="$1" conn="$2" times="$3" t0 t1
  : > "$times"
  t0=$(date +%s.%N)
  $CLI db migrate --demo --provider "$provider" --connection "$conn" >/dev/null
  t1=$(date +%s.%N); echo "migrate+demo $(calc "$t1 - $t0") s" >> "$times"
  for s in $STATES; do
    t0=$(date +%s.%N)
    $CLI agencies import "$DATA/agencies-$s.csv" --state "$s" --provider "$provider" --connection "$conn" > "$times.$s.log" 2>&1 \
      || { echo "import of $s failed: $(tail -3 "$times.$s.log")" >&2; return 1; }
    t1=$(date +%s.%N)
    local rows; rows=$(($(wc -l < "$DATA/agencies-$s.csv") - 1))
    echo "$s $rows rows $(calc "$t1 - $t0") s" >> "$times"
    log "  $provider: imported $s ($rows rows) in $(awk "BEGIN { printf \"%d\", $t1 - $t0 }") s"
  done
}

prepare_sqlite() {
  if [ -f "$SQLITE_DB.ready" ] && [ -s "$SQLITE_DB" ]; then return; fi
  log "preparing the SQLite database (first run only)"
  rm -rf "$(dirname "$SQLITE_DB")"; mkdir -p "$(dirname "$SQLITE_DB")"
  import_all Sqlite "Data Source=$SQLITE_DB" "$(dirname "$SQLITE_DB")/import-times.txt"
  touch "$SQLITE_DB.ready"
}

pg() { psql -h 127.0.0.1 -U cebu -d "$1" -v ON_ERROR_STOP=1 -Atq -c "$2"; }

prepare_postgres() {
  local have; have=$(pg "$PG_DB" 'SELECT count(*) FROM "Agency"' 2>/dev/null || echo 0)
  if [ -f "$CACHE/postgres-$DATASET.ready" ] && [ "$have" = "$(cat "$CACHE/postgres-$DATASET.ready")" ]; then
    return
  fi
  log "preparing the PostgreSQL database $PG_DB (first run only)"
  pg postgres "DROP DATABASE IF EXISTS $PG_DB"
  pg postgres "CREATE DATABASE $PG_DB"
  mkdir -p "$CACHE/postgres-$DATASET"
  import_all Postgres "$PG_CONN" "$CACHE/postgres-$DATASET/import-times.txt"
  pg "$PG_DB" 'VACUUM ANALYZE'
  pg "$PG_DB" 'SELECT count(*) FROM "Agency"' > "$CACHE/postgres-$DATASET.ready"
}

# --- the server ------------------------------------------------------------------------------------------------------
PORT=""
start_server() { # provider connection
  PORT=$(( 20000 + RANDOM % 20000 ))
  while ss -ltn | grep -q ":$PORT "; do PORT=$(( 20000 + RANDOM % 20000 )); done
  local pin=(); [ "$PIN" = 1 ] && pin=(taskset -c 1)
  # Request logging and the other Information logs are set to Warning for the run: both endpoints pay the same.
  env ASPNETCORE_ENVIRONMENT=Production Database__Provider="$1" ConnectionStrings__Cebu="$2" \
    Logging__LogLevel__Default=Warning "Logging__LogLevel__Cebu.Requests=Warning" \
    "${pin[@]}" dotnet "$WEB" --urls "http://127.0.0.1:$PORT" --contentRoot "$SERVER_ROOT/src/Cebu.Web" > "$CACHE/server-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped: $(tail -5 "$CACHE/server-$1.log")" >&2; exit 1; }
    sleep 1
  done
  echo "the server did not answer /health within 180 s" >&2; exit 1
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }

# wrk with the same threads, connections and duration for every endpoint; prints the RESULT line of the Lua script.
run_wrk() { # seconds path-or-"lookup"
  local pin=(); [ "$PIN" = 1 ] && pin=(taskset -c 0)
  if [ "$2" = lookup ]; then
    "${pin[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s "$HERE/lookup.lua" "http://127.0.0.1:$PORT" -- "$DATA/queries.txt"
  else
    "${pin[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s "$HERE/fixed.lua" "http://127.0.0.1:$PORT$2"
  fi | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }

CANDIDATES=(/health /css/site.css)
declare -A SUMMARY

bench_db() { # name provider connection
  local name="$1"
  log "$name: starting the server"
  start_server "$2" "$3"
  # The server loads its in-memory copy of the public registry in the background after start; the first look-up
  # waits for it. Time it, once, before the checks (whose requests time out after 30 s).
  local t0 t1; t0=$(date +%s.%N)
  curl -fs --max-time 600 "http://127.0.0.1:$PORT/api/v1/public/agencies?q=golden" >/dev/null || { echo "the first look-up failed" >&2; exit 1; }
  t1=$(date +%s.%N)
  log "$name: first look-up answered $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s after /health (registry loaded)"
  echo "- $name: first look-up answered $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s after the server answered /health (the in-memory registry loading), load average $(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
  log "$name: checking the look-up's answers at scale"
  $TOOL check-bench "http://127.0.0.1:$PORT" "$DATA" | tail -5 > "$CACHE/check-$name.txt" || { cat "$CACHE/check-$name.txt" >&2; exit 1; }
  log "$name: $(tail -1 "$CACHE/check-$name.txt")"
  log "$name: warming up (10 s look-up, 5 s each candidate baseline)"
  run_wrk 10 lookup >/dev/null
  for c in "${CANDIDATES[@]}"; do run_wrk 5 "$c" >/dev/null; done

  # The baseline is the cheapest endpoint, measured, not assumed: the candidate with the highest throughput.
  local best="" best_rps=0
  {
    echo "### $name"
    echo
    echo "Candidates for the baseline ($DURATION s each):"
    echo
    for c in "${CANDIDATES[@]}"; do
      local r; r=$(run_wrk "$DURATION" "$c")
      echo "- \`$c\`: $(field rps "$r") req/s, p50 $(field p50_ms "$r") ms, p99 $(field p99_ms "$r") ms, non-2xx $(field non2xx "$r")"
      if [ "$(field non2xx "$r")" = 0 ] && is_true "$(field rps "$r") > $best_rps"; then best="$c"; best_rps=$(field rps "$r"); fi
    done
    echo
    echo "Baseline: \`$best\`. Rounds alternate baseline and look-up, $DURATION s each:"
    echo
    echo "| round | endpoint | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  } >> "$RESULTS"
  local b_rps=0 l_rps=0 b_p50=0 l_p50=0 b_p99=0 l_p99=0
  for round in $(seq 1 "$ROUNDS"); do
    log "$name: round $round/$ROUNDS"
    local b l
    b=$(run_wrk "$DURATION" "$best")
    l=$(run_wrk "$DURATION" lookup)
    for pair in "baseline $best:$b" "look-up:$l"; do
      local label="${pair%%:RESULT*}" res="RESULT${pair#*:RESULT}"
      echo "| $round | $label | $(field rps "$res") | $(field p50_ms "$res") | $(field p90_ms "$res") | $(field p99_ms "$res") | $(field max_ms "$res") | $(field non2xx "$res") | $(field socket_errors "$res") |" >> "$RESULTS"
    done
    b_rps=$(calc "$b_rps + $(field rps "$b")"); l_rps=$(calc "$l_rps + $(field rps "$l")")
    b_p50=$(calc "$b_p50 + $(field p50_ms "$b")"); l_p50=$(calc "$l_p50 + $(field p50_ms "$l")")
    b_p99=$(calc "$b_p99 + $(field p99_ms "$b")"); l_p99=$(calc "$l_p99 + $(field p99_ms "$l")")
    if [ "$(field non2xx "$l")" != 0 ] || [ "$(field socket_errors "$l")" != 0 ]; then log "$name: WARNING: look-up errors: $l"; fi
  done
  local ratio; ratio=$(awk "BEGIN { printf \"%.3f\", $l_rps / $b_rps }")
  local met=no; is_true "$ratio >= 0.5" && met=yes
  local row
  row=$(printf '| %s | `%s` | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %s |' "$name" "$best" \
    "$(calc "$b_rps / $ROUNDS")" "$(calc "$b_p50 / $ROUNDS")" "$(calc "$b_p99 / $ROUNDS")" \
    "$(calc "$l_rps / $ROUNDS")" "$(calc "$l_p50 / $ROUNDS")" "$(calc "$l_p99 / $ROUNDS")" "$ratio" "$met")
  SUMMARY[$name]="$row"
  { echo; echo "Look-up/baseline throughput: **$ratio** (goal 0.5: $met)."; echo; } >> "$RESULTS"
  stop_server
}

{
  echo "# Agency look-up benchmark, $STAMP"
  echo
  echo "- server built from commit $(git -C "$SERVER_ROOT" rev-parse --short HEAD)$(git -C "$SERVER_ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (with uncommitted changes)'), bench from $(git -C "$ROOT" rev-parse --short HEAD), $(dotnet --version) SDK, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "- data: $(head -1 "$DATA/dataset.txt"); plus the demo agencies"
  echo "- wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds; pinning: $([ "$PIN" = 1 ] && echo 'server on CPU 1, wrk on CPU 0' || echo none); log level Warning (request log off) for the run"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} > "$RESULTS"

if [ "$DEMO_CHECK" = 1 ]; then
  log "checking the look-up's answers on the demo data (fresh SQLite database)"
  rm -f "$CACHE/demo.db"*
  start_server Sqlite "Data Source=$CACHE/demo.db"
  $TOOL check-demo "http://127.0.0.1:$PORT" > "$CACHE/check-demo.txt" || { cat "$CACHE/check-demo.txt" >&2; exit 1; }
  log "demo data: $(tail -1 "$CACHE/check-demo.txt")"
  echo "- look-up answers on the demo data: $(tail -1 "$CACHE/check-demo.txt")" >> "$RESULTS"
  stop_server
fi

if [ "$DB" = sqlite ] || [ "$DB" = both ]; then
  prepare_sqlite
  echo "- SQLite import: $(tr '\n' ';' < "$(dirname "$SQLITE_DB")/import-times.txt")" >> "$RESULTS"
fi
if [ "$DB" = postgres ] || [ "$DB" = both ]; then
  prepare_postgres
  echo "- PostgreSQL import: $(tr '\n' ';' < "$CACHE/postgres-$DATASET/import-times.txt")" >> "$RESULTS"
fi
echo >> "$RESULTS"
if [ "$DB" = sqlite ] || [ "$DB" = both ]; then bench_db SQLite Sqlite "Data Source=$SQLITE_DB"; fi
if [ "$DB" = postgres ] || [ "$DB" = both ]; then bench_db PostgreSQL Postgres "$PG_CONN"; fi

{
  echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Summary (means over the rounds)"
  echo
  echo "| database | baseline | baseline req/s | p50 ms | p99 ms | look-up req/s | p50 ms | p99 ms | ratio | goal 0.5 met |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
  for k in SQLite PostgreSQL; do [ -n "${SUMMARY[$k]:-}" ] && echo "${SUMMARY[$k]}"; done
} >> "$RESULTS"
cp "$RESULTS" "$HERE/results/latest.md"
sed -n '/## Summary/,$p' "$RESULTS"
log "results: $RESULTS"
