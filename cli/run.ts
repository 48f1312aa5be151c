import { UsageError } from '../rules/errors.js';
import { m } from './i18n.js';
import { note } from './output.js';

/** Exit codes, decided here and nowhere else: 0 clean, 1 findings, 2 usage or I/O problems. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

function isNamed(error: unknown, ...names: string[]): error is Error {
  return error instanceof Error && names.includes(error.name);
}

/**
 * The words for an error: the current language's wording of its id when the library gave one
 * (UsageError.id and params), else its own message.
 */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const id = (error as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') return message;
  const word = m().error[id];
  return word ? word((error as { params?: Record<string, unknown> }).params ?? {}) : message;
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
      note(errorText(error));
      code = EXIT.usage;
    } else if (isNamed(error, 'CatalogueOperationError')) {
      note(errorText(error));
      code = EXIT.findings;
    } else {
      const io = (error as NodeJS.ErrnoException | undefined)?.code;
      const message = errorText(error);
      note(io ? message : m().run.internal(message));
      if (process.env.TTHC_DEBUG && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
      code = EXIT.usage;
    }
  }
  process.exitCode = code;
}
