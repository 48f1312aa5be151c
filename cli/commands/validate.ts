import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FormatName } from '../../rules/diagnostics/format.js';
import { validateCatalogue } from '../../rules/validate/index.js';
import { parseFormat, parsePositiveInt } from '../options.js';
import { finishPublishIfInterrupted } from '../catalogue.js';
import { formatFindings, out, useColor } from '../output.js';
import { EXIT } from '../run.js';

export interface ValidateFlags {
  format: string;
  strict?: boolean;
  maxFileSize?: string;
  cache?: boolean;
  cacheDir?: string;
}

export async function validateCommand(dir: string, flags: ValidateFlags): Promise<number> {
  const format = parseFormat(flags.format, ['stylish', 'json']) as FormatName;
  const options = {
    strict: flags.strict ?? false,
    ...(flags.maxFileSize ? { maxFileBytes: parsePositiveInt(flags.maxFileSize, '--max-file-size') } : {}),
    // One state per catalogue folder, so validating several in turn does not discard each other's.
    ...(flags.cache ? { stateDir: path.join(path.resolve(flags.cacheDir ?? '.tthc-cache'), `validate-${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16)}`) } : {}),
  };
  await finishPublishIfInterrupted(dir, 'tthc validate');
  const result = await validateCatalogue(dir, options);
  await out(formatFindings(result.diagnostics, format, useColor()));
  return result.errors > 0 ? EXIT.findings : EXIT.ok;
}
