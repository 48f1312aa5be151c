import type { Diagnostic } from './diagnostic.js';
import { countBySeverity } from './diagnostic.js';

export type FormatName = 'stylish' | 'json';

export interface StylishOptions {
  color?: boolean;
  /** The words of the report, for a CLI that speaks another language (cli/messages); English by default. */
  words?: { error: string; warning: string; summary: (errors: number, warnings: number) => string };
}

const ENGLISH = {
  error: 'error',
  warning: 'warning',
  summary: (errors: number, warnings: number) => `${errors + warnings} problem${errors + warnings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
};

const ansi = (code: number, on: boolean) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Strips control characters so a hostile message cannot drive the terminal. */
export function safeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** ESLint-style report for people: one block per file, one line per problem, then a summary. */
export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions = {}): string {
  const color = options.color ?? false;
  const words = options.words ?? ENGLISH;
  const red = ansi(31, color);
  const yellow = ansi(33, color);
  const dim = ansi(2, color);
  const bold = ansi(1, color);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(bold(safeForTerminal(d.file)));
      currentFile = d.file;
    }
    const where = `${d.line}:${d.column}`.padEnd(8);
    const width = Math.max(words.error.length, words.warning.length);
    const severity = d.severity === 'error' ? red(words.error.padEnd(width)) : yellow(words.warning.padEnd(width));
    const pointer = d.pointer ? dim(` ${safeForTerminal(d.pointer)}`) : '';
    lines.push(`  ${where} ${severity}  ${safeForTerminal(d.message)}  ${dim(d.ruleId)}${pointer}`);
    for (const r of d.related ?? []) lines.push(dim(`           ↳ ${safeForTerminal(r.file)}:${r.line}:${r.column} ${safeForTerminal(r.message)}`));
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  if (diagnostics.length > 0) lines.push('');
  const total = errors + warnings;
  const summary = `${total === 0 ? '✔' : '✖'} ${words.summary(errors, warnings)}`;
  lines.push(total === 0 ? summary : errors > 0 ? red(summary) : yellow(summary));
  return lines.join('\n') + '\n';
}

/** Machine-readable report: the diagnostics as a JSON array, in a stable order. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2) + '\n';
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: FormatName, options: StylishOptions = {}): string {
  return format === 'json' ? formatJson(diagnostics) : formatStylish(diagnostics, options);
}
