/**
 * Model output converted to the markup of the document it goes into (model output is untrusted):
 * - everywhere: escape sequences and control characters removed (see controlChars.ts);
 * - LaTeX: prose escaped, math kept as math, and dangerous primitives (`\input`, `\write`, `\def`…)
 *   neutralised in both, so that they print their name rather than run. Neutralised, not refused: the user
 *   still gets the answer, and is told which commands were defused;
 * - Markdown: raw HTML escaped so the preview shows it as text, math and code kept, an unclosed code fence
 *   closed (it would swallow the rest of the document);
 * - plain text: nothing more.
 */
import { cleanMathBody } from "./cleanMath";
import { stripControlCharacters } from "./controlChars";
import { escapeLatexText, escapeMarkdownText } from "./escapeText";
import type { Markup } from "./markup";
import { splitSegments, type Segment } from "./segments";

export interface CleanText {
  text: string;
  /** Dangerous TeX commands that were written so as not to run, e.g. `\input`, in order of appearance. */
  neutralised: string[];
}

export function cleanModelText(text: string, markup: Markup): CleanText {
  const stripped = stripControlCharacters(text);
  if (markup === "plain") return { text: stripped, neutralised: [] };
  const found = new Set<string>();
  const segments = splitSegments(stripped, { latex: false, markdownCode: true });
  const parts = segments.map((segment) =>
    markup === "latex" ? latexPart(stripped, segment, found) : markdownPart(stripped, segment, found),
  );
  return { text: parts.join(""), neutralised: [...found] };
}

function latexPart(text: string, segment: Segment, found: Set<string>): string {
  if (segment.kind !== "math") {
    const atLineStart = segment.start === 0 || text.charAt(segment.start - 1) === "\n";
    return escapeLatexText(text.slice(segment.start, segment.end), atLineStart, found);
  }
  return mathPart(text, segment, "latex", found);
}

function markdownPart(text: string, segment: Segment, found: Set<string>): string {
  switch (segment.kind) {
    case "math":
      return mathPart(text, segment, "markdown", found);
    case "code": {
      // Markdown shows code as it is (no HTML inside), but an unclosed fence runs to the end of the document.
      const code = text.slice(segment.start, segment.end);
      return segment.missingCloser ? `${code}\n${segment.missingCloser}` : code;
    }
    default:
      return escapeMarkdownText(text.slice(segment.start, segment.end), found);
  }
}

function mathPart(text: string, segment: Segment, markup: Markup, found: Set<string>): string {
  const open = text.slice(segment.start, segment.bodyStart);
  const close = text.slice(segment.bodyEnd, segment.end);
  return open + cleanMathBody(text.slice(segment.bodyStart, segment.bodyEnd), markup, found) + close;
}
