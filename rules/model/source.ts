/** A 1-based position in a text, in UTF-16 code units for the column. */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  start: Position;
  end: Position;
}

/**
 * The text of one catalogue file as diagnostics need it: positions of offsets and of JSON pointers.
 * The loader's JsonSource (load/json-source.ts) is the one implementation; the model names only
 * what it offers, so it does not depend on how files are read.
 */
export interface SourceText {
  readonly text: string;
  /** Drops the text and what was computed from it, when it can be read again. */
  release(): void;
  positionAt(offset: number): Position;
  spanOf(pointer: string, keyOnly?: boolean): Span;
}
