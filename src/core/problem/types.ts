/** The document the user ran "AceMath: Solve" in, as plain data (no editor types). */
export interface ProblemSource {
  text: string;
  /** VS Code language id: "latex" | "markdown" | "plaintext" | anything else (treated as plain text). */
  languageId: string;
}

/** Character offsets (UTF-16, as `TextDocument.offsetAt` counts them). Equal offsets mean a bare cursor. */
export interface CursorRange {
  selectionStart: number;
  selectionEnd: number;
}

export type ProblemKind =
  "selection" | "math-environment" | "problem-environment" | "item" | "paragraph" | "cell";

export interface ExtractedProblem {
  /** The cleaned text to send to the model. */
  problem: string;
  /** Offsets of the source span in the document (end exclusive); an answer is inserted after `end`. */
  start: number;
  end: number;
  kind: ProblemKind;
}

export type { Span } from "../util/span";

/**
 * What "AceMath: Solve" finds at the cursor. "between": the cursor is on a line that is never part of
 * a problem (a heading, a preamble or sectioning command, blank space between two problems), so the
 * caller asks which of the nearest problems is meant instead of guessing.
 */
export type ProblemLocation =
  | { kind: "problem"; problem: ExtractedProblem }
  | { kind: "between"; before: ExtractedProblem | null; after: ExtractedProblem | null }
  | { kind: "none" };
