/**
 * Errors the library raises on purpose. The CLI maps them to exit codes in one place:
 * UsageError and CatalogueAccessError → 2 (bad arguments, unusable folder); CatalogueOperationError → 1.
 * Defined here, in a module that imports nothing heavy, so the CLI can load them before any command.
 */
export { UsageError } from './usage-error.js';

/** The catalogue folder itself cannot be used: a usage or I/O problem (exit code 2), not a finding. */
export class CatalogueAccessError extends Error {
  override name = 'CatalogueAccessError';
}

/** A workflow step the catalogue refuses: a finding for the user, not a crash (exit code 1). */
export class CatalogueOperationError extends Error {
  override name = 'CatalogueOperationError';
}
