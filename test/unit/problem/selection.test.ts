import assert from "node:assert/strict";
import { extractProblem } from "../../../src/core/problem";
import { check, runCases, type Case } from "./check";

const tex = String.raw;

const latex: Case[] = [
  {
    name: "a selection wins over the enclosing problem, trimmed",
    doc: tex`\begin{problem}
Intro. [[  What is $x$?
  ]]More.
\end{problem}`,
    expected: { kind: "selection", problem: "What is $x$?", span: "What is $x$?" },
  },
  {
    name: "a selection of a whole problem environment is unwrapped",
    doc: tex`[[\begin{problem}[Title]
Compute $1+1$. % easy
\end{problem}]]`,
    expected: { kind: "selection", problem: "Compute $1+1$." },
  },
  {
    name: "a selection across two problems keeps both wrappers",
    doc: tex`[[\begin{problem}A\end{problem}
\begin{problem}B\end{problem}]]`,
    expected: {
      kind: "selection",
      problem: tex`\begin{problem}A\end{problem}
\begin{problem}B\end{problem}`,
    },
  },
  {
    name: "comments and labels are removed from a selection",
    doc: tex`[[Solve $x^2=1$\label{a}. % two roots
% hidden line
Done.]]`,
    expected: { kind: "selection", problem: "Solve $x^2=1$.\nDone." },
  },
  {
    name: "a whitespace-only selection falls back to the cursor",
    doc: tex`\begin{problem}
Inside.[[   ]]
\end{problem}`,
    expected: { kind: "problem-environment", problem: "Inside." },
  },
  {
    name: "a selection of only a comment is nothing to send",
    doc: tex`Text.
[[% a note]]`,
    expected: null,
  },
];

const markdown: Case[] = [
  {
    name: "a Markdown selection keeps its list markers",
    doc: `[[- a
- b]]`,
    expected: { kind: "selection", problem: "- a\n- b" },
  },
  {
    name: "a Markdown selection loses HTML comments",
    doc: `[[Find $x$. <!-- note -->]]`,
    expected: { kind: "selection", problem: "Find $x$." },
  },
];

describe("extractProblem: selections in LaTeX", () => runCases("latex", latex));
describe("extractProblem: selections in Markdown", () => runCases("markdown", markdown));
describe("extractProblem: selection edge cases", () => {
  it("a reversed selection (anchor after active) is the same selection", () => {
    const text = "abc What def";
    const result = extractProblem({ text, languageId: "plaintext" }, { selectionStart: 8, selectionEnd: 4 });
    assert.deepEqual(result, { problem: "What", start: 4, end: 8, kind: "selection" });
  });
  it("offsets past the end are clamped", () => {
    const result = extractProblem(
      { text: "Only.", languageId: "plaintext" },
      { selectionStart: 99, selectionEnd: 99 },
    );
    assert.equal(result?.problem, "Only.");
  });
  it("a literal | needs the ‸ cursor marker", () => {
    check("latex", "Find $|x|$ if $x = -3$‸.", { kind: "paragraph", problem: "Find $|x|$ if $x = -3$." });
  });
});
