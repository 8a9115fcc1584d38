/**
 * Every user-facing notification goes through this file, so errors always offer the same way out:
 * the setting that fixes them, the log, or a copy of the message for a bug report. Other modules call
 * these functions and never `vscode.window.show…Message` themselves.
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

/** A panel action (Insert, Copy, Retry) that could not be done: an error the user sees, with the log. */
export function showActionFailed(message: string): void {
  log().error(message);
  void vscode.window.showErrorMessage(`AceMath: ${message}`, "Show Log").then((choice) => {
    if (choice === "Show Log") log().show(true);
  });
}

/** A short confirmation that needs no answer (e.g. "copied"): the status bar, not a toast. */
export function showBrief(message: string): void {
  vscode.window.setStatusBarMessage(`AceMath: ${message}`, 2000);
}

/** A link from model output that was not opened: the user only learns why (a notification, not a dialog). */
export function showRefusedLink(reason: string, shownUrl: string): void {
  log().warn(`Refused to open a link from model output (${reason}): ${shownUrl}`);
  void vscode.window.showWarningMessage(
    `AceMath did not open a link from the model's output: ${reason}. (${shownUrl})`,
  );
}

/** Asks before opening a public web link from model output, showing its full URL; true for "Open". */
export async function confirmOpenLink(url: string): Promise<boolean> {
  const OPEN = "Open";
  const choice = await vscode.window.showWarningMessage(
    "Open this link from the model's output in your browser?",
    { modal: true, detail: `${url}\n\nModel output is untrusted: check the address before opening it.` },
    OPEN,
  );
  return choice === OPEN;
}

export async function openSetting(setting: string): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.openSettings", setting);
}
