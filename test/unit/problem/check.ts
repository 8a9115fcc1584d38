/**
 * The data-driven helper for problem extraction tests. The input marks the cursor with `|` (or `‸`
 * when the text needs a literal `|`) or a selection with `[[…]]`; the expectation names the kind,
 * the cleaned problem and, optionally, the exact document text of the returned span.
 */
import assert from "node:assert/strict";
import { locateProblem, type ProblemKind } from "../../../src/core/problem";

export interface Expected {
  kind: ProblemKind;
  problem: string;
  /** `text.slice(start, end)` of the result, when the case is about where the answer goes. */
  span?: string;
}

/** The cursor is between problems: the cleaned texts of the nearest problems (null: none on that side). */
export interface Between {
  between: { before: string | null; after: string | null };
}

export interface Case {
  name: string;
  doc: string;
  expected: Expected | Between | null;
}

export function parseMarked(marked: string): { text: string; selectionStart: number; selectionEnd: number } {
  const open = marked.indexOf("[[");
  if (open >= 0) {
    const close = marked.indexOf("]]", open);
    assert.ok(close > open, "a selection needs both [[ and ]]");
    const text = marked.slice(0, open) + marked.slice(open + 2, close) + marked.slice(close + 2);
    return { text, selectionStart: open, selectionEnd: close - 2 };
  }
  const marker = marked.includes("‸") ? "‸" : "|";
  const at = marked.indexOf(marker);
  assert.ok(at >= 0 && marked.indexOf(marker, at + 1) < 0, `mark the cursor with exactly one ${marker}`);
  return { text: marked.slice(0, at) + marked.slice(at + 1), selectionStart: at, selectionEnd: at };
}

export function check(languageId: string, marked: string, expected: Expected | Between | null): void {
  const { text, ...range } = parseMarked(marked);
  const location = locateProblem({ text, languageId }, range);
  if (expected === null) {
    assert.equal(location.kind, "none");
    return;
  }
  if ("between" in expected) {
    assert.equal(
      location.kind,
      "between",
      `expected the cursor between problems, got ${JSON.stringify(location)}`,
    );
    assert.deepEqual(
      { before: location.before?.problem ?? null, after: location.after?.problem ?? null },
      expected.between,
    );
    return;
  }
  assert.equal(location.kind, "problem", `expected a problem, got ${JSON.stringify(location)}`);
  const actual = location.problem;
  assert.equal(actual.problem, expected.problem);
  assert.equal(actual.kind, expected.kind);
  assert.ok(
    0 <= actual.start && actual.start < actual.end && actual.end <= text.length,
    "span inside the text",
  );
  if (expected.span !== undefined) assert.equal(text.slice(actual.start, actual.end), expected.span);
}

/** One mocha `it` per case, so a failure names the case. */
export function runCases(languageId: string, cases: readonly Case[]): void {
  for (const c of cases) it(c.name, () => check(languageId, c.doc, c.expected));
}
