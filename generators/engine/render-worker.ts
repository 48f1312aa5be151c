/**
 * A render pool worker (pool.ts): renders the units of single procedures and writes their files
 * into the staging folder. It holds the registries and calendars from the start, and for each job
 * a small catalogue of only the versions it was sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { emptyRegistries, REGISTRY_KEYS, type AuxiliaryFile, type Catalogue, type LoadedVersion, type SourceFile } from '../../rules/model/catalogue.js';
import { GENERATORS } from '../index.js';
import { lazyVersion, VersionDataCache } from '../../rules/load/lazy.js';
import { BuildContext } from './context.js';
import type { RenderInit, RenderJob, RenderReply } from './pool.js';
import type { Generator, Unit } from './unit.js';
import { writeOutputFile, type FileRecord } from './writer.js';

const init = workerData as RenderInit;
/** Enough for the jobs of all generators in flight at once (pool.ts IN_FLIGHT, a dozen procedures each, two versions on average). */
const WORKER_CACHE_VERSIONS = 1024;
const registry = emptyRegistries();
for (const key of REGISTRY_KEYS) for (const [id, entry] of init.registry[key] ?? []) (registry[key].byId as Map<string, unknown>).set(id, entry);
const auxiliary = new Map<string, AuxiliaryFile>(init.auxiliary.map(([rel, a]) => [rel, { file: sourceFile(a), data: a.data }]));
const generators = new Map<string, Promise<Generator>>();
const dirs = new Set<string>();
/**
 * The data of the versions this worker read last. The pool sends a procedure's jobs of every
 * generator (its page, its API document) to the same worker one after another, so the second job
 * finds the data here instead of reading, hashing and parsing the file again.
 */
const versionData = new VersionDataCache(WORKER_CACHE_VERSIONS);

function sourceFile(f: { display: string; rel: string; abs: string; sha256: string; nonNfc?: readonly string[] }): SourceFile {
  // The text stays in the main thread: nothing a generator renders reads it.
  return { display: f.display, rel: f.rel, abs: f.abs, sha256: f.sha256, nonNfc: f.nonNfc ?? [], source: undefined as unknown as SourceFile['source'] };
}

function generatorOf(id: string): Promise<Generator> {
  let g = generators.get(id);
  if (!g) {
    const entry = GENERATORS.find((e) => e.id === id);
    if (!entry) throw new Error(`no generator "${id}"`);
    g = entry.load();
    generators.set(id, g);
  }
  return g;
}

async function run(job: RenderJob): Promise<{ key: string; records: FileRecord[] }[]> {
  const generator = await generatorOf(job.generator);
  if (!generator.perProcedure) throw new Error(`generator ${job.generator} renders no procedure alone`);
  // A compact version's data is read here, from its file, checked against the hash it was validated with.
  const versions: LoadedVersion[] = job.versions.map((v) => ({ file: sourceFile(v.file), data: v.compact ? lazyVersion(v.compact, versionData) : v.data!, ...(v.registryRefs ? { registryRefs: v.registryRefs } : {}) }));
  const byCode = new Map<string, LoadedVersion[]>();
  for (const v of versions) {
    const list = byCode.get(v.data.code);
    if (list) list.push(v);
    else byCode.set(v.data.code, [v]);
  }
  const catalogue: Catalogue = { root: init.root, display: init.display, versions, byCode, registry, lock: undefined, auxiliary, rejected: new Set() };
  const ctx = new BuildContext(catalogue, init.at, init.options);
  const entries = new Map(ctx.procedures.map((e) => [e.code, e]));
  const out: { key: string; records: FileRecord[] }[] = [];
  const planned = new Map<string, Map<string, Unit>>();
  for (const { key, code } of job.units) {
    let units = planned.get(code);
    if (!units) {
      const entry = entries.get(code);
      if (!entry) throw new Error(`procedure ${code} is not shown on ${init.at}`);
      units = new Map(generator.perProcedure(ctx, entry).map((u) => [u.key, u]));
      planned.set(code, units);
    }
    const unit = units.get(key);
    if (!unit) throw new Error(`generator ${job.generator} plans no unit "${key}" for ${code}`);
    const records: FileRecord[] = [];
    for (const file of await unit.render()) records.push(await writeOutputFile(init.staging, file, dirs));
    out.push({ key, records });
  }
  return out;
}

parentPort!.on('message', (job: RenderJob) => {
  run(job).then(
    (units) => parentPort!.postMessage({ id: job.id, units } satisfies RenderReply),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      parentPort!.postMessage({ id: job.id, error: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } } satisfies RenderReply);
    },
  );
});
