/**
 * The data-driven helper for problem extraction tests. The input marks the cursor with `|` (or `‸`
 * when the text needs a literal `|`) or a selection with `[[…]]`; the expectation names the kind,
 * the cleaned problem and, optionally, the exact document text of the returned span.
 */
import assert from "node:assert/strict";
import { extractProblem, type ProblemKind } from "../../../src/core/problem";

export interface Expected {
  kind: ProblemKind;
  problem: string;
  /** `text.slice(start, end)` of the result, when the case is about where the answer goes. */
  span?: string;
}

export interface Case {
  name: string;
  doc: string;
  expected: Expected | null;
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

export function check(languageId: string, marked: string, expected: Expected | null): void {
  const { text, ...range } = parseMarked(marked);
  const actual = extractProblem({ text, languageId }, range);
  if (expected === null) {
    assert.equal(actual, null);
    return;
  }
  assert.ok(actual, "expected a problem, got null");
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
