import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { emptyCatalogue, type Catalogue } from '../model/catalogue.js';
import { indexVersions } from '../model/order.js';
import { registryRefs } from '../model/spec.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { Registry } from '../schema/types/registry.generated.js';
import type { FoundFile } from './files.js';
import { JsonSource } from './json-source.js';
import { byteLimitFor, kindOf } from './layout.js';
import { lazyVersion, metaOf } from './lazy.js';
import { readAndParse, rereader, type ParsedFile, type VersionSummary } from './parse-file.js';
import { addRegistryFile } from './registry.js';

/** From this many procedure versions to read, a second thread checks part of them (see readFresh). */
export const PARALLEL_FROM = 2000;
/** The worker's versions for each of this thread's (measured on 10,000 procedures). */
const WORKER_SHARE = 0.8;

/** What the worker thread reports of one version file. */
export interface CheckedVersion {
  sha256: string;
  diagnostics: Diagnostic[];
  ok: boolean;
  normalized: boolean;
  nonNfc: string[];
  /** The lock's hash of the content, for a published or repealed version (SourceFile.contentSha256). */
  contentSha256?: string;
  summary?: VersionSummary;
}

/** The files a worker thread checks: whole procedure folders, and the registries to check them against. */
export interface ShardData {
  files: { found: FoundFile; display: string }[];
  limit: number;
  registryLimit: number;
  registries: { found: FoundFile; display: string }[];
  root: string;
  display: string;
}

/**
 * A worker script to run instead of the loader's own (read-worker.ts), with data for it. It is
 * given `{ shard, data }` as its workerData, checks the shard with checkShard, may add `findings`
 * to each summary, and posts the verdicts with postVerdicts. validate/lint-worker.ts lints them.
 */
export interface ShardWorker<T = unknown> {
  script: URL;
  data: T;
}

export interface ShardWorkerData<T = unknown> {
  shard: ShardData;
  data: T;
}

export interface ReadOptions {
  parallel?: boolean | undefined;
  shardWorker?: ShardWorker | undefined;
}

/**
 * Reads the files the state did not restore. With many procedure versions and a second core, a
 * worker thread reads about half of them, whole procedures at a time: it checks them (decode,
 * strict parse, NFC, schema; it reads the registries too), the caller's worker script may look
 * further at them (validate's runs the version-scope lint rules), and it reports the verdicts,
 * the findings and what planning needs (the meta properties, the registry references), but not
 * the data: handing parsed data between threads costs more than parsing it. Those versions' data
 * is then read here only if something reads it (lazy.ts). The result is exactly that of reading
 * everything on one thread. `where.folders` gets the procedure folders the worker read.
 */
export async function readFresh(
  files: readonly FoundFile[],
  indices: readonly number[],
  displayOf: (rel: string) => string,
  maxFileBytes: number,
  maxRegistryBytes: number,
  pool: Map<string, string>,
  options: ReadOptions,
  where: { root: string; display: string; folders: Set<string>; lazyPool: Map<string, string> },
): Promise<Map<number, ParsedFile>> {
  const out = new Map<number, ParsedFile>();
  const versions = indices.filter((i) => kindOf(files[i]!.rel) === 'version');
  const useWorker = options.parallel ?? (versions.length >= PARALLEL_FROM && availableParallelism() > 1);
  // Whole procedure folders to the worker, so each thread has every version of the procedures it
  // checks: somewhat less than half, since this thread also reads the registries and the lock.
  const toWorker: number[] = [];
  if (useWorker) {
    const folders = new Map<string, number[]>();
    for (const i of versions) {
      const folder = files[i]!.rel.split('/')[1]!;
      const list = folders.get(folder);
      if (list) list.push(i);
      else folders.set(folder, [i]);
    }
    let mine = 0;
    for (const [folder, list] of folders) {
      if (toWorker.length <= mine * WORKER_SHARE) {
        toWorker.push(...list);
        where.folders.add(folder);
      } else mine += list.length;
    }
  }
  const registries = indices.filter((i) => kindOf(files[i]!.rel) === 'registry').map((i) => ({ found: files[i]!, display: displayOf(files[i]!.rel) }));
  const checked =
    toWorker.length > 0
      ? checkInWorker(
          {
            files: toWorker.map((i) => ({ found: files[i]!, display: displayOf(files[i]!.rel) })),
            limit: maxFileBytes,
            registryLimit: maxRegistryBytes,
            registries,
            root: where.root,
            display: where.display,
          },
          options.shardWorker,
        )
      : undefined;
  const byWorker = new Set(toWorker);
  for (const i of indices) {
    if (byWorker.has(i)) continue;
    const found = files[i]!;
    const kind = kindOf(found.rel);
    out.set(i, readAndParse(found, kind, displayOf(found.rel), byteLimitFor(kind, maxFileBytes, maxRegistryBytes), pool));
  }
  const verdicts = checked ? await checked : undefined;
  toWorker.forEach((i, k) => {
    const found = files[i]!;
    const display = displayOf(found.rel);
    const verdict = verdicts?.[k];
    if (!verdict) {
      // The worker could not run: read it here (and the caller looks at it here).
      where.folders.clear();
      out.set(i, readAndParse(found, 'version', display, maxFileBytes, pool));
      return;
    }
    const result: ParsedFile = { found, kind: 'version', file: undefined, data: undefined, diagnostics: verdict.diagnostics, normalized: verdict.normalized };
    if (verdict.ok && verdict.summary) {
      const { keys, meta } = verdict.summary;
      result.file = { display, rel: found.rel, abs: found.abs, source: new JsonSource(undefined, rereader(found.abs)), nonNfc: verdict.nonNfc, sha256: verdict.sha256 };
      if (verdict.contentSha256 !== undefined) result.file.contentSha256 = verdict.contentSha256;
      result.data = lazyVersion({ abs: found.abs, sha256: verdict.sha256, keys, meta, normalized: verdict.normalized, pool: where.lazyPool });
      result.summary = verdict.summary;
    }
    out.set(i, result);
  });
  return out;
}

/** Runs a shard's checks in a worker thread; undefined when no worker can run (then everything is read here). */
function checkInWorker(shard: ShardData, script: ShardWorker | undefined): Promise<CheckedVersion[] | undefined> {
  let worker: Worker;
  try {
    const workerData: ShardWorkerData = { shard, data: script?.data };
    worker = new Worker(script?.script ?? new URL('./read-worker.js', import.meta.url), { workerData });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const results: CheckedVersion[] = [];
    worker.on('message', (batch: CheckedVersion[] | null) => {
      if (batch === null) {
        resolve(results.length === shard.files.length ? results : undefined);
        void worker.terminate();
      } else results.push(...batch);
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * The worker thread's side: checks the shard's version files over its registries, and returns each
 * file's verdict and summary, with the catalogue of the shard (its registries and the versions of
 * its own procedures) for a worker script to look further at, and each verdict's relative path.
 */
export function checkShard(data: ShardData): { verdicts: CheckedVersion[]; catalogue: Catalogue; rels: string[] } {
  const catalogue = emptyCatalogue(data.root, data.display);
  for (const r of data.registries) {
    const p = readAndParse(r.found, 'registry', r.display, data.registryLimit);
    if (p.file && p.data !== undefined) addRegistryFile(catalogue.registry, p.file, p.data as Registry, []);
  }
  const parsed = data.files.map(({ found, display }) => readAndParse(found, 'version', display, data.limit));
  parsed.forEach((p) => {
    if (p.file && p.data !== undefined) catalogue.versions.push({ file: p.file, data: p.data as ProcedureVersion });
    else catalogue.rejected.add(p.found.rel);
  });
  indexVersions(catalogue);
  const verdicts = parsed.map((p) => {
    const ok = Boolean(p.file && p.data !== undefined);
    const verdict: CheckedVersion = { sha256: p.file?.sha256 ?? '', diagnostics: p.diagnostics, ok, normalized: p.normalized ?? false, nonNfc: [...(p.file?.nonNfc ?? [])] };
    if (p.file?.contentSha256 !== undefined) verdict.contentSha256 = p.file.contentSha256;
    if (ok) {
      const v = p.data as ProcedureVersion;
      verdict.summary = { keys: Object.keys(v), meta: metaOf(v), registryRefs: registryRefs(v) };
    }
    return verdict;
  });
  return { verdicts, catalogue, rels: parsed.map((p) => p.found.rel) };
}

/** Posts a shard's verdicts to the loader in batches, then null. */
export function postVerdicts(port: MessagePort, verdicts: readonly CheckedVersion[]): void {
  for (let i = 0; i < verdicts.length; i += 256) port.postMessage(verdicts.slice(i, i + 256));
  port.postMessage(null);
}
