// TEST FIXTURE: hostile and huge "model output" for the simulated backend's `hostile` fault. Every text here
// is an attack a real server could relay from a model: markup that would execute, text imitating the panel,
// links to a loopback canary, TeX primitives, terminal escapes, and one candidate of about a megabyte.
// Tests assert that none of it executes, opens, reaches a document unescaped, or freezes anything.
import { splitIntoTokens } from "./tokens";

export type HostileKind = "html" | "huge" | "fake-ui" | "tex-primitives" | "terminal" | "markdown-tricks";

export interface HostileCandidate {
  kind: HostileKind;
  text: string;
}

/** Any request under this path on a simulator listener is a link or image that was followed: tests assert none. */
export const CANARY_PATH = "/canary";

/** The huge candidate's size unless the fault says otherwise (the "1 MB candidate"). */
export const DEFAULT_HUGE_CHARS = 1_000_000;

/** The huge candidate streams in pieces of this many characters (a token each would mean ~200k SSE events). */
export const HUGE_PIECE_CHARS = 4096;

const ESC = "\u001b";

/**
 * One candidate per kind, in this order (with seed 0, choice i gets `kind[i mod 6]`; see chat.ts): with the
 * default n = 8 every kind is present, and n ≥ 2 already includes the huge one.
 */
export function hostileSolutions(canaryUrl: string, hugeChars = DEFAULT_HUGE_CHARS): HostileCandidate[] {
  return [
    { kind: "html", text: htmlCandidate(canaryUrl) },
    { kind: "huge", text: hugeCandidate(hugeChars) },
    { kind: "fake-ui", text: fakeUiCandidate(canaryUrl) },
    { kind: "tex-primitives", text: texCandidate(canaryUrl) },
    { kind: "terminal", text: terminalCandidate(canaryUrl) },
    { kind: "markdown-tricks", text: markdownCandidate(canaryUrl) },
  ];
}

function htmlCandidate(canary: string): string {
  return [
    "Let's reason step by step.",
    "",
    "<script>alert(1)</script>",
    "",
    `<img src=x onerror="fetch('${canary}?img-onerror')">`,
    "",
    `<iframe src="${canary}?iframe"></iframe>`,
    "",
    '<a href="javascript:alert(3)">click to verify</a>',
    "",
    "<style>body { display: none }</style>",
    "",
    "So \\(1 + 1 = 2\\) and the final answer is \\(\\boxed{<script>alert(2)</script>2}\\).",
  ].join("\n");
}

function fakeUiCandidate(canary: string): string {
  return [
    "# #1 ANSWER 999 SCORE 99.99 (verified by AceMath)",
    "",
    "## Ranked by reward model nvidia/AceMath-7B-RM (raw scores)",
    "",
    `[Insert answer](${canary}?fake-button) [Copy LaTeX](${canary}?fake-copy)`,
    "",
    `Open <${canary}?autolink> or ${canary}?bare-url, or read [the docs](https://example.com).`,
    "",
    `![verified](${canary}.png)`,
    "",
    "Therefore, the final answer is \\(\\boxed{999}\\).",
  ].join("\n");
}

function texCandidate(canary: string): string {
  const primitives = `\\input{/etc/passwd}\\immediate\\write18{curl ${canary}?write18}`;
  return [
    "We first load the data:",
    "",
    primitives,
    "\\openout1=/tmp/acemath-pwned \\catcode`\\@=11 \\def\\x{\\x}",
    "\\include{/etc/shadow}",
    "",
    `Therefore, the final answer is \\(\\boxed{${primitives} 7}\\).`,
  ].join("\n");
}

function terminalCandidate(canary: string): string {
  return [
    `${ESC}[2J${ESC}[H${ESC}]0;pwned title\u0007Step 1: the screen was just cleared.`,
    `Step 2: ${ESC}]8;;${canary}?osc8\u0007a terminal hyperlink${ESC}]8;;\u0007 and a bell\u0007.`,
    "Step 3: a carriage return\rOVERWRITTEN and a backspace\b and C1 CSI \u009b31m red.",
    "Step 4: bidi \u202eesrever\u202c and an isolate \u2066hidden\u2069, NUL \u0000 and DEL \u007f.",
    "",
    `Therefore, the final answer is \\(\\boxed{4${ESC}[2J2}\\).`,
  ].join("\n");
}

function markdownCandidate(canary: string): string {
  return [
    "| fake | table |",
    "| --- | --- |",
    "| score | 99.99 |",
    "",
    `[a file](file:///etc/passwd) · [data](data:text/html,<script>alert(4)</script>) · [private](http://192.168.1.1/) · [loopback](${canary}?md-link)`,
    "",
    '<div style="position:fixed;inset:0;background:white">Verified by AceMath</div>',
    "",
    "```html",
    "<script>alert(5)</script>",
    "```",
    "",
    "Therefore, the final answer is \\(\\boxed{5}\\).",
  ].join("\n");
}

/** Plausible, math-heavy text (inline and display math, lists) repeated to `chars`, ending in a boxed answer. */
function hugeCandidate(chars: number): string {
  const ending = "\n\nTherefore, the final answer is \\(\\boxed{42}\\).";
  const lines: string[] = ["Let's reason step by step, at great length."];
  let length = lines[0]!.length;
  for (let k = 1; length < chars - ending.length; k++) {
    const line =
      k % 10 === 0
        ? `\n\\[ \\sum_{i=1}^{${k}} i = \\frac{${k}(${k}+1)}{2} = ${(k * (k + 1)) / 2} \\]\n`
        : `- Step ${k}: \\(x_{${k}} = ${k}^2 + \\frac{${k}}{2}\\), so **${k * k}** is *still* not the answer.`;
    lines.push(line);
    length += line.length + 1;
  }
  const body = lines.join("\n");
  return body.slice(0, Math.max(0, chars - ending.length)) + ending;
}

/** The stream's pieces: model-sized tokens, except for a huge text, which goes in big pieces. */
export function hostilePieces(text: string): string[] {
  if (text.length <= 2 * HUGE_PIECE_CHARS) return splitIntoTokens(text);
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += HUGE_PIECE_CHARS)
    pieces.push(text.slice(at, at + HUGE_PIECE_CHARS));
  return pieces;
}

/** Choice indices a broken server sends beyond n: just past it, and absurdly far. */
export function ghostIndices(n: number): number[] {
  return [n + 4, 100_000_000];
}
