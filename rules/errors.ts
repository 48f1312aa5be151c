/**
 * Errors the library raises on purpose. The CLI maps them to exit codes in one place:
 * UsageError and CatalogueAccessError → 2 (bad arguments, unusable folder); CatalogueOperationError → 1.
 */
export { CatalogueAccessError } from './load/catalogue.js';
export { CatalogueOperationError } from './store/versions.js';

/** Bad input to a library call or command: a date that does not exist, an unknown code, a negative count. */
export class UsageError extends Error {
  override name = 'UsageError';
}
