// Expands an Adaptive Card template with the reference JavaScript engine,
// adaptivecards-templating (the version pinned in tools/package.json), and
// prints the expanded card as JSON on one line.
//
// Usage: node tools/scripts/expand-template.mjs TEMPLATE.json DATA.json
//
// The data file becomes $root. Exit codes: 0 on success, 1 when the engine
// rejects the template or fails to expand it (the error goes to stderr),
// 2 on wrong usage or an unreadable file.
//
// The string() function formats numbers with the default locale of the Node.js
// process, so set LC_ALL=en_US.UTF-8 to get the output that SopBot.Cards produces.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`Cannot read JSON from ${path}: ${error.message}`);
    process.exit(2);
  }
}

const [templatePath, dataPath] = process.argv.slice(2);
if (!templatePath || !dataPath || process.argv.length > 4) {
  console.error('Usage: node tools/scripts/expand-template.mjs TEMPLATE.json DATA.json');
  process.exit(2);
}

let templating;
try {
  templating = require('adaptivecards-templating');
} catch (error) {
  console.error(`Cannot load adaptivecards-templating (${error.message}). Run \`npm ci --prefix tools\` from the repository root.`);
  process.exit(2);
}

const template = readJson(templatePath);
const data = readJson(dataPath);

try {
  const card = new templating.Template(template).expand({ $root: data });
  process.stdout.write(JSON.stringify(card) + '\n');
} catch (error) {
  console.error(`The reference engine failed: ${error.message}`);
  process.exit(1);
}
