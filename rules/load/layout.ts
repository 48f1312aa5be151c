/** Where each kind of file sits in a catalogue folder, and the limits the loader reads them under. */

export const LOCK_FILE = 'tthc.lock.json';

/** Largest procedure-version file accepted by default, in bytes: real specs are 3–20 KB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Largest registry, calendar or lock file accepted by default, in bytes. */
export const DEFAULT_MAX_REGISTRY_BYTES = 64 * 1024 * 1024;
/** Beyond this, more schema errors in one file only bury the first ones. */
export const MAX_SCHEMA_ISSUES_PER_FILE = 100;

export type FileKind = 'version' | 'registry' | 'lock' | 'calendar' | 'list' | 'auxiliary' | 'unknown';

export function kindOf(rel: string): FileKind {
  if (rel.startsWith('procedures/')) return 'version';
  if (rel.startsWith('registry/') && rel.split('/').length === 2) return 'registry';
  if (rel === LOCK_FILE) return 'lock';
  if (rel.startsWith('calendars/') && rel.split('/').length === 2) return 'calendar';
  if (rel.startsWith('lists/') && rel.split('/').length === 2) return 'list';
  if (rel === 'catalogue.json') return 'auxiliary';
  return 'unknown';
}
