#!/usr/bin/env bash
# Runs every Cebu test on a fresh Debian 12 machine of this kind (root, .NET SDK 10, PostgreSQL 15 installed):
#   1. installs Chromium, Noto fonts and wrk from Debian's packages if they are missing;
#   2. starts PostgreSQL 15 if it is not running and creates the superuser role cebu/cebu if it is missing;
#   3. restores the .NET tools and builds the solution once (Release);
#   4. runs each test project with a TRX logger (unit, integration on SQLite and PostgreSQL, browser);
#   5. prints one summary line "Tests: N passed, N failed, N skipped" over all projects and exits non-zero if
#      anything failed, a test run crashed, or no test ran at all.
# Safe to run again and again. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
start=$(date +%s)

export PATH="$PATH:/usr/sbin:/sbin" # runuser, for a shell whose PATH lacks the sbin directories
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The integration tests' PostgreSQL server; they fall back to this same value.
default_pg="Host=127.0.0.1;Port=5432;Username=cebu;Password=cebu"
export CEBU_TEST_POSTGRES="${CEBU_TEST_POSTGRES:-$default_pg}"

step_start=$start
step_end() { # prints how long the current step took
  if [ -n "${step_name:-}" ]; then echo "   (${step_name}: $(( $(date +%s) - step_start )) s)"; fi
  step_name=""
}
step() { # ends the current step and starts the next one
  step_end
  step_name=$1; step_start=$(date +%s)
  echo "== $1"
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# (Outputs are captured before grep: with pipefail, 'cmd | grep -q' can fail when grep stops reading early.)
installed() { local s; s=$(dpkg -s "$1" 2>/dev/null || true); [[ "$s" == *$'\nStatus: install ok installed'* ]]; }

# The build runs without MSBuild node reuse; in CI (alone on its machine) the compiler servers are stopped too
# however the script ends, so that nothing outlives it and holds CI's output open. On a shared development machine
# they are left alone: other builds may be using them.
if [ "${CI:-}" = "true" ]; then trap 'dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT; fi

# --- 1. Debian packages -------------------------------------------------------------------------------------------
step "Debian packages: chromium fonts-noto-core wrk"
missing=()
for pkg in chromium fonts-noto-core wrk; do installed "$pkg" || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
else
  echo "All present."
fi
[ -x /usr/bin/chromium ] || { echo "error: /usr/bin/chromium is missing after installing chromium" >&2; exit 1; }

# --- 2. PostgreSQL ------------------------------------------------------------------------------------------------
if [ "$CEBU_TEST_POSTGRES" = "$default_pg" ]; then
  step "PostgreSQL 15 on 127.0.0.1:5432 with role cebu"
  as_postgres() { (cd / && as_root runuser -u postgres -- "$@"); }
  clusters=$(pg_lsclusters -h 2>/dev/null || true)
  if ! grep -q '^15 \+main ' <<<"$clusters"; then
    echo "Creating the PostgreSQL 15 cluster 'main'..."
    as_root pg_createcluster 15 main >/dev/null
  fi
  clusters=$(pg_lsclusters -h)
  if ! grep -q '^15 \+main .* online' <<<"$clusters"; then
    echo "Starting PostgreSQL 15..."
    as_root pg_ctlcluster 15 main start
  fi
  ready=0
  for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p 5432; then ready=1; break; fi
    sleep 1
  done
  [ $ready -eq 1 ] || { echo "error: PostgreSQL does not accept connections on 127.0.0.1:5432 after 60 s" >&2; exit 1; }
  if [ "$(as_postgres psql -p 5432 -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'cebu'")" != "1" ]; then
    echo "Creating the role cebu..."
    as_postgres psql -p 5432 -qc "CREATE ROLE cebu LOGIN SUPERUSER PASSWORD 'cebu'"
  fi
  super=$(PGPASSWORD=cebu PGCONNECT_TIMEOUT=10 psql -h 127.0.0.1 -p 5432 -U cebu -d postgres -tAc "SELECT rolsuper FROM pg_roles WHERE rolname = current_user" 2>/dev/null || true)
  if [ "$super" != "t" ]; then
    echo "The role cebu cannot sign in with its password or is not a superuser: setting it..."
    as_postgres psql -p 5432 -qc "ALTER ROLE cebu LOGIN SUPERUSER PASSWORD 'cebu'"
    PGPASSWORD=cebu psql -h 127.0.0.1 -p 5432 -U cebu -d postgres -tAc "SELECT 1" >/dev/null
  fi
  echo "Ready."
else
  step "PostgreSQL: using CEBU_TEST_POSTGRES from the environment"
fi

# --- 3. Build once ------------------------------------------------------------------------------------------------
step "dotnet tool restore"
dotnet tool restore
step "dotnet build Cebu.slnx -c Release"
dotnet build Cebu.slnx -c Release -nologo -nodeReuse:false -clp:ErrorsOnly -clp:Summary

# --- 4. Test each project -----------------------------------------------------------------------------------------
results="$root/TestResults/test.sh"
rm -rf "$results"
mkdir -p "$results"
projects=()
for name in Cebu.Core.Tests Cebu.Matching.Tests Cebu.Web.Tests Cebu.Browser.Tests; do
  [ -f "tests/$name/$name.csproj" ] && projects+=("tests/$name/$name.csproj")
done
for p in tests/*/*.csproj; do # any test project added later runs too
  case " ${projects[*]} " in *" $p "*) ;; *) projects+=("$p") ;; esac
done

total_passed=0 total_failed=0 total_skipped=0
report=()
counter() { # counter NAME TRX: the value of one attribute of the TRX's <Counters>, 0 if absent
  local v
  v=$(grep -o '<Counters [^>]*>' "$2" 2>/dev/null | head -n1 | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
  echo "${v:-0}"
}
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  step "dotnet test $name"
  trx="$results/$name.trx"
  # A test that hangs is stopped after 20 minutes, so that the run ends within CI's limit and says which one.
  if dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --blame-hang-timeout 20m --blame-hang-dump-type none </dev/null; then
    rc=0
  else
    rc=$?
  fi
  if [ -f "$trx" ]; then
    passed=$(counter passed "$trx")
    failed=$(( $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
    skipped=$(counter notExecuted "$trx")
  else
    passed=0 failed=0 skipped=0
  fi
  note=""
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # dotnet test failed without a failed test in the report: the test host crashed or the run was aborted.
    failed=1
    note=" (dotnet test exited with $rc and no failed test in the report: counted as 1 failure)"
  fi
  [ $((passed + failed + skipped)) -eq 0 ] && note=" (no tests)"
  report+=("$(printf '  %-22s %4d passed, %d failed, %d skipped%s' "$name" "$passed" "$failed" "$skipped" "$note")")
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done
step_end

# --- 5. Summary ---------------------------------------------------------------------------------------------------
echo
echo "Per project (TRX files in TestResults/test.sh/; browser screenshots in tests/Cebu.Browser.Tests/bin/Release/net10.0/screenshots/):"
printf '%s\n' "${report[@]}"
elapsed=$(( $(date +%s) - start ))
echo "Took $((elapsed / 60)) min $((elapsed % 60)) s."
echo "Tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
if [ "$total_failed" -gt 0 ]; then exit 1; fi
if [ "$total_passed" -eq 0 ]; then echo "error: no test ran" >&2; exit 1; fi
