/**
 * Opening a link from model output. Model text is untrusted, so a click never opens anything by
 * itself: local and non-web targets are refused with the reason (see core/util/linkPolicy.ts), and
 * a public web link opens only after the user saw its full URL and chose "Open".
 */
import * as vscode from "vscode";
import { classifyLink } from "../../core/util/linkPolicy";
import { log } from "../log";

const OPEN = "Open";

export async function openCheckedLink(href: string): Promise<void> {
  const verdict = classifyLink(href);
  if (!verdict.allowed) {
    const shown = href.length > 200 ? `${href.slice(0, 200)}…` : href;
    log().warn(`Refused to open a link from model output (${verdict.reason}): ${shown}`);
    // A notification, not a dialog: nothing is asked, the user only learns why nothing opened.
    void vscode.window.showWarningMessage(
      `AceMath did not open a link from the model's output: ${verdict.reason}. (${shown})`,
    );
    return;
  }
  const choice = await vscode.window.showWarningMessage(
    "Open this link from the model's output in your browser?",
    {
      modal: true,
      detail: `${verdict.url}\n\nModel output is untrusted: check the address before opening it.`,
    },
    OPEN,
  );
  if (choice !== OPEN) return;
  // VS Code's own trusted-domain prompt still applies on top of this one.
  await vscode.env.openExternal(vscode.Uri.parse(verdict.url, true));
}
