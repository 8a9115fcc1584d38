/** The status bar item: which backend AceMath talks to, and plainly when it is the simulator. */
import * as vscode from "vscode";
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
    this.item.tooltip = "AceMath Studio: click to solve the problem at the cursor";
    this.item.command = "acemath.solve";
    this.item.show();
  }

  showBackend(policy: BackendInfo, reward: BackendInfo | null): void {
    const simulated = policy.simulated || (reward?.simulated ?? false);
    this.item.text = simulated ? "$(beaker) AceMath (simulated backend)" : "$(symbol-operator) AceMath";
    const rewardLine = reward ? `Reward: ${reward.model} at ${reward.url}` : "Reward: none (majority vote)";
    this.item.tooltip = `Policy: ${policy.model} at ${policy.url}\n${rewardLine}${simulated ? "\nSimulated backend for tests and demos: not a real model." : ""}`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
