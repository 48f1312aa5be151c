import path from 'node:path';
import type { Catalogue } from '../model/catalogue.js';
import { LOCK_FILE } from '../load/layout.js';
import type { LockEntry, PublishedLock } from '../schema/types/lock.generated.js';
import { versionHash } from '../lint/published-immutable.js';
import { isLive } from '../model/spec.js';
import { toCatalogueJson, writeFileAtomic } from './atomic.js';

export interface LockUpdate {
  lock: PublishedLock;
  added: LockEntry[];
}

function compareEntries(a: LockEntry, b: LockEntry): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

/**
 * The lock with an entry for every published or repealed version. Existing entries are kept exactly
 * as recorded, never recomputed: re-hashing an edited version would launder the edit.
 */
export function updatedLock(catalogue: Catalogue): LockUpdate {
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
