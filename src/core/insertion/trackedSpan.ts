/**
 * The problem's place in its document, kept current as the document is edited, so that an answer inserted
 * minutes later still lands after the problem. Pure: the extension feeds it the editor's content changes.
 */
import type { Span } from "../problem/types";

export interface TrackedSpan extends Span {
  /** False once an edit replaced the whole problem: `start` = `end` = where it was. */
  intact: boolean;
}

/** One replacement, as `TextDocumentContentChangeEvent` reports it: offsets before the change. */
export interface TextChange {
  offset: number;
  /** How many characters were replaced. */
  length: number;
  /** How many characters replaced them. */
  insertedLength: number;
}

export function trackSpan(span: Span): TrackedSpan {
  return { start: span.start, end: span.end, intact: span.end > span.start };
}

/**
 * Applies changes in the order given; each change's offsets refer to the text left by the ones before (as
 * VS Code reports a multi-cursor edit: last in the document first). Text inserted right after the problem
 * joins it, so a second insertion goes after the first; text inserted right before it does not.
 */
export function applyChanges(span: TrackedSpan, changes: readonly TextChange[]): TrackedSpan {
  return changes.reduce(applyChange, span);
}

function applyChange(span: TrackedSpan, change: TextChange): TrackedSpan {
  const changeEnd = change.offset + change.length;
  const delta = change.insertedLength - change.length;
  const coversAll = change.length > 0 && change.offset <= span.start && changeEnd >= span.end;
  if (span.intact && coversAll) {
    return { start: change.offset, end: change.offset, intact: false };
  }
  return {
    start: mapStart(span.start, change, changeEnd, delta),
    end: mapEnd(span.end, change, changeEnd, delta),
    intact: span.intact,
  };
}

/** Inserting at the start pushes it; replacing across it moves it to where the replacement starts. */
function mapStart(start: number, change: TextChange, changeEnd: number, delta: number): number {
  if (change.offset > start) return start;
  if (changeEnd <= start) return start + delta;
  return change.offset;
}

/** Inserting at the end extends it; replacing across it moves it to where the replacement ends. */
function mapEnd(end: number, change: TextChange, changeEnd: number, delta: number): number {
  if (change.offset > end || (change.offset === end && change.length > 0)) return end;
  if (changeEnd <= end) return end + delta;
  return change.offset + change.insertedLength;
}
