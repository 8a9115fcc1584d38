/**
 * A small parser from LaTeX formulas to `Node` trees for numeric checking: arithmetic, implicit
 * multiplication, `\frac`, `\sqrt`, powers, `|x|`, factorials, elementary functions (`\sin^2 x`,
 * `\log_2 x`, `\ln|x|`). Anything else (sums, integrals, `\infty`, unknown commands) gives null,
 * so a strategy says "unchecked" rather than guess. Bounded by token count and nesting depth.
 */
import { FUNCTION_NAMES, type Node } from "./ast";

const MAX_TOKENS = 2000;
const MAX_DEPTH = 100;
const GREEK =
  /^(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|pi)$/;

class ParseError extends Error {}

export function parseFormula(latex: string): Node | null {
  const tokens = tokenize(normalize(latex));
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return null;
  try {
    const parser = new Parser(tokens);
    const node = parser.expression();
    return parser.done() ? node : null;
  } catch (error) {
    if (error instanceof ParseError || error instanceof RangeError) return null;
    throw error;
  }
}

/** Spacing, sizing and font commands carry no value; `\dfrac` is `\frac`; `\cdot` is `*`. */
export function normalize(latex: string): string {
  return latex
    .replace(/\\(?:text|mbox|textrm)\s*\{[^{}]*\}/g, " ")
    .replace(/\\(?:mathrm|mathit|mathbf|operatorname|boldsymbol)\s*\{([^{}]*)\}/g, (_m, inner: string) =>
      /^[a-zA-Z]{2,}$/.test(inner) ? `\\${inner}` : inner,
    )
    .replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![a-zA-Z])/g, "")
    .replace(/\\(?:displaystyle|textstyle|limits|nolimits|quad|qquad)(?![a-zA-Z])/g, " ")
    .replace(/\\[,;:! ]|~/g, " ")
    .replace(/\\[dt]frac(?![a-zA-Z])/g, "\\frac")
    .replace(/\\(?:cdot|times|ast)(?![a-zA-Z])/g, "*")
    .replace(/\\div(?![a-zA-Z])/g, "/")
    .replace(/\\(?:lvert|rvert|vert|mid)(?![a-zA-Z])|\\\|/g, "|")
    .replace(/\\(?:lbrace|\{)/g, "(")
    .replace(/\\(?:rbrace|\})/g, ")")
    .replace(/\\exponentialE|\\mathrm\{e\}/g, "e");
}

function tokenize(s: string): string[] {
  return s.match(/\d+(?:\.\d+)?|\.\d+|\\[a-zA-Z]+|\S/g) ?? [];
}

class Parser {
  private pos = 0;
  private depth = 0;
  private absDepth = 0;

  constructor(private readonly tokens: string[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(offset = 0): string | undefined {
    return this.tokens[this.pos + offset];
  }

  private take(expected?: string): string {
    const token = this.tokens[this.pos];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new ParseError();
    this.pos++;
    return token;
  }

  private nest<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ParseError();
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  expression(): Node {
    return this.nest(() => {
      let left = this.term();
      for (let op = this.peek(); op === "+" || op === "-"; op = this.peek()) {
        this.take();
        left = { t: "bin", op, a: left, b: this.term() };
      }
      return left;
    });
  }

  private term(): Node {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      if (op === "*" || op === "/") {
        this.take();
        left = { t: "bin", op, a: left, b: this.unary() };
      } else if (op !== undefined && this.startsFactor(op)) {
        left = { t: "bin", op: "*", a: left, b: this.power() };
      } else return left;
    }
  }

  private startsFactor(token: string): boolean {
    if (token === "|") return this.absDepth === 0;
    if (/^[\d.a-zA-Z({[]/.test(token)) return true;
    return token.startsWith("\\") && token !== "\\infty";
  }

  private unary(): Node {
    const token = this.peek();
    if (token === "-") {
      this.take();
      return { t: "neg", a: this.unary() };
    }
    if (token === "+") {
      this.take();
      return this.unary();
    }
    return this.power();
  }

  private power(): Node {
    const base = this.postfix();
    if (this.peek() !== "^") return base;
    this.take();
    return { t: "bin", op: "^", a: base, b: this.exponent() };
  }

  private exponent(): Node {
    const token = this.peek();
    if (token === "{") return this.group("{", "}");
    if (token === "-") {
      this.take();
      return { t: "neg", a: this.exponent() };
    }
    if (token !== undefined && /^\d+$/.test(token) && token.length > 1) {
      // `x^23` in TeX is x² followed by 3
      this.tokens.splice(this.pos, 1, token.charAt(0), token.slice(1));
    }
    return this.postfix();
  }

  private postfix(): Node {
    let node = this.primary();
    while (this.peek() === "!") {
      this.take();
      node = { t: "fn", name: "factorial", args: [node] };
    }
    return node;
  }

  private primary(): Node {
    return this.nest(() => {
      const token = this.take();
      if (/^(?:\d|\.)/.test(token)) return { t: "num", v: Number(token) };
      if (/^[a-zA-Z]$/.test(token)) return { t: "var", name: token + this.subscript() };
      if (token === "(") return this.closeWith(")");
      if (token === "[") return this.closeWith("]");
      if (token === "{") return this.closeWith("}");
      if (token === "|") {
        this.absDepth++;
        try {
          return { t: "fn", name: "abs", args: [this.closeWith("|")] };
        } finally {
          this.absDepth--;
        }
      }
      if (token.startsWith("\\")) return this.command(token.slice(1));
      throw new ParseError();
    });
  }

  private closeWith(close: string): Node {
    const inner = this.expression();
    this.take(close);
    return inner;
  }

  private group(open: string, close: string): Node {
    this.take(open);
    return this.closeWith(close);
  }

  /** `_1`, `_{12}`, `_n` joined into the variable's name. */
  private subscript(): string {
    if (this.peek() !== "_") return "";
    this.take();
    if (this.peek() !== "{") return `_${this.take()}`;
    this.take();
    let name = "";
    while (this.peek() !== "}") name += this.take();
    this.take("}");
    return `_${name}`;
  }

  /** One argument of `\frac`/`\sqrt`: a braced group or a single token (`\frac12`). */
  private argument(): Node {
    const token = this.peek();
    if (token === "{") return this.group("{", "}");
    if (token !== undefined && /^\d+$/.test(token) && token.length > 1) {
      this.tokens.splice(this.pos, 1, token.charAt(0), token.slice(1));
    }
    return this.primary();
  }

  private command(name: string): Node {
    if (name === "frac") return { t: "bin", op: "/", a: this.argument(), b: this.argument() };
    if (name === "binom") return { t: "fn", name: "binom", args: [this.argument(), this.argument()] };
    if (name === "sqrt") {
      if (this.peek() === "[") {
        const index = this.group("[", "]");
        return { t: "fn", name: "root", args: [this.argument(), index] };
      }
      return { t: "fn", name: "sqrt", args: [this.argument()] };
    }
    if (GREEK.test(name)) return { t: "var", name: name + this.subscript() };
    if (FUNCTION_NAMES.has(name)) return this.func(name);
    throw new ParseError();
  }

  /** `\sin^2 x` is (sin x)²; `\log_2 x` has base 2; `\sin x \cos x` is a product of two calls. */
  private func(name: string): Node {
    let base: Node | undefined;
    let exponent: Node | undefined;
    for (let k = 0; k < 2; k++) {
      if (this.peek() === "_") {
        this.take();
        base = this.argument();
      } else if (this.peek() === "^") {
        this.take();
        exponent = this.exponent();
      }
    }
    const arg = this.peek() === "(" ? this.postfixOf(this.group("(", ")")) : this.functionArgument();
    const call: Node = { t: "fn", name, args: base ? [arg, base] : [arg] };
    return exponent ? { t: "bin", op: "^", a: call, b: exponent } : call;
  }

  private postfixOf(node: Node): Node {
    if (this.peek() !== "^") return node;
    this.take();
    return { t: "bin", op: "^", a: node, b: this.exponent() };
  }

  /** Without parentheses the argument runs over a product of plain factors: `\sin 2x`. */
  private functionArgument(): Node {
    let node = this.power();
    for (let next = this.peek(); next !== undefined && /^[\d.a-zA-Z]/.test(next); next = this.peek()) {
      node = { t: "bin", op: "*", a: node, b: this.power() };
    }
    return node;
  }
}
