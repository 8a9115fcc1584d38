/** Spans of text: one type for the problem finder, the answer checker and answer extraction. */

/** A half-open range of offsets `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** The span without the white space at either end; null when nothing else is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}
