/**
 * Errors the library raises on purpose. The CLI maps them to exit codes in one place:
 * UsageError and CatalogueAccessError → 2 (bad arguments, unusable folder); CatalogueOperationError → 1.
 */
export { CatalogueAccessError } from './load/catalogue.js';
export { CatalogueOperationError } from './store/versions.js';

export { UsageError } from './usage-error.js';
