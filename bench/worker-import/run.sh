#!/usr/bin/env bash
# Bulk worker import against each database's raw bulk load of the same rows, and worker search under load, with up
# to 1,000,000 generated workers. Method: bench/worker-import/README.md; figures: docs/benchmarks.md. One command:
#
#   bench/worker-import/run.sh [--sizes "250000 500000 1000000"] [--db sqlite|postgres|both] [--no-search]
#                              [--search-only] [--no-build] [--no-raw-all] [--duration SECONDS] [--rounds N] [--connections N] [--threads N]
#
# Loopback only (127.0.0.1), fixed durations. Data and SQLite files live under bench/worker-import/.cache; the
# PostgreSQL databases are cebu_bench_workers_* (dropped and made afresh for every measurement, except the last
# size's import, which the search benchmark uses).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SIZES="250000 500000 1000000"; DB=both; SEARCH=1; IMPORT=1; BUILD=1; RAW_ALL=1; DURATION=30; ROUNDS=2; CONNECTIONS=16; THREADS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --no-search) SEARCH=0; shift ;;
    --search-only) IMPORT=0; shift ;;
    --no-build) BUILD=0; shift ;;
    --no-raw-all) RAW_ALL=0; shift ;;
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

DATASET=v1                      # bump when the generator changes
MAX=$(tr ' ' '\n' <<< "$SIZES" | sort -n | tail -1)
MIN=$(tr ' ' '\n' <<< "$SIZES" | sort -n | head -1)
CACHE="${CEBU_BENCH_CACHE:-$HERE/.cache}"
DATA="$CACHE/data-$DATASET"
PG_PREFIX="cebu_bench_workers"
PG_BASE="Host=127.0.0.1;Port=5432;Username=cebu;Password=cebu"
export PGPASSWORD=cebu
CLI="dotnet $ROOT/src/Cebu.Cli/bin/Release/net10.0/cebu.dll"
TOOL="dotnet $HERE/tool/bin/Release/net10.0/worker-import-bench.dll"
WEB="$ROOT/src/Cebu.Web/bin/Release/net10.0/Cebu.Web.dll"
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
TAG="$DB$([ "$IMPORT" = 0 ] && echo -search || true)"
RESULTS="$HERE/results/$STAMP-$TAG.md"
mkdir -p "$CACHE" "$DATA" "$HERE/results"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; true' EXIT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
pg() { psql -h 127.0.0.1 -U cebu -d "$1" -v ON_ERROR_STOP=1 -Atq -c "$2"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

if ! command -v wrk >/dev/null; then log "installing wrk"; apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; fi
if [ "$DB" != sqlite ]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then log "starting PostgreSQL 15"; pg_ctlcluster 15 main start; sleep 2; fi
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
fi

[ "$BUILD" = 1 ] && log "building Release"
[ "$BUILD" = 1 ] && dotnet build -c Release "$ROOT/src/Cebu.Web/Cebu.Web.csproj" -nodeReuse:false -v q -nologo >/dev/null
[ "$BUILD" = 1 ] && dotnet build -c Release "$ROOT/src/Cebu.Cli/Cebu.Cli.csproj" -nodeReuse:false -v q -nologo >/dev/null
[ "$BUILD" = 1 ] && dotnet build -c Release "$HERE/tool/WorkerImportBench.csproj" -nodeReuse:false -v q -nologo >/dev/null

# --- data: the largest file once (seed 20261123), the smaller ones are its first rows -----------------------------------
if [ ! -s "$DATA/workers-$MAX.csv" ]; then
  log "generating $MAX workers and the search query mix"
  $TOOL generate "$DATA/workers-$MAX.csv" --total "$MAX" --queries "$DATA/queries-$MAX.txt" --query-count 4000 >&2
fi
for n in $SIZES; do [ -s "$DATA/workers-$n.csv" ] || head -n $((n + 1)) "$DATA/workers-$MAX.csv" > "$DATA/workers-$n.csv"; done

# --- templates: a migrated database with the demo data, copied afresh for every measurement ---------------------------
SQLITE_TPL="$CACHE/template-sqlite.db"
if [ "$DB" != postgres ] && [ ! -s "$SQLITE_TPL" ]; then
  log "SQLite template"; rm -f "$SQLITE_TPL"*; $CLI db migrate --demo --connection "Data Source=$SQLITE_TPL" >/dev/null
fi
if [ "$DB" != sqlite ] && [ "$(pg postgres "SELECT count(*) FROM pg_database WHERE datname = '${PG_PREFIX}_tpl'")" = 0 ]; then
  log "PostgreSQL template"; pg postgres "CREATE DATABASE ${PG_PREFIX}_tpl"
  $CLI db migrate --demo --provider Postgres --connection "$PG_BASE;Database=${PG_PREFIX}_tpl" >/dev/null
fi
fresh() { # provider name -> connection string of a fresh copy of the template
  if [ "$1" = Sqlite ]; then rm -f "$CACHE/$2.db"*; cp "$SQLITE_TPL" "$CACHE/$2.db"; echo "Data Source=$CACHE/$2.db"
  else pg postgres "DROP DATABASE IF EXISTS ${PG_PREFIX}_$2 WITH (FORCE)"; pg postgres "CREATE DATABASE ${PG_PREFIX}_$2 TEMPLATE ${PG_PREFIX}_tpl"; echo "$PG_BASE;Database=${PG_PREFIX}_$2"; fi
}
drop() { # provider name
  if [ "$1" = Sqlite ]; then rm -f "$CACHE/$2.db"*; else pg postgres "DROP DATABASE IF EXISTS ${PG_PREFIX}_$2 WITH (FORCE)"; fi
}
# /usr/bin/time -v: wall seconds, peak RSS (MiB) and client CPU seconds of one command; its output goes to $1.
measure() { # outfile command...
  local out="$1"; shift
  /usr/bin/time -v -o "$out.time" "$@" > "$out" 2>&1 || { echo "failed: $* ($(tail -3 "$out"))" >&2; return 1; }
  local wall rss user sys
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out.time" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out.time")
  user=$(sed -n 's/.*User time (seconds): //p' "$out.time"); sys=$(sed -n 's/.*System time (seconds): //p' "$out.time")
  echo "$wall $((rss / 1024)) $(echo "$user + $sys" | bc)"
}

declare -A ROWS
import_bench() { # provider label
  local p="$1" label="$2"
  for n in $SIZES; do
    local file="$DATA/workers-$n.csv" conn r i raw_wall raw_rss raw_cpu raw_inproc imp_wall imp_rss imp_cpu la
    la=$(load)
    log "$label $n: raw bulk load (load average $la)"
    conn=$(fresh "$p" "raw")
    read -r raw_wall raw_rss raw_cpu < <(measure "$CACHE/raw-$p-$n.out" $TOOL raw "${p,,}" "$conn" "$file")
    [ -n "$raw_wall" ] || exit 1
    raw_inproc=$(sed -n 's/.*seconds=\([^ ]*\).*/\1/p' "$CACHE/raw-$p-$n.out")
    drop "$p" raw
    local all_rps="" all_wall
    if [ "$n" = "$MIN" ] && [ "$RAW_ALL" = 1 ]; then
      # Diagnostic, smallest size only: the raw load of every row the import writes (workers, name keys, timeline events).
      log "$label $n: raw bulk load of every row the import writes"
      conn=$(fresh "$p" "raw")
      read -r all_wall _ _ < <(measure "$CACHE/raw-all-$p-$n.out" $TOOL raw-all "${p,,}" "$conn" "$file")
      [ -n "$all_wall" ] || exit 1
      all_rps=$(printf '%.0f' "$(echo "$n / $all_wall" | bc -l)")
      drop "$p" raw
    fi
    log "$label $n: cebu workers import"
    conn=$(fresh "$p" "import_$n")
    read -r imp_wall imp_rss imp_cpu < <(measure "$CACHE/import-$p-$n.out" $CLI workers import "$file" --state KH --provider "$p" --connection "$conn")
    [ -n "$imp_wall" ] || exit 1
    grep -q "Imported $n of $n rows" "$CACHE/import-$p-$n.out" || { echo "the import of $n rows did not commit: $(tail -3 "$CACHE/import-$p-$n.out")" >&2; exit 1; }
    local verify; verify=$($CLI audit verify --provider "$p" --connection "$conn" | tail -1)
    [[ "$verify" == "Audit chain intact"* ]] || { echo "audit chain after the import: $verify" >&2; exit 1; }
    local raw_rps imp_rps ratio
    raw_rps=$(echo "$n / $raw_wall" | bc -l); imp_rps=$(echo "$n / $imp_wall" | bc -l); ratio=$(echo "scale=3; $imp_rps / $raw_rps" | bc -l)
    ROWS[$label-$n]=$(printf '| %s | %s | %s | %.1f | %.0f | %d | %.1f | %.0f | %d | %s | %.1f / %.1f | %s |' "$label" "$n" "$la" \
      "$raw_wall" "$raw_rps" "$raw_rss" "$imp_wall" "$imp_rps" "$imp_rss" "$ratio" "$raw_cpu" "$imp_cpu" "${all_rps:-}")
    echo "${ROWS[$label-$n]}" >> "$RESULTS.rows"
    log "$label $n: raw ${raw_wall}s (${raw_inproc}s in-process) ${raw_rss} MiB; import ${imp_wall}s ${imp_rss} MiB; ratio $ratio; $verify"
    [ "$n" = "$MAX" ] || drop "$p" "import_$n"
  done
  if [ "$p" = Postgres ]; then pg "${PG_PREFIX}_import_$MAX" "VACUUM ANALYZE"; fi
}

# --- search under load ------------------------------------------------------------------------------------------------
PORT=""
start_server() { # provider connection
  PORT=$(( 20000 + RANDOM % 20000 ))
  while ss -ltn | grep -q ":$PORT "; do PORT=$(( 20000 + RANDOM % 20000 )); done
  env ASPNETCORE_ENVIRONMENT=Production Database__Provider="$1" ConnectionStrings__Cebu="$2" \
    Logging__LogLevel__Default=Warning "Logging__LogLevel__Cebu.Requests=Warning" \
    dotnet "$WEB" --urls "http://127.0.0.1:$PORT" --contentRoot "$ROOT/src/Cebu.Web" > "$CACHE/server-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped: $(tail -5 "$CACHE/server-$1.log")" >&2; exit 1; }
    sleep 1
  done
  echo "the server did not answer /health within 180 s" >&2; exit 1
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
TOKEN=""
run_wrk() { # seconds path-or-"search"
  if [ "$2" = search ]; then wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 60s --latency -s "$HERE/search.lua" "http://127.0.0.1:$PORT" -- "$DATA/queries-$MAX.txt" "$TOKEN"
  else wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 60s --latency -s "$HERE/fixed.lua" "http://127.0.0.1:$PORT$2"; fi | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }

declare -A SEARCH_ROWS
search_bench() { # provider label connection
  log "$2: starting the server on the $MAX-worker database"
  start_server "$1" "$3"
  TOKEN=$(curl -fs -X POST -H 'Content-Type: application/json' -d '{"email":"labour@kh.demo","password":"Demo-Cebu-2026!"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  # The answers first: a sampled whole name is found, and a passport number finds exactly its worker.
  local q1 q2; q1=$(sed -n 1p "$DATA/queries-$MAX.txt"); q2="/api/v1/workers?q=DEMO00000042"
  curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$q1" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["items"], "no worker found"' \
    || { echo "$2: the search found nothing for $q1" >&2; exit 1; }
  curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$q2" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["items"])==1, d' \
    || { echo "$2: the passport search did not find exactly one worker" >&2; exit 1; }
  log "$2: warming up (10 s search, 5 s baseline)"
  run_wrk 10 search >/dev/null; run_wrk 5 /health >/dev/null
  {
    echo "### Search, $2, $MAX workers"
    echo
    echo "| round | endpoint | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | load average |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
  } >> "$RESULTS.search"
  local b_rps=0 s_rps=0 b_p50=0 s_p50=0 b_p99=0 s_p99=0
  for round in $(seq 1 "$ROUNDS"); do
    log "$2: round $round/$ROUNDS"
    local la b s; la=$(load)
    b=$(run_wrk "$DURATION" /health); s=$(run_wrk "$DURATION" search)
    for pair in "baseline /health:$b" "search:$s"; do
      local lbl="${pair%%:RESULT*}" res="RESULT${pair#*:RESULT}"
      echo "| $round | $lbl | $(field rps "$res") | $(field p50_ms "$res") | $(field p90_ms "$res") | $(field p99_ms "$res") | $(field max_ms "$res") | $(field non2xx "$res") | $(field socket_errors "$res") | $la |" >> "$RESULTS.search"
    done
    b_rps=$(echo "$b_rps + $(field rps "$b")" | bc -l); s_rps=$(echo "$s_rps + $(field rps "$s")" | bc -l)
    b_p50=$(echo "$b_p50 + $(field p50_ms "$b")" | bc -l); s_p50=$(echo "$s_p50 + $(field p50_ms "$s")" | bc -l)
    b_p99=$(echo "$b_p99 + $(field p99_ms "$b")" | bc -l); s_p99=$(echo "$s_p99 + $(field p99_ms "$s")" | bc -l)
  done
  echo >> "$RESULTS.search"
  SEARCH_ROWS[$2]=$(printf '| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.3f |' "$2" \
    "$(echo "$b_rps / $ROUNDS" | bc -l)" "$(echo "$b_p50 / $ROUNDS" | bc -l)" "$(echo "$b_p99 / $ROUNDS" | bc -l)" \
    "$(echo "$s_rps / $ROUNDS" | bc -l)" "$(echo "$s_p50 / $ROUNDS" | bc -l)" "$(echo "$s_p99 / $ROUNDS" | bc -l)" "$(echo "$s_rps / $b_rps" | bc -l)")
  stop_server
}

{
  echo "# Worker import and search benchmark, $STAMP"
  echo
  echo "- commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)'), $(dotnet --version) SDK, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "- sizes: $SIZES; data: $DATA/workers-$MAX.csv ($(du -h "$DATA/workers-$MAX.csv" | cut -f1))"
  echo "- load average before: $(load)"
  echo
} > "$RESULTS"
: > "$RESULTS.rows"; : > "$RESULTS.search"

if [ "$IMPORT" = 1 ]; then
  if [ "$DB" = sqlite ] || [ "$DB" = both ]; then import_bench Sqlite SQLite; fi
  if [ "$DB" = postgres ] || [ "$DB" = both ]; then import_bench Postgres PostgreSQL; fi
fi
if [ "$SEARCH" = 1 ]; then
  if [ "$DB" = sqlite ] || [ "$DB" = both ]; then search_bench Sqlite SQLite "Data Source=$CACHE/import_$MAX.db"; fi
  if [ "$DB" = postgres ] || [ "$DB" = both ]; then search_bench Postgres PostgreSQL "$PG_BASE;Database=${PG_PREFIX}_import_$MAX;Maximum Pool Size=100"; fi
fi

{
  echo "## Import: records per second, end to end (process start to exit), against the raw bulk load of the same rows"
  echo
  echo "| database | rows | load average | raw s | raw rows/s | raw peak RSS MiB | import s | import rows/s | import peak RSS MiB | import/raw | client CPU s raw / import | raw of every row the import writes, workers/s |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$RESULTS.rows"
  echo
  if [ -s "$RESULTS.search" ]; then
    cat "$RESULTS.search"
    echo "## Search summary (means over the rounds)"
    echo
    echo "| database | baseline /health req/s | p50 ms | p99 ms | search req/s | p50 ms | p99 ms | search/baseline req/s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for k in SQLite PostgreSQL; do [ -n "${SEARCH_ROWS[$k]:-}" ] && echo "${SEARCH_ROWS[$k]}"; done
    echo
  fi
  echo "- load average after: $(load)"
} >> "$RESULTS"
rm -f "$RESULTS.rows" "$RESULTS.search"
cp "$RESULTS" "$HERE/results/latest-$TAG.md"
sed -n '/## Import/,$p' "$RESULTS"
log "results: $RESULTS"
