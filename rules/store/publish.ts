import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCatalogue, type LoadOptions } from '../load/catalogue.js';
import { type Catalogue, type LoadedVersion } from '../model/catalogue.js';
import { memoryFile } from '../load/in-memory.js';
import { findVersion } from '../compute/resolve.js';
import { checkCatalogue } from '../validate/index.js';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_FILE } from '../load/layout.js';
import { syncDirectory, toCatalogueJson, writeFileAtomic } from './atomic.js';
import { faultPoint } from './fault.js';
import { assertLockUsable, updatedLock } from './lock.js';
import { CatalogueOperationError } from './versions.js';
import { checkIsoDate, todayInVietnam, type IsoDate } from '../compute/dates.js';

/**
 * Written (atomically) before a publish writes the version file and the lock, removed after both:
 * the two writes cannot be one, so a publish killed between them leaves this, and the next command
 * that writes the catalogue finishes it (finishInterruptedPublish) instead of leaving a published
 * version outside the lock. A dot file, which the loader never reads.
 */
export const PUBLISH_JOURNAL = '.tthc-publish.journal';

interface PublishJournal {
  format: 1;
  ref: string;
  /** The version file, relative to the catalogue, and its published text. */
  file: string;
  text: string;
  /** The lock's text once the version is recorded. */
  lock: string;
}

function isJournal(value: unknown): value is PublishJournal {
  const j = value as Partial<PublishJournal> | null;
  return (
    j !== null &&
    typeof j === 'object' &&
    j.format === 1 &&
    typeof j.ref === 'string' &&
    typeof j.file === 'string' &&
    /^procedures\/[^/]+\/[^/]+\.json$/.test(j.file) &&
    !j.file.split('/').includes('..') &&
    typeof j.text === 'string' &&
    typeof j.lock === 'string'
  );
}

/**
 * Finishes a publish that was killed between writing its version file and the lock: writes both as
 * the journal says (each atomically; writing one that is already there again changes nothing) and
 * removes the journal. Returns the version it published, or undefined when there was none. The
 * caller holds the catalogue lock (withCatalogueLock).
 */
export async function finishInterruptedPublish(dir: string): Promise<string | undefined> {
  const journalFile = path.join(dir, PUBLISH_JOURNAL);
  let text: string;
  try {
    text = await readFile(journalFile, 'utf8');
  } catch {
    return undefined;
  }
  let journal: unknown;
  try {
    journal = JSON.parse(text);
  } catch {
    journal = undefined;
  }
  if (!isJournal(journal)) {
    throw new CatalogueOperationError(`${journalFile} is not a publish journal tthc wrote; look at it, then remove it.`, { id: 'publish.bad-journal', params: { file: journalFile } });
  }
  await writeFileAtomic(path.join(dir, journal.file), journal.text);
  await writeFileAtomic(path.join(dir, LOCK_FILE), journal.lock);
  await rm(journalFile, { force: true });
  await syncDirectory(dir);
  return journal.ref;
}

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

export interface PublishOptions {
  /** The day a correction is recorded (corrects.recorded, transaction time); default today in Vietnam. */
  recorded?: IsoDate;
}

/**
 * Publishes a draft or proposed version: checks the catalogue as it would be once published, and
 * only if that version then has no errors, writes it with status published and records it in the lock.
 * A correction (đính chính) is published the same way, with the day it is recorded; only its own file
 * is written, never the version it corrects.
 */
export async function publishVersion(dir: string, code: string, version: string, options: LoadOptions = {}, publish: PublishOptions = {}): Promise<PublishResult> {
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
  if (data.corrects) data.corrects = { ...data.corrects, recorded: checkIsoDate(publish.recorded ?? todayInVietnam(), 'The day the correction is recorded') };
  const next: LoadedVersion = { file: memoryFile(current.file.rel, data, current.file.display), data };
  const after = withReplacedVersion(catalogue, current, next);
  const result = checkCatalogue(after, loadDiagnostics.filter((d) => d.file === current.file.display && d.severity === 'error'));
  const blocking = result.diagnostics.filter((d) => d.file === current.file.display && d.severity === 'error');
  if (blocking.length > 0) return { path: current.file.abs, lockPath: '', diagnostics: blocking, published: false };
  // The lock as it will be, from the catalogue as it will be: the published file's bytes are exactly
  // those of `next` (memoryFile pretty-prints as the catalogue stores JSON).
  const { lock } = updatedLock(after, { init: startsLock });
  const journal: PublishJournal = { format: 1, ref: `${code}@${version}`, file: current.file.rel, text: toCatalogueJson(data), lock: toCatalogueJson(lock) };
  const journalFile = path.join(catalogue.root, PUBLISH_JOURNAL);
  await writeFileAtomic(journalFile, JSON.stringify(journal));
  faultPoint('publish:after-journal');
  await writeFileAtomic(current.file.abs, journal.text);
  faultPoint('publish:after-file');
  const lockPath = path.join(catalogue.root, LOCK_FILE);
  await writeFileAtomic(lockPath, journal.lock);
  await rm(journalFile, { force: true });
  await syncDirectory(catalogue.root);
  return { path: current.file.abs, lockPath, diagnostics: [], published: true };
}
