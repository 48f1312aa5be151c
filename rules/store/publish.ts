import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCatalogue, type LoadOptions } from '../load/catalogue.js';
import { type Catalogue, type LoadedVersion } from '../model/catalogue.js';
import { memoryFile } from '../load/in-memory.js';
import { findVersion } from '../compute/resolve.js';
import { checkCatalogue } from '../validate/index.js';
import { toCatalogueJson, writeFileAtomic } from './atomic.js';
import { assertLockUsable, updatedLock, writeLock } from './lock.js';
import { CatalogueOperationError } from './versions.js';

export interface PublishResult {
  path: string;
  lockPath: string;
  /** Diagnostics that blocked publishing (empty on success). */
  diagnostics: Diagnostic[];
  published: boolean;
}

function withReplacedVersion(catalogue: Catalogue, old: LoadedVersion, next: LoadedVersion): Catalogue {
  const versions = catalogue.versions.map((v) => (v === old ? next : v));
  const byCode = new Map(catalogue.byCode);
  byCode.set(old.data.code, (byCode.get(old.data.code) ?? []).map((v) => (v === old ? next : v)));
  return { ...catalogue, versions, byCode };
}

/**
 * Publishes a draft or proposed version: checks the catalogue as it would be once published, and
 * only if that version then has no errors, writes it with status published and records it in the lock.
 */
export async function publishVersion(dir: string, code: string, version: string, options: LoadOptions = {}): Promise<PublishResult> {
  const { catalogue, diagnostics: loadDiagnostics } = await loadCatalogue(dir, options);
  // An unreadable lock, or none while versions are published, is never rebuilt from the content.
  assertLockUsable(catalogue);
  // A catalogue with nothing published yet starts its lock with its first publish.
  const startsLock = catalogue.lock === undefined;
  const current = findVersion(catalogue, code, version);
  if (!current) {
    const versions = (catalogue.byCode.get(code) ?? []).map((v) => v.data.version).join(', ');
    throw new CatalogueOperationError(`There is no version ${code}@${version} in ${dir}.${versions ? ` Versions of ${code}: ${versions}.` : ''}`, { id: 'publish.no-version', params: { ref: `${code}@${version}`, dir, code, versions } });
  }
  if (current.data.status === 'published' || current.data.status === 'repealed') {
    throw new CatalogueOperationError(`${code}@${version} is already ${current.data.status}.`, { id: 'publish.already', params: { ref: `${code}@${version}`, status: current.data.status } });
  }
  if (!current.data.effective) throw new CatalogueOperationError(`${code}@${version} has no effective date; set effective.from before publishing.`, { id: 'publish.no-effective', params: { ref: `${code}@${version}` } });
  const data = { ...current.data, status: 'published' as const };
  const next: LoadedVersion = { file: memoryFile(current.file.rel, data, current.file.display), data };
  const after = withReplacedVersion(catalogue, current, next);
  const result = checkCatalogue(after, loadDiagnostics.filter((d) => d.file === current.file.display && d.severity === 'error'));
  const blocking = result.diagnostics.filter((d) => d.file === current.file.display && d.severity === 'error');
  if (blocking.length > 0) return { path: current.file.abs, lockPath: '', diagnostics: blocking, published: false };
  await writeFileAtomic(current.file.abs, toCatalogueJson(data));
  const reloaded = await loadCatalogue(dir, options);
  const { lock } = updatedLock(reloaded.catalogue, { init: startsLock });
  const lockPath = await writeLock(reloaded.catalogue, lock);
  return { path: current.file.abs, lockPath, diagnostics: [], published: true };
}
