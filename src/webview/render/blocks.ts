/**
 * Splits streaming Markdown into top-level chunks at blank lines, so a streaming solution can be
 * re-rendered chunk by chunk: only the chunk still growing is re-rendered, not the whole text.
 * A blank line inside a code fence, `\[…\]`, `$$…$$` or a `\begin…\end` environment is not a
 * boundary. Chunking can differ slightly from rendering the whole text (a loose list becomes
 * several lists), so a finished solution is always rendered whole.
 */
import { displayMathOpenAfter } from "./bracketMath";

const FENCE = /^\s{0,3}(```|~~~)/;
const BEGIN_OR_END = /\\(begin|end)\s*\{[^{}]*\}/g;

interface OpenConstructs {
  fence: boolean;
  bracket: boolean;
  dollars: boolean;
  environments: number;
}

function advance(open: OpenConstructs, line: string): void {
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

function isOpen(open: OpenConstructs): boolean {
  return open.fence || open.bracket || open.dollars || open.environments > 0;
}

export function splitMarkdownBlocks(text: string): string[] {
  const chunks: string[] = [];
  const open: OpenConstructs = { fence: false, bracket: false, dollars: false, environments: 0 };
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" && !isOpen(open)) {
      if (current.length > 0) chunks.push(current.join("\n"));
      current = [];
      continue;
    }
    current.push(line);
    advance(open, line);
  }
  if (current.length > 0) chunks.push(current.join("\n"));
  return chunks;
}
