/** Where each kind of file sits in a catalogue folder, and the limits the loader reads them under. */

export const LOCK_FILE = 'tthc.lock.json';

/** Largest procedure-version file accepted by default, in bytes: real specs are 3–20 KB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Largest registry, list or lock file accepted by default, in bytes. */
export const DEFAULT_MAX_REGISTRY_BYTES = 64 * 1024 * 1024;
/**
 * Largest working calendar accepted, in bytes, checked before it is read: its schema allows 50
 * holiday rules and 500 announcements, and the bundled one is 31 KB. A 53 MB calendar under the
 * registry limit took 1.6 GB to parse before its schema refused it.
 */
export const MAX_CALENDAR_BYTES = 1024 * 1024;
/** Beyond this, more schema errors in one file only bury the first ones. */
export const MAX_SCHEMA_ISSUES_PER_FILE = 100;

/** The byte limit of a kind of file, given the loader's limits for versions and for registry files. */
export function byteLimitFor(kind: FileKind, maxFileBytes: number, maxRegistryBytes: number): number {
  if (kind === 'version') return maxFileBytes;
  if (kind === 'calendar') return Math.min(MAX_CALENDAR_BYTES, maxRegistryBytes);
  return maxRegistryBytes;
}

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
