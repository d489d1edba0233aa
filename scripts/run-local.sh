#!/usr/bin/env bash
# Runs SopBot on this machine for trying it by hand in the Microsoft 365 Agents Playground:
# Azurite on its default ports (10000-10002) with its data in .azurite/, the bot on
# 127.0.0.1:3978 in anonymous local mode, and the Playground on 127.0.0.1:56150. Prints the
# page to open; Ctrl+C stops all three. Logs go to artifacts/local/.
#
# Environment: CONFIGURATION (Debug or Release, default Debug) is the build the bot runs from.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

configuration="${CONFIGURATION:-Debug}"
bot_port=3978
playground_port=56150
logs="$root/artifacts/local"
bot_dll="$root/src/SopBot.Bot/bin/$configuration/net10.0/SopBot.Bot.dll"
pids=()

require() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "$1 is missing: $2" >&2
    exit 1
  fi
}

port_is_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for NAME PID SECONDS COMMAND...: runs COMMAND every half second until it succeeds;
# fails when the process PID exits first or SECONDS pass.
wait_for() {
  local name="$1" pid="$2" seconds="$3"
  shift 3
  local attempts=$((seconds * 2))
  for ((attempt = 0; attempt < attempts; attempt++)); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before it was ready; see $logs" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "$name was not ready within $seconds s; see $logs" >&2
  return 1
}

stop_all() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -eq 0 ]; then
    return
  fi
  echo "Stopping the Playground, the bot and Azurite"
  kill "${pids[@]}" 2>/dev/null || true
  for ((attempt = 0; attempt < 50; attempt++)); do
    local alive=0 pid
    for pid in "${pids[@]}"; do
      if kill -0 "$pid" 2>/dev/null; then
        alive=1
      fi
    done
    if [ "$alive" -eq 0 ]; then
      return
    fi
    sleep 0.2
  done
  echo "Killing what did not stop within 10 s" >&2
  kill -9 "${pids[@]}" 2>/dev/null || true
}

require node "install Node.js 20 or later"
require npm "install npm (it comes with Node.js)"
require dotnet "install the .NET 10 SDK"
require curl "install curl"

for port in 10000 10001 10002 "$bot_port" "$playground_port"; do
  if port_is_open "$port"; then
    echo "Port $port on 127.0.0.1 is already in use; stop what listens there (an earlier run-local.sh or Azurite?) and try again." >&2
    exit 1
  fi
done

if [ ! -d tools/node_modules ]; then
  echo "Installing the npm tools (Azurite, Agents Playground) into tools/node_modules"
  npm ci --prefix tools --no-audit --no-fund
fi

echo "Building the bot ($configuration)"
dotnet build src/SopBot.Bot -c "$configuration" -nologo -clp:ErrorsOnly

mkdir -p "$root/.azurite" "$logs"
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM

echo "Starting Azurite (data in .azurite/, log in artifacts/local/azurite.log)"
# --skipApiVersionCheck: the Azure Storage SDKs send a newer API version than Azurite 3.37 accepts.
# --disableTelemetry: otherwise Azurite sends usage data to Microsoft.
node tools/node_modules/azurite/dist/src/azurite.js \
  --silent --skipApiVersionCheck --disableTelemetry --location "$root/.azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  >"$logs/azurite.log" 2>&1 &
pids+=($!)
wait_for Azurite "${pids[-1]}" 30 port_is_open 10002

echo "Starting the bot on http://127.0.0.1:$bot_port (log also in artifacts/local/bot.log)"
ASPNETCORE_URLS="http://127.0.0.1:$bot_port" \
ASPNETCORE_ENVIRONMENT=Development \
Bot__AllowInsecureAnonymousLocalMode=true \
Storage__ConnectionString="UseDevelopmentStorage=true" \
Storage__TablePrefix=local \
Roster__CsvPath="$root/tools/playground/roster.sample.csv" \
  dotnet "$bot_dll" > >(tee "$logs/bot.log") 2>&1 &
pids+=($!)
wait_for "The bot" "${pids[-1]}" 60 curl -fsS "http://127.0.0.1:$bot_port/healthz/ready"

echo "Starting the Agents Playground (log in artifacts/local/playground.log)"
(
  cd "$logs"
  M365_AGENTS_PLAYGROUND_LOGFILE="$logs/playground.log" exec node "$root/tools/playground/start-playground.cjs" \
    --app-endpoint "http://127.0.0.1:$bot_port/api/messages" --channel-id msteams \
    --port "$playground_port" --service-url "http://127.0.0.1:$playground_port/_connector" \
    >"$logs/playground.out" 2>&1
) &
pids+=($!)
wait_for "The Playground" "${pids[-1]}" 30 curl -fsS "http://127.0.0.1:$playground_port/_debug/ping"

cat <<MESSAGE

Open http://127.0.0.1:$playground_port in a browser and chat with SopBot as Ana Souza (UNCT member, Brazil).
Users, team and channels: tools/playground/m365agentsplayground.yml; roles: tools/playground/roster.sample.csv.
The page loads its fonts from res-1.cdn.office.net. Press Ctrl+C to stop.

MESSAGE

set +e
wait -n "${pids[@]}"
status=$?
echo "A service stopped with exit status $status; see $logs" >&2
exit "$status"
