import { UsageError } from '../rules/errors.js';

/** Exit codes, decided here and nowhere else: 0 clean, 1 findings, 2 usage or I/O problems. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

function isNamed(error: unknown, ...names: string[]): error is Error {
  return error instanceof Error && names.includes(error.name);
}

/**
 * Runs a command body and turns every failure into one line on stderr and an exit code. A stack
 * trace is printed only with TTHC_DEBUG=1: users see what went wrong, never the internals.
 */
export async function runCommand(body: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await body();
  } catch (error) {
    if (error instanceof UsageError || isNamed(error, 'UsageError', 'CatalogueAccessError')) {
      process.stderr.write(`tthc: ${(error as Error).message}\n`);
      code = EXIT.usage;
    } else if (isNamed(error, 'CatalogueOperationError')) {
      process.stderr.write(`tthc: ${(error as Error).message}\n`);
      code = EXIT.findings;
    } else {
      const io = (error as NodeJS.ErrnoException | undefined)?.code;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(io ? `tthc: ${message}\n` : `tthc: internal error: ${message} (set TTHC_DEBUG=1 for details)\n`);
      if (process.env.TTHC_DEBUG && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
      code = EXIT.usage;
    }
  }
  process.exitCode = code;
}

/** Writes to stdout and resolves once the data is flushed, so piped output is never cut short. */
export function out(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === '') return resolve();
    process.stdout.write(text, () => resolve());
  });
}

export function parsePositiveInt(value: string, what: string): number {
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`${what} must be a whole number, got "${value}".`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${what} must be a positive number, got "${value}".`);
  return n;
}

/** A --format value, checked against the formats a command offers. */
export function parseFormat(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`Unknown format "${value}": use ${allowed.join(' or ')}.`);
  return value;
}

export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
