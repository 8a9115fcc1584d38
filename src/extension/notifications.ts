/**
 * Every notification goes through this file, so errors always offer the same way out: the
 * setting that fixes them, the log, or a copy of the message for a bug report.
 */
import * as vscode from "vscode";
import type { SolveErrorInfo } from "../core/solve/events";
import { log } from "./log";

export async function showSolveError(error: SolveErrorInfo): Promise<void> {
  log().error(error.message);
  const actions = [
    error.setting ? "Open Setting" : null,
    error.hint ? "Copy Start Command" : null,
    "Show Log",
  ].filter((a): a is string => a !== null);
  const choice = await vscode.window.showErrorMessage(`AceMath: ${error.message}`, ...actions);
  if (choice === "Open Setting" && error.setting) await openSetting(error.setting);
  if (choice === "Copy Start Command" && error.hint) await vscode.env.clipboard.writeText(error.hint);
  if (choice === "Show Log") log().show(true);
}

export async function showInternalError(context: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  log().error(`${context}: ${error instanceof Error ? (error.stack ?? message) : message}`);
  const choice = await vscode.window.showErrorMessage(
    `AceMath: ${context}: ${message}`,
    "Copy Error",
    "Show Log",
  );
  if (choice === "Copy Error") await vscode.env.clipboard.writeText(`${context}: ${message}`);
  if (choice === "Show Log") log().show(true);
}

export function showInfo(message: string): void {
  void vscode.window.showInformationMessage(`AceMath: ${message}`);
}

export function showWarning(message: string): void {
  log().warn(message);
  void vscode.window.showWarningMessage(`AceMath: ${message}`);
}

export async function openSetting(setting: string): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.openSettings", setting);
}
