#!/usr/bin/env bash
# Nationality verification at scale (issue 6): 10,000 requests against a 1,000,000-record civil registry extract,
# generated and fictional, with realistic errors (spelling variants, reordered names, day and month swapped, a mistyped
# day, misread document characters, parents' names left out). One command:
#
#   bench/verification/run.sh [--records 1000000] [--requests 10000] [--db sqlite|postgres|both] [--no-build]
#
# Prints, per database: the time to import the extract (the baseline: reading the extract once into the database),
# the time to match the batch, requests/s, and precision/recall of "matched" and of "matched or possible" against the
# generator's truth. Method and figures: docs/benchmarks.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RECORDS=1000000; REQUESTS=10000; DB=sqlite; BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

CACHE="${CEBU_BENCH_CACHE:-$HERE/.cache}"
DATA="$CACHE/data-$RECORDS-$REQUESTS"
CLI="dotnet $ROOT/src/Cebu.Cli/bin/Release/net10.0/cebu.dll"
PG_BASE="Host=127.0.0.1;Port=5432;Username=cebu;Password=cebu"
export PGPASSWORD=cebu

[ "$BUILD" = 1 ] && dotnet build "$ROOT/src/Cebu.Cli" -c Release -v quiet -nologo >/dev/null
mkdir -p "$CACHE"
if [ ! -f "$DATA/truth.csv" ]; then
  echo "Generating $RECORDS registry records and $REQUESTS requests in $DATA" >&2
  $CLI verify generate "$DATA" --state KH --records "$RECORDS" --requests "$REQUESTS"
fi

now() { date +%s.%N; }

score() { # outcomes.csv truth.csv
  python3 - "$1" "$2" <<'PY'
import csv, sys
truth = {r["local_reference"]: r["registry_number"] for r in csv.DictReader(open(sys.argv[2]))}
out = list(csv.DictReader(open(sys.argv[1])))
def pr(accept):
    predicted = [r for r in out if r["outcome"] in accept]
    correct = sum(1 for r in predicted if truth[r["local_reference"]] and r["registry_number"] == truth[r["local_reference"]])
    positives = sum(1 for v in truth.values() if v)
    return (correct / len(predicted) if predicted else 0.0, correct / positives if positives else 0.0, len(predicted))
p1, r1, n1 = pr({"Matched"})
p2, r2, n2 = pr({"Matched", "Possible"})
print(f"matched: n={n1} precision={p1:.4f} recall={r1:.4f} | matched-or-possible: n={n2} precision={p2:.4f} recall={r2:.4f}")
PY
}

run() { # provider connection label
  local provider="$1" connection="$2" label="$3"
  local args=(--provider "$provider" --connection "$connection")
  $CLI "${args[@]}" db migrate >/dev/null
  local t0 t1 t2 t3
  t0=$(now)
  $CLI "${args[@]}" registry import "$DATA/registry.csv" --state KH | tail -1
  t1=$(now)
  local batch
  batch=$($CLI "${args[@]}" verify batch "$DATA/requests.csv" --from TH --to KH --reference "bench-$label" 2>/dev/null | tail -1)
  t2=$(now)
  $CLI "${args[@]}" verify run --batch "$batch" | tail -1
  t3=$(now)
  $CLI "${args[@]}" verify export "$DATA/outcomes-$label.csv" --batch "$batch" >/dev/null
  python3 - "$t0" "$t1" "$t2" "$t3" "$REQUESTS" "$RECORDS" "$label" <<'PY'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5]); n = int(sys.argv[5]); records = int(sys.argv[6])
load, submit, match = t1 - t0, t2 - t1, t3 - t2
print(f"[{sys.argv[7]}] registry import (baseline) {load:.1f} s ({records/load:,.0f} records/s); batch submit {submit:.1f} s; "
      f"matching {match:.1f} s = {n/match:,.0f} requests/s; matching / import = {match/load:.2f}; end to end {t3-t0:.1f} s")
PY
  score "$DATA/outcomes-$label.csv" "$DATA/truth.csv"
}

if [ "$DB" = sqlite ] || [ "$DB" = both ]; then
  rm -f "$CACHE/bench.db" "$CACHE/bench.db-wal" "$CACHE/bench.db-shm"
  run Sqlite "Data Source=$CACHE/bench.db" sqlite
fi
if [ "$DB" = postgres ] || [ "$DB" = both ]; then
  psql -h 127.0.0.1 -U cebu -d postgres -qc "DROP DATABASE IF EXISTS cebu_bench_verification" -qc "CREATE DATABASE cebu_bench_verification" >/dev/null
  run Postgres "$PG_BASE;Database=cebu_bench_verification" postgres
fi
