/**
 * "AceMath: Test Connection": the same probes a solve uses, as a readable report per endpoint
 * (reachable, models, context length, n support, reward endpoint and score kind, latency), shown in
 * a read-only document and the log; the status bar shows the health.
 */
import vscode = require("vscode");
import type { ConnectionReport } from "../../backends/http/connectionCheck";
import type { EndpointBackends } from "../backends";
import { readSamplingSettings } from "../config";
import { lazy } from "../lazy";
import { log } from "../log";
import { showWarning } from "../notifications";
import type { StatusBar } from "../statusBar";

export async function testConnection(
  backends: EndpointBackends,
  statusBar: StatusBar,
): Promise<ConnectionReport> {
  const current = await backends.current();
  const report = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: "AceMath: testing the connection",
      cancellable: true,
    },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return lazy().checkConnection(
        {
          policy: current.policyReplicas,
          reward: current.rewardReplicas,
          policyModel: current.endpoints.policyModel,
          rewardModel: current.endpoints.rewardModel,
          samples: readSamplingSettings().n,
          policyKey: current.policyKey,
          rewardKey: current.rewardKey,
        },
        abort.signal,
      );
    },
  );
  statusBar.showHealth(report);
  const text = lazy().formatConnectionReport(report);
  log().info(`Connection report:\n${text}`);
  const document = await vscode.workspace.openTextDocument({ content: text, language: "plaintext" });
  await vscode.window.showTextDocument(document, { preview: true });
  if (!report.ok) showWarning("The connection test found a problem: see the report.");
  return report;
}
