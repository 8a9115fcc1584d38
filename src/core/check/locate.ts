/**
 * Puts detection together: every written answer of a document, which problem it answers, the
 * written solution between them, and whether it is the solution's final answer or an intermediate
 * one. Texts are cleaned and document macros expanded here, once, for every consumer.
 */
import type { Dialect } from "../problem/extract";
import { cleanLatex } from "../problem/latex";
import { cleanMarkdown } from "../problem/markdown";
import { findAnswerLines, findBoxes, lastDisplayOf } from "./answers";
import { mathSpans } from "./mathSpans";
import { collectMacros, expandMacros, type MacroTable } from "./macros";
import { markdownStructure } from "./markdownStructure";
import { texStructure, type Structure } from "./texStructure";
import type { CheckTarget, ProblemBlock, SolutionRegion, WrittenAnswer } from "./types";

/**
 * Longest problem or solution text taken before an answer: real ones are far shorter, and the cap
 * keeps a document with thousands of answers linear.
 */
const MAX_TEXT = 8_000;

/** The problem finder's dialects: one table of language ids decides both (`core/problem/extract.ts`). */
export type CheckDialect = Dialect;

export interface CheckSource {
  text: string;
  dialect: CheckDialect;
  /** Texts of the local `.sty`/`.cls`/`.tex` files the document loads, for their macro definitions. */
  macroSources?: readonly string[];
  /** In a notebook: the markdown cell above, which states the problem when this cell does not. */
  previousCell?: string;
}

/** Every written answer of the document, in order, with what it answers. */
export function findCheckTargets(source: CheckSource): CheckTarget[] {
  const located = locateAnswers(source);
  return located.answers.map((_, k) => targetAt(source, located, k));
}

/** The written answer under `offset` (both ends of its span count), or null. Texts are built for it alone. */
export function checkTargetAt(source: CheckSource, offset: number): CheckTarget | null {
  const located = locateAnswers(source);
  const index = located.answers.findIndex((a) => a.start <= offset && offset <= a.end);
  return index < 0 ? null : targetAt(source, located, index);
}

interface Located {
  macros: MacroTable;
  structure: Structure;
  answers: WrittenAnswer[];
  finalOf: Map<number, WrittenAnswer>;
}

function locateAnswers(source: CheckSource): Located {
  const macros = documentMacros(source);
  const structure = withoutNestedProblems(structureOf(source, macros));
  const written = writtenAnswers(source.text, source.dialect, structure);
  return { macros, structure, ...markFinal(source.text, written, structure) };
}

function targetAt(source: CheckSource, located: Located, index: number): CheckTarget {
  const answer = located.answers[index] as WrittenAnswer;
  return targetFor(
    source,
    located.structure,
    located.macros,
    answer,
    located.answers,
    located.finalOf.get(index),
  );
}

function documentMacros(source: CheckSource): MacroTable {
  const table: MacroTable = new Map();
  for (const extra of source.macroSources ?? []) collectMacros(extra, table);
  if (source.dialect === "latex" || source.dialect === "markdown") collectMacros(source.text, table);
  return table;
}

function structureOf(source: CheckSource, macros: MacroTable): Structure {
  return source.dialect === "latex"
    ? texStructure(source.text, new Set(macros.keys()))
    : markdownStructure(source.text);
}

function writtenAnswers(text: string, dialect: CheckDialect, structure: Structure): WrittenAnswer[] {
  const bodyStart = dialect === "latex" ? documentBodyStart(text) : 0;
  const boxes = findBoxes(text).filter((b) => !b.latex.includes("#"));
  const lines = findAnswerLines(text).filter(
    (line) => !boxes.some((b) => b.start >= line.start && b.end <= line.end),
  );
  const explicit = [...boxes, ...lines].filter((a) => a.start >= bodyStart).sort((a, b) => a.start - b.start);
  const starts = explicit.map((a) => a.start);
  const holds = structure.solutions.map((region) => {
    const first = firstAtOrAfter(starts, region.start);
    return first < starts.length && (starts[first] ?? Infinity) < region.end;
  });
  const spans = mathSpans(text);
  const displays = structure.solutions
    .filter((region, k) => region.start >= bodyStart && !holds[k])
    .filter((region) => !structure.solutions.some((outer, j) => holds[j] && contains(outer, region)))
    .filter((region) => expectsValue(text, structure, region))
    .map((region) => lastDisplayOf(region, spans, text))
    .filter((a): a is WrittenAnswer => a !== null);
  const all = [...explicit, ...displays].sort((a, b) => a.start - b.start);
  return all.filter((a, k) => k === 0 || a.start >= (all[k - 1]?.end ?? 0) || a.kind === "boxed");
}

/** Boxes in the preamble are macro definitions, not answers. */
function documentBodyStart(text: string): number {
  const begin = /\\begin\s*\{document\}/.exec(text);
  return begin ? begin.index : 0;
}

function contains(outer: SolutionRegion, inner: SolutionRegion): boolean {
  return outer.start < inner.start && inner.end <= outer.end;
}

/**
 * A proof has no final value: for "prove", "show", "define" or "explain" problems, and for solutions
 * that end in a QED mark, an unmarked display is a step, not an answer ("no final answer").
 */
function expectsValue(text: string, structure: Structure, region: SolutionRegion): boolean {
  const problem = problemBefore(structure, region.start);
  const asks = problem ? problem.statement : "";
  if (/\b(?:prove|show|define|explain|describe|justify|verify|deduce|derive)\b/i.test(asks)) return false;
  // A QED mark ends a proof: only the body's tail is read, so nested solutions stay linear.
  const tail = text.slice(Math.max(region.bodyStart, region.bodyEnd - 400), region.bodyEnd);
  if (/\\(?:qed|qedhere|blacksquare|square)\b|∎|□/.test(tail)) return false;
  return !/^\\begin\s*\{proof\}(?!\s*\[[^\]]*(?:solution|answer))/i.test(
    text.slice(region.start, region.bodyStart + 1),
  );
}

function inRegion(region: SolutionRegion, at: number): boolean {
  return region.start <= at && at < region.end;
}

/** The innermost solution that holds `at`. */
function regionAt(structure: Structure, at: number): SolutionRegion | undefined {
  let best: SolutionRegion | undefined;
  for (const region of structure.solutions)
    if (inRegion(region, at) && (!best || region.start >= best.start)) best = region;
  return best;
}

/** Parts listed inside a solution (`\\item`s of a worked answer) are not problems. */
function withoutNestedProblems(structure: Structure): Structure {
  const problems = structure.problems.filter((p) => !structure.solutions.some((s) => inRegion(s, p.start)));
  return { problems, solutions: structure.solutions };
}

const problemStarts = new WeakMap<Structure, number[]>();

/** The nearest problem that starts before `at` (problems are sorted by start). */
function problemBefore(structure: Structure, at: number): ProblemBlock | null {
  let starts = problemStarts.get(structure);
  if (!starts) {
    starts = structure.problems.map((p) => p.start);
    problemStarts.set(structure, starts);
  }
  return structure.problems[firstAtOrAfter(starts, at) - 1] ?? null;
}

/** The index of the first of the sorted `values` that is ≥ `at` (binary search). */
function firstAtOrAfter(values: readonly number[], at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] ?? Infinity) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Per scope (a solution, else a problem), the last answer is final; boxes that only commas or
 * "and" separate from it form one list answer with it. Earlier boxes are intermediate.
 */
function markFinal(
  text: string,
  answers: readonly WrittenAnswer[],
  structure: Structure,
): { answers: WrittenAnswer[]; finalOf: Map<number, WrittenAnswer> } {
  const groups = new Map<string, number[]>();
  answers.forEach((a, k) => {
    const region = regionAt(structure, a.start);
    const problem = region ? null : problemBefore(structure, a.start);
    const scope = region ? `s${region.start}` : problem ? `p${problem.start}` : "doc";
    const members = groups.get(scope);
    if (members) members.push(k);
    else groups.set(scope, [k]);
  });
  const marked = [...answers];
  const finalOf = new Map<number, WrittenAnswer>();
  for (const members of groups.values()) {
    // From the end: the last answer is final, and so is a box joined to a final box by separators only.
    for (let position = members.length - 1; position >= 0; position--) {
      const k = members[position] ?? 0;
      const next = members[position + 1];
      const answer = answers[k];
      if (!answer) continue;
      const joined =
        next !== undefined && marked[next]?.final === true && isJoinedBox(text, answer, answers[next]);
      marked[k] = { ...answer, final: next === undefined || joined };
    }
    const finals = members.filter((k) => marked[k]?.final);
    for (const k of members) {
      const next = finals.find((j) => j > k);
      const final = next === undefined ? undefined : marked[next];
      if (!marked[k]?.final && final) finalOf.set(k, final);
    }
  }
  return { answers: marked, finalOf };
}

/** `\boxed{1}, \boxed{2}` and `\boxed{1}$ and $\boxed{2}`: boxes of one list answer. */
function isJoinedBox(text: string, answer: WrittenAnswer, next: WrittenAnswer | undefined): boolean {
  if (!next || answer.kind !== "boxed" || next.kind !== "boxed") return false;
  return /^[\s,;$]*(?:and|or|&)?[\s,;$]*$/i.test(text.slice(answer.end, next.start));
}

function targetFor(
  source: CheckSource,
  structure: Structure,
  macros: MacroTable,
  answer: WrittenAnswer,
  all: readonly WrittenAnswer[],
  finalAnswer: WrittenAnswer | undefined,
): CheckTarget {
  const notes: string[] = [];
  const expand = (s: string) => {
    const result = expandMacros(s, macros);
    notes.push(...result.notes.filter((n) => !notes.includes(n)));
    return result.text;
  };
  const region = regionAt(structure, answer.start);
  const problem =
    problemBefore(structure, region?.start ?? answer.start) ?? problemBefore(structure, answer.start);
  let problemText = problem
    ? clean(source.dialect, stripNumberLabel(withStem(structure, problem, answer.start, all)))
    : "";
  if (problemText === "" && source.previousCell !== undefined) {
    problemText = clean("markdown", source.previousCell);
    if (problemText !== "") notes.push("the problem is the markdown cell above");
  }
  // The solution's own text: after `\begin{solution}` / `\solution{` when there is one, else after the statement.
  const solutionFrom =
    region && region.bodyStart <= answer.start ? region.bodyStart : (problem?.statementEnd ?? 0);
  const solutionStart = Math.max(Math.min(solutionFrom, answer.start), answer.start - MAX_TEXT);
  const written = clean(source.dialect, source.text.slice(solutionStart, answer.start));
  const solution = written.replace(/\s*(?:\$\$?|\\\(|\\\[)$/, ""); // the math delimiter that opens around the box
  const final = answer.final ? undefined : finalAnswer;
  return {
    answer,
    problem,
    problemText: expand(problemText),
    solution: expand(solution),
    solutionStart,
    answerExpanded: expand(answer.latex),
    ...(final ? { finalAnswer: final.latex } : {}),
    notes,
  };
}

/** A part's statement keeps its stem: "Suppose x = t² − 5t + 1. … (a) Find the velocity." */
function withStem(
  structure: Structure,
  problem: ProblemBlock,
  answerStart: number,
  answers: readonly WrittenAnswer[],
): string {
  const outer = structure.problems
    .filter(
      (p) =>
        p !== problem && p.start < problem.start && problem.start < p.end && p.statementEnd <= problem.start,
    )
    .pop();
  const statement = statementBefore(problem, answerStart, answers);
  return outer ? `${outer.statement.trim()}\n\n${statement}` : statement;
}

/**
 * A statement never runs into the answer: it stops at the blank line before the answer's paragraph.
 * Under a heading with several answered paragraphs, it starts after the previous answer's line.
 */
function statementBefore(
  problem: ProblemBlock,
  answerStart: number,
  answers: readonly WrittenAnswer[],
): string {
  const statementStart = problem.statementEnd - problem.statement.length;
  if (answerStart >= problem.statementEnd || answerStart < statementStart) return problem.statement;
  const previous = answers.filter((a) => a.end > statementStart && a.end <= answerStart).pop();
  const from = Math.max(
    previous ? lineEnd(problem.statement, previous.end - statementStart) : 0,
    answerStart - statementStart - MAX_TEXT,
  );
  const upToAnswer = problem.statement.slice(from, answerStart - statementStart);
  const blank = upToAnswer.search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/);
  return blank < 0 ? upToAnswer : upToAnswer.slice(0, blank);
}

function lineEnd(text: string, at: number): number {
  const newline = text.indexOf("\n", at);
  return newline < 0 ? text.length : newline;
}

/** "Problem 3." and "**Exercise 2:**" are labels, not part of what the model is asked. */
function stripNumberLabel(statement: string): string {
  return statement.replace(
    /^\s*(?:\\textbf\{|\*\*|__)?\s*(?:Problem|Exercise|Question|Aufgabe)\s*#?\s*\d+[a-z]?\s*[.:)]\s*(?:\}|\*\*|__)?\s*/i,
    "",
  );
}

function clean(dialect: CheckDialect, text: string): string {
  return dialect === "latex" ? cleanLatex(text) : cleanMarkdown(text);
}
