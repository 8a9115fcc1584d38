/**
 * Where Markdown blocks end: at a blank line, unless the line is inside a code fence, `\[…\]`,
 * `$$…$$` or a `\begin…\end` environment. The chunker (chunker.ts) cuts solutions only there, so
 * each chunk renders as it would inside the whole text (except a loose list, which becomes
 * several lists; that is why a short finished solution is rendered whole).
 */
import { displayMathOpenAfter } from "./bracketMath";

const FENCE = /^\s{0,3}(```|~~~)/;
const BEGIN_OR_END = /\\(begin|end)\s*\{[^{}]*\}/g;

export interface OpenConstructs {
  fence: boolean;
  bracket: boolean;
  dollars: boolean;
  environments: number;
}

export function noOpenConstructs(): OpenConstructs {
  return { fence: false, bracket: false, dollars: false, environments: 0 };
}

/** Updates which constructs are open after `line`. */
export function advanceOpenConstructs(open: OpenConstructs, line: string): void {
  if (FENCE.test(line)) {
    open.fence = !open.fence;
    return;
  }
  if (open.fence) return;
  open.bracket = displayMathOpenAfter(line, open.bracket);
  if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) open.dollars = !open.dollars;
  for (const match of line.matchAll(BEGIN_OR_END)) {
    open.environments = Math.max(0, open.environments + (match[1] === "begin" ? 1 : -1));
  }
}

export function isOpen(open: OpenConstructs): boolean {
  return open.fence || open.bracket || open.dollars || open.environments > 0;
}
