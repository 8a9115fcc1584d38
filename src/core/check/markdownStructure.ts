/**
 * Problems and solutions in Markdown (plain, MyST, Pandoc): headings, ordered-list items at the top
 * level, "**Problem N.**" paragraphs; solutions in Pandoc fenced divs (`::: {.solution}`), MyST
 * directives (```` ```{dropdown} Show answer ````, `{solution}`), and after a "**Solution.**" label.
 * LaTeX environments written in Markdown (`\begin{solution}`) count as well.
 */
import { texStructure, type Structure } from "./texStructure";
import type { ProblemBlock, SolutionRegion } from "./types";

interface Line {
  text: string;
  start: number;
  end: number;
}

const HEADING = /^ {0,3}#{1,6}\s+\S/;
const TOP_ITEM = /^ {0,3}\d{1,3}[.)]\s+\S/;
const NUMBERED = /^\s*(?:\*\*|__)?\s*(?:Problem|Exercise|Question)\s*#?\s*\d+[a-z]?\s*[.:)]/i;
const SOLUTION_LABEL = /^\s*(?:\*\*|__|\*|_)?\s*(?:Solution)\s*[.:]?\s*(?:\*\*|__|\*|_)?\s*[.:]?(?:\s|$)/i;
const DIV_OPEN = /^\s*(:{3,})\s*\{?\s*\.?(solution|answer|proof)\b/i;
const FENCE = /^\s*(`{3,}|~{3,})\s*(.*)$/;
const ANSWER_DIRECTIVE = /^\{(?:dropdown|admonition|solution|toggle|hint)\}\s*(.*)$/i;

export function markdownStructure(text: string): Structure {
  const lines = splitLines(text);
  const solutions = [...fencedSolutions(lines), ...labelledSolutions(text, lines)];
  const tex = texStructure(text);
  solutions.push(...tex.solutions);
  solutions.sort((a, b) => a.start - b.start);
  const starts = problemStarts(lines);
  const problems: ProblemBlock[] = starts.map((start, k) => {
    const limit = starts[k + 1]?.start ?? text.length;
    const solution = solutions.find((s) => s.start >= start.start && s.start < limit);
    const statementEnd = solution?.start ?? limit;
    return {
      start: start.start,
      end: limit,
      statementEnd,
      statement: text.slice(start.start, statementEnd),
      kind: start.kind,
    };
  });
  problems.push(...tex.problems.filter((p) => p.kind === "environment"));
  return { problems: problems.sort((a, b) => a.start - b.start), solutions };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ""), start, end });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

function problemStarts(lines: readonly Line[]): { start: number; kind: ProblemBlock["kind"] }[] {
  const starts: { start: number; kind: ProblemBlock["kind"] }[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const marker = FENCE.exec(line.text);
    if (
      marker?.[1] &&
      (fence === null ||
        (marker[1][0] === fence[0] && marker[1].length >= fence.length && marker[2]?.trim() === ""))
    ) {
      fence = fence === null ? marker[1] : null;
      continue;
    }
    if (fence !== null) continue;
    if (HEADING.test(line.text)) starts.push({ start: line.start, kind: "heading" });
    else if (TOP_ITEM.test(line.text)) starts.push({ start: line.start, kind: "item" });
    else if (NUMBERED.test(line.text)) starts.push({ start: line.start, kind: "numbered-paragraph" });
  }
  return starts;
}

/** `::: {.solution}` … `:::` and MyST answer directives, matched by their fence length. */
function fencedSolutions(lines: readonly Line[]): SolutionRegion[] {
  const regions: SolutionRegion[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!line) continue;
    const div = DIV_OPEN.exec(line.text);
    const fence = FENCE.exec(line.text);
    const directive = fence?.[2] ? ANSWER_DIRECTIVE.exec(fence[2].trim()) : null;
    const opener = div?.[1] ?? (directive && isAnswerTitle(directive[1] ?? "") ? fence?.[1] : undefined);
    if (!opener) continue;
    const close = findClose(lines, k + 1, opener);
    const last = lines[close] ?? lines[lines.length - 1];
    if (!last) continue;
    const bodyEnd = close < lines.length ? last.start : last.end;
    regions.push({
      start: line.start,
      end: last.end,
      bodyStart: line.end + 1,
      bodyEnd: Math.max(line.end + 1, bodyEnd),
    });
  }
  return regions;
}

/** A dropdown titled "Show answer" or "Solution" holds the answer; "Long Text Description" does not. */
function isAnswerTitle(title: string): boolean {
  return title.trim() === "" || /answer|solution|proof/i.test(title);
}

function findClose(lines: readonly Line[], from: number, opener: string): number {
  const char = opener.charAt(0);
  let depth = 0;
  for (let k = from; k < lines.length; k++) {
    const text = lines[k]?.text.trim() ?? "";
    if (!text.startsWith(char.repeat(3))) continue;
    const run = /^(`+|~+|:+)(.*)$/.exec(text);
    if (!run?.[1] || run[1].charAt(0) !== char) continue;
    if ((run[2] ?? "").trim() !== "") depth += char === ":" || run[1].length < opener.length ? 1 : 0;
    else if (depth > 0 && run[1].length <= opener.length) depth--;
    else if (run[1].length >= opener.length) return k;
  }
  return lines.length;
}

/** "**Solution.**" starts a solution that runs to the next heading or problem. */
function labelledSolutions(text: string, lines: readonly Line[]): SolutionRegion[] {
  const regions: SolutionRegion[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!line || !SOLUTION_LABEL.test(line.text)) continue;
    const next = lines
      .slice(k + 1)
      .find((l) => HEADING.test(l.text) || TOP_ITEM.test(l.text) || NUMBERED.test(l.text));
    const end = next ? next.start : text.length;
    regions.push({ start: line.start, end, bodyStart: line.start, bodyEnd: end });
  }
  return regions;
}
