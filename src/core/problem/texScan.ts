/**
 * One left-to-right pass over LaTeX source that records where the environments that matter
 * (problem-like, display math, lists) and the list items begin and end. It never backtracks: each
 * character is looked at a bounded number of times, so a 10k-line document costs one linear scan.
 *
 * It is deliberately forgiving, since users run Solve on half-written documents: an `\end` with no
 * matching `\begin` is ignored, an `\end` that skips open environments closes them too, and an
 * environment still open at the end of the text ends there (except `$$` and `\[`, which are dropped:
 * a stray `$$` must not turn the rest of the document into one equation).
 */
import { lineEndAt } from "./lines";
import { envRole, type EnvRole, isProblemTitle } from "./texNames";
import { isLetter, readGroup, skipOptionalArg, skipVerbatim } from "./texSyntax";

export type TrackedRole = Extract<EnvRole, "problem" | "solution" | "math" | "list">;

export interface TexEnv {
  name: string;
  role: TrackedRole;
  /** At the `\begin` (or `$$`, `\[`). */
  start: number;
  /** After the `\begin{…}` and its optional `[title]`. */
  bodyStart: number;
  /** At the `\end` (or the closing delimiter). */
  bodyEnd: number;
  /** After the `\end{…}`. */
  end: number;
}

export interface TexItem {
  /** At the `\item`. */
  start: number;
  /** After `\item` and its optional `[label]`. */
  bodyStart: number;
  /** At the next `\item` of the same list, or at the list's `\end`. */
  end: number;
}

export interface TexScan {
  envs: TexEnv[];
  items: TexItem[];
}

export interface ScanOptions {
  /** LaTeX `%` comments; off for Markdown, where `%` is just a character. */
  comments: boolean;
}

interface OpenEnv {
  name: string;
  role: TrackedRole;
  start: number;
  bodyStart: number;
  itemStarts: { start: number; bodyStart: number }[];
}

interface ScanState {
  text: string;
  envs: TexEnv[];
  items: TexItem[];
  stack: OpenEnv[];
  /** How many environments of each name are open, so an unmatched `\end` costs O(1). */
  openCount: Map<string, number>;
  lists: OpenEnv[];
  extraProblemEnvs: Set<string>;
}

const BACKSLASH = 0x5c;
const PERCENT = 0x25;
const DOLLAR = 0x24;

export function scanTex(text: string, options: ScanOptions): TexScan {
  const state: ScanState = {
    text,
    envs: [],
    items: [],
    stack: [],
    openCount: new Map(),
    lists: [],
    extraProblemEnvs: new Set(),
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === PERCENT && options.comments) i = lineEndAt(text, i);
    else if (c === BACKSLASH) i = scanCommand(state, i);
    else if (c === DOLLAR && text.charCodeAt(i + 1) === DOLLAR) i = toggleDisplayDollars(state, i);
    else i++;
  }
  closeAllAtEnd(state);
  return { envs: state.envs, items: state.items };
}

/** Handles the command at `at` (a backslash) and returns where scanning resumes. */
function scanCommand(state: ScanState, at: number): number {
  const { text } = state;
  const next = text.charAt(at + 1);
  if (next === "[") return open(state, "\\[", "math", at, at + 2);
  if (next === "]") return close(state, "\\[", at, at + 2);
  let j = at + 1;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  // `\%`, `\$`, `\\` and friends: the escaped character must not be seen as a comment or delimiter.
  if (j === at + 1) return at + 2;
  switch (text.slice(at + 1, j)) {
    case "begin":
      return scanBegin(state, at, j);
    case "end":
      return scanEnd(state, at, j);
    case "item":
      return scanItem(state, at, j);
    case "newtheorem":
      scanNewTheorem(state, j);
      return j;
    default:
      return j;
  }
}

function scanBegin(state: ScanState, at: number, afterCommand: number): number {
  const group = readGroup(state.text, afterCommand);
  if (!group) return afterCommand;
  const role = envRole(group.value, state.extraProblemEnvs);
  if (role === "verbatim") return skipVerbatim(state.text, group.value, group.end);
  if (role === "other") return group.end;
  return open(state, group.value, role, at, bodyStartAfter(state.text, group.value, role, group.end));
}

/** Skips `[title]` of problems and `[label=…]` of lists, and alignat's column count. */
function bodyStartAfter(text: string, name: string, role: TrackedRole, afterName: number): number {
  if (role === "math") {
    if (!name.startsWith("alignat")) return afterName;
    return readGroup(text, afterName)?.end ?? afterName;
  }
  return skipOptionalArg(text, afterName);
}

function scanEnd(state: ScanState, at: number, afterCommand: number): number {
  const group = readGroup(state.text, afterCommand);
  if (!group) return afterCommand;
  return close(state, group.value, at, group.end);
}

function scanItem(state: ScanState, at: number, afterCommand: number): number {
  const list = state.lists[state.lists.length - 1];
  if (!list) return afterCommand; // an `\item` outside any list we know of (a custom list) is ignored
  const bodyStart = skipOptionalArg(state.text, afterCommand);
  list.itemStarts.push({ start: at, bodyStart });
  return bodyStart;
}

/** `\newtheorem{ex}{Exercise}`, `\newtheorem*{ex}{Exercise}`, `\newtheorem{ex}[thm]{Exercise}`. */
function scanNewTheorem(state: ScanState, afterCommand: number): void {
  const { text } = state;
  const afterStar = text.charAt(afterCommand) === "*" ? afterCommand + 1 : afterCommand;
  const name = readGroup(text, afterStar);
  if (!name) return;
  const title = readGroup(text, skipOptionalArg(text, name.end));
  if (title && isProblemTitle(title.value)) state.extraProblemEnvs.add(name.value);
}

function toggleDisplayDollars(state: ScanState, at: number): number {
  if ((state.openCount.get("$$") ?? 0) > 0) return close(state, "$$", at, at + 2);
  return open(state, "$$", "math", at, at + 2);
}

function open(state: ScanState, name: string, role: TrackedRole, start: number, bodyStart: number): number {
  const env: OpenEnv = { name, role, start, bodyStart, itemStarts: [] };
  state.stack.push(env);
  state.openCount.set(name, (state.openCount.get(name) ?? 0) + 1);
  if (role === "list") state.lists.push(env);
  return bodyStart;
}

function close(state: ScanState, name: string, at: number, end: number): number {
  if ((state.openCount.get(name) ?? 0) === 0) return end;
  // Environments opened after the one being closed were left open by the author: they end here too.
  for (let env = state.stack.pop(); env; env = state.stack.pop()) {
    const matched = env.name === name;
    finish(state, env, at, matched ? end : at);
    if (matched) break;
  }
  return end;
}

function finish(state: ScanState, env: OpenEnv, bodyEnd: number, end: number): void {
  state.openCount.set(env.name, (state.openCount.get(env.name) ?? 1) - 1);
  if (env.role === "list") {
    state.lists.pop();
    env.itemStarts.forEach((item, k) => {
      state.items.push({ ...item, end: env.itemStarts[k + 1]?.start ?? bodyEnd });
    });
  }
  state.envs.push({
    name: env.name,
    role: env.role,
    start: env.start,
    bodyStart: env.bodyStart,
    bodyEnd,
    end,
  });
}

function closeAllAtEnd(state: ScanState): void {
  const end = state.text.length;
  for (let env = state.stack.pop(); env; env = state.stack.pop()) {
    if (env.name === "$$" || env.name === "\\[") {
      state.openCount.set(env.name, 0);
      continue;
    }
    finish(state, env, end, end);
  }
}
