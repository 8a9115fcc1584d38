/**
 * An in-memory `vscode.TextDocument` and `TextEditor`. Positions are validated as VS Code does (a line
 * past the end means the end of the document, a character past the line's end means the line's end),
 * and `applyEdits` changes the text the way a workspace edit does: every edit refers to the text before
 * any of them, overlapping edits are refused, and editors' selections move with the text.
 */
import { Position, Range, Selection } from "./position";
import type { Uri } from "./uri";

export enum EndOfLine {
  LF = 1,
  CRLF = 2,
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** What `onDidChangeTextDocument` reports for one edit. */
export interface ContentChange {
  range: Range;
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export class FakeTextDocument {
  private content: string;
  version = 1;
  isDirty = false;
  isClosed = false;

  constructor(
    readonly uri: Uri,
    readonly languageId: string,
    text: string,
  ) {
    this.content = text;
  }

  get fileName(): string {
    return this.uri.fsPath;
  }

  get isUntitled(): boolean {
    return this.uri.scheme === "untitled";
  }

  get eol(): EndOfLine {
    return this.content.includes("\r\n") ? EndOfLine.CRLF : EndOfLine.LF;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    if (!range) return this.content;
    const valid = this.validateRange(range);
    return this.content.slice(this.offsetAt(valid.start), this.offsetAt(valid.end));
  }

  offsetAt(position: Position): number {
    const valid = this.validatePosition(position);
    return this.lineStarts()[valid.line]! + valid.character;
  }

  positionAt(offset: number): Position {
    const at = Math.min(Math.max(0, Math.trunc(offset)), this.content.length);
    const starts = this.lineStarts();
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= at) line++;
    // An offset between "\r" and "\n" is still on the line, at its end.
    return new Position(line, Math.min(at - starts[line]!, this.lineLength(line)));
  }

  lineAt(lineOrPosition: number | Position) {
    const line = typeof lineOrPosition === "number" ? lineOrPosition : lineOrPosition.line;
    if (!Number.isInteger(line) || line < 0 || line >= this.lineCount)
      throw new Error("Illegal value for `line`");
    const start = this.lineStarts()[line]!;
    const text = this.content.slice(start, start + this.lineLength(line));
    const nextStart = this.lineStarts()[line + 1] ?? this.content.length;
    return {
      lineNumber: line,
      text,
      range: new Range(line, 0, line, text.length),
      rangeIncludingLineBreak: new Range(this.positionAt(start), this.positionAt(nextStart)),
      firstNonWhitespaceCharacterIndex: text.length - text.trimStart().length,
      isEmptyOrWhitespace: text.trim() === "",
    };
  }

  validatePosition(position: Position): Position {
    const last = this.lineCount - 1;
    if (position.line > last) return new Position(last, this.lineLength(last));
    return new Position(position.line, Math.min(position.character, this.lineLength(position.line)));
  }

  validateRange(range: Range): Range {
    return new Range(this.validatePosition(range.start), this.validatePosition(range.end));
  }

  save(): Promise<boolean> {
    this.isDirty = false;
    return Promise.resolve(!this.isClosed);
  }

  /** The changes `edits` would make, last first, or null when two of them overlap (VS Code refuses those). */
  planEdits(edits: readonly TextEdit[]): ContentChange[] | null {
    const changes = edits
      .map((edit) => {
        const range = this.validateRange(edit.range);
        const rangeOffset = this.offsetAt(range.start);
        return {
          range,
          rangeOffset,
          rangeLength: this.offsetAt(range.end) - rangeOffset,
          text: edit.newText,
        };
      })
      .sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (let i = 1; i < changes.length; i++) {
      const later = changes[i - 1]!;
      const earlier = changes[i]!;
      if (earlier.rangeOffset + earlier.rangeLength > later.rangeOffset) return null;
    }
    return changes;
  }

  /** Applies the edits as a workspace edit does; null (nothing changed) when two of them overlap. */
  applyEdits(edits: readonly TextEdit[]): ContentChange[] | null {
    const changes = this.planEdits(edits);
    if (!changes) return null;
    // From the end backwards, so that each change's offsets still refer to the text before any of them.
    for (const change of changes) {
      this.content =
        this.content.slice(0, change.rangeOffset) +
        change.text +
        this.content.slice(change.rangeOffset + change.rangeLength);
    }
    if (changes.length > 0) {
      this.version++;
      this.isDirty = true;
    }
    return changes;
  }

  private lineStarts(): number[] {
    const starts = [0];
    const breaks = /\r\n|\r|\n/g;
    for (let m = breaks.exec(this.content); m; m = breaks.exec(this.content))
      starts.push(m.index + m[0].length);
    return starts;
  }

  private lineLength(line: number): number {
    const starts = this.lineStarts();
    const start = starts[line]!;
    const next = starts[line + 1];
    if (next === undefined) return this.content.length - start;
    const lineBreak = this.content.slice(start, next).match(/(\r\n|\r|\n)$/)?.[0] ?? "";
    return next - start - lineBreak.length;
  }
}

export class FakeTextEditor {
  private current: Selection;
  readonly revealed: Range[] = [];

  constructor(
    readonly document: FakeTextDocument,
    selection: Selection = new Selection(new Position(0, 0), new Position(0, 0)),
    /** Told after every selection change, as `window.onDidChangeTextEditorSelection` is. */
    private readonly selectionChanged: (editor: FakeTextEditor) => void = () => undefined,
  ) {
    this.current = selection;
  }

  get selection(): Selection {
    return this.current;
  }

  set selection(selection: Selection) {
    const doc = this.document;
    this.current = new Selection(
      doc.validatePosition(selection.anchor),
      doc.validatePosition(selection.active),
    );
    this.selectionChanged(this);
  }

  get selections(): Selection[] {
    return [this.current];
  }

  revealRange(range: Range): void {
    this.revealed.push(range);
  }

  /**
   * After `changes` (offsets in the text before them): a position after a change moves by the change's
   * growth; one inside a replaced range goes to the range's start; one exactly at an insertion stays.
   */
  followChanges(before: readonly ContentChange[], offsetsBefore: { anchor: number; active: number }): void {
    const move = (offset: number) => {
      let moved = offset;
      for (const change of before) {
        const end = change.rangeOffset + change.rangeLength;
        if (offset >= end && (change.rangeLength > 0 || offset > change.rangeOffset))
          moved += change.text.length - change.rangeLength;
        else if (offset > change.rangeOffset) moved -= offset - change.rangeOffset;
      }
      return this.document.positionAt(moved);
    };
    this.current = new Selection(move(offsetsBefore.anchor), move(offsetsBefore.active));
    this.selectionChanged(this);
  }
}
