import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, RelatedPlace, Severity } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.js';
import type { Agency, CostEstimation, Database, Field, HourlyIncome, LegalDocument, Level, Registry } from '../schema/types/registry.js';
import type { PublishedLock } from '../schema/types/lock.js';
import type { WorkingCalendar } from '../schema/types/calendar.js';
import { checkCalendar } from './calendar.js';
import { CatalogueAccessError } from '../errors.js';
import { lintCodes, registryRefs, type RegistryKind } from '../lint/walk.js';
import { lazyVersion, metaOf, type MetaKey } from './lazy.js';
import type { LintRule } from '../lint/rule.js';
import { CatalogueState, type Stat, type StoredVersion } from './state.js';
import { validateWith, type SchemaName } from '../schema/validators.js';
import { describeIoError, listJsonFiles, readBounded, toPosix, type FoundFile } from './files.js';
import { decodeUtf8, internAll, JsonSource, MAX_VALUES, nonNfcPointers, normalizeNfc, parseStrictJson, type SourceProblem } from './json-source.js';
import { sha256Hex } from './canonical.js';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** One JSON file of the catalogue, with what is needed to place diagnostics in it. */
export interface SourceFile {
  /** The path shown to people: the catalogue dir as given, joined with rel. */
  display: string;
  /** Path relative to the catalogue root, forward slashes. */
  rel: string;
  abs: string;
  source: JsonSource;
  /** Pointers of strings that were not NFC before normalisation. */
  nonNfc: readonly string[];
  /** SHA-256 of the file's bytes: any edit changes it. */
  sha256: string;
}

/** A procedure version that parsed and passed the schema; its text is NFC-normalised. */
export interface LoadedVersion {
  file: SourceFile;
  data: ProcedureVersion;
  /** The registry entries it names (walk.ts registryRefs), when known without reading the data. */
  registryRefs?: readonly [RegistryKind, string][];
}

/** Where a registry entry is defined. */
export interface Place {
  file: SourceFile;
  pointer: string;
}

export interface RegistryTable<T> {
  byId: Map<string, T>;
  places: Map<string, Place>;
}

export interface Registries {
  legalDocuments: RegistryTable<LegalDocument>;
  agencies: RegistryTable<Agency>;
  fields: RegistryTable<Field>;
  levels: RegistryTable<Level>;
  databases: RegistryTable<Database>;
  hourlyIncomes: RegistryTable<HourlyIncome>;
  costEstimations: RegistryTable<CostEstimation>;
}

/** A catalogue JSON file outside procedures/ and registry/ (calendars, configuration), parsed and NFC-normalised. */
export interface AuxiliaryFile {
  file: SourceFile;
  data: unknown;
}

export interface Catalogue {
  /** Absolute, resolved root. */
  root: string;
  /** The root as given by the caller, used in displayed paths. */
  display: string;
  /** Every valid version, sorted by code then version. */
  versions: LoadedVersion[];
  /** Versions by procedure code, each list sorted by effective date then version id. */
  byCode: Map<string, LoadedVersion[]>;
  registry: Registries;
  lock: { file: SourceFile; data: PublishedLock } | undefined;
  /** Other JSON files by relative path: calendars/*.json (schema- and calendar-checked; see calendarsOf), catalogue.json. */
  auxiliary: Map<string, AuxiliaryFile>;
  /** Relative paths of spec files that failed to load; a lint rule must not mistake them for absent. */
  rejected: Set<string>;
}

/** How diagnostics name a file of a catalogue: the catalogue folder as given, joined with the relative path. */
export function displayPath(display: string, rel: string): string {
  return display === '.' ? rel : `${display}/${rel}`;
}

export interface LoadOptions {
  /** Largest procedure-version file accepted, in bytes. Default 1 MiB: real specs are 3–20 KB. */
  maxFileBytes?: number;
  /** Largest registry, calendar or lock file accepted, in bytes. Default 64 MiB. */
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
   * The lint rules the caller will run: the worker thread runs their version-scope ones on the
   * versions it reads (when all are registered rules, which it can load by id), and the results
   * come back in `precomputed`.
   */
  lintRules?: readonly LintRule[];
}

export interface LoadResult {
  catalogue: Catalogue;
  diagnostics: Diagnostic[];
  /** Version-scope lint findings already made while loading, by file (see LoadOptions.lintRules). */
  precomputed: Map<string, Diagnostic[]>;
  /** The catalogue state, when `stateDir` was given: the lint uses it, and the caller saves it. */
  state?: CatalogueState;
}

export { CatalogueAccessError };

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
export const DEFAULT_MAX_REGISTRY_BYTES = 64 * 1024 * 1024;
export const LOCK_FILE = 'tthc.lock.json';
/** Beyond this, more schema errors in one file only bury the first ones. */
export const MAX_SCHEMA_ISSUES_PER_FILE = 100;

export type FileKind = 'version' | 'registry' | 'lock' | 'calendar' | 'auxiliary' | 'unknown';

function kindOf(rel: string): FileKind {
  if (rel.startsWith('procedures/')) return 'version';
  if (rel.startsWith('registry/') && rel.split('/').length === 2) return 'registry';
  if (rel === LOCK_FILE) return 'lock';
  if (rel.startsWith('calendars/') && rel.split('/').length === 2) return 'calendar';
  if (rel === 'catalogue.json') return 'auxiliary';
  return 'unknown';
}

export function emptyRegistries(): Registries {
  const table = <T>(): RegistryTable<T> => ({ byId: new Map(), places: new Map() });
  return { legalDocuments: table(), agencies: table(), fields: table(), levels: table(), databases: table(), hourlyIncomes: table(), costEstimations: table() };
}

/** Builds a diagnostic located at a JSON pointer in a file. */
export function diagnosticAt(
  file: SourceFile,
  pointer: string,
  ruleId: string,
  severity: Severity,
  message: string,
  extra: { atKey?: boolean; related?: RelatedPlace[]; url?: string } = {},
): Diagnostic {
  const span = file.source.spanOf(pointer, extra.atKey ?? false);
  const d: Diagnostic = {
    file: file.display,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    pointer,
    ruleId,
    severity,
    message,
  };
  if (extra.url) d.url = extra.url;
  if (extra.related && extra.related.length > 0) d.related = extra.related;
  return d;
}

/** A place for RelatedPlace, from a file and pointer. */
export function relatedAt(file: SourceFile, pointer: string, message: string): RelatedPlace {
  const span = file.source.spanOf(pointer);
  return { file: file.display, line: span.start.line, column: span.start.column, pointer, message };
}

function fileLevelDiagnostic(display: string, ruleId: string, severity: Severity, message: string): Diagnostic {
  return { file: display, line: 1, column: 1, pointer: '', ruleId, severity, message };
}

interface ParsedFile {
  found: FoundFile;
  kind: FileKind;
  file: SourceFile | undefined;
  data: unknown;
  diagnostics: Diagnostic[];
  normalized?: boolean;
  /** Restored from the catalogue state rather than read. */
  stored?: StoredVersion;
  /** Checked by the worker thread: what it found, so the data need not be read for it here. */
  summary?: VersionSummary;
}

/** What the worker thread reports of a version beyond its verdict: enough to plan without the data, and its lint findings. */
export interface VersionSummary {
  keys: string[];
  meta: Partial<Pick<ProcedureVersion, MetaKey>>;
  registryRefs: [RegistryKind, string][];
  /** The version-scope rules' findings, when the worker could run them. */
  lint?: Diagnostic[];
}

const SCHEMA_FOR: Partial<Record<FileKind, SchemaName>> = { version: 'procedure-version', registry: 'registry', lock: 'lock', calendar: 'calendar' };

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
    throw new CatalogueAccessError(`Cannot open catalogue folder ${dir}: ${describeIoError(error)}.`);
  }
  if (!rootInfo.isDirectory()) throw new CatalogueAccessError(`${dir} is not a folder: give the catalogue folder (the one holding procedures/ and registry/).`);

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

  const catalogue: Catalogue = {
    root,
    display,
    versions: [],
    byCode: new Map(),
    registry: emptyRegistries(),
    lock: undefined,
    auxiliary: new Map(),
    rejected: new Set(),
  };

  const precomputed = new Map<string, Diagnostic[]>();
  for (const p of parsed as ParsedFile[]) {
    diagnostics.push(...p.diagnostics);
    if (p.kind === 'unknown') {
      diagnostics.push(
        fileLevelDiagnostic(displayOf(p.found.rel), 'io/unknown-file', 'warning', 'This JSON file is not part of the catalogue layout (procedures/, registry/, calendars/, catalogue.json, tthc.lock.json); it was ignored.'),
      );
      continue;
    }
    if (!p.file || p.data === undefined) {
      if (p.kind === 'version') catalogue.rejected.add(p.found.rel);
      continue;
    }
    switch (p.kind) {
      case 'version': {
        const refs = p.stored?.registryRefs ?? p.summary?.registryRefs;
        catalogue.versions.push(refs ? { file: p.file, data: p.data as ProcedureVersion, registryRefs: refs } : { file: p.file, data: p.data as ProcedureVersion });
        if (p.summary?.lint) precomputed.set(p.found.rel, p.summary.lint);
        break;
      }
      case 'registry':
        addRegistryFile(catalogue.registry, p.file, p.data as Registry, diagnostics);
        break;
      case 'lock':
        catalogue.lock = { file: p.file, data: p.data as PublishedLock };
        break;
      case 'calendar':
      case 'auxiliary':
        catalogue.auxiliary.set(p.found.rel, { file: p.file, data: p.data });
        break;
    }
  }

  indexVersions(catalogue);
  // A worker's findings hold only where it saw every version it could have looked at: the versions
  // of each code the version names all sit in that code's folder, and the worker read that folder.
  const byRel = new Map(catalogue.versions.map((v) => [v.file.rel, v]));
  for (const rel of [...precomputed.keys()]) {
    const v = byRel.get(rel);
    const whole = v !== undefined && lintCodes(v).every((c) => workerFolders.has(c) && (catalogue.byCode.get(c) ?? []).every((x) => x.file.rel.startsWith(`procedures/${c}/`)));
    if (!whole) precomputed.delete(rel);
  }

  if (catalogue.versions.length === 0 && catalogue.rejected.size === 0) {
    diagnostics.push(fileLevelDiagnostic(display, 'catalogue/empty', 'error', `No procedure versions found: a catalogue keeps them at procedures/<code>/<version>.json under ${display}.`));
  }
  return { catalogue, diagnostics: sortDiagnostics(diagnostics), precomputed, ...(state ? { state } : {}) };
}

/** A file modified this recently (ms) is not trusted from the catalogue state next time: some file systems keep times to 2 s. */
const RACY_MS = 2000;

/**
 * A procedure version restored from the catalogue state when its stat is unchanged (its data then
 * read lazily), and the stat to record it under when it has to be read.
 */
function restoreVersion(found: FoundFile, display: string, state: CatalogueState): { stat: Stat | undefined; parsed?: ParsedFile } {
  let info;
  try {
    info = statSync(found.abs);
  } catch {
    return { stat: undefined };
  }
  const stat: Stat = [info.size, info.mtimeMs, info.ctimeMs, info.ino];
  // A file changed within the clock's granularity of this read could change again without its
  // stat changing ("racy", as git calls it): read it now, and again next time.
  if (Date.now() - Math.max(info.mtimeMs, info.ctimeMs) < RACY_MS) stat[0] = -1;
  const stored = state.lookup(found.rel, stat);
  if (!stored) return { stat };
  const result: ParsedFile = { found, kind: 'version', file: undefined, data: undefined, diagnostics: [...stored.diagnostics], stored };
  if (stored.ok) {
    const reload = () => rereadText(found.abs);
    result.file = { display, rel: found.rel, abs: found.abs, source: new JsonSource(undefined, reload), nonNfc: stored.nonNfc ?? [], sha256: stored.sha256 };
    result.data = lazyVersion({ abs: found.abs, sha256: stored.sha256, keys: stored.keys ?? [], meta: stored.meta ?? {}, normalized: stored.normalized ?? false });
  }
  return { stat, parsed: result };
}

/** Records a version read now in the catalogue state. */
function recordVersion(state: CatalogueState, fresh: ParsedFile, stat: Stat): void {
  const entry: StoredVersion = { stat, sha256: fresh.file?.sha256 ?? '', diagnostics: fresh.diagnostics, ok: Boolean(fresh.file && fresh.data !== undefined) };
  if (entry.ok) {
    const data = fresh.data as ProcedureVersion;
    entry.keys = fresh.summary?.keys ?? Object.keys(data);
    entry.meta = fresh.summary?.meta ?? metaOf(data);
    entry.normalized = fresh.normalized ?? false;
    entry.nonNfc = [...fresh.file!.nonNfc];
    entry.registryRefs = fresh.summary?.registryRefs ?? registryRefs(data);
    fresh.stored = entry;
  }
  state.record(fresh.found.rel, entry);
}

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
  summary?: VersionSummary;
}

/**
 * Reads the files the state did not restore. With many procedure versions and a second core, a
 * worker thread reads about half of them, whole procedures at a time (check-worker.ts): it checks
 * them (decode, strict parse, NFC, schema), runs the version-scope lint rules on them (it reads the
 * registries too), and reports the verdicts, the findings and what planning needs (the meta
 * properties, the registry references), but not the data: handing parsed data between threads
 * costs more than parsing it. Those versions' data is then read here only if something reads it
 * (lazy.ts). The result is exactly that of reading and linting everything on one thread.
 */
async function readFresh(
  files: readonly FoundFile[],
  indices: readonly number[],
  displayOf: (rel: string) => string,
  maxFileBytes: number,
  maxRegistryBytes: number,
  pool: Map<string, string>,
  options: LoadOptions,
  where: { root: string; display: string; folders: Set<string>; lazyPool: Map<string, string> },
): Promise<Map<number, ParsedFile>> {
  const out = new Map<number, ParsedFile>();
  const versions = indices.filter((i) => kindOf(files[i]!.rel) === 'version');
  const useWorker = options.parallel ?? (versions.length >= PARALLEL_FROM && availableParallelism() > 1);
  // Whole procedure folders to the worker, so each thread has every version of the procedures it
  // lints: somewhat less than half, since this thread also reads the registries and the lock.
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
          toWorker.map((i) => ({ found: files[i]!, display: displayOf(files[i]!.rel) })),
          { limit: maxFileBytes, registryLimit: maxRegistryBytes, registries, rules: options.lintRules, root: where.root, display: where.display },
        )
      : undefined;
  const byWorker = new Set(toWorker);
  for (const i of indices) {
    if (byWorker.has(i)) continue;
    const found = files[i]!;
    const kind = kindOf(found.rel);
    out.set(i, readAndParse(found, kind, displayOf(found.rel), kind === 'version' ? maxFileBytes : maxRegistryBytes, pool));
  }
  const verdicts = checked ? await checked : undefined;
  toWorker.forEach((i, k) => {
    const found = files[i]!;
    const display = displayOf(found.rel);
    const verdict = verdicts?.[k];
    if (!verdict) {
      // The worker could not run: read it here, and lint it here.
      where.folders.clear();
      out.set(i, readAndParse(found, 'version', display, maxFileBytes, pool));
      return;
    }
    const result: ParsedFile = { found, kind: 'version', file: undefined, data: undefined, diagnostics: verdict.diagnostics, normalized: verdict.normalized };
    if (verdict.ok && verdict.summary) {
      const { keys, meta } = verdict.summary;
      result.file = { display, rel: found.rel, abs: found.abs, source: new JsonSource(undefined, () => rereadText(found.abs)), nonNfc: verdict.nonNfc, sha256: verdict.sha256 };
      result.data = lazyVersion({ abs: found.abs, sha256: verdict.sha256, keys, meta, normalized: verdict.normalized, pool: where.lazyPool });
      result.summary = verdict.summary;
    }
    out.set(i, result);
  });
  return out;
}

/** Runs checkVersionFile over files in a worker thread; undefined when no worker can run (then everything is read here). */
async function checkInWorker(
  files: { found: FoundFile; display: string }[],
  options: { limit: number; registryLimit: number; registries: { found: FoundFile; display: string }[]; rules: readonly LintRule[] | undefined; root: string; display: string },
): Promise<CheckedVersion[] | undefined> {
  // The worker runs registered rules, loaded by id; with any other rule it only checks. (The rules
  // are imported here, not at the top: loading a calendar alone must not load every rule.)
  const { RULES } = await import('../lint/index.js');
  const versionRules = (options.rules ?? []).filter((r) => r.meta.scope === 'version');
  const ruleIds = options.rules && versionRules.every((r) => RULES.get(r.id) === r) ? versionRules.map((r) => r.id) : undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./check-worker.js', import.meta.url), {
      workerData: { files, limit: options.limit, registryLimit: options.registryLimit, registries: options.registries, ruleIds, root: options.root, display: options.display },
    });
  } catch {
    return undefined;
  }
  return new Promise((resolve) => {
    const results: CheckedVersion[] = [];
    worker.on('message', (batch: CheckedVersion[] | null) => {
      if (batch === null) {
        resolve(results.length === files.length ? results : undefined);
        void worker.terminate();
      } else results.push(...batch);
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * The worker thread's side: checks the given version files, lints their version-scope rules over
 * the registries and the versions of their own procedures, and reports each file's verdict and
 * summary (check-worker.ts posts them).
 */
export function checkAndLint(
  lintEachVersion: (catalogue: Catalogue, rules: readonly LintRule[]) => Map<string, Diagnostic[]>,
  rules: ReadonlyMap<string, LintRule>,
  data: {
  files: { found: FoundFile; display: string }[];
  limit: number;
  registryLimit: number;
  registries: { found: FoundFile; display: string }[];
  ruleIds: string[] | undefined;
  root: string;
  display: string;
  },
): CheckedVersion[] {
  const catalogue: Catalogue = { root: data.root, display: data.display, versions: [], byCode: new Map(), registry: emptyRegistries(), lock: undefined, auxiliary: new Map(), rejected: new Set() };
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
  const lint = data.ruleIds ? lintEachVersion(catalogue, data.ruleIds.map((id) => rules.get(id)!)) : undefined;
  return parsed.map((p) => {
    const ok = Boolean(p.file && p.data !== undefined);
    const verdict: CheckedVersion = { sha256: p.file?.sha256 ?? '', diagnostics: p.diagnostics, ok, normalized: p.normalized ?? false, nonNfc: [...(p.file?.nonNfc ?? [])] };
    if (ok) {
      const v = p.data as ProcedureVersion;
      verdict.summary = { keys: Object.keys(v), meta: metaOf(v), registryRefs: registryRefs(v), ...(lint ? { lint: lint.get(p.found.rel) ?? [] } : {}) };
    }
    return verdict;
  });
}

/** Sorts a catalogue's versions and groups them by code, as the loader does. */
function indexVersions(catalogue: Catalogue): void {
  catalogue.versions.sort((a, b) => compareStrings(a.data.code, b.data.code) || compareStrings(a.data.version, b.data.version) || compareStrings(a.file.rel, b.file.rel));
  for (const version of catalogue.versions) {
    const list = catalogue.byCode.get(version.data.code);
    if (list) list.push(version);
    else catalogue.byCode.set(version.data.code, [version]);
  }
  for (const list of catalogue.byCode.values()) list.sort(compareByEffective);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders versions by effective date (undated drafts last), then by version id. */
export function compareByEffective(a: LoadedVersion, b: LoadedVersion): number {
  const fa = a.data.effective?.from ?? '9999-12-31';
  const fb = b.data.effective?.from ?? '9999-12-31';
  return compareStrings(fa, fb) || compareStrings(a.data.version, b.data.version);
}

function readAndParse(found: FoundFile, kind: FileKind, display: string, limit: number, pool?: Map<string, string>, release = true): ParsedFile {
  const result: ParsedFile = { found, kind, file: undefined, data: undefined, diagnostics: [] };
  if (kind === 'unknown') return result;
  let bytes: Uint8Array;
  try {
    const read = readBounded(found.abs, limit);
    if (read.tooLarge) {
      result.diagnostics.push(
        fileLevelDiagnostic(display, 'io/too-large', 'error', `File is ${formatBytes(read.size)}, over the ${formatBytes(limit)} limit for ${kind === 'version' ? 'a procedure version' : 'this file'}; it was not read. (--max-file-size raises the limit.)`),
      );
      return result;
    }
    bytes = read.bytes;
  } catch (error) {
    result.diagnostics.push(fileLevelDiagnostic(display, 'io/unreadable', 'error', `Cannot read file: ${describeIoError(error)}.`));
    return result;
  }
  const parsed = parseCatalogueFile(bytes, kind, { display, rel: found.rel, abs: found.abs }, { pool, reload: () => rereadText(found.abs) });
  // The text is read again only if a diagnostic needs a position in it.
  if (release) parsed.file?.source.release();
  return { ...result, ...parsed };
}

/** What a catalogue file's bytes turned into: its data, or the diagnostics that explain why not. */
export interface ParsedContent {
  file: SourceFile | undefined;
  data: unknown;
  diagnostics: Diagnostic[];
  /** The text was not NFC, so the data was normalised. */
  normalized?: boolean;
}

/**
 * The pure part of loading one file: decode, parse, normalise to NFC and schema-check its bytes.
 * No I/O, so hostile-input tests can drive exactly the loader's code with generated bytes.
 */
export function parseCatalogueFile(
  bytes: Uint8Array,
  kind: FileKind,
  where: { display: string; rel: string; abs: string },
  options: { pool?: Map<string, string> | undefined; reload?: () => string } = {},
): ParsedContent {
  const result: ParsedContent = { file: undefined, data: undefined, diagnostics: [] };
  const decoded = decodeUtf8(bytes);
  const rawSource = new JsonSource(decoded.text, options.reload);
  const rawFile: SourceFile = { ...where, source: rawSource, nonNfc: [], sha256: sha256Hex(bytes) };
  result.diagnostics.push(...decoded.problems.map((p) => sourceProblemDiagnostic(rawFile, p)));
  if (!decoded.ok) return result;

  const parsed = parseStrictJson(rawSource, kind === 'version' ? MAX_VALUES : Number.POSITIVE_INFINITY, kind === 'version' ? options.pool : undefined);
  result.diagnostics.push(...parsed.problems.map((p) => sourceProblemDiagnostic(rawFile, p)));
  if (!parsed.ok) return result;

  // NFC on input: the checks and everything downstream see composed text; text-nfc reports where it was not.
  const isNfc = decoded.text.normalize('NFC') === decoded.text && !decoded.text.includes('\\u');
  const nonNfc = isNfc ? [] : nonNfcPointers(parsed.value);
  const normalized = nonNfc.length > 0 || !isNfc;
  const data = normalized ? normalizeNfc(parsed.value) : parsed.value;
  const file: SourceFile = { ...rawFile, nonNfc };

  const schema = SCHEMA_FOR[kind];
  if (schema) {
    const issues = validateWith(schema, data);
    if (issues.length > 0) {
      for (const issue of issues.slice(0, MAX_SCHEMA_ISSUES_PER_FILE)) {
        result.diagnostics.push(diagnosticAt(file, issue.pointer, issue.ruleId, 'error', issue.message, { atKey: issue.atKey }));
      }
      if (issues.length > MAX_SCHEMA_ISSUES_PER_FILE) {
        result.diagnostics.push(fileLevelDiagnostic(where.display, 'schema/more', 'error', `${issues.length - MAX_SCHEMA_ISSUES_PER_FILE} more schema errors in this file are not shown; fix the ones above first.`));
      }
      return result;
    }
  }
  if (kind === 'calendar') {
    const issues = checkCalendar(data as WorkingCalendar, path.posix.basename(where.rel, '.json'));
    for (const issue of issues) result.diagnostics.push(diagnosticAt(file, issue.pointer, issue.ruleId, issue.severity, issue.message));
    if (issues.some((i) => i.severity === 'error')) return result;
  }
  result.file = file;
  result.data = data;
  result.normalized = normalized;
  return result;
}

/** A file's text read again (for positions), decoded as the loader decodes it. */
function rereadText(abs: string): string {
  return decodeUtf8(readFileSync(abs)).text;
}

/** The calendars of a catalogue (calendars/<id>.json that passed their checks), by id. */
export function calendarsOf(catalogue: Catalogue): Map<string, { file: SourceFile; data: WorkingCalendar }> {
  const out = new Map<string, { file: SourceFile; data: WorkingCalendar }>();
  for (const [rel, aux] of catalogue.auxiliary) {
    if (kindOf(rel) === 'calendar') out.set((aux.data as WorkingCalendar).id, { file: aux.file, data: aux.data as WorkingCalendar });
  }
  return out;
}

/**
 * Loads one calendar file on its own (for counting days without a catalogue): read, parse, schema
 * and calendar checks, with positioned diagnostics. `data` is undefined when it has errors.
 */
export async function loadCalendarFile(file: string, options: { maxBytes?: number } = {}): Promise<{ data: WorkingCalendar | undefined; diagnostics: Diagnostic[] }> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new CatalogueAccessError(`Cannot open calendar file ${file}: ${describeIoError(error)}.`);
  }
  if (!info.isFile()) throw new CatalogueAccessError(`${file} is not a file: give a calendar file such as catalogue/calendars/vn.json.`);
  const found: FoundFile = { abs: path.resolve(file), rel: `calendars/${path.basename(file)}` };
  const parsed = readAndParse(found, 'calendar', toPosix(file), options.maxBytes ?? DEFAULT_MAX_REGISTRY_BYTES);
  return { data: parsed.file ? (parsed.data as WorkingCalendar) : undefined, diagnostics: sortDiagnostics(parsed.diagnostics) };
}

function sourceProblemDiagnostic(file: SourceFile, problem: SourceProblem): Diagnostic {
  if (problem.offset < 0) return diagnosticAt(file, problem.pointer, problem.ruleId, problem.severity, problem.message, { atKey: true });
  const start = file.source.positionAt(problem.offset);
  const end = file.source.positionAt(problem.offset + problem.length);
  const d: Diagnostic = {
    file: file.display,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    pointer: problem.pointer,
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
  };
  if (problem.related) {
    const at = file.source.positionAt(problem.related.offset);
    d.related = [{ file: file.display, line: at.line, column: at.column, pointer: problem.pointer, message: problem.related.message }];
  }
  return d;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

const REGISTRY_KEYS = ['legalDocuments', 'agencies', 'fields', 'levels', 'databases', 'hourlyIncomes', 'costEstimations'] as const;

function addRegistryFile(registries: Registries, file: SourceFile, data: Registry, diagnostics: Diagnostic[]): void {
  for (const key of REGISTRY_KEYS) {
    const entries = data[key] as ({ id?: string; number?: string } & object)[] | undefined;
    if (!entries) continue;
    const table = registries[key] as RegistryTable<object>;
    entries.forEach((entry, index) => {
      const id = key === 'legalDocuments' ? (entry as LegalDocument).number : (entry as { id: string }).id;
      const pointer = `/${key}/${index}`;
      const first = table.places.get(id);
      if (first) {
        diagnostics.push(
          diagnosticAt(file, pointer, 'registry/duplicate-id', 'error', `Duplicate ${key === 'legalDocuments' ? 'legal document number' : 'id'} "${id}" in the ${key} registry.`, {
            related: [relatedAt(first.file, first.pointer, 'first defined here')],
          }),
        );
        return;
      }
      table.byId.set(id, entry);
      table.places.set(id, { file, pointer });
    });
  }
}
