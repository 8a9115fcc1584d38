/**
 * What the user reads when a panel action could not be done (pure wording, no `vscode`, unit-tested):
 * a failed Insert, Copy or Retry says so and what to do, instead of doing nothing.
 */

/** Why an Insert did not happen. */
export type InsertFailure =
  /** The panel has no problem location (restored after a reload, or nothing solved yet). */
  | { kind: "no-target" }
  /** An unsaved document or a notebook that was closed: there is nothing left to write into. */
  | { kind: "closed"; where: string }
  /** The document could not be opened (deleted, moved, or its file system is gone). */
  | { kind: "unopenable"; where: string; detail: string }
  /** The document's file system or the editor refuses writes. */
  | { kind: "read-only"; where: string }
  /** VS Code did not apply the edit (the document changed, or an extension vetoed it). */
  | { kind: "refused"; where: string };

export function insertFailureMessage(action: "answer" | "solution", failure: InsertFailure): string {
  const head = `Could not insert the ${action}`;
  switch (failure.kind) {
    case "no-target":
      return `${head}: this panel no longer knows which document the problem came from (the window was reloaded). Run AceMath: Solve on the problem again.`;
    case "closed":
      return `${head}: ${failure.where} was closed, so there is nothing to write into. Reopen it, or copy the answer instead.`;
    case "unopenable":
      return `${head}: ${failure.where} could not be opened (${failure.detail}). Was it deleted or moved?`;
    case "read-only":
      return `${head}: ${failure.where} is read-only.`;
    case "refused":
      return `${head}: VS Code did not apply the edit to ${failure.where} (is it read-only, or was it changed meanwhile?). Nothing was written.`;
  }
}

/** A button of a candidate that is not in the controller's solve any more (a newer solve replaced it). */
export function missingCandidateMessage(
  action: "insertAnswer" | "insertSolution" | "copyLatex",
  index: number,
): string {
  const what = {
    insertAnswer: "insert the answer",
    insertSolution: "insert the solution",
    copyLatex: "copy the answer",
  }[action];
  return `Could not ${what}: candidate ${index + 1} is not in the current solve any more. Solve again to get it back.`;
}

export function copyFailureMessage(detail: string): string {
  return `Could not copy the answer's LaTeX to the clipboard: ${detail}.`;
}

/** Retry from the error card: there must be a solve to repeat, and none running. */
export function retryRefusal(state: { hasLastSolve: boolean; solving: boolean }): string | null {
  if (state.solving) return "A solve is still running: cancel it (or wait for it to end) before retrying.";
  if (!state.hasLastSolve)
    return "Nothing to retry: this panel was restored after a reload and no solve has run since. Run AceMath: Solve on the problem again.";
  return null;
}

export function neutralisedMessage(commands: readonly string[]): string | null {
  if (commands.length === 0) return null;
  return `The model's text contained TeX commands that could run code or read files (${commands.join(", ")}); they were written so that they print instead of running.`;
}

/** A short, one-line label for a document in messages: the file name, or the cell's notebook. */
export function describeLocation(uri: { scheme: string; path: string }): string {
  const name = uri.path.split("/").filter(Boolean).at(-1) ?? uri.path;
  if (uri.scheme === "vscode-notebook-cell") return `the notebook cell in ${name}`;
  if (uri.scheme === "untitled") return `the unsaved document ${name}`;
  return name;
}
