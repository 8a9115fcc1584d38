// What a failed panel action (Insert, Copy, Retry) tells the user: the wording is pure and tested here;
// the controller shows it through the notifications module.
import assert from "node:assert/strict";
import {
  copyFailureMessage,
  describeLocation,
  insertFailureMessage,
  missingCandidateMessage,
  neutralisedMessage,
  retryRefusal,
} from "../../../src/extension/solve/actionMessages";

describe("failed panel actions say so", () => {
  it("an Insert that could not be applied names the document and the reason", () => {
    const where = describeLocation({ scheme: "file", path: "/home/u/work/problem.tex" });
    assert.equal(where, "problem.tex");
    assert.equal(
      insertFailureMessage("answer", { kind: "refused", where }),
      "Could not insert the answer: VS Code did not apply the edit to problem.tex (is it read-only, or was it changed meanwhile?). Nothing was written.",
    );
    assert.match(
      insertFailureMessage("solution", { kind: "read-only", where }),
      /^Could not insert the solution: problem\.tex is read-only\.$/,
    );
    assert.match(
      insertFailureMessage("answer", { kind: "unopenable", where, detail: "cannot open file:///x (ENOENT)" }),
      /problem\.tex could not be opened \(cannot open file:\/\/\/x \(ENOENT\)\)\. Was it deleted or moved\?/,
    );
    assert.match(
      insertFailureMessage("answer", { kind: "no-target" }),
      /Run AceMath: Solve on the problem again/,
    );
  });

  it("a closed unsaved document or notebook cell is named as such", () => {
    const cell = describeLocation({ scheme: "vscode-notebook-cell", path: "/w/problem.ipynb" });
    assert.equal(cell, "the notebook cell in problem.ipynb");
    assert.match(
      insertFailureMessage("answer", { kind: "closed", where: cell }),
      /the notebook cell in problem\.ipynb was closed/,
    );
    assert.equal(
      describeLocation({ scheme: "untitled", path: "Untitled-1" }),
      "the unsaved document Untitled-1",
    );
  });

  it("a button of a candidate that is gone says which action and which candidate", () => {
    assert.match(
      missingCandidateMessage("copyLatex", 2),
      /^Could not copy the answer: candidate 3 is not in the current solve/,
    );
    assert.match(missingCandidateMessage("insertSolution", 0), /^Could not insert the solution: candidate 1/);
  });

  it("a Copy that failed gives the clipboard's reason", () => {
    assert.equal(
      copyFailureMessage("clipboard unavailable"),
      "Could not copy the answer's LaTeX to the clipboard: clipboard unavailable.",
    );
  });

  it("Retry with nothing to retry, or while solving, is refused with a reason; otherwise allowed", () => {
    assert.match(retryRefusal({ hasLastSolve: false, solving: false })!, /^Nothing to retry/);
    assert.match(retryRefusal({ hasLastSolve: true, solving: true })!, /still running/);
    assert.equal(retryRefusal({ hasLastSolve: true, solving: false }), null);
  });

  it("neutralised TeX commands are listed; none: no message", () => {
    assert.equal(neutralisedMessage([]), null);
    assert.match(neutralisedMessage(["\\write18", "\\input"])!, /\(\\write18, \\input\)/);
  });
});
