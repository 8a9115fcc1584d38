/** Plain data shared by answer detection, the symbolic verifier, the hover and `acemath check`. */

/** The symbolic layer's result; "unchecked" always says why in `reason`. */
export type SymbolicVerdict = "verified" | "refuted" | "unchecked";

export interface SymbolicResult {
  verdict: SymbolicVerdict;
  /** One sentence for people: what was checked and how, or why nothing could be. */
  reason: string;
  /** Which strategy decided ("roots", "antiderivative", "derivative", "identity", "arithmetic"). */
  strategy?: string;
}

/** How the written answer was recognised. */
export type AnswerKind = "boxed" | "answer-line" | "display";

export interface WrittenAnswer {
  /** The answer's LaTeX as written (inside the box, after "Answer:"), without `$` delimiters. */
  latex: string;
  /** The span a hover reacts to: the whole `\boxed{…}` or the whole "Answer: …" line. */
  start: number;
  end: number;
  kind: AnswerKind;
  /** False for a box that an answer later in the same solution supersedes. */
  final: boolean;
}

export type ProblemBlockKind =
  "environment" | "item" | "question" | "numbered-paragraph" | "heading" | "macro" | "cell";

export interface ProblemBlock {
  /** Where the block starts; answers after it (up to the next block) answer it. */
  start: number;
  /** Where the statement ends: at the solution's start, or at the block's end. */
  statementEnd: number;
  /** Where the whole block (statement, parts and solution) ends. */
  end: number;
  /** The statement as written (markup not yet cleaned, macros not yet expanded). */
  statement: string;
  kind: ProblemBlockKind;
}

/** A stretch that holds a written solution (a `solution` environment, `\solution{…}`, `::: solution`). */
export interface SolutionRegion {
  start: number;
  end: number;
  /** Where the solution's own text begins (after `\begin{solution}` and its options). */
  bodyStart: number;
  bodyEnd: number;
}

/** One answer to check, with the problem it answers and the written work in between. */
export interface CheckTarget {
  answer: WrittenAnswer;
  /** Null when no problem precedes the answer (a lone `\boxed{}` in a note). */
  problem: ProblemBlock | null;
  /** The problem text, cleaned and with document macros expanded; empty when there is none. */
  problemText: string;
  /** The written solution between the problem and the answer, macros expanded. */
  solution: string;
  /** Where that solution starts in the source text (the step checks read the raw text from here). */
  solutionStart?: number;
  /** The answer with document macros expanded (what the verifier reads). */
  answerExpanded: string;
  /** When `answer.final` is false: the final answer of the same solution. */
  finalAnswer?: string;
  /** Things a reader should know (a macro that could not be expanded, a problem found in the cell above). */
  notes: string[];
}
