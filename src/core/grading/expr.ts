/** The expression tree that the fast parser produces and the evaluators walk. */
export type Expr =
  | { kind: "number"; text: string } // a literal as written: `12`, `0.5`
  | { kind: "symbol"; name: string } // a variable: `x`, `a_1`, `\alpha`
  | { kind: "constant"; name: "pi" | "e" | "infinity" }
  | { kind: "negate"; arg: Expr }
  | { kind: "binary"; op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }
  | { kind: "call"; fn: string; args: Expr[] }; // sqrt, root, sin, ln, log, abs, factorial, binom…

export function freeSymbols(e: Expr, into: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case "symbol":
      into.add(e.name);
      break;
    case "negate":
      freeSymbols(e.arg, into);
      break;
    case "binary":
      freeSymbols(e.left, into);
      freeSymbols(e.right, into);
      break;
    case "call":
      e.args.forEach((a) => freeSymbols(a, into));
      break;
    default:
      break;
  }
  return into;
}

export function containsDecimal(e: Expr): boolean {
  switch (e.kind) {
    case "number":
      return e.text.includes(".");
    case "negate":
      return containsDecimal(e.arg);
    case "binary":
      return containsDecimal(e.left) || containsDecimal(e.right);
    case "call":
      return e.args.some(containsDecimal);
    default:
      return false;
  }
}
