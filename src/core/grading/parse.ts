/**
 * A small LaTeX expression parser for normalised answers: arithmetic, fractions, radicals,
 * elementary functions, implicit multiplication. It rejects what it does not know (sums, integrals,
 * unknown commands) by returning null, so that only the CAS in the worker sees those. Bounded by
 * input length and nesting depth: it can never be slow.
 */
import type { Expr } from "./expr";

const MAX_TOKENS = 1500;
const MAX_DEPTH = 120;

const FUNCTIONS = new Set([
  "sin",
  "cos",
  "tan",
  "sec",
  "csc",
  "cot",
  "arcsin",
  "arccos",
  "arctan",
  "sinh",
  "cosh",
  "tanh",
  "ln",
  "log",
  "exp",
]);
const GREEK =
  /^(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Sigma|Phi|Psi|Omega)$/;

class ParseError extends Error {}

export function parseLatex(input: string): Expr | null {
  const tokens = tokenize(input);
  if (!tokens || tokens.length === 0 || tokens.length > MAX_TOKENS) return null;
  try {
    const parser = new Parser(tokens);
    const e = parser.parseExpression();
    return parser.atEnd() ? e : null;
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw error;
  }
}

function tokenize(s: string): string[] | null {
  const tokens = s.match(/\d+(?:\.\d+)?|\.\d+|\\[a-zA-Z]+|\\[{}|,]|\S/g);
  return tokens;
}

const IMPLICIT_STARTS =
  /^(?:\d|\.|[a-zA-Z]|\(|\[|\{|\\(?!cdot$|times$|div$|right$|cup$|cap$|leq$|geq$|neq$|pm$|mp$|to$|in$))/;

class Parser {
  private pos = 0;
  private depth = 0;
  private absDepth = 0;

  constructor(private readonly tokens: string[]) {}

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(offset = 0): string | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): string {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new ParseError("unexpected end");
    return t;
  }

  private expect(token: string): void {
    if (this.next() !== token) throw new ParseError(`expected ${token}`);
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ParseError("too deep");
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  parseExpression(): Expr {
    return this.nested(() => this.parseSum());
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (let t = this.peek(); t === "+" || t === "-"; t = this.peek()) {
      this.pos++;
      left = { kind: "binary", op: t, left, right: this.parseProduct() };
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t === "*" || t === "\\cdot" || t === "\\times") {
        this.pos++;
        left = { kind: "binary", op: "*", left, right: this.parseUnary() };
      } else if (t === "/" || t === "\\div") {
        this.pos++;
        left = { kind: "binary", op: "/", left, right: this.parseUnary() };
      } else if (this.startsImplicitFactor(t)) {
        left = { kind: "binary", op: "*", left, right: this.parsePower() };
      } else {
        return left;
      }
    }
  }

  private startsImplicitFactor(t: string | undefined): boolean {
    if (t === undefined) return false;
    if (t === "|") return this.absDepth === 0;
    return IMPLICIT_STARTS.test(t);
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t === "-") {
      this.pos++;
      return { kind: "negate", arg: this.nested(() => this.parseUnary()) };
    }
    if (t === "+") {
      this.pos++;
      return this.nested(() => this.parseUnary());
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parsePostfix();
    if (this.peek() !== "^") return base;
    this.pos++;
    const exponent = this.nested(() => this.parseScriptArgument());
    return this.parseFactorials({ kind: "binary", op: "^", left: base, right: exponent });
  }

  private parsePostfix(): Expr {
    return this.parseFactorials(this.nested(() => this.parsePrimary()));
  }

  private parseFactorials(e: Expr): Expr {
    while (this.peek() === "!") {
      this.pos++;
      e = { kind: "call", fn: "factorial", args: [e] };
    }
    return e;
  }

  /** `^{…}`, `^2`, `^x`, `^-1`: TeX takes one character when there are no braces. */
  private parseScriptArgument(): Expr {
    const t = this.next();
    if (t === "{") return this.parseGroupRest("}");
    if (t === "-") return { kind: "negate", arg: this.parseScriptArgument() };
    if (/^\d/.test(t)) {
      if (t.length > 1 && !t.includes(".")) {
        this.tokens.splice(this.pos, 0, t.slice(1));
        return { kind: "number", text: t[0] ?? "" };
      }
      return { kind: "number", text: t };
    }
    this.pos--;
    return this.parsePrimary();
  }

  private parseGroupRest(close: string): Expr {
    const e = this.parseExpression();
    this.expect(close);
    return e;
  }

  private parsePrimary(): Expr {
    const t = this.next();
    if (/^[\d.]/.test(t)) return this.parseNumber(t);
    if (/^[a-zA-Z]$/.test(t)) return this.parseLetter(t);
    if (t === "(") return this.parseGroupRest(")");
    if (t === "[") return this.parseGroupRest("]");
    if (t === "{") return this.parseGroupRest("}");
    if (t === "|") return this.parseAbs();
    if (t.startsWith("\\")) return this.parseCommand(t.slice(1));
    throw new ParseError(`unexpected ${t}`);
  }

  /** A whole number directly followed by `\frac{int}{int}` is a mixed number: `12\frac{3}{5}`. */
  private parseNumber(text: string): Expr {
    const n: Expr = { kind: "number", text };
    if (!/^\d+$/.test(text) || this.peek() !== "\\frac") return n;
    const save = this.pos;
    this.pos++;
    const frac = this.parseFraction();
    if (frac.kind === "binary" && frac.left.kind === "number" && frac.right.kind === "number") {
      return { kind: "binary", op: "+", left: n, right: frac };
    }
    this.pos = save;
    return n;
  }

  private parseLetter(letter: string): Expr {
    if (this.peek() === "_") {
      this.pos++;
      return { kind: "symbol", name: `${letter}_${this.parseSubscriptText()}` };
    }
    if (letter === "e") return { kind: "constant", name: "e" };
    return { kind: "symbol", name: letter };
  }

  private parseSubscriptText(): string {
    const t = this.next();
    if (t !== "{") return t;
    const parts: string[] = [];
    for (let u = this.next(); u !== "}"; u = this.next()) parts.push(u);
    return parts.join("");
  }

  private parseAbs(): Expr {
    this.absDepth++;
    try {
      const e = this.parseExpression();
      this.expect("|");
      return { kind: "call", fn: "abs", args: [e] };
    } finally {
      this.absDepth--;
    }
  }

  /** `\gcd(12, 18)`, `\operatorname{lcm}` is rewritten to `\text{lcm}` and not read. */
  private parseArguments(name: string): Expr {
    this.expect("(");
    const args = [this.parseExpression()];
    while (this.peek() === ",") {
      this.pos++;
      args.push(this.parseExpression());
    }
    this.expect(")");
    return { kind: "call", fn: name, args };
  }

  private parseCommand(name: string): Expr {
    if (name === "gcd" || name === "lcm") return this.parseArguments(name);
    if (name === "frac") return this.parseFraction();
    if (name === "sqrt") return this.parseRoot();
    if (name === "binom" || name === "dbinom" || name === "tbinom") {
      return { kind: "call", fn: "binom", args: [this.parseBraced(), this.parseBraced()] };
    }
    if (name === "pi") return { kind: "constant", name: "pi" };
    if (name === "infty") return { kind: "constant", name: "infinity" };
    if (FUNCTIONS.has(name)) return this.parseFunction(name);
    if (GREEK.test(name)) return { kind: "symbol", name: `\\${name}` };
    throw new ParseError(`unsupported \\${name}`);
  }

  private parseBraced(): Expr {
    const t = this.next();
    if (t === "{") return this.parseGroupRest("}");
    this.pos--;
    return this.parseScriptArgument();
  }

  private parseFraction(): Expr {
    return { kind: "binary", op: "/", left: this.parseBraced(), right: this.parseBraced() };
  }

  private parseRoot(): Expr {
    if (this.peek() === "[") {
      this.pos++;
      const index = this.parseGroupRest("]");
      return { kind: "call", fn: "root", args: [this.parseBraced(), index] };
    }
    return { kind: "call", fn: "sqrt", args: [this.parseBraced()] };
  }

  /** `\sin x`, `\sin(2x)`, `\sin^2 x`, `\log_2 8`, `\ln|x|`. */
  private parseFunction(name: string): Expr {
    let base: Expr | undefined;
    if (name === "log" && this.peek() === "_") {
      this.pos++;
      base = this.nested(() => this.parseScriptArgument());
    }
    let power: Expr | undefined;
    if (this.peek() === "^") {
      this.pos++;
      power = this.nested(() => this.parseScriptArgument());
    }
    const arg = this.nested(() => this.parseFunctionArgument());
    const call: Expr = { kind: "call", fn: name, args: base ? [arg, base] : [arg] };
    // `\sin^{-1}` is the inverse function, not a reciprocal.
    if (power?.kind === "negate" && power.arg.kind === "number" && power.arg.text === "1") {
      return { kind: "call", fn: `arc${name}`, args: [arg] };
    }
    return power ? { kind: "binary", op: "^", left: call, right: power } : call;
  }

  private startsOtherCommand(t: string | undefined): boolean {
    return !!t?.startsWith("\\") && t !== "\\pi" && !GREEK.test(t.slice(1));
  }

  private parseFunctionArgument(): Expr {
    if (this.peek() === "(") {
      this.pos++;
      return this.parseGroupRest(")");
    }
    // Without parentheses the argument is the following product of factors: `\sin 2x` = sin(2x).
    let arg = this.parsePower();
    // Greek letters and π belong to it too: `\cos 2\theta` = cos(2θ), `\sin 2\pi x` = sin(2πx).
    while (this.startsImplicitFactor(this.peek()) && !this.startsOtherCommand(this.peek())) {
      arg = { kind: "binary", op: "*", left: arg, right: this.parsePower() };
    }
    return arg;
  }
}
