import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baseRegistry, baseVersion } from '../../rules/lint/fixture.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { updatedLock, writeLock } from '../../rules/store/lock.js';

export type FileContent = string | Uint8Array | object;

const made: string[] = [];

/** A temporary catalogue folder with the given files (objects are written as pretty JSON). */
export async function makeCatalogue(files: Record<string, FileContent>, options: { withRegistry?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tthc-test-'));
  made.push(dir);
  const all: Record<string, FileContent> = options.withRegistry === false ? files : { 'registry/registry.json': baseRegistry(), ...files };
  for (const [rel, content] of Object.entries(all)) {
    const target = path.join(dir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    const data = typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, null, 2) + '\n';
    await writeFile(target, data);
  }
  return dir;
}

export async function cleanupCatalogues(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** The base fixture version with a merge patch applied. */
export function version(patch: Record<string, unknown> = {}): ProcedureVersion {
  return mergePatch(baseVersion(), patch);
}

export function versionPath(v: { code: string; version: string }): string {
  return `procedures/${v.code}/${v.version}.json`;
}

/**
 * Records every published version of a catalogue folder in a new lock (as `tthc lock --init`
 * does): build and validate --strict refuse published versions without one.
 */
export async function lockCatalogue(dir: string): Promise<string> {
  const { catalogue } = await loadCatalogue(dir);
  return writeLock(catalogue, updatedLock(catalogue, { init: true }).lock);
}

/**
 * Locks a catalogue afresh after a test changed its published versions as fixtures (not as the
 * lawful workflow would): the old lock is dropped and a new one records what is there now.
 */
export async function relockCatalogue(dir: string): Promise<string> {
  await rm(path.join(dir, 'tthc.lock.json'), { force: true });
  return lockCatalogue(dir);
}
