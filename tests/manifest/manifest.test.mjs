// Tests of the Teams app package: manifest/ and scripts/package-manifest.sh.
// Run with `node --test tests/manifest/` after `npm ci --prefix tools`.
// The schemas come from @microsoft/app-manifest in tools/node_modules, so no test
// touches the network.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { decodeRgba, readHeader, PNG_COLOR_TYPE_RGBA } from "./png.mjs";
import { readZipEntries } from "./zip.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const manifestDir = path.join(repoRoot, "manifest");
const packageScript = path.join(repoRoot, "scripts", "package-manifest.sh");
const iconScript = path.join(manifestDir, "generate-icons.mjs");

// Resolves packages from tools/node_modules, where `npm ci --prefix tools` installs them.
const requireFromTools = createRequire(path.join(repoRoot, "tools", "package.json"));
// NOTE: ajv-draft-04 is installed only as a dependency of @microsoft/app-manifest 1.1.2,
// not listed in tools/package.json itself. The Teams schemas are JSON Schema draft-04,
// which Ajv 8 supports only through this package.
const AjvDraft04 = requireFromTools("ajv-draft-04");
const addFormats = requireFromTools("ajv-formats");

const SCHEMA_VERSION = "1.29";
const schemaDir = path.join(
  path.dirname(requireFromTools.resolve("@microsoft/app-manifest/package.json")),
  "build",
  "json-schemas",
  "teams",
  `v${SCHEMA_VERSION}`,
);

const NIL_GUID = "00000000-0000-0000-0000-000000000000";
const TEST_BOT_ID = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const TEST_APP_ID = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
const COMMAND_TITLES = ["check in", "help", "status"];
const SPANISH_COMMAND_TITLES = ["evaluar", "ayuda", "estado"];
const PACKAGE_FILES = ["color.png", "es.json", "manifest.json", "outline.png"];

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

function compileSchema(schemaFile, options = {}) {
  // The Teams schemas leave out "type" next to some keywords, which Ajv's strictTypes
  // mode would log as warnings on every compile.
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, ...options });
  addFormats(ajv);
  return ajv.compile(readJson(schemaFile));
}

const validateManifest = compileSchema(path.join(schemaDir, "MicrosoftTeams.schema.json"));
// Ajv compiles patterns with the "u" flag by default, and under that flag patterns of the
// Localization schema such as `\b]\.description$` are invalid regular expressions. This was
// seen in the v1.28 to v1.30 schemas of @microsoft/app-manifest 1.1.2, so the flag is off here.
const validateLocalization = compileSchema(path.join(schemaDir, "MicrosoftTeams.Localization.schema.json"), {
  unicodeRegExp: false,
});

/** Returns the schema errors of `document` as readable lines, or [] when it is valid. */
function schemaErrors(validate, document) {
  if (validate(document)) {
    return [];
  }
  return validate.errors.map((error) => `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
}

/** Returns the value at a localization key such as "bots[0].commandLists[1].commands[2].title". */
function valueAtLocalizationKey(document, key) {
  let value = document;
  for (const token of key.match(/[^.[\]]+/g)) {
    value = value?.[/^\d+$/.test(token) ? Number(token) : token];
  }
  return value;
}

/** Runs the packaging script with BOT_ID and TEAMS_APP_ID unset unless `env` sets them. */
function runPackageScript(args, env = {}) {
  const baseEnv = { ...process.env };
  delete baseEnv.BOT_ID;
  delete baseEnv.TEAMS_APP_ID;
  return spawnSync("bash", [packageScript, ...args], { encoding: "utf8", env: { ...baseEnv, ...env } });
}

function assertScriptSucceeded(result) {
  assert.equal(result.status, 0, `package-manifest.sh failed with stderr:\n${result.stderr}`);
}

const manifest = readJson(path.join(manifestDir, "manifest.json"));
const spanish = readJson(path.join(manifestDir, "es.json"));

describe("manifest.json", () => {
  test("is valid against the Teams schema", () => {
    assert.deepEqual(schemaErrors(validateManifest, manifest), []);
  });

  test("schema check rejects an invalid bot id", () => {
    const broken = structuredClone(manifest);
    broken.bots[0].botId = "not-a-guid";

    const errors = schemaErrors(validateManifest, broken);

    assert.ok(
      errors.some((error) => error.startsWith("/bots/0/botId ")),
      `expected an error on /bots/0/botId, got:\n${errors.join("\n")}`,
    );
  });

  test("declares the tested schema version", () => {
    assert.equal(manifest.manifestVersion, SCHEMA_VERSION);
    assert.match(manifest.$schema, new RegExp(`/teams/v${SCHEMA_VERSION}/MicrosoftTeams\\.schema\\.json$`));
  });

  test("uses the nil GUID placeholder for both ids", () => {
    assert.equal(manifest.id, NIL_GUID);
    assert.equal(manifest.bots.length, 1);
    assert.equal(manifest.bots[0].botId, NIL_GUID);
  });

  test("bot scopes are personal and team", () => {
    assert.deepEqual([...manifest.bots[0].scopes].sort(), ["personal", "team"]);
  });

  test("command lists cover every bot scope", () => {
    const listScopes = manifest.bots[0].commandLists.flatMap((list) => list.scopes);

    assert.deepEqual([...listScopes].sort(), [...manifest.bots[0].scopes].sort());
  });

  test("every command list has the three commands", () => {
    for (const [index, list] of manifest.bots[0].commandLists.entries()) {
      const titles = list.commands.map((command) => command.title);
      assert.deepEqual(titles, COMMAND_TITLES, `command titles of commandLists[${index}]`);

      for (const command of list.commands) {
        assert.ok(command.description?.trim(), `commandLists[${index}] command "${command.title}" has no description`);
      }
    }
  });

  test("developer URLs are https placeholders", () => {
    for (const field of ["websiteUrl", "privacyUrl", "termsOfUseUrl"]) {
      assert.match(manifest.developer[field], /^https:\/\/example\.org\//, `developer.${field}`);
    }
  });

  test("references the two icons and es.json", () => {
    assert.equal(manifest.icons.color, "color.png");
    assert.equal(manifest.icons.outline, "outline.png");
    assert.equal(manifest.localizationInfo.defaultLanguageTag, "en");
    assert.deepEqual(manifest.localizationInfo.additionalLanguages, [{ languageTag: "es", file: "es.json" }]);
  });
});

describe("es.json", () => {
  test("is valid against the Localization schema", () => {
    assert.deepEqual(schemaErrors(validateLocalization, spanish), []);
  });

  test("declares the manifest's schema version", () => {
    assert.match(spanish.$schema, new RegExp(`/teams/v${SCHEMA_VERSION}/MicrosoftTeams\\.Localization\\.schema\\.json$`));
  });

  test("translates every user-facing string", () => {
    const expectedKeys = ["name.short", "name.full", "description.short", "description.full"];
    for (const [listIndex, list] of manifest.bots[0].commandLists.entries()) {
      for (const commandIndex of list.commands.keys()) {
        const prefix = `bots[0].commandLists[${listIndex}].commands[${commandIndex}]`;
        expectedKeys.push(`${prefix}.title`, `${prefix}.description`);
      }
    }
    const actualKeys = Object.keys(spanish).filter((key) => key !== "$schema");

    assert.deepEqual([...actualKeys].sort(), [...expectedKeys].sort());
  });

  test("every key names a string in the manifest", () => {
    for (const key of Object.keys(spanish).filter((name) => name !== "$schema")) {
      assert.equal(typeof valueAtLocalizationKey(manifest, key), "string", `manifest has no string at ${key}`);
      assert.ok(spanish[key].trim(), `es.json has an empty value for ${key}`);
    }
  });

  test("command titles are the Spanish commands", () => {
    for (const [listIndex, list] of manifest.bots[0].commandLists.entries()) {
      const titles = list.commands.map((_, commandIndex) => {
        return spanish[`bots[0].commandLists[${listIndex}].commands[${commandIndex}].title`];
      });
      assert.deepEqual(titles, SPANISH_COMMAND_TITLES, `Spanish titles of commandLists[${listIndex}]`);
    }
  });
});

describe("icons", () => {
  const colorIcon = readFileSync(path.join(manifestDir, "color.png"));
  const outlineIcon = readFileSync(path.join(manifestDir, "outline.png"));

  test("color.png is 192x192", () => {
    const header = readHeader(colorIcon);

    assert.equal(header.width, 192);
    assert.equal(header.height, 192);
  });

  test("outline.png is 32x32 with alpha", () => {
    const header = readHeader(outlineIcon);

    assert.equal(header.width, 32);
    assert.equal(header.height, 32);
    assert.equal(header.colorType, PNG_COLOR_TYPE_RGBA);
  });

  test("outline.png is white on transparent", () => {
    const { width, pixels } = decodeRgba(outlineIcon);
    let opaquePixels = 0;

    for (let offset = 0; offset < pixels.length; offset += 4) {
      const [red, green, blue, alpha] = pixels.subarray(offset, offset + 4);
      const position = `(${(offset / 4) % width}, ${Math.floor(offset / 4 / width)})`;
      if (alpha > 0) {
        assert.deepEqual([red, green, blue], [255, 255, 255], `pixel ${position} with alpha ${alpha} is not white`);
      }
      if (alpha === 255) {
        opaquePixels++;
      }
    }

    assert.ok(opaquePixels > 0, "outline.png has no opaque pixel");
    assert.equal(pixels[3], 0, "top-left corner pixel is not transparent");
  });

  test("color.png center is opaque", () => {
    const { width, pixels } = decodeRgba(colorIcon);
    const center = (96 * width + 96) * 4;

    assert.equal(pixels[center + 3], 255);
  });

  test("generator reproduces committed icons", (context) => {
    const outputDir = mkdtempSync(path.join(os.tmpdir(), "sopbot-icons-"));
    context.after(() => rmSync(outputDir, { recursive: true, force: true }));

    const result = spawnSync(process.execPath, [iconScript, outputDir], { encoding: "utf8" });
    assert.equal(result.status, 0, `generate-icons.mjs failed with stderr:\n${result.stderr}`);

    for (const file of ["color.png", "outline.png"]) {
      const committed = decodeRgba(readFileSync(path.join(manifestDir, file)));
      const regenerated = decodeRgba(readFileSync(path.join(outputDir, file)));
      assert.ok(committed.pixels.equals(regenerated.pixels), `${file} differs from the generator's output`);
    }
  });
});

describe("package-manifest.sh output", () => {
  let workDir;
  let entries;
  let packagedManifest;

  before(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), "sopbot-package-"));
    const zipPath = path.join(workDir, "app.zip");

    assertScriptSucceeded(runPackageScript(["-o", zipPath, TEST_BOT_ID]));

    entries = readZipEntries(readFileSync(zipPath));
    packagedManifest = JSON.parse(entries.find((entry) => entry.name === "manifest.json").data.toString("utf8"));
  });

  after(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  test("zip holds exactly the package files", () => {
    assert.deepEqual(entries.map((entry) => entry.name).sort(), PACKAGE_FILES);
  });

  test("packaged manifest is valid", () => {
    assert.deepEqual(schemaErrors(validateManifest, packagedManifest), []);
  });

  test("packaged manifest has the bot id", () => {
    assert.equal(packagedManifest.bots[0].botId, TEST_BOT_ID);
    assert.equal(packagedManifest.id, TEST_BOT_ID);
  });

  test("packaged manifest changes only ids", () => {
    const expected = structuredClone(manifest);
    expected.id = TEST_BOT_ID;
    expected.bots[0].botId = TEST_BOT_ID;

    assert.deepEqual(packagedManifest, expected);
  });

  test("other files are copied unchanged", () => {
    for (const entry of entries.filter((item) => item.name !== "manifest.json")) {
      const committed = readFileSync(path.join(manifestDir, entry.name));
      assert.ok(entry.data.equals(committed), `${entry.name} in the zip differs from manifest/${entry.name}`);
    }
  });

  test("BOT_ID and -a set the ids", (context) => {
    const zipPath = path.join(workDir, "from-env.zip");
    context.after(() => rmSync(zipPath, { force: true }));

    assertScriptSucceeded(runPackageScript(["-o", zipPath, "-a", TEST_APP_ID], { BOT_ID: TEST_BOT_ID }));

    const packaged = readZipEntries(readFileSync(zipPath)).find((entry) => entry.name === "manifest.json");
    const parsed = JSON.parse(packaged.data.toString("utf8"));
    assert.equal(parsed.id, TEST_APP_ID);
    assert.equal(parsed.bots[0].botId, TEST_BOT_ID);
  });

  test("replaces an existing zip", (context) => {
    const zipPath = path.join(workDir, "existing.zip");
    context.after(() => rmSync(zipPath, { force: true }));
    writeFileSync(zipPath, "not a zip archive");

    assertScriptSucceeded(runPackageScript(["-o", zipPath, TEST_BOT_ID]));

    const names = readZipEntries(readFileSync(zipPath)).map((entry) => entry.name);
    assert.deepEqual(names.sort(), PACKAGE_FILES);
  });
});

describe("package-manifest.sh id checks", () => {
  let workDir;

  before(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), "sopbot-package-ids-"));
  });

  after(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  const invalidIds = [
    "not-a-guid",
    NIL_GUID,
    "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4",
    "{6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f}",
    "6f1c2d3e4a5b4c6d8e7f9a0b1c2d3e4f",
    "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4g",
  ];
  for (const invalidId of invalidIds) {
    test(`rejects bot id ${invalidId}`, () => {
      const zipPath = path.join(workDir, "rejected.zip");

      const result = runPackageScript(["-o", zipPath, invalidId]);

      assert.equal(result.status, 2);
      assert.match(result.stderr, /invalid bot id/);
      assert.ok(result.stderr.includes(invalidId), `stderr does not name the value:\n${result.stderr}`);
      assert.equal(existsSync(zipPath), false, "a zip was written for a rejected id");
    });
  }

  test("rejects an invalid BOT_ID variable", () => {
    const result = runPackageScript(["-o", path.join(workDir, "rejected.zip")], { BOT_ID: "my-bot" });

    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid bot id 'my-bot'/);
  });

  test("rejects an invalid Teams app id", () => {
    const result = runPackageScript(["-o", path.join(workDir, "rejected.zip"), "-a", "my-app", TEST_BOT_ID]);

    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid Teams app id 'my-app'/);
  });

  test("rejects a missing bot id", () => {
    const result = runPackageScript(["-o", path.join(workDir, "rejected.zip")]);

    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing bot id/);
  });
});
