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

/** A half-open range of offsets `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}
