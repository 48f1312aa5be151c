import { formatDiagnostics, type FormatName } from '../../rules/diagnostics/format.js';
import { UsageError } from '../../rules/errors.js';
import { validateCatalogue } from '../../rules/validate.js';
import { EXIT, out, parsePositiveInt, useColor } from '../run.js';

export interface ValidateFlags {
  format: string;
  strict?: boolean;
  maxFileSize?: string;
}

export function parseFormat(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`Unknown format "${value}": use ${allowed.join(' or ')}.`);
  return value;
}

export async function validateCommand(dir: string, flags: ValidateFlags): Promise<number> {
  const format = parseFormat(flags.format, ['stylish', 'json']) as FormatName;
  const options = { strict: flags.strict ?? false, ...(flags.maxFileSize ? { maxFileBytes: parsePositiveInt(flags.maxFileSize, '--max-file-size') } : {}) };
  const result = await validateCatalogue(dir, options);
  await out(formatDiagnostics(result.diagnostics, format, { color: useColor() }));
  return result.errors > 0 ? EXIT.findings : EXIT.ok;
}
