#!/usr/bin/env bash
# Record-matching quality (issue 6): runs `cebu match evaluate` on each FEBRL file in ../shared/data/linkage
# (deduplication within each file, one model configuration, trained unsupervised by EM on the file itself) and
# prints one line per file: "FILE precision=P recall=R f1=F pairs_per_second=N". Progress goes to
# bench/matching/results/FILE.log. Usage: bench/matching/quality.sh [FILE.csv ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${CEBU_LINKAGE_DATA:-../shared/data/linkage}
files=("$@")
if [ ${#files[@]} -eq 0 ]; then files=("$data/febrl1.csv" "$data/febrl2.csv" "$data/febrl3.csv"); fi
dotnet build src/Cebu.Cli -c Release -nologo -nodeReuse:false -clp:ErrorsOnly >/dev/null
mkdir -p bench/matching/results
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "error: no file at $f" >&2; exit 1; }
  name=$(basename "$f" .csv)
  line=$(dotnet src/Cebu.Cli/bin/Release/net10.0/cebu.dll match evaluate "$f" 2>"bench/matching/results/$name.log" | tail -n1)
  echo "$name $line"
done
