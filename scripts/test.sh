#!/usr/bin/env bash
# Runs every SopBot test on a fresh machine: installs what is missing (Debian's chromium
# and zip, the npm tools), builds, then runs the unit, integration (Azurite), manifest and
# end-to-end (Agents Playground in headless Chromium) tests. Each test project starts the
# services it needs on free loopback ports. Ends with one line: "N passed, N failed".
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
mkdir -p "$results"
rm -f "$results"/*.log

install_missing() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v zip >/dev/null 2>&1 || missing+=(zip)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages"
    if [ "$(id -u)" -ne 0 ]; then
      echo "Installing ${missing[*]} needs root: run sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -d tools/node_modules ] || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
    echo "Installing the npm tools (Azurite, Agents Playground, Playwright, templating oracle)"
    npm ci --prefix tools --no-audit --no-fund --loglevel=error
  fi
}

install_missing
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

echo "Building"
dotnet build SopBot.sln -c Debug -nologo -clp:ErrorsOnly

status=0
run_dotnet_tests() {
  local project="$1" name
  name="$(basename "$project")"
  echo "Testing $name"
  # The minimal console logger prints each failure in full and ends with "Passed!" or "Failed!" and the counts.
  dotnet test "$project" --no-build -nologo > "$results/$name.log" 2>&1 || true
  grep -E "^\s+Failed |^(Passed!|Failed!)|error" "$results/$name.log" || true
  if grep -qE "^Failed!|Test Run Aborted|error MSB|Test host process crashed" "$results/$name.log" \
      || ! grep -qE "^Passed!" "$results/$name.log"; then
    echo "FAILED: $name (full output: $results/$name.log)"
    status=1
  fi
}

for project in tests/SopBot.Domain.Tests tests/SopBot.Cards.Tests tests/SopBot.Knowledge.Tests tests/SopBot.Bot.Tests \
               tests/SopBot.IntegrationTests tests/SopBot.EndToEndTests; do
  run_dotnet_tests "$project"
done

echo "Testing the Teams app package"
if ! node --test tests/manifest/ 2>&1 | tee "$results/manifest.log" | grep -E "^# (pass|fail)"; then
  status=1
fi
grep -qE "^# fail 0" "$results/manifest.log" || status=1

cat "$results"/*.log | awk '
  /^(Passed!|Failed!)/ { if (match($0, /Failed: *[0-9]+/)) failed += substr($0, RSTART + 7, RLENGTH - 7) + 0
                         if (match($0, /Passed: *[0-9]+/)) passed += substr($0, RSTART + 7, RLENGTH - 7) + 0 }
  /^# pass [0-9]+$/ { passed += $3 }
  /^# fail [0-9]+$/ { failed += $3 }
  END { printf "%d passed, %d failed\n", passed, failed }'

exit $status
