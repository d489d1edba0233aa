// Starts the Microsoft 365 Agents Playground 0.2.28 from tools/node_modules for SopBot. The
// command-line options pass through unchanged (-e, -c, -p, --service-url ...).
//
// Version 0.2.28 reaches other hosts even with --dt and listens on every interface, so this
// launcher keeps it on this machine:
// - it adds --dt when missing, which stops the Playground's own telemetry events;
// - it switches off the Application Insights SDK that the Playground starts regardless of --dt.
//   With --dt alone, the Playground probed 169.254.169.254 (Azure instance metadata) and looked
//   up westus-0.in.applicationinsights.azure.com (statsbeat) within seconds of starting, and the
//   SDK's heartbeat would send a metric every 15 minutes;
// - every server it opens listens on 127.0.0.1 only (bind-loopback.cjs);
// - TEAMSAPPTESTER_BROWSER=none stops it from opening a browser, which crashes it on machines
//   without xdg-open;
// - the AUTH_* variables are removed, so that it neither fetches tokens from
//   login.microsoftonline.com nor expects signed requests from the bot.
// Its web page still loads fonts from res-1.cdn.office.net; the end-to-end tests block those
// requests in the browser.
"use strict";

const path = require("node:path");

process.env.TEAMSAPPTESTER_BROWSER = "none";
process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = "true";
process.env.APPLICATIONINSIGHTS_CONFIGURATION_CONTENT = JSON.stringify({
  disableAppInsights: true,
  disableStatsbeat: true,
  enableAutoCollectHeartbeat: false,
});
for (const name of ["AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID", "M365_AGENTS_PLAYGROUND_TARGET_SDK"]) {
  delete process.env[name];
}

if (!process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH) {
  process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path.join(__dirname, "m365agentsplayground.yml");
}

if (!process.argv.includes("--dt") && !process.argv.includes("--disable-telemetry")) {
  process.argv.push("--dt");
}

require("./bind-loopback.cjs");
require(path.join(__dirname, "..", "node_modules", "@microsoft", "m365agentsplayground", "cli.js"));
