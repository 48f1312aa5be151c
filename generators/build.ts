import { randomBytes, type KeyObject } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { checkIsoDate, todayInVietnam, type IsoDate } from '../rules/compute/dates.js';
import { UsageError } from '../rules/errors.js';
import { isAlive, takeExclusiveLock } from '../rules/store/exclusive.js';
import { failPoint } from '../rules/store/fault.js';
import { deferInterrupts, removeOnInterrupt } from './engine/interrupt.js';
import { validateCatalogue, type ValidateOptions, type ValidationResult } from '../rules/validate/index.js';
import { sha256Hex } from '../rules/load/canonical.js';
import { compactCatalogue, type VersionDataCache } from '../rules/load/lazy.js';
import { BuildCache, MANIFEST_OWNER, verifyInBackground } from './engine/cache.js';
import { commitJournal, recoverJournal } from './engine/commit.js';
import { BuildContext, hashParts } from './engine/context.js';
import { displayPath, type Catalogue, type LoadedVersion } from '../rules/model/catalogue.js';
import { MANIFEST, manifestFiles, TOOL } from './engine/manifest.js';
import { generatorSalts } from './engine/salt.js';
import { signatureFile } from './engine/sign.js';
import type { Generator, GeneratorEntry, Unit } from './engine/unit.js';
import { isUnchanged, OutputWriter, type FileRecord } from './engine/writer.js';
import { POOL_FROM, poolAvailable, poolSize, RenderPool } from './engine/pool.js';
import { GENERATORS } from './index.js';
import type { BuildMemory } from './engine/memory.js';

export interface BuildOptions extends ValidateOptions {
  /** The output folder. It is replaced as a whole at the end of a successful build. */
  out: string;
  /** The date the listing and pages show the catalogue as in force on; default today in Vietnam (UTC+7). */
  at?: IsoDate;
  /** Trust the cache of the previous build (default true). False renders everything, and still saves a fresh cache. */
  cache?: boolean;
  /** The cache folder; default `.<out>.tthc-cache` beside the output. False keeps no cache at all. */
  cacheDir?: string | false;
  /** Absolute URL the output will be served from, for JSON-LD ids. */
  baseUrl?: string;
  /** The generators to run; default every registered one. */
  generators?: readonly GeneratorEntry[];
  /** Called as the build advances, for a progress bar or log lines. */
  onProgress?: (event: BuildProgress) => void;
  /**
   * A preview build (`tthc build --preview`), for reviewing a catalogue before anything in it is
   * published, such as a fresh import: procedures with no published version are shown from their
   * latest draft, marked as drafts everywhere; procedure version files with errors are left out
   * (and listed in the result) instead of refusing the build. Errors anywhere else (registries, the
   * lock, calendars) still refuse it: every page depends on them.
   */
  preview?: boolean;
  /**
   * Worker threads that render procedures' pages and documents (generators/engine/pool.ts); default
   * one per core when a generator has many procedures to render, none on one core. 0 renders
   * everything in this thread. The output is byte-identical either way.
   */
  workers?: number;
  /** An Ed25519 private key: manifest.json is signed with it, into manifest.json.sig beside it (generators/engine/sign.ts). */
  signingKey?: KeyObject;
  /**
   * Validates the catalogue instead of loading it from disk (`tthc build --watch` keeps it loaded
   * and re-reads only the files saved since: generators/engine/watch.ts). Given the folder the
   * build keeps the catalogue state in, as validateCatalogue's stateDir.
   */
  validate?: (stateDir: string | undefined) => Promise<ValidationResult>;
  /**
   * The cache compact versions read their data through (lazy.ts); default a bounded one per build.
   * `tthc build --watch` keeps one without a bound for as long as its catalogue stays loaded, so a
   * rebuild reads no unchanged version's file again.
   */
  versionData?: VersionDataCache;
  /**
   * What `tthc build --watch` keeps from one rebuild to the next (memory.ts): hashes of unchanged
   * procedures, the cache's index, kept values and fragments. The output is the same without it.
   */
  memory?: BuildMemory;
}

/** A procedure version file a preview build left out, and why. */
export interface LeftOutFile {
  /** The file as diagnostics name it. */
  file: string;
  errors: number;
  /** The rule ids of its errors, sorted, each once. */
  rules: string[];
}

export interface GeneratorSummary {
  id: string;
  description: string;
  /** The file to open first, if the generator names one. */
  start: string | undefined;
  units: number;
  /** Units rendered in this build. */
  rendered: number;
  /** Units taken over unchanged from the previous output. */
  reused: number;
  files: number;
  bytes: number;
  seconds: number;
}

export type BuildProgress =
  | { phase: 'validated'; versions: number; procedures: number; errors: number; warnings: number; leftOut: number }
  | { phase: 'generator'; generator: string; done: number; units: number }
  | { phase: 'generator-done'; summary: GeneratorSummary }
  | { phase: 'finishing' };

export type BuildResult =
  | { built: false; validation: ValidationResult }
  | {
      built: true;
      validation: ValidationResult;
      /** The output folder, absolute. */
      out: string;
      at: IsoDate;
      /** Procedures shown (with a published version, or in a preview a draft), those in force on `at`, and the drafts among them. */
      procedures: number;
      inForce: number;
      drafts: number;
      /** A preview build (options.preview). */
      preview: boolean;
      /** Preview builds only: version files left out for their errors. */
      leftOut: LeftOutFile[];
      generators: GeneratorSummary[];
      files: number;
      bytes: number;
      rendered: number;
      reused: number;
      seconds: number;
      cacheDir: string | undefined;
      /** What went wrong after the new output was in place (saving the cache, removing the old output): it is whole, and the next build recovers. */
      warnings: BuildWarning[];
    };

/** Something that failed after the new output was in place; `message` in English, the rest for other wordings. */
export interface BuildWarning {
  id: 'cache-not-saved' | 'old-not-removed';
  path: string;
  detail: string;
  message: string;
}

/** How many units are rendered or written at once: enough to overlap disk waits with rendering. */
const CONCURRENCY = 16;

/**
 * Builds every output of the catalogue into `options.out`. It validates first and builds nothing
 * when there are errors (the result carries the same diagnostics as `tthc validate`). Output is
 * written to a temporary folder beside `out` and swapped in at the end, so a failed or killed build
 * leaves the previous output as it was. Units whose inputs are unchanged since the last build are
 * taken over from the previous output rather than rendered again.
 */
export async function buildCatalogue(dir: string, options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const at = options.at ?? todayInVietnam();
  checkIsoDate(at, '--at');
  if (options.baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(options.baseUrl)) throw new UsageError(`--base-url must be an absolute http(s) URL, got "${options.baseUrl}".`);
  const out = await realOutFolder(path.resolve(options.out));
  const parent = path.dirname(out);
  const base = path.basename(out);
  const cacheDir = options.cacheDir === false ? undefined : path.resolve(options.cacheDir ?? path.join(parent, `.${base}.tthc-cache`));
  const readCache = options.cache !== false;
  // Nothing is written before --out and --cache-dir are known to be safe to replace and to fill.
  const catalogueRoot = await resolveExisting(path.resolve(dir));
  await checkOutFolder(out, catalogueRoot);
  if (cacheDir) await checkCacheDir(cacheDir, out, catalogueRoot);
  const created = await mkdir(parent, { recursive: true });
  let release: (() => Promise<void>) | undefined;
  let unregisterLock: (() => void) | undefined;
  let built = false;
  try {
    // One build at a time into one output folder, from before it looks at the previous output
    // until its cache is saved: two at once would mix their catalogues in one output.
    release = await takeExclusiveLock(outputLockFile(out), { guards: { kind: 'output', path: out }, what: 'tthc build' });
    unregisterLock = removeOnInterrupt(outputLockFile(out));
    const result = await buildUnderLock(dir, options, { started, at, out, parent, base, cacheDir, readCache });
    built = result.built;
    return result;
  } finally {
    unregisterLock?.();
    await release?.();
    // The folders made for --out go too when no output came of it (nothing else can have written
    // in them: this build held their lock); an output swapped in before a later failure stays.
    if (!built && created && !(await isDirectory(out))) await rm(created, { recursive: true, force: true });
  }
}

/** The lock file of a build's output folder: beside it, where the staging folders are. */
export function outputLockFile(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.tthc-lock`);
}

interface BuildPlace {
  started: number;
  at: IsoDate;
  out: string;
  parent: string;
  base: string;
  cacheDir: string | undefined;
  readCache: boolean;
}

async function buildUnderLock(dir: string, options: BuildOptions, place: BuildPlace): Promise<BuildResult> {
  const { started, at, out, parent, base, cacheDir, readCache } = place;
  // A build killed mid-way is cleaned up (or its journal finished) first, so the previous output
  // is whole before anything looks at it.
  if (await isDirectory(parent)) await recoverStaleBuilds(parent, base, out);
  // The previous build's records of its output: trusted as they are when none of the output's
  // folders changed since (cache.ts, CacheIndex.folders); otherwise checking each recorded file
  // starts now, in a worker thread, while this one validates and plans.
  const previousExists = await isDirectory(out);
  const cache = await BuildCache.open(cacheDir, out, readCache && previousExists, options.memory);
  const trusted = cache.hasPrevious && cache.trusted;
  const verification = trusted ? Promise.resolve(new Set<string>()) : readCache ? verifyInBackground(cacheDir, out) : Promise.resolve(undefined);

  const cacheExisted = cacheDir !== undefined && (await lstat(cacheDir).then(() => true, () => false));
  // The catalogue state lives in the build cache: a rebuild reads and lints only what changed.
  // A catalogue with published versions and no lock is refused: nothing would show they are unchanged.
  const validation = options.validate
    ? await options.validate(cacheDir ? path.join(cacheDir, 'catalogue') : undefined)
    : await validateCatalogue(dir, { ...options, requireLock: true, ...(cacheDir ? { stateDir: path.join(cacheDir, 'catalogue'), readState: readCache } : {}) });
  const preview = options.preview === true && validation.errors > 0 ? previewCatalogue(validation) : undefined;
  const leftOut = preview?.leftOut ?? [];
  options.onProgress?.({ phase: 'validated', versions: validation.catalogue.versions.length, procedures: validation.catalogue.byCode.size, errors: validation.errors, warnings: validation.warnings, leftOut: preview && preview.blocking === 0 ? leftOut.length : 0 });
  if (validation.errors > 0 && (!preview || preview.blocking > 0)) {
    await verification;
    // A refused build leaves nothing behind: not even a cache folder it was the first to make.
    if (cacheDir && !cacheExisted) await rm(cacheDir, { recursive: true, force: true });
    return { built: false, validation };
  }
  const catalogue = preview?.catalogue ?? validation.catalogue;
  // From here the build holds each version's meta, not its data: the data is read again from the
  // (checked) files as generators need it, a bounded number of versions at a time (lazy.ts), so
  // memory does not grow with the catalogue's content.
  compactCatalogue(catalogue, options.versionData);

  await checkOutFolder(out, catalogue.root);
  await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${base}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  // Interrupted (SIGINT, SIGTERM: see interrupt.ts), the build removes its staging folder.
  const unregister = removeOnInterrupt(staging);

  try {
    const warnings: BuildWarning[] = [];
    const ctx = new BuildContext(catalogue, at, { baseUrl: options.baseUrl?.replace(/\/+$/, ''), preview: options.preview === true }, options.memory);
    const entries = [...(options.generators ?? GENERATORS)].sort((a, b) => (a.id < b.id ? -1 : 1));
    const salts = await generatorSalts(entries.map((e) => e.id));
    // What a procedure's kept values (BuildContext.perProcedure) depend on besides the procedure.
    ctx.kept = cache.keptValues(hashParts([...[...salts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, salt]) => `${id}:${salt}`), at, JSON.stringify(ctx.options)]));

    // The render pool starts when the first generator has enough procedures to render, and is
    // shared by the ones after it. A build with nothing to reuse starts it now, so the workers load
    // their code while this thread plans.
    const workers = poolAvailable() ? poolSize(options.workers) : 0;
    let pool: RenderPool | undefined;
    const poolFor = (toRender: number): RenderPool | undefined => {
      if (workers === 0 || (toRender < POOL_FROM && options.workers === undefined)) return pool;
      pool ??= new RenderPool(catalogue, { staging, at, options: ctx.options }, workers);
      return pool;
    };
    if (!cache.hasPrevious && options.generators === undefined) poolFor(catalogue.byCode.size);

    // Plan every output first: how much changed decides how the output is written. (A failure
    // here stops the workers already started.)
    const { plans, intact, incremental } = await (async () => {
      try {
        const plans: Plan[] = [];
        for (const entry of entries) {
          const generator = await entry.load();
          const salt = salts.get(entry.id)!;
          const units = await generator.plan(ctx, cache.fragmentsFor(generator.id, salt));
          const keys = new Set<string>();
          for (const unit of units) {
            if (keys.has(unit.key)) throw new Error(`generator ${generator.id} planned two units with the key "${unit.key}"`);
            keys.add(unit.key);
          }
          plans.push({ generator, salt, units, poolable: GENERATORS.includes(entry), cached: units.map((u) => cache.lookup(generator.id, salt, u.key, u.inputs)) });
        }
        const stale = (await verification) ?? undefined;
        const intact = (r: FileRecord) => (stale ? !stale.has(r.path) : isUnchanged(out, r));
        const total = plans.reduce((n, p) => n + p.units.length, 0);
        const changed = plans.reduce((n, p) => n + p.cached.filter((c) => !c || !c.every(intact)).length, 0);
        // With a trusted record of the previous output, only what changed is written (into the staging
        // folder) and then moved into place. When most of it changed (new code, another --at), writing
        // everything into a fresh folder and swapping it in is faster than moving files one by one.
        const incremental = previousExists && cache.hasPrevious && changed <= total / 2;
        return { plans, intact, incremental };
      } catch (error) {
        await pool?.close();
        throw error;
      }
    })();

    const writer = new OutputWriter(staging);
    const summaries: GeneratorSummary[] = [];
    try {
      // Every generator runs at once: the pool renders the procedures' pages and documents of all of
      // them while this thread renders the units that read the whole catalogue (the listing, the
      // change feed, the documentation pages, the search index). Run one after another, this thread
      // waited for the pool and the pool for this thread. Each generator is reported done in plan
      // order, as before.
      let reported = Promise.resolve();
      const stop: { failed: boolean; error?: unknown } = { failed: false };
      const runs = plans.map((plan) => {
        const run = runGenerator(plan, writer, cache, incremental ? intact : undefined, options.onProgress, poolFor, stop);
        // A failure stops the other generators taking more units: the build is refused anyway.
        run.catch((error: unknown) => {
          if (!stop.failed) stop.error = error;
          stop.failed = true;
          void pool?.close();
        });
        reported = reported.then(() =>
          run.then(
            (summary) => {
              summaries.push(summary);
              options.onProgress?.({ phase: 'generator-done', summary });
            },
            // Its failure is the build's, thrown below.
            () => undefined,
          ),
        );
        return run;
      });
      // The first failure is the build's (the others may only say the pool was closed after it);
      // every generator is waited for, so nothing writes into the staging folder once it is removed.
      await Promise.allSettled(runs);
      if (stop.failed) throw stop.error;
      await reported;
    } finally {
      await pool?.close();
    }
    options.onProgress?.({ phase: 'finishing' });
    // Files of the previous output that no unit writes any more are deleted; the manifest's shards
    // list the paths written or deleted, so only their shards are written again.
    const previousPaths = incremental ? [...new Set(cache.previousPaths())] : [];
    const contentNow = new Set(writer.records.map((r) => r.path));
    const contentDeletes = previousPaths.filter((p) => !p.startsWith(MANIFEST_DIR) && !contentNow.has(p));
    await writeManifest(writer, cache, at, incremental ? { changed: [...writer.written.map((r) => r.path), ...contentDeletes], intact } : undefined, options.signingKey);
    if (incremental) {
      const now = new Set(writer.records.map((r) => r.path));
      const deletes = previousPaths.filter((p) => !now.has(p)).sort();
      const moves = writer.written.map((r) => r.path).sort();
      if (moves.length > 0 || deletes.length > 0) {
        // From here the staging folder is the journal's to apply (or the next build's to finish).
        unregister();
        await deferInterrupts(() => commitJournal(out, parent, base, { staging: path.basename(staging), deletes, moves }));
        cache.stampFolders(writer.records.map((r) => r.path));
      } else {
        await rm(staging, { recursive: true, force: true });
        cache.unchanged();
        // Stamped again only when a folder had changed (a file added there by hand): the next build then trusts it again.
        if (!trusted) cache.stampFolders(writer.records.map((r) => r.path));
      }
    } else {
      unregister();
      warnings.push(...(await deferInterrupts(() => swapIn(staging, out, parent, base))));
      cache.stampFolders(writer.records.map((r) => r.path));
    }
    // The new output is in place and whole: what fails from here is a warning, and the next build
    // recovers (a stale cache is verified against the output; a left-over old folder is removed).
    try {
      failPoint('build:save-cache');
      await cache.save();
    } catch (error) {
      const detail = describeFailure(error);
      warnings.push({ id: 'cache-not-saved', path: cacheDir ?? '', detail, message: `the build cache ${cacheDir ?? ''} could not be saved (${detail}); the next build renders more than it needs to.` });
    }
    const rendered = summaries.reduce((n, s) => n + s.rendered, 0);
    const reused = summaries.reduce((n, s) => n + s.reused, 0);
    return {
      built: true,
      validation,
      out,
      at,
      procedures: ctx.procedures.length,
      inForce: ctx.procedures.filter((p) => p.state === 'in-force').length,
      drafts: ctx.procedures.filter((p) => p.state === 'draft').length,
      preview: options.preview === true,
      leftOut,
      generators: summaries,
      files: writer.records.length,
      bytes: writer.bytes,
      rendered,
      reused,
      seconds: (performance.now() - started) / 1000,
      cacheDir,
      warnings,
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    unregister();
  }
}

/**
 * What a preview builds from a catalogue with errors: the catalogue without the version files that
 * have errors (those that failed to load are not in it already), the files left out, and how many
 * errors lie outside procedure version files, which a preview cannot leave out.
 */
export function previewCatalogue(validation: ValidationResult): { catalogue: Catalogue; leftOut: LeftOutFile[]; blocking: number } {
  const catalogue = validation.catalogue;
  const specFiles = new Map<string, string>();
  for (const v of catalogue.versions) specFiles.set(v.file.display, v.file.rel);
  for (const rel of catalogue.rejected) specFiles.set(displayPath(catalogue.display, rel), rel);
  const byFile = new Map<string, { errors: number; rules: Set<string> }>();
  let blocking = 0;
  for (const d of validation.diagnostics) {
    if (d.severity !== 'error') continue;
    if (!specFiles.has(d.file)) {
      blocking++;
      continue;
    }
    let entry = byFile.get(d.file);
    if (!entry) byFile.set(d.file, (entry = { errors: 0, rules: new Set() }));
    entry.errors++;
    entry.rules.add(d.ruleId);
  }
  const leftOut = [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, e]) => ({ file, errors: e.errors, rules: [...e.rules].sort() }));
  const excluded = new Set(byFile.keys());
  const versions = catalogue.versions.filter((v) => !excluded.has(v.file.display));
  const byCode = new Map<string, LoadedVersion[]>();
  for (const [code, list] of catalogue.byCode) {
    const kept = list.filter((v) => !excluded.has(v.file.display));
    if (kept.length > 0) byCode.set(code, kept);
  }
  const rejected = new Set(catalogue.rejected);
  for (const file of excluded) rejected.add(specFiles.get(file)!);
  return { catalogue: { ...catalogue, versions, byCode, rejected }, leftOut, blocking };
}

/** The manifest's own folder: its shards are not units' files. */
const MANIFEST_DIR = 'manifest/';

/** A generator's planned units, with what the cache holds for each. */
interface Plan {
  generator: Generator;
  salt: string;
  units: Unit[];
  cached: (FileRecord[] | undefined)[];
  /** A registered generator, so a render worker loads the same one. */
  poolable: boolean;
}

/**
 * Writes the manifest over every file of the output. In an incremental build only the shards
 * holding a file written or deleted now are written again; the others stay as they are.
 */
async function writeManifest(
  writer: OutputWriter,
  cache: BuildCache,
  at: IsoDate,
  incremental: { changed: string[]; intact: (r: FileRecord) => boolean } | undefined,
  signingKey: KeyObject | undefined,
): Promise<void> {
  const previousFiles = new Map((incremental ? (cache.lookup(MANIFEST_OWNER, '', MANIFEST_OWNER, '') ?? []) : []).map((r) => [r.path, r]));
  const previousShards = incremental ? cache.previousManifest() : undefined;
  const manifest = manifestFiles(
    [...writer.records],
    at,
    incremental && previousShards ? { shards: previousShards, changed: incremental.changed, intact: (s) => previousFiles.has(s.path) && incremental.intact(previousFiles.get(s.path)!) } : undefined,
  );
  const records: FileRecord[] = [];
  for (const shard of manifest.kept) records.push(...writer.keep([previousFiles.get(shard.path)!], MANIFEST_OWNER));
  // The signature is the manifest's file too: a build without --sign deletes the old one rather than leave it stale.
  const root = manifest.files.find((f) => f.path === MANIFEST)!;
  const files = signingKey ? [...manifest.files, signatureFile(root.content as string, signingKey)] : manifest.files;
  for (const file of files) {
    const old = previousFiles.get(file.path);
    if (incremental && old && old.sha256 === sha256Hex(file.content as string) && incremental.intact(old)) records.push(...writer.keep([old], MANIFEST_OWNER));
    else records.push(await writer.write(file, MANIFEST_OWNER));
  }
  cache.record(MANIFEST_OWNER, '', MANIFEST_OWNER, '', records);
  cache.recordManifest(manifest.shards);
}

async function runGenerator(
  plan: Plan,
  writer: OutputWriter,
  cache: BuildCache,
  intact: ((r: FileRecord) => boolean) | undefined,
  onProgress: BuildOptions['onProgress'],
  poolFor: (toRender: number) => RenderPool | undefined,
  stop: { failed: boolean } = { failed: false },
): Promise<GeneratorSummary> {
  const started = performance.now();
  const { generator, salt, units } = plan;
  const summary: GeneratorSummary = { id: generator.id, description: generator.description, start: generator.start, units: units.length, rendered: 0, reused: 0, files: 0, bytes: 0, seconds: 0 };
  let done = 0;
  const step = Math.max(1, Math.floor(units.length / 100));

  const finish = (unit: Unit, records: FileRecord[]) => {
    cache.record(generator.id, salt, unit.key, unit.inputs, records);
    summary.files += records.length;
    for (const r of records) summary.bytes += r.bytes;
    done++;
    if (done % step === 0 || done === units.length) onProgress?.({ phase: 'generator', generator: generator.id, done, units: units.length });
  };

  // Units taken over from the previous output, units a worker can render (one procedure's), the rest.
  const here: number[] = [];
  const alone: number[] = [];
  units.forEach((unit, index) => {
    const cached = intact ? plan.cached[index] : undefined;
    if (cached && intact && cached.every(intact)) {
      summary.reused++;
      finish(unit, writer.keep(cached, `${generator.id}:${unit.key}`));
    } else if (unit.procedure !== undefined && generator.perProcedure) alone.push(index);
    else here.push(index);
  });
  const pool = alone.length > 0 && plan.poolable ? poolFor(alone.length) : undefined;
  if (!pool) here.push(...alone.splice(0));
  here.sort((a, b) => a - b);

  let next = 0;
  async function worker(): Promise<void> {
    for (;;) {
      await breather();
      if (next >= here.length || stop.failed) return;
      const unit = units[here[next++]!]!;
      const owner = `${generator.id}:${unit.key}`;
      const records: FileRecord[] = [];
      for (const file of await unit.render()) records.push(await writer.write(file, owner));
      summary.rendered++;
      finish(unit, records);
    }
  }
  const byKey = new Map(alone.map((i) => [units[i]!.key, units[i]!]));
  // The pool's jobs are queued first: this thread's first units render before it next waits, and
  // the workers should not wait for them.
  await Promise.all([
    pool?.render(
      generator.id,
      alone.map((i) => ({ key: units[i]!.key, code: units[i]!.procedure! })),
      (key, records) => {
        const unit = byKey.get(key)!;
        summary.rendered++;
        finish(unit, writer.adopt(records, `${generator.id}:${unit.key}`));
      },
    ),
    ...Array.from({ length: Math.min(CONCURRENCY, Math.max(1, here.length)) }, worker),
  ]);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

let lastBreath = 0;
/**
 * Lets the event loop run (the render pool's replies, and with them its next jobs) when this thread
 * has rendered for a while without. Units that await only settled promises (sync writes, a loaded
 * Markdown pipeline) chain as microtasks and never let the loop in: the workers, out of jobs,
 * waited until this thread had rendered every unit of its own.
 */
async function breather(): Promise<void> {
  const now = performance.now();
  if (now - lastBreath < BREATH_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastBreath = performance.now();
}
/** How long this thread renders at most before letting the event loop run. */
const BREATH_MS = 10;

/** A symlinked output folder (a web root pointing into a release folder) is built where it points, so the link stays. */
async function realOutFolder(out: string): Promise<string> {
  try {
    if ((await lstat(out)).isSymbolicLink()) return await realpath(out);
  } catch {
    // Not there yet: it will be created.
  }
  return out;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuses an output folder the build must not replace: the catalogue itself, a folder holding it or
 * inside it, or an existing folder that is not a previous tthc build (it would be deleted).
 */
export async function checkOutFolder(given: string, catalogueRoot: string): Promise<void> {
  // Where it really is: a symlinked parent (or the folder itself) leads elsewhere.
  const out = await resolveExisting(given);
  if (path.parse(out).root === out) throw new UsageError(`--out ${given} ${FORBIDDEN.root}; a build replaces its output folder as a whole. Choose a folder of its own, e.g. --out build.`, { id: 'build.bad-out', params: { out: given, why: 'root', real: out } });
  if (isInside(catalogueRoot, out)) throw new UsageError(`--out ${out} holds the catalogue; building there would replace it. Choose a folder outside the catalogue, e.g. --out build.`);
  if (isInside(out, catalogueRoot)) throw new UsageError(`--out ${out} is inside the catalogue folder; keep generated files out of the data. Choose e.g. --out build.`);
  const why = forbiddenFolder(out);
  if (why) throw new UsageError(`--out ${given} ${FORBIDDEN[why]}; a build replaces its output folder as a whole. Choose a folder of its own, e.g. --out build.`, { id: 'build.bad-out', params: { out: given, why, real: out } });
  let info;
  try {
    info = await stat(out);
  } catch {
    return;
  }
  if (!info.isDirectory()) throw new UsageError(`--out ${out} exists and is not a folder.`);
  const entries = await readdir(out);
  if (entries.length === 0) return;
  let ours = false;
  try {
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as { generator?: { name?: string } };
    ours = manifest?.generator?.name === TOOL.name;
  } catch {
    ours = false;
  }
  if (!ours) throw new UsageError(`--out ${out} already exists and is not a tthc build output (it has no tthc ${MANIFEST}); the build replaces its output folder as a whole, so it will not touch this one. Choose another --out, or remove the folder.`);
}

const STALE = /^\.(.+)\.(tmp|old|journal)-(\d+)-[0-9a-f]+$/;

/**
 * Cleans up after builds that were killed: their temporary folders are deleted; if one was killed
 * between moving the old output aside and moving the new one in, the old output is put back; if an
 * incremental build was killed while applying its journal, the journal is applied to the end. A
 * build still running on the same output is a usage error rather than a race.
 */
async function recoverStaleBuilds(parent: string, base: string, out: string): Promise<void> {
  const stale: { name: string; kind: string; pid: number }[] = [];
  for (const name of await readdir(parent)) {
    const m = STALE.exec(name);
    if (m && m[1] === base) stale.push({ name, kind: m[2]!, pid: Number(m[3]) });
  }
  for (const s of stale) {
    if (isAlive(s.pid)) throw new UsageError(`Another tthc build (process ${s.pid}) is writing ${out} (${path.join(parent, s.name)}); wait for it to finish, or remove that folder if the process is not tthc.`);
  }
  if (!(await isDirectory(out))) {
    const old = stale.find((s) => s.kind === 'old');
    if (old) {
      await rename(path.join(parent, old.name), out);
      stale.splice(stale.indexOf(old), 1);
    }
  }
  // A journal means an incremental build had decided its change: finish it before anything else.
  for (const s of stale) if (s.kind === 'journal') recoverJournal(out, parent, s.name);
  for (const s of stale) if (s.kind !== 'journal') await rm(path.join(parent, s.name), { recursive: true, force: true });
}

/**
 * Moves the finished build into place: the old output aside, the new one in, then the old one away.
 * Failing to remove the old one is a warning (returned): the new output is in place, and the next
 * build removes the left-over folder.
 */
async function swapIn(temp: string, out: string, parent: string, base: string): Promise<BuildWarning[]> {
  let old: string | undefined;
  if (await isDirectory(out)) {
    old = path.join(parent, `.${base}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
    await rename(out, old);
  }
  await rename(temp, out);
  if (!old) return [];
  try {
    failPoint('build:remove-old');
    await rm(old, { recursive: true, force: true });
    return [];
  } catch (error) {
    const detail = describeFailure(error);
    return [{ id: 'old-not-removed', path: old, detail, message: `the previous output, moved aside to ${old}, could not be removed (${detail}); the next build removes it.` }];
  }
}

function describeFailure(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

/** A path with its existing part resolved (symlinks followed), and the part not there yet appended. */
async function resolveExisting(p: string): Promise<string> {
  let rest = '';
  let at = p;
  for (;;) {
    try {
      const real = await realpath(at);
      return rest ? path.join(real, rest) : real;
    } catch {
      const up = path.dirname(at);
      if (up === at) return p;
      rest = rest ? path.join(path.basename(at), rest) : path.basename(at);
      at = up;
    }
  }
}

/** Folders a build never replaces or fills: the system's own, and the roots of users' files. */
const SYSTEM_FOLDERS = ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib32', '/lib64', '/libx32', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var'];
/** System trees: nothing inside them is a build's to write either. */
const SYSTEM_TREES = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/sbin', '/sys', '/usr'];

const FORBIDDEN = { root: 'is the root of the file system', system: 'is a system or home folder', 'in-system': 'is inside a system folder' } as const;

/** Why a folder is not one a build may write as its own (--out or --cache-dir), if it is not. */
function forbiddenFolder(p: string): keyof typeof FORBIDDEN | undefined {
  if (path.parse(p).root === p) return 'root';
  const homes = [homedir(), tmpdir()].map((d) => path.resolve(d));
  if (SYSTEM_FOLDERS.includes(p) || homes.includes(p)) return 'system';
  if (SYSTEM_TREES.some((t) => isInside(p, t))) return 'in-system';
  return undefined;
}

/**
 * Refuses a cache folder the build must not fill or prune: the file system's root or a system
 * folder, the output folder or one inside it (the swap would delete it), the catalogue, a folder
 * holding it or inside it.
 */
export async function checkCacheDir(cacheDir: string, out: string, catalogueRoot: string): Promise<void> {
  const real = await resolveExisting(cacheDir);
  const why = forbiddenFolder(real);
  if (why) throw new UsageError(`--cache-dir ${cacheDir} ${FORBIDDEN[why]}; the cache is written and pruned there. Choose a folder of its own, e.g. the default beside --out.`, { id: 'build.bad-cache-dir', params: { dir: cacheDir, why, real } });
  if (isInside(real, out)) throw new UsageError(`--cache-dir ${cacheDir} is inside --out ${out}, which each build replaces; keep the cache beside it (the default).`, { id: 'build.cache-in-out', params: { dir: cacheDir, out } });
  if (isInside(catalogueRoot, real) || isInside(real, catalogueRoot)) throw new UsageError(`--cache-dir ${cacheDir} overlaps the catalogue folder ${catalogueRoot}; keep generated files out of the data.`, { id: 'build.cache-in-catalogue', params: { dir: cacheDir, catalogue: catalogueRoot } });
}
