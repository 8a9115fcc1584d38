/** The one log channel. Never log API keys or full request headers. */
import vscode = require("vscode");

let channel: vscode.LogOutputChannel | null = null;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel("AceMath Studio", { log: true });
  return channel;
}
