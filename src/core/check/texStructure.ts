/**
 * Problems and solutions in LaTeX: problem-like environments (and those `\newtheorem` declares),
 * exam-class `\question`/`\part`, `\item`s of an enumerate, "Problem N." paragraphs, contest macros
 * such as `\problem[…]` or `\problem{…}`; solutions in `solution`/`answer`/`proof` environments and
 * in brace-delimited `\solution{…}`, `\answer{…}`, `\exsol{…}` or `\footnotetext{…}`.
 */
import { readBraced, readBracketed } from "./braces";
import { texEnvironments, type EnvSpan } from "./texEnvs";
import type { ProblemBlock, SolutionRegion } from "./types";

const PROBLEM_ENVS = /^(?:problem|exercise|question|prob|task|exercice|aufgabe|nexercise|quiz|qn)\*?$/i;
const SOLUTION_ENVS = /^(?:solution|answer|sol|soln|proof|solutionorbox|solutionordottedlines)\*?$/i;
const LIST_ENVS = /^(?:enumerate|compactenum|asparaenum|questions|parts|subparts)$/;
const PROBLEM_TITLE = /problem|exercise|question|exercice|aufgabe|quiz/i;
const SOLUTION_MACROS = /\\(solution|answer|exsol|sol|footnotetext)\s*(?=[[{])/g;
const NUMBERED_PARAGRAPH =
  /^[ \t]*(?:\\noindent\s*)?(?:\\(?:textbf|emph|textit)\{|\\(?:sub)*section\*?\{|\*\*)?\s*(?:Problem|Exercise|Question|Aufgabe)\s*#?\s*\d+[a-z]?(?:\s*\([^)\n]{0,40}\))?\s*[.:)}]/gim;

export interface Structure {
  problems: ProblemBlock[];
  solutions: SolutionRegion[];
}

export function texStructure(text: string, macroNames: ReadonlySet<string> = new Set()): Structure {
  const envs = texEnvironments(text);
  const declared = declaredProblemEnvs(text);
  const solutions = [
    ...envs.filter((env) => SOLUTION_ENVS.test(env.name)).map(regionOf),
    ...solutionMacros(text),
  ].sort((a, b) => a.start - b.start);
  const firstSolutionAfter = (from: number, limit: number) =>
    solutions.find((s) => s.start >= from && s.start < limit)?.start ?? limit;
  const problems: ProblemBlock[] = [];
  for (const env of envs) {
    if (!PROBLEM_ENVS.test(env.name) && !declared.has(env.name)) continue;
    const statementEnd = Math.min(firstSolutionAfter(env.bodyStart, env.bodyEnd), firstListIn(envs, env));
    problems.push(
      block(text, { start: env.start, end: env.end }, env.bodyStart, statementEnd, "environment"),
    );
  }
  problems.push(...listEntries(text, envs, solutions, firstSolutionAfter));
  problems.push(...problemMacros(text, macroNames, firstSolutionAfter));
  for (const m of text.matchAll(NUMBERED_PARAGRAPH)) {
    const end = paragraphEnd(text, m.index);
    problems.push(
      block(text, { start: m.index, end }, m.index, firstSolutionAfter(m.index, end), "numbered-paragraph"),
    );
  }
  return { problems: problems.sort((a, b) => a.start - b.start), solutions };
}

function regionOf(env: EnvSpan): SolutionRegion {
  return { start: env.start, end: env.end, bodyStart: env.bodyStart, bodyEnd: env.bodyEnd };
}

/** `\newtheorem{ex}{Exercise}`: `ex` is a problem environment in this document. */
function declaredProblemEnvs(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\\newtheorem\*?\s*\{([^{}]+)\}\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}/g)) {
    if (m[1] && PROBLEM_TITLE.test(m[2] ?? "")) names.add(m[1].trim());
  }
  return names;
}

/** A problem's stem ends where its list of parts begins; each part is a block of its own. */
function firstListIn(envs: readonly EnvSpan[], outer: EnvSpan): number {
  const list = envs.find((e) => e.start > outer.bodyStart && e.end <= outer.end && LIST_ENVS.test(e.name));
  return list?.start ?? outer.bodyEnd;
}

/** `\item` of an enumerate, `\question`/`\part`/`\subpart` of the exam class; not inside a solution. */
function listEntries(
  text: string,
  envs: readonly EnvSpan[],
  solutions: readonly SolutionRegion[],
  firstSolutionAfter: (from: number, limit: number) => number,
): ProblemBlock[] {
  const entries: ProblemBlock[] = [];
  for (const list of envs.filter((env) => LIST_ENVS.test(env.name))) {
    if (solutions.some((s) => s.start <= list.start && list.start < s.end)) continue;
    const body = text.slice(list.bodyStart, list.bodyEnd);
    const marks = [...body.matchAll(/\\(item|question|part|subpart)(?![a-zA-Z])/g)]
      .map((m) => ({ at: list.bodyStart + m.index, after: list.bodyStart + m.index + m[0].length }))
      .filter((mark) => innermostList(envs, mark.at) === list);
    marks.forEach((mark, k) => {
      const end = marks[k + 1]?.at ?? list.bodyEnd;
      const bodyStart = readBracketed(text, mark.after)?.end ?? mark.after;
      const nested = envs.find((e) => e.start > mark.at && e.start < end && LIST_ENVS.test(e.name));
      const statementEnd = Math.min(firstSolutionAfter(bodyStart, end), nested?.start ?? end);
      entries.push(
        block(
          text,
          { start: mark.at, end },
          bodyStart,
          statementEnd,
          list.name === "enumerate" ? "item" : "question",
        ),
      );
    });
  }
  return entries;
}

function innermostList(envs: readonly EnvSpan[], at: number): EnvSpan | undefined {
  let best: EnvSpan | undefined;
  for (const env of envs) if (LIST_ENVS.test(env.name) && env.bodyStart <= at && at < env.bodyEnd) best = env;
  return best;
}

/** `\problem{statement}`, `\problem[title]` followed by the statement, and document-defined variants. */
function problemMacros(
  text: string,
  macroNames: ReadonlySet<string>,
  firstSolutionAfter: (from: number, limit: number) => number,
): ProblemBlock[] {
  const names = ["problem", "exercise", ...[...macroNames].filter((n) => /problem|exercise/i.test(n))];
  const pattern = new RegExp(String.raw`\\(?:${[...new Set(names)].join("|")})(?![a-zA-Z@])`, "g");
  const found: ProblemBlock[] = [];
  for (const m of text.matchAll(pattern)) {
    if (
      /\\(?:begin|end|newcommand|renewcommand|providecommand|def)\s*\{?\s*$/.test(
        text.slice(Math.max(0, m.index - 20), m.index),
      )
    )
      continue;
    const after = m.index + m[0].length;
    const title = readBracketed(text, after);
    const braced = readBraced(text, title?.end ?? after);
    if (braced && !text.slice(title?.end ?? after, braced.start).includes("\n")) {
      found.push(block(text, { start: m.index, end: braced.end }, braced.start + 1, braced.end - 1, "macro"));
      continue;
    }
    const next = text.slice(after).search(pattern);
    const limit = next < 0 ? text.length : after + next;
    found.push(
      block(
        text,
        { start: m.index, end: limit },
        title?.end ?? after,
        firstSolutionAfter(after, limit),
        "macro",
      ),
    );
  }
  return found;
}

function solutionMacros(text: string): SolutionRegion[] {
  const regions: SolutionRegion[] = [];
  for (const m of text.matchAll(SOLUTION_MACROS)) {
    const after = m.index + m[0].length;
    const option = readBracketed(text, after);
    const body = readBraced(text, option?.end ?? after);
    if (body)
      regions.push({ start: m.index, end: body.end, bodyStart: body.start + 1, bodyEnd: body.end - 1 });
  }
  return regions;
}

function paragraphEnd(text: string, from: number): number {
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = from;
  return blank.exec(text)?.index ?? text.length;
}

function block(
  text: string,
  outer: { start: number; end: number },
  bodyStart: number,
  statementEnd: number,
  kind: ProblemBlock["kind"],
): ProblemBlock {
  const statement = text.slice(bodyStart, Math.max(bodyStart, statementEnd));
  return { start: outer.start, end: outer.end, statementEnd, statement, kind };
}
