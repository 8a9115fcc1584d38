/**
 * Every user-facing notification goes through this file, so errors always offer the same way out:
 * the setting that fixes them, the log, or a copy of the message for a bug report. Other modules call
 * these functions and never `vscode.window.show…Message` themselves.
 */
import vscode = require("vscode");
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

// Notifications are fire-and-forget (`void`): no caller waits for the user to close one.
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

export interface EmbeddedConsentFacts {
  /** The server that did not answer, or null when the user asked to set the engine up. */
  unreachableUrl: string | null;
  sourceUrl: string;
  approximateBytes: number;
  destination: string;
}

/**
 * The only way the default model is ever downloaded: a modal naming the size, the source and where
 * it goes. "choose-file" lets the user point at a .gguf they already have instead.
 */
export async function askEmbeddedModelConsent(
  facts: EmbeddedConsentFacts,
): Promise<"download" | "choose-file" | null> {
  const DOWNLOAD = "Download and Use";
  const CHOOSE = "Use a .gguf File…";
  const size = `${(facts.approximateBytes / 1e9).toFixed(1)} GB`;
  const why = facts.unreachableUrl ? `No policy server answers at ${facts.unreachableUrl}. ` : "";
  const choice = await vscode.window.showWarningMessage(
    `${why}Solve offline with the embedded engine?`,
    {
      modal: true,
      detail:
        `AceMath would download AceMath-1.5B-Instruct (Q4_K_M, about ${size}) once from\n${facts.sourceUrl}\n` +
        `into ${facts.destination}, check its SHA-256, and run it on this computer's CPU.`,
    },
    DOWNLOAD,
    CHOOSE,
  );
  if (choice === DOWNLOAD) return "download";
  if (choice === CHOOSE) return "choose-file";
  return null;
}
