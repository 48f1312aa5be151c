import path from 'node:path';
import type { Catalogue } from '../model/catalogue.js';
import { displayPath } from '../model/catalogue.js';
import { LOCK_FILE } from '../load/layout.js';
import type { LockEntry, PublishedLock } from '../schema/types/lock.generated.js';
import { versionHash } from '../lint/published-immutable.js';
import { isLive } from '../model/spec.js';
import { CatalogueOperationError } from '../errors.js';
import { toCatalogueJson, writeFileAtomic } from './atomic.js';

export interface LockUpdate {
  lock: PublishedLock;
  added: LockEntry[];
}

export interface LockUpdateOptions {
  /**
   * Start a lock where there is none (`tthc lock --init`, or publishing the first version of a
   * new catalogue). Without it a catalogue with published versions and no lock is refused: the
   * lock was deleted, and rebuilding it from the current content would launder every edit.
   */
  init?: boolean;
}

function compareEntries(a: LockEntry, b: LockEntry): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

/**
 * Refuses a catalogue whose lock cannot be relied on: one that exists but could not be read,
 * parsed or schema-checked (always), or one with no lock while versions are published (unless the
 * lock is being started on purpose). Either way, writing a lock from the current content would
 * record whatever the files now say as what was published.
 */
export function assertLockUsable(catalogue: Catalogue, options: LockUpdateOptions = {}): void {
  if (catalogue.lockRejected) {
    const file = catalogue.lockRejected.display;
    throw new CatalogueOperationError(
      `The lock file ${file} exists but cannot be read (tthc validate ${catalogue.display} says why); restore it (git checkout -- ${file}, or resolve the merge conflict) before anything is published or locked. It is never rebuilt from the current content.`,
      { id: 'lock.unreadable', params: { file, dir: catalogue.display } },
    );
  }
  if (!catalogue.lock && !options.init && catalogue.versions.some((v) => isLive(v.data))) {
    const file = displayPath(catalogue.display, LOCK_FILE);
    throw new CatalogueOperationError(
      `The catalogue has published versions but no lock file (${file}); restore it (git checkout -- ${file}). Only a new catalogue starts its lock, with tthc lock --init.`,
      { id: 'lock.missing', params: { file, dir: catalogue.display } },
    );
  }
}

/**
 * The lock with an entry for every published or repealed version. Existing entries are kept exactly
 * as recorded, never recomputed: re-hashing an edited version would launder the edit.
 */
export function updatedLock(catalogue: Catalogue, options: LockUpdateOptions = {}): LockUpdate {
  assertLockUsable(catalogue, options);
  const existing = catalogue.lock?.data.published ?? [];
  const keys = new Set(existing.map((e) => `${e.code}@${e.version}`));
  const added: LockEntry[] = [];
  for (const v of catalogue.versions) {
    if (!isLive(v.data) || keys.has(`${v.data.code}@${v.data.version}`)) continue;
    added.push({ code: v.data.code, version: v.data.version, path: v.file.rel, sha256: versionHash(v), bytesSha256: v.file.sha256 });
  }
  const published = [...existing, ...added].sort(compareEntries);
  return { lock: { lockfileVersion: 1, published }, added };
}

export async function writeLock(catalogue: Catalogue, lock: PublishedLock): Promise<string> {
  const target = path.join(catalogue.root, LOCK_FILE);
  await writeFileAtomic(target, toCatalogueJson(lock));
  return target;
}
