/**
 * Model text made safe to print on a terminal: escape sequences (CSI such as ESC[2J, OSC such as
 * OSC 8 hyperlinks and window titles, DCS/SOS/PM/APC strings, two-byte escapes such as ESC c), C0
 * and C1 control characters, DEL and bidirectional-text controls are removed; newlines and tabs stay
 * (Unicode line separators become newlines).
 * A terminal would act on them (clear the screen, rewrite lines, make links, reorder what the user
 * reads); model output must never control the terminal.
 *
 * One forward scan: linear in the text's length whatever it contains (no regex backtracking over
 * unterminated sequences).
 */

const ESC = 0x1b;
const BEL = 0x07;
/** 8-bit introducers: CSI, and the string controls DCS, SOS, OSC, PM, APC; ST ends a string. */
const C1_CSI = 0x9b;
const C1_STRING_STARTS = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]);
const C1_ST = 0x9c;
/** After ESC: "[" opens a CSI; "]", "P", "X", "^", "_" open a string (OSC, DCS, SOS, PM, APC). */
const ESC_STRING_OPENERS = new Set([0x5d, 0x50, 0x58, 0x5e, 0x5f]);

/** Bidi embeddings, overrides, isolates and marks (they reorder what the reader sees). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripTerminalControls(text: string): string {
  let out = "";
  let kept = 0; // start of the run of plain characters not yet copied to `out`
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const skipTo = controlEnd(text, i, code);
    if (skipTo === i) {
      i++;
      continue;
    }
    out += text.slice(kept, i);
    i = skipTo;
    kept = i;
  }
  out += text.slice(kept);
  // Unicode line and paragraph separators: plain newlines, which every terminal treats alike.
  return out.replace(BIDI_CONTROLS, "").replace(/[\u2028\u2029]/g, "\n");
}

/**
 * One terminal-safe line: as `stripTerminalControls`, with line breaks and tabs turned into spaces,
 * for fields printed inside a line (an answer must not start a fake line of the summary).
 */
export function terminalSafeLine(text: string): string {
  return stripTerminalControls(text).replace(/[\n\t]+/g, " ");
}

/** Where the control starting at `i` ends (exclusive); `i` itself when `code` is a plain character. */
function controlEnd(text: string, i: number, code: number): number {
  if (code === 0x0a || code === 0x09) return i;
  if (code === ESC) return escapeEnd(text, i + 1);
  if (code === C1_CSI) return csiEnd(text, i + 1);
  if (C1_STRING_STARTS.has(code)) return stringEnd(text, i + 1);
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return i + 1;
  return i;
}

/** After an ESC at `i - 1`. */
function escapeEnd(text: string, i: number): number {
  const next = text.charCodeAt(i);
  if (next === 0x5b) return csiEnd(text, i + 1);
  if (ESC_STRING_OPENERS.has(next)) return stringEnd(text, i + 1);
  // nF escapes: intermediates 0x20–0x2F, then one final 0x30–0x7E (ESC ( B, ESC c, ESC 7…).
  let j = i;
  while (j < text.length && inRange(text.charCodeAt(j), 0x20, 0x2f)) j++;
  return j < text.length && inRange(text.charCodeAt(j), 0x30, 0x7e) ? j + 1 : j;
}

/** Parameters 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E. */
function csiEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && inRange(text.charCodeAt(j), 0x30, 0x3f)) j++;
  while (j < text.length && inRange(text.charCodeAt(j), 0x20, 0x2f)) j++;
  return j < text.length && inRange(text.charCodeAt(j), 0x40, 0x7e) ? j + 1 : j;
}

/**
 * A control string's body runs to BEL, ESC \ or ST. One that never ends there (the next ESC or C1
 * control comes first, or the text ends) loses only its introducer: its body is then read as text,
 * and any control in it is removed on its own. Either way each character is looked at at most twice.
 */
function stringEnd(text: string, i: number): number {
  for (let j = i; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === BEL || code === C1_ST) return j + 1;
    if (code === ESC) return text.charCodeAt(j + 1) === 0x5c ? j + 2 : i;
    if (inRange(code, 0x80, 0x9f)) return i;
  }
  return i;
}

function inRange(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 controls but not DEL, C1 controls, bidi controls
 * or line separators; these are escaped as \uXXXX too. They only occur inside string literals, so
 * the JSON means exactly the same.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
