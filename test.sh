#!/usr/bin/env bash
# Runs every Cebu test on a fresh Debian machine of this kind: installs what the tests need (Chromium, Noto fonts,
# wrk from Debian; starts the machine's PostgreSQL 15 with a `cebu` role), builds once, runs each test project,
# and prints one summary line: "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)

need=()
for pkg in chromium fonts-noto-core wrk; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! pg_lsclusters -h 2>/dev/null | grep -q ' online'; then
  echo "Starting PostgreSQL 15..."
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='cebu'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE cebu LOGIN SUPERUSER PASSWORD 'cebu'\""
export CEBU_TEST_POSTGRES="${CEBU_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=cebu;Password=cebu}"

dotnet tool restore >/dev/null
dotnet build Cebu.slnx -c Release -nologo -clp:ErrorsOnly

results=$(mktemp -d)
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
summary=$?
echo "Took $(( $(date +%s) - start )) s."
[ $status -eq 0 ] && [ $summary -eq 0 ]
