/** Bracket-aware splitting of normalised answers at top level. */

const OPENERS = new Set(["(", "[", "{"]);
const CLOSERS = new Set([")", "]", "}"]);

/**
 * Splits at every top-level occurrence of one of `separators` (tried longest first). Brackets of
 * any kind nest, so the mixed brackets of an interval `[1,2)` still balance.
 */
export function splitTopLevel(s: string, separators: readonly string[]): string[] {
  const seps = [...separators].sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if (c === "\\") {
      const command = /^\\(?:[a-zA-Z]+|.)/.exec(s.slice(i))?.[0] ?? "\\";
      if (depth === 0 && seps.includes(command)) {
        parts.push(s.slice(start, i));
        start = i + command.length;
      } else if (command === "\\{" || command === "\\}") {
        depth += command === "\\{" ? 1 : -1;
      } else if (command.startsWith("\\begin") || command.startsWith("\\end")) {
        depth += command.startsWith("\\begin") ? 1 : -1;
      }
      i += command.length - 1;
    } else if (OPENERS.has(c)) {
      depth++;
    } else if (CLOSERS.has(c)) {
      depth--;
    } else if (depth === 0) {
      const sep = seps.find((x) => !x.startsWith("\\") && s.startsWith(x, i));
      if (sep) {
        parts.push(s.slice(start, i));
        start = i + sep.length;
        i += sep.length - 1;
      }
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** True when the bracket opened at 0 closes exactly at the last character (so `(1)+(2)` is not enclosed). */
export function enclosedWhole(s: string, openLength = 1, closeLength = 1): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if (c === "\\") {
      const next = s[i + 1];
      if (next === "{") depth++;
      if (next === "}") depth--;
      i++;
    } else if (OPENERS.has(c)) {
      depth++;
    } else if (CLOSERS.has(c)) {
      depth--;
    }
    if (depth === 0 && i < s.length - closeLength) return false;
  }
  return depth === 0 && s.length >= openLength + closeLength;
}
