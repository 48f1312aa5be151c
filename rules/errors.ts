/**
 * Errors the library raises on purpose. The CLI maps them to exit codes in one place:
 * UsageError and CatalogueAccessError → 2 (bad arguments, unusable folder); CatalogueOperationError → 1.
 * Defined here, in a module that imports nothing heavy, so the CLI can load them before any command.
 */
export { UsageError } from './usage-error.js';

/** An error with an optional message id and values, for callers that word messages themselves (see UsageError). */
class WordedError extends Error {
  readonly id: string | undefined;
  readonly params: Readonly<Record<string, unknown>> | undefined;

  constructor(message: string, detail?: { id: string; params?: Record<string, unknown> }) {
    super(message);
    this.id = detail?.id;
    this.params = detail?.params;
  }
}

/** The catalogue folder itself cannot be used: a usage or I/O problem (exit code 2), not a finding. */
export class CatalogueAccessError extends WordedError {
  override name = 'CatalogueAccessError';
}

/** A workflow step the catalogue refuses: a finding for the user, not a crash (exit code 1). */
export class CatalogueOperationError extends WordedError {
  override name = 'CatalogueOperationError';
}
