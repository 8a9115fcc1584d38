/**
 * Document macros: `\newcommand`, `\renewcommand`, `\providecommand`, `\def` and
 * `\DeclareMathOperator`, read from the document and the local files it loads, then expanded in the
 * text we send, parse or render. Expansion is bounded three ways (total steps, nesting depth,
 * output length): a recursive or exploding definition stops with a note, never a hang.
 */
import { readArgument, readBraced, readBracketed } from "./braces";

export interface Macro {
  name: string;
  params: number;
  /** The default of an optional first argument (`\newcommand{\f}[2][x]{…}`), when there is one. */
  optionalDefault?: string;
  body: string;
}

export type MacroTable = Map<string, Macro>;

export interface ExpansionResult {
  text: string;
  /** Why expansion stopped early, if it did (empty otherwise). */
  notes: string[];
}

export const EXPANSION_LIMITS = { steps: 5000, depth: 40, outputFactor: 50, minOutput: 20_000 };

/** Definitions longer than this are layout code (class files), not notation. */
const MAX_BODY = 2000;
const DEFINERS = /\\(newcommand|renewcommand|providecommand|DeclareMathOperator|def)(\*?)(?![a-zA-Z@])/g;

/** Reads every definition in `source` into `table` (later definitions win, `\providecommand` never overrides). */
export function collectMacros(source: string, table: MacroTable = new Map()): MacroTable {
  for (const match of source.matchAll(DEFINERS)) {
    const kind = match[1] ?? "";
    const after = match.index + match[0].length;
    if (isCommentedOut(source, match.index)) continue;
    const macro = kind === "def" ? readDef(source, after) : readNewCommand(source, after, kind);
    if (!macro || macro.name.includes("@") || macro.body.length > MAX_BODY) continue;
    if (kind === "providecommand" && table.has(macro.name)) continue;
    table.set(macro.name, macro);
  }
  return table;
}

function readNewCommand(source: string, at: number, kind: string): Macro | null {
  const nameArg = readArgument(source, at);
  const name = nameArg && /^\\([a-zA-Z@]+)$/.exec(nameArg.value.trim())?.[1];
  if (!nameArg || !name) return null;
  if (kind === "DeclareMathOperator") {
    const text = readBraced(source, nameArg.end);
    return text ? { name, params: 0, body: `\\operatorname{${text.value}}` } : null;
  }
  let next = nameArg.end;
  const count = readBracketed(source, next);
  const params = count ? Number.parseInt(count.value, 10) : 0;
  if (count) next = count.end;
  const optional = count ? readBracketed(source, next) : null;
  if (optional) next = optional.end;
  const body = readBraced(source, next);
  if (!body || !Number.isInteger(params) || params < 0 || params > 9) return null;
  return { name, params, body: body.value, ...(optional ? { optionalDefault: optional.value } : {}) };
}

/** `\def\name#1#2{body}`; delimited parameter text is read as plain parameters. */
function readDef(source: string, at: number): Macro | null {
  const head = /^\\([a-zA-Z@]+)((?:#\d)*)\s*\{/.exec(source.slice(at, at + 120));
  if (!head?.[1]) return null;
  const body = readBraced(source, at + head[0].length - 1);
  if (!body) return null;
  return { name: head[1], params: (head[2] ?? "").length / 2, body: body.value };
}

function isCommentedOut(source: string, at: number): boolean {
  const lineStart = source.lastIndexOf("\n", at - 1) + 1;
  return /(^|[^\\])%/.test(source.slice(lineStart, at));
}

interface Budget {
  steps: number;
  maxOutput: number;
  notes: Set<string>;
}

/** Expands the table's macros in `text`; what cannot be expanded is left as written. */
export function expandMacros(text: string, table: MacroTable): ExpansionResult {
  if (table.size === 0) return { text, notes: [] };
  const budget: Budget = {
    steps: EXPANSION_LIMITS.steps,
    maxOutput: Math.max(EXPANSION_LIMITS.minOutput, text.length * EXPANSION_LIMITS.outputFactor),
    notes: new Set(),
  };
  const out = expandIn(text, table, budget, 0);
  return { text: out, notes: [...budget.notes] };
}

function expandIn(text: string, table: MacroTable, budget: Budget, depth: number): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const slash = text.indexOf("\\", i);
    if (slash < 0) return out + text.slice(i);
    out += text.slice(i, slash);
    const name = /^\\([a-zA-Z]+)/.exec(text.slice(slash, slash + 80))?.[1];
    const macro = name === undefined ? undefined : table.get(name);
    if (!name || !macro) {
      const escaped = name ? 1 + name.length : 2; // `\\`, `\{`: keep the pair together
      out += text.slice(slash, slash + escaped);
      i = slash + escaped;
      continue;
    }
    const call = readCall(text, slash + 1 + name.length, macro);
    const stop = overBudget(budget, depth, out.length, name);
    if (stop || !call) {
      out += text.slice(slash, call?.end ?? slash + 1 + name.length);
      i = call?.end ?? slash + 1 + name.length;
      continue;
    }
    budget.steps--;
    out += expandIn(substitute(macro.body, call.args), table, budget, depth + 1);
    i = call.end;
  }
  return out;
}

function overBudget(budget: Budget, depth: number, outLength: number, name: string): boolean {
  if (budget.steps <= 0) {
    budget.notes.add(
      `macro expansion stopped after ${EXPANSION_LIMITS.steps} steps (at \\${name}: recursive definition?)`,
    );
    return true;
  }
  if (depth >= EXPANSION_LIMITS.depth) {
    budget.notes.add(
      `macro expansion stopped: \\${name} nests deeper than ${EXPANSION_LIMITS.depth} levels (recursive definition?)`,
    );
    return true;
  }
  if (outLength > budget.maxOutput) {
    budget.notes.add(
      `macro expansion stopped: the text grew past ${budget.maxOutput} characters (at \\${name})`,
    );
    return true;
  }
  return false;
}

function readCall(text: string, at: number, macro: Macro): { args: string[]; end: number } | null {
  const args: string[] = [];
  let next = at;
  let wanted = macro.params;
  if (macro.optionalDefault !== undefined && wanted > 0) {
    const optional = readBracketed(text, next);
    args.push(optional ? optional.value : macro.optionalDefault);
    if (optional) next = optional.end;
    wanted--;
  }
  for (let k = 0; k < wanted; k++) {
    const arg = readArgument(text, next);
    if (!arg) return null;
    args.push(arg.value);
    next = arg.end;
  }
  return { args, end: next };
}

function substitute(body: string, args: readonly string[]): string {
  return body.replace(/#(\d)/g, (whole, digit: string) => args[Number(digit) - 1] ?? whole);
}
