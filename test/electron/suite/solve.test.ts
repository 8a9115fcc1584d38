// Runs in the extension host of a downloaded VS Code (Electron): activates the extension from the
// repository and solves the fixture problem against the simulator that run.mjs started.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import type { SolveState } from "../../../src/core/solve/state";
import { canonicalAnswer } from "../../e2e/answers";

const EXTENSION_ID = "acemath.acemath-studio";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through \`npm run test:electron\``);
  return value;
}

describe("AceMath Studio in VS Code (Electron)", function () {
  it("activates and solves the fixture problem with the simulated backend", async function () {
    const problemFile = requiredEnv("ACEMATH_TEST_PROBLEM_FILE");
    const problem = requiredEnv("ACEMATH_TEST_PROBLEM");
    const expectedAnswer = requiredEnv("ACEMATH_TEST_EXPECTED_ANSWER");

    const extension = vscode.extensions.getExtension<{ latestSolve(): SolveState }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded from the repository`);

    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(problemFile));
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split("\n").indexOf(problem);
    assert.ok(line >= 0, "the problem text is in the fixture file");
    editor.selection = new vscode.Selection(line, 0, line, problem.length);

    // The command resolves once the solve has finished (or failed).
    await vscode.commands.executeCommand("acemath.solve");
    assert.ok(extension.isActive, "running the command activated the extension");
    const state = extension.exports.latestSolve();
    assert.equal(state.status, "complete", `solve ended ${state.status}: ${state.error?.message ?? ""}`);
    assert.equal(state.candidates.length, 8, "acemath.samples = 8 candidates");
    const top = state.candidates.find((c) => c.index === state.order[0]);
    assert.equal(
      canonicalAnswer(top?.answer ?? ""),
      canonicalAnswer(expectedAnswer),
      "the best-rewarded answer ranks first",
    );
  });
});
