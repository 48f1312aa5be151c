/** Severity of a diagnostic: errors fail validation (exit 1), warnings do not unless --strict. */
export type Severity = 'error' | 'warning';

/** A second place a diagnostic refers to ("first defined here"). */
export interface RelatedPlace {
  /** File path as given to the loader (catalogue dir joined with the relative path). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** JSON pointer inside the file ('' for the whole document). */
  pointer: string;
  /** What this place is. */
  message: string;
}

/**
 * The one shape for every problem the tool reports: JSON parse errors, schema errors, lint findings,
 * lock-file violations and I/O problems alike (after vfile's VFileMessage).
 */
export interface Diagnostic {
  /** File path as given to the loader (catalogue dir joined with the relative path). */
  file: string;
  /** 1-based line of the start. */
  line: number;
  /** 1-based column of the start. */
  column: number;
  /** 1-based line of the end, where known. */
  endLine?: number;
  /** 1-based column of the end (exclusive), where known. */
  endColumn?: number;
  /** JSON pointer of the offending value ('' for the whole file). */
  pointer: string;
  /** Stable rule id: a lint rule id, or schema/<keyword>, json/<problem>, io/<problem>, lock/<problem>. */
  ruleId: string;
  /** error or warning. */
  severity: Severity;
  /** One sentence, saying what is wrong and, where it helps, how to fix it. */
  message: string;
  /** For lint findings: which of the rule's messages this is (stable, for tests and tools). */
  messageId?: string;
  /** Documentation page for the rule, relative to the docs site root. */
  url?: string;
  /** Other places involved. */
  related?: RelatedPlace[];
  /**
   * On a draft or proposal: an error once the version is published, so `tthc publish` refuses it
   * until it is fixed. Reported as a warning that --strict leaves a warning (a draft may be unfinished).
   */
  blocksPublishing?: true;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  if (a.pointer !== b.pointer) return a.pointer < b.pointer ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(compareDiagnostics);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Escalates warnings to errors (validate --strict). */
export function strictify(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
