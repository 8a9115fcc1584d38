/**
 * The status bar item: backend health (policy, reward, simulated) at a glance; a click opens the
 * connection report ("AceMath: Test Connection").
 */
import { describeBackend } from "../core/solve/backendText";
import vscode = require("vscode");
import type { ConnectionReport } from "../backends/http/connectionCheck";
import type { BackendInfo } from "../core/solve/events";

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    "acemath.status",
    vscode.StatusBarAlignment.Right,
    100,
  );

  constructor() {
    this.item.name = "AceMath Studio";
    this.item.text = "$(symbol-operator) AceMath";
    this.item.tooltip = "AceMath Studio: click to test the connection to the policy and reward servers";
    this.item.command = "acemath.testConnection";
    this.item.show();
  }

  showBackend(policy: BackendInfo, reward: BackendInfo | null): void {
    const simulated = policy.simulated || (reward?.simulated ?? false);
    this.item.text = simulated
      ? "$(beaker) AceMath (simulated backend)"
      : policy.engine === "embedded"
        ? "$(chip) AceMath (embedded engine)"
        : "$(symbol-operator) AceMath";
    this.item.backgroundColor = undefined;
    const rewardLine = reward ? `Reward: ${reward.model} at ${reward.url}` : "Reward: none (majority vote)";
    this.item.tooltip = `Policy: ${describeBackend(policy)}\n${rewardLine}${simulated ? "\nSimulated backend for tests and demos: not a real model." : ""}\nClick for the connection report.`;
  }

  /** After a connection check: which server is down, in the item itself. */
  showHealth(report: ConnectionReport): void {
    const simulated = report.policy.simulated || (report.reward?.simulated ?? false);
    const policyDown = report.policy.error !== null;
    const rewardDown = report.reward !== null && report.reward.error !== null;
    const state = policyDown
      ? "policy down"
      : rewardDown
        ? "reward down"
        : simulated
          ? "simulated backend"
          : "";
    const icon = policyDown
      ? "$(error)"
      : rewardDown
        ? "$(warning)"
        : simulated
          ? "$(beaker)"
          : "$(symbol-operator)";
    this.item.text = `${icon} AceMath${state ? ` (${state})` : ""}`;
    this.item.backgroundColor = policyDown
      ? new vscode.ThemeColor("statusBarItem.errorBackground")
      : rewardDown
        ? new vscode.ThemeColor("statusBarItem.warningBackground")
        : undefined;
    const line = (name: string, r: ConnectionReport["policy"] | null) =>
      r === null
        ? `${name}: none (majority vote)`
        : `${name}: ${r.error ? "unreachable or failing" : `ok, ${r.model} (${r.latencyMs} ms)`} at ${r.url}`;
    this.item.tooltip = `${line("Policy", report.policy)}\n${line("Reward", report.reward)}\nClick for the connection report.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
