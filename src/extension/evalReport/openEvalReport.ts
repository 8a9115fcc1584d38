/**
 * AceMath: Open Eval Report: shows a report.html written by `acemath eval --out DIR` (picked as the
 * file or as its DIR) in a webview, with the extension's CSP. Read from disk; nothing is fetched.
 */
import vscode = require("vscode");
import { newCspNonce } from "../../core/util/cspNonce";
import { showWarning } from "../notifications";
import { NotAReportError, reportPage } from "./reportPage";

export const EVAL_REPORT_VIEW = "acemath.evalReport";
const REPORT_FILE = "report.html";

/** `target`: a Uri (from a test or an explorer context), else the user picks a file or folder. */
export async function openEvalReport(extensionUri: vscode.Uri, target?: unknown): Promise<void> {
  const picked = target instanceof vscode.Uri ? target : await pickReport();
  if (!picked) return;
  const file = await reportFile(picked);
  if (!file) {
    showWarning(`No ${REPORT_FILE} in ${picked.fsPath}: run acemath eval with --out there first.`);
    return;
  }
  const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const media = vscode.Uri.joinPath(extensionUri, "media");
  const panel = vscode.window.createWebviewPanel(
    EVAL_REPORT_VIEW,
    `Eval report: ${file.path.split("/").slice(-2).join("/")}`,
    vscode.ViewColumn.Active,
    { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] },
  );
  try {
    panel.webview.html = reportPage(html, {
      cspSource: panel.webview.cspSource,
      nonce: newCspNonce(),
      katexCssHref: panel.webview
        .asWebviewUri(vscode.Uri.joinPath(media, "katex", "katex.min.css"))
        .toString(),
    });
  } catch (error) {
    panel.dispose();
    if (error instanceof NotAReportError) return showWarning(`${file.fsPath}: ${error.message}`);
    throw error;
  }
}

async function pickReport(): Promise<vscode.Uri | undefined> {
  const uris = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: "Open Eval Report",
    title: "An eval report (report.html) or the --out folder of acemath eval",
    filters: { "Eval report": ["html"] },
  });
  return uris?.[0];
}

/** The report itself, or DIR/report.html for a folder; undefined when there is none. */
async function reportFile(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    const file = stat.type & vscode.FileType.Directory ? vscode.Uri.joinPath(uri, REPORT_FILE) : uri;
    await vscode.workspace.fs.stat(file);
    return file;
  } catch {
    return undefined;
  }
}
