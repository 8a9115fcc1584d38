/**
 * Opening a link from model output. Model text is untrusted, so a click never opens anything by
 * itself: local and non-web targets are refused with the reason (see core/util/linkPolicy.ts), and
 * a public web link opens only after the user saw its full URL and chose "Open".
 */
import vscode = require("vscode");
import { classifyLink } from "../../core/util/linkPolicy";
import { confirmOpenLink, showRefusedLink } from "../notifications";

export async function openCheckedLink(href: string): Promise<void> {
  const verdict = classifyLink(href);
  if (!verdict.allowed) {
    showRefusedLink(verdict.reason, href.length > 200 ? `${href.slice(0, 200)}…` : href);
    return;
  }
  if (!(await confirmOpenLink(verdict.url))) return;
  // VS Code's own trusted-domain prompt still applies on top of this one.
  await vscode.env.openExternal(vscode.Uri.parse(verdict.url, true));
}
