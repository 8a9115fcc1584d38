/** `vscode.Position`, `Range` and `Selection`: immutable, validated and ordered as VS Code's are. */
export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {
    if (line < 0) throw new Error("Illegal argument: line must be non-negative");
    if (character < 0) throw new Error("Illegal argument: character must be non-negative");
  }

  compareTo(other: Position): number {
    return this.line - other.line || this.character - other.character;
  }

  isBefore(other: Position): boolean {
    return this.compareTo(other) < 0;
  }

  isAfter(other: Position): boolean {
    return this.compareTo(other) > 0;
  }

  isEqual(other: Position): boolean {
    return this.compareTo(other) === 0;
  }

  translate(lineDelta = 0, characterDelta = 0): Position {
    return new Position(this.line + lineDelta, this.character + characterDelta);
  }

  with(line = this.line, character = this.character): Position {
    return new Position(line, character);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;

  constructor(start: Position, end: Position);
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number);
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const first = typeof a === "number" ? new Position(a, b as number) : a;
    const second = typeof a === "number" ? new Position(c ?? 0, d ?? 0) : (b as Position);
    // VS Code orders the ends: a range never runs backwards.
    [this.start, this.end] = first.isAfter(second) ? [second, first] : [first, second];
  }

  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }

  get isSingleLine(): boolean {
    return this.start.line === this.end.line;
  }

  contains(value: Position | Range): boolean {
    if (value instanceof Range) return this.contains(value.start) && this.contains(value.end);
    return !value.isBefore(this.start) && !value.isAfter(this.end);
  }

  isEqual(other: Range): boolean {
    return this.start.isEqual(other.start) && this.end.isEqual(other.end);
  }
}

export class Selection extends Range {
  readonly anchor: Position;
  readonly active: Position;

  constructor(anchor: Position, active: Position) {
    super(anchor, active);
    this.anchor = anchor;
    this.active = active;
  }

  get isReversed(): boolean {
    return this.active.isBefore(this.anchor);
  }
}
