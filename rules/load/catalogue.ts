import { lstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { fileLevelDiagnostic } from '../diagnostics/place.js';
import { CatalogueAccessError } from '../errors.js';
import { displayPath, emptyCatalogue, type Catalogue } from '../model/catalogue.js';
import { indexVersions } from '../model/order.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { Registry } from '../schema/types/registry.generated.js';
import type { PublishedLock } from '../schema/types/lock.generated.js';
import { describeIoError, listJsonFiles, toPosix } from './files.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_REGISTRY_BYTES, kindOf, LOCK_FILE } from './layout.js';
import type { ParsedFile } from './parse-file.js';
import { addRegistryFile } from './registry.js';
import { recordVersion, restoreVersion } from './restore.js';
import { readFresh, type ShardWorker } from './shards.js';
import { CatalogueState, type Stat } from './state.js';

export interface LoadOptions {
  /** Largest procedure-version file accepted, in bytes. Default 1 MiB: real specs are 3–20 KB. */
  maxFileBytes?: number;
  /** Largest registry, list or lock file accepted, in bytes. Default 64 MiB. (A calendar is also held to MAX_CALENDAR_BYTES, 1 MiB.) */
  maxRegistryBytes?: number;
  /**
   * A folder to keep the catalogue state in (state.ts): unchanged files are then not read again,
   * and unchanged versions not linted again. The results are exactly those of a load without it.
   */
  stateDir?: string;
  /** Trust the kept state (default true); false reads everything and still saves a fresh state. */
  readState?: boolean;
  /** Check files in a second thread: default when there are PARALLEL_FROM versions to read and a second core. */
  parallel?: boolean;
  /**
   * The script the second thread runs instead of the loader's own, to look further at the versions
   * it checks (validate's lints them): its findings come back in `shardFindings`.
   */
  shardWorker?: ShardWorker;
}

export interface LoadResult {
  catalogue: Catalogue;
  diagnostics: Diagnostic[];
  /** What the shard worker script found in the versions it checked, by file (see LoadOptions.shardWorker). */
  shardFindings: Map<string, Diagnostic[]>;
  /** The procedure folders (codes) the second thread read whole. */
  shardFolders: ReadonlySet<string>;
  /** The catalogue state, when `stateDir` was given: the lint uses it, and the caller saves it. */
  state?: CatalogueState;
}

/**
 * Loads a catalogue folder in stages (read, decode, parse, schema, normalise) and returns what is
 * valid together with a diagnostic for everything that is not. It never throws for bad content;
 * only an unusable root folder raises CatalogueAccessError.
 */
export async function loadCatalogue(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxRegistryBytes = options.maxRegistryBytes ?? DEFAULT_MAX_REGISTRY_BYTES;
  let rootInfo;
  try {
    rootInfo = await stat(dir);
  } catch (error) {
    throw new CatalogueAccessError(`Cannot open catalogue folder ${dir}: ${describeIoError(error)}.`, { id: 'catalogue.cannot-open', params: { dir, code: (error as NodeJS.ErrnoException).code ?? '', detail: describeIoError(error) } });
  }
  if (!rootInfo.isDirectory()) throw new CatalogueAccessError(`${dir} is not a folder: give the catalogue folder (the one holding procedures/ and registry/).`, { id: 'catalogue.not-folder', params: { dir } });

  const display = toPosix(dir).replace(/\/+$/, '') || '.';
  const displayOf = (rel: string) => displayPath(display, rel);
  let listing: ReturnType<typeof listJsonFiles>;
  try {
    listing = listJsonFiles(dir);
  } catch (error) {
    throw new CatalogueAccessError(`Cannot read catalogue folder ${dir}: ${describeIoError(error)}.`);
  }
  const root = path.resolve(dir);
  const diagnostics: Diagnostic[] = listing.problems.map((p) => fileLevelDiagnostic(displayOf(p.rel), p.ruleId, 'error', p.message));

  const state = options.stateDir ? CatalogueState.open(options.stateDir, path.resolve(dir), display, [maxFileBytes, maxRegistryBytes], options.readState !== false) : undefined;
  const pool = new Map<string, string>();
  // First what the state restores; then the files to read, perhaps checked by a second thread.
  const parsed: (ParsedFile | undefined)[] = [];
  const stats: (Stat | undefined)[] = [];
  const fresh: number[] = [];
  listing.files.forEach((found, i) => {
    if (kindOf(found.rel) !== 'version') return void fresh.push(i);
    const restored = state ? restoreVersion(found, displayOf(found.rel), state) : undefined;
    stats[i] = restored?.stat;
    if (restored?.parsed) parsed[i] = restored.parsed;
    else fresh.push(i);
  });
  const workerFolders = new Set<string>();
  // Versions read later, when something needs their data, share strings through their own pool.
  const checked = await readFresh(listing.files, fresh, displayOf, maxFileBytes, maxRegistryBytes, pool, options, { root, display, folders: workerFolders, lazyPool: new Map() });
  for (const [i, p] of checked) {
    parsed[i] = p;
    if (state && p.kind === 'version' && stats[i]) recordVersion(state, p, stats[i]!);
  }
  pool.clear();

  const catalogue = emptyCatalogue(root, display);
  const shardFindings = new Map<string, Diagnostic[]>();
  for (const p of parsed as ParsedFile[]) {
    diagnostics.push(...p.diagnostics);
    if (p.kind === 'unknown') {
      diagnostics.push(
        fileLevelDiagnostic(displayOf(p.found.rel), 'io/unknown-file', 'warning', 'This JSON file is not part of the catalogue layout (procedures/, registry/, calendars/, lists/, catalogue.json, tthc.lock.json); it was ignored.'),
      );
      continue;
    }
    if (!p.file || p.data === undefined) {
      if (p.kind === 'version') catalogue.rejected.add(p.found.rel);
      if (p.kind === 'lock') catalogue.lockRejected = { display: displayOf(p.found.rel), rel: p.found.rel };
      continue;
    }
    switch (p.kind) {
      case 'version': {
        const refs = p.stored?.registryRefs ?? p.summary?.registryRefs;
        catalogue.versions.push(refs ? { file: p.file, data: p.data as ProcedureVersion, registryRefs: refs } : { file: p.file, data: p.data as ProcedureVersion });
        if (p.summary?.findings) shardFindings.set(p.found.rel, p.summary.findings);
        break;
      }
      case 'registry':
        addRegistryFile(catalogue.registry, p.file, p.data as Registry, diagnostics);
        break;
      case 'lock':
        catalogue.lock = { file: p.file, data: p.data as PublishedLock };
        break;
      case 'calendar':
      case 'list':
      case 'auxiliary':
        catalogue.auxiliary.set(p.found.rel, { file: p.file, data: p.data });
        break;
    }
  }

  // A lock that is there but was not listed as a file (a folder, a FIFO, a link out of the catalogue).
  if (!catalogue.lock && !catalogue.lockRejected && existsAt(path.join(root, LOCK_FILE))) catalogue.lockRejected = { display: displayOf(LOCK_FILE), rel: LOCK_FILE };
  indexVersions(catalogue);
  if (catalogue.versions.length === 0 && catalogue.rejected.size === 0) {
    diagnostics.push(fileLevelDiagnostic(display, 'catalogue/empty', 'error', `No procedure versions found: a catalogue keeps them at procedures/<code>/<version>.json under ${display}.`));
  }
  return { catalogue, diagnostics: sortDiagnostics(diagnostics), shardFindings, shardFolders: workerFolders, ...(state ? { state } : {}) };
}

function existsAt(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
