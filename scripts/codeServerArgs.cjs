// The code-server command line shared by `npm start` and the end-to-end tests, so both run the
// product the same way: no auth on loopback, own user-data and extensions folders, no telemetry.
"use strict";

/**
 * @param {{ configFile: string, port: number, userDataDir: string, extensionsDir: string, trusted: boolean, folder: string }} o
 * @returns {string[]}
 */
function codeServerArgs(o) {
  return [
    // An empty config file keeps code-server from writing ~/.config/code-server/config.yaml.
    "--config",
    o.configFile,
    "--auth",
    "none",
    "--bind-addr",
    `127.0.0.1:${o.port}`,
    "--user-data-dir",
    o.userDataDir,
    "--extensions-dir",
    o.extensionsDir,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-getting-started-override",
    // Trusted: the full feature set without a prompt. Untrusted: the folder opens in Restricted Mode.
    ...(o.trusted ? ["--disable-workspace-trust"] : []),
    o.folder,
  ];
}

module.exports = { codeServerArgs };
