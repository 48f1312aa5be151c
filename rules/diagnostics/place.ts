import type { Diagnostic, RelatedPlace, Severity } from './diagnostic.js';
import type { SourceFile } from '../model/catalogue.js';

/** Builds a diagnostic located at a JSON pointer in a file. */
export function diagnosticAt(
  file: SourceFile,
  pointer: string,
  ruleId: string,
  severity: Severity,
  message: string,
  extra: { atKey?: boolean; related?: RelatedPlace[]; url?: string } = {},
): Diagnostic {
  const span = file.source.spanOf(pointer, extra.atKey ?? false);
  const d: Diagnostic = {
    file: file.display,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    pointer,
    ruleId,
    severity,
    message,
  };
  if (extra.url) d.url = extra.url;
  if (extra.related && extra.related.length > 0) d.related = extra.related;
  return d;
}

/** A place for RelatedPlace, from a file and pointer. */
export function relatedAt(file: SourceFile, pointer: string, message: string): RelatedPlace {
  const span = file.source.spanOf(pointer);
  return { file: file.display, line: span.start.line, column: span.start.column, pointer, message };
}

/** A diagnostic about a whole file (it could not be read, or is not part of the layout): at 1:1, pointer ''. */
export function fileLevelDiagnostic(display: string, ruleId: string, severity: Severity, message: string): Diagnostic {
  return { file: display, line: 1, column: 1, pointer: '', ruleId, severity, message };
}
