/**
 * What a solution has established so far, as the step checker reads it in order: values assigned to
 * variables (`a = 6\sqrt{2}`), functions defined (`f(x) = x^2 + 3`), and the last equations written
 * (to judge the next transformed equation or solved form against). A variable given two different
 * values becomes unknown again: a value is only used when the solution is consistent about it.
 */
import type { Node } from "../check/math/ast";
import { splitTopLevel } from "./relations";

export interface Known {
  value: number;
  /** Where it came from, for reasons: "a = 6√2". */
  text: string;
}

export interface Equation {
  text: string;
  left: Node;
  right: Node;
}

export interface FunctionDefinition {
  variable: string;
  body: string;
}

/** Steps a function definition stays in force: a document's next exercise reuses the name for another function. */
const DEFINITION_STEPS = 10;

/** Equations kept for comparison: enough for "x = 2 or x = -4" after two cases, few enough to stay related. */
const RECENT_EQUATIONS = 4;

export class Facts {
  private readonly knowns = new Map<string, Known | null>();
  private readonly functions = new Map<string, FunctionDefinition & { step: number }>();
  private step = 0;
  private equationList: Equation[] = [];

  known(name: string): Known | undefined {
    return this.knowns.get(name) ?? undefined;
  }

  /** The values usable now, without `except` (the variable a solved form is about). */
  env(except?: string): Map<string, number> {
    const env = new Map<string, number>();
    for (const [name, known] of this.knowns) if (known && name !== except) env.set(name, known.value);
    return env;
  }

  assign(name: string, value: number, text: string): void {
    if (!this.knowns.has(name)) {
      this.knowns.set(name, { value, text });
      return;
    }
    const before = this.knowns.get(name);
    if (before && Math.abs(before.value - value) > 1e-9 * Math.max(1, Math.abs(value)))
      this.knowns.set(name, null);
  }

  /** The index of the step being read. */
  atStep(step: number): void {
    this.step = step;
  }

  define(name: string, definition: FunctionDefinition): void {
    this.functions.set(name, { ...definition, step: this.step });
  }

  definition(name: string): FunctionDefinition | undefined {
    const found = this.functions.get(name);
    return found && this.step - found.step <= DEFINITION_STEPS ? found : undefined;
  }

  addEquation(equation: Equation): void {
    this.equationList = [...this.equationList, equation].slice(-RECENT_EQUATIONS);
  }

  consume(equation: Equation): void {
    this.equationList = this.equationList.filter((e) => e !== equation);
  }

  /** Most recent first. */
  recentEquations(): readonly Equation[] {
    return [...this.equationList].reverse();
  }

  /**
   * `f(2)` → `\left(2^2 + 3\right)` for defined functions. Returns null when the member applies a
   * function that is not defined (`f(x)` would otherwise read as the product f·x), else the member.
   */
  expandFunctions(member: string, functionNames: ReadonlySet<string>): string | null {
    const call = /(?<![a-zA-Z\\])([a-zA-Z])\s*(?:\\left)?\s*\(/g;
    let out = "";
    let from = 0;
    for (let m = call.exec(member); m; m = call.exec(member)) {
      const name = m[1] ?? "";
      if (!functionNames.has(name)) continue;
      const open = m.index + m[0].length - 1;
      const close = matchingParen(member, open);
      if (close < 0) return null;
      const definition = this.definition(name);
      if (!definition) return null;
      const argument = member.slice(open + 1, close).replace(/\\right\s*$/, "");
      if (splitTopLevel(argument, /^,/).length > 1) return null;
      out += member.slice(from, m.index) + `\\left(${substituteVariable(definition, argument)}\\right)`;
      from = close + 1;
      call.lastIndex = from;
    }
    return out + member.slice(from);
  }
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** The body with each standalone occurrence of the variable (not inside a command name) replaced by `(argument)`. */
function substituteVariable(definition: FunctionDefinition, argument: string): string {
  return definition.body.replace(
    /(\\[a-zA-Z]+)|([a-zA-Z])/g,
    (whole, command: string | undefined, letter: string | undefined) =>
      command === undefined && letter === definition.variable ? `\\left(${argument}\\right)` : whole,
  );
}
