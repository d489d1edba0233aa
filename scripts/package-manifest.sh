#!/usr/bin/env bash
# Builds the Teams app package for SopBot. The zip contains manifest/manifest.json
# with the real ids filled in and every file that the manifest references (icons
# and localization files). Teams expects all of them at the root of the archive.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest_dir="$repo_root/manifest"
guid_pattern='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
nil_guid='00000000-0000-0000-0000-000000000000'

usage() {
  cat <<'EOF'
Usage: scripts/package-manifest.sh [-o OUTPUT_ZIP] [-a TEAMS_APP_ID] [BOT_ID]

Writes the Teams app package (manifest.json, icons and localization files).

  BOT_ID           Microsoft App ID of the bot's Azure registration, a GUID.
                   Defaults to the BOT_ID environment variable.
  -a TEAMS_APP_ID  Teams app id written to the manifest's "id", a GUID. Defaults
                   to the TEAMS_APP_ID environment variable, else to BOT_ID.
                   Keep it the same across releases: Teams treats a package
                   with a new id as a different app.
  -o OUTPUT_ZIP    Path of the zip to write; an existing file is replaced.
                   Default: artifacts/sopbot-teams-app.zip in the repository.
  -h               Show this help.
EOF
}

fail() {
  echo "package-manifest: $1" >&2
  exit "${2:-1}"
}

# Exits with status 2 unless $2 is a GUID other than the nil GUID that the
# committed manifest uses as a placeholder. $1 names the value in the message.
require_guid() {
  local name="$1" value="$2"
  if [[ ! "$value" =~ $guid_pattern ]]; then
    fail "invalid $name '$value': expected a GUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427" 2
  fi
  if [[ "$value" == "$nil_guid" ]]; then
    fail "invalid $name '$value': the nil GUID is only the placeholder in manifest/manifest.json; pass the real id" 2
  fi
}

output_zip="$repo_root/artifacts/sopbot-teams-app.zip"
app_id="${TEAMS_APP_ID:-}"
while getopts ':o:a:h' option; do
  case "$option" in
    o) output_zip="$OPTARG" ;;
    a) app_id="$OPTARG" ;;
    h)
      usage
      exit 0
      ;;
    :) fail "option -$OPTARG requires a value (see -h)" 2 ;;
    *) fail "unknown option -$OPTARG (see -h)" 2 ;;
  esac
done
shift $((OPTIND - 1))

if (($# > 1)); then
  fail "expected at most one argument, the bot id, but got $#: $* (see -h)" 2
fi
bot_id="${1:-${BOT_ID:-}}"
if [[ -z "$bot_id" ]]; then
  fail "missing bot id: pass the bot's Microsoft App ID as the argument or set BOT_ID (see -h)" 2
fi
require_guid "bot id" "$bot_id"
app_id="${app_id:-$bot_id}"
require_guid "Teams app id" "$app_id"

for tool in node zip; do
  if ! command -v "$tool" >/dev/null; then
    fail "'$tool' not found on PATH; install it (Debian: apt-get install -y nodejs zip) and run again"
  fi
done

staging_dir="$(mktemp -d)"
partial_zip=""
cleanup() {
  rm -rf "$staging_dir"
  if [[ -n "$partial_zip" ]]; then
    rm -f "$partial_zip"
  fi
}
trap cleanup EXIT

# Writes the manifest with the ids filled in and prints the relative paths of the
# files that it references, one per line. Teams resolves them from the zip root, so
# a path with a folder in it is rejected here.
referenced_files="$(
  MANIFEST_IN="$manifest_dir/manifest.json" MANIFEST_OUT="$staging_dir/manifest.json" \
    APP_ID="$app_id" BOT_ID="$bot_id" node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(process.env.MANIFEST_IN, "utf8"));
manifest.id = process.env.APP_ID;
for (const bot of manifest.bots ?? []) {
  bot.botId = process.env.BOT_ID;
}
writeFileSync(process.env.MANIFEST_OUT, JSON.stringify(manifest, null, 2) + "\n");

const files = [
  manifest.icons?.color,
  manifest.icons?.outline,
  manifest.icons?.color32x32,
  manifest.localizationInfo?.defaultLanguageFile,
  ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
].filter((file) => file !== undefined);

for (const file of new Set(files)) {
  if (file.includes("/") || file.includes("\\") || file === "manifest.json") {
    console.error(`package-manifest: invalid file reference "${file}" in manifest.json: expected a file name at the package root`);
    process.exit(1);
  }
  console.log(file);
}
'
)"

package_files=(manifest.json)
while IFS= read -r file; do
  [[ -n "$file" ]] || continue
  if [[ ! -f "$manifest_dir/$file" ]]; then
    fail "file '$file' referenced by manifest.json not found in $manifest_dir"
  fi
  cp "$manifest_dir/$file" "$staging_dir/$file"
  package_files+=("$file")
done <<<"$referenced_files"

mkdir -p "$(dirname "$output_zip")"
output_zip="$(cd "$(dirname "$output_zip")" && pwd)/$(basename "$output_zip")"

# zip adds to an existing archive instead of replacing it, so build a fresh one
# beside the target and move it into place. -X leaves out file owner and time
# extras, and -D leaves out directory entries.
partial_zip="$output_zip.partial.$$"
(cd "$staging_dir" && zip -q -X -D "$partial_zip" "${package_files[@]}")
mv -f "$partial_zip" "$output_zip"
partial_zip=""

echo "Wrote $output_zip (bot id $bot_id, Teams app id $app_id): ${package_files[*]}"
