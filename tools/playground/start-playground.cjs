// Starts the Microsoft 365 Agents Playground 0.2.28 from tools/node_modules for SopBot, and
// passes the command-line options through unchanged (-e, -c, -p, --service-url ...).
//
// Version 0.2.28 reaches other hosts even with --dt, and listens on every interface. So this
// launcher keeps it on this machine:
// - It adds --dt when missing, which stops the Playground's own telemetry events.
// - It switches off the Application Insights SDK, which the Playground starts whatever --dt
//   says. With --dt alone, the Playground probed 169.254.169.254 (Azure instance metadata) and
//   looked up westus-0.in.applicationinsights.azure.com (statsbeat) within seconds of starting.
//   Its heartbeat, on by default, sends a metric every 15 minutes (read in the bundled SDK
//   code, not observed).
// - It makes every server the Playground opens listen on 127.0.0.1 only (bind-loopback.cjs).
// - It sets TEAMSAPPTESTER_BROWSER=none, so that the Playground opens no browser. Opening one
//   crashes it on machines without xdg-open.
// - It removes the AUTH_* variables, so that the Playground neither fetches tokens from
//   login.microsoftonline.com nor expects signed requests from the bot.
// The web page still loads fonts from res-1.cdn.office.net. The end-to-end tests block those
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
