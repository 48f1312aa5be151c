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
import { lang, m } from './i18n.js';
import { lintMessageVi, relatedVi, schemaMessageVi } from './messages/lint-vi.js';
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
  const shown = diagnostics.map((d) => {
    const message = findingMessage(d);
    const related = lang() === 'vi' && d.related ? d.related.map((r) => ({ ...r, message: relatedVi(r.message) })) : d.related;
    return { ...d, message: d.blocksPublishing ? `${words.blocksPublishing}${message}` : message, ...(related ? { related } : {}) };
  });
  return formatDiagnostics(shown, 'stylish', { color, words });
}

/**
 * A finding's message for people, in the CLI's language, without the "Publishing would be refused: "
 * prefix of a draft's blocker: the lint rules word theirs in English (kept so in JSON), and in
 * Vietnamese they are worded again from their values (cli/messages/lint-vi.ts).
 */
export function findingMessage(d: Diagnostic): string {
  const english = d.blocksPublishing ? d.message.replace(/^Publishing would be refused: /, '') : d.message;
  if (lang() !== 'vi') return english;
  return (d.ruleId.startsWith('schema/') ? schemaMessageVi(english) : lintMessageVi({ ruleId: d.ruleId, messageId: d.messageId, message: english })) ?? english;
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
