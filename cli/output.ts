/**
 * How the commands write. Two kinds of output, kept apart:
 * - messages, what people read in the terminal (reports, notes, errors): `say` on stdout, `note`
 *   and `fail` on stderr. They go through `safeForTerminal`, the one escape for control characters,
 *   so a code or name from a hostile import (ESC ] 0 ; …) cannot drive the terminal (issue 16, point 14);
 * - documents a command produces (Markdown, HTML, JSON, DOCX, diagnostics already formatted):
 *   `out`, byte for byte, for files and pipes.
 */
import type { Diagnostic } from '../rules/diagnostics/diagnostic.js';
import { formatDiagnostics, safeForTerminal, type FormatName } from '../rules/diagnostics/format.js';
import { m } from './i18n.js';
import type { Catalogue } from '../rules/model/catalogue.js';
import type { LegalRef } from '../rules/schema/types/procedure-version.generated.js';
import { citeRef } from '../rules/text/vi/citations.js';

export { safeForTerminal };

function write(stream: NodeJS.WriteStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (data.length === 0) return resolve();
    stream.write(data, () => resolve());
  });
}

/** Writes a document to stdout as it is and resolves once the data is flushed, so piped output is never cut short. */
export function out(data: string | Uint8Array): Promise<void> {
  return write(process.stdout, data);
}

/**
 * Writes a document (Markdown, HTML, JSON) to stdout: byte for byte into a file or pipe; on a
 * terminal, where a person reads it, with control characters from the input escaped.
 */
export function outDocument(text: string): Promise<void> {
  return write(process.stdout, process.stdout.isTTY ? safeForTerminal(text) : text);
}

/** Writes message lines for people to stdout, control characters escaped. */
export function say(text: string): Promise<void> {
  return write(process.stdout, safeForTerminal(text));
}

/** One message line on stderr, "tthc: …", control characters escaped. */
export function note(line: string): void {
  process.stderr.write(`tthc: ${safeForTerminal(line)}\n`);
}

/** Message text on stderr as it is given (with its own prefix), control characters escaped. */
export function noteRaw(text: string): void {
  process.stderr.write(safeForTerminal(text));
}

/**
 * Diagnostics as validate prints them: JSON as it is (for machines, in every language); the
 * stylish report with its words in the CLI's language. The rules' own messages are the rules'.
 */
export function formatFindings(diagnostics: readonly Diagnostic[], format: FormatName, color: boolean): string {
  // JSON: an escaped control character (\u009b) inside a JSON string is the same string.
  if (format === 'json') return process.stdout.isTTY ? safeForTerminal(formatDiagnostics(diagnostics, 'json')) : formatDiagnostics(diagnostics, 'json');
  const words = m().validateSummary;
  const shown = diagnostics.map((d) => (d.blocksPublishing ? { ...d, message: d.message.replace(/^Publishing would be refused: /, words.blocksPublishing) } : d));
  return formatDiagnostics(shown, 'stylish', { color, words });
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** A citation in Vietnamese, with the registered document's title when the catalogue knows it. */
export function cite(catalogue: Catalogue | undefined, ref: LegalRef): string {
  return citeRef(ref, catalogue?.registry.legalDocuments.byId.get(ref.document));
}

export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
