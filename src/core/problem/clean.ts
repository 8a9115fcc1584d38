/**
 * Text clean-ups applied to an extracted span before it is sent to the model. Each is a single
 * forward pass (indexOf loops, anchored per-line patterns) so that cleaning stays linear.
 */
import { braceGroupEnd } from "../util/braces";

/**
 * Removes `%` comments (an escaped `\%` is a percent sign and stays). A line that held only a
 * comment disappears with its line break, so commented-out lines do not leave blank gaps.
 */
export function stripTexComments(text: string): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const cut = commentStart(line);
    if (cut < 0) out.push(line);
    else if (line.slice(0, cut).trim() !== "") out.push(line.slice(0, cut));
  }
  return out.join("\n");
}

function commentStart(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\")
      i++; // skips the escaped character: `\%` is text, `\\%` is a line break then a comment
    else if (c === "%") return i;
  }
  return -1;
}

/** Removes every `\name{…}` (balanced braces), e.g. `\label{eq:1}`, which means nothing to the model. */
export function stripCommandWithArg(text: string, name: string): string {
  const opener = `\\${name}{`;
  let out = "";
  let from = 0;
  for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, from)) {
    const end = braceGroupEnd(text, at + opener.length - 1);
    if (end < 0) break;
    out += text.slice(from, at);
    from = end;
  }
  return out + text.slice(from);
}

/** Removes `<!-- … -->`; an unterminated comment runs to the end, as it does in a browser. */
export function stripHtmlComments(text: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf("<!--"); at >= 0; at = text.indexOf("<!--", from)) {
    out += text.slice(from, at);
    const close = text.indexOf("-->", at + 4);
    from = close < 0 ? text.length : close + 3;
  }
  return out + text.slice(from);
}

const HEADING = /^ {0,3}(#{1,6})(?=\s|$)/;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=\s|$)[ \t]*/;
const QUOTE_MARKER = /^ {0,3}> ?/;

export function isMarkdownHeading(line: string): boolean {
  return HEADING.test(line);
}

export function isMarkdownListItem(line: string): boolean {
  return LIST_MARKER.test(line);
}

/** `## Title ##` → `Title`: the hashes, and a closing run of hashes, are markup. */
export function stripHeadingHashes(line: string): string {
  const match = HEADING.exec(line);
  if (!match) return line;
  const words = line.slice(match[0].length).trim();
  return words.replace(/(?:^|\s)#+$/, "").trim();
}

/** Removes the marker of the item's first line (`- `, `1. `, `* [ ] `); the rest is its text. */
export function stripListMarker(text: string): string {
  return text.replace(LIST_MARKER, "");
}

/** Removes `> ` quoting from every line; problems are often quoted from a source. */
export function stripQuoteMarkers(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      let rest = line;
      for (let m = QUOTE_MARKER.exec(rest); m; m = QUOTE_MARKER.exec(rest)) rest = rest.slice(m[0].length);
      return rest;
    })
    .join("\n");
}
