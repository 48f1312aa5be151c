import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileLevelDiagnostic } from '../diagnostics/place.js';
import { displayPath, type Catalogue, type LoadedVersion } from '../model/catalogue.js';
import { compareByEffective } from '../model/order.js';
import { registryRefs } from '../model/spec.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { PublishedLock } from '../schema/types/lock.generated.js';
import { loadCatalogue } from '../load/catalogue.js';
import { byteLimitFor, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_REGISTRY_BYTES, kindOf } from '../load/layout.js';
import { readAndParse } from '../load/parse-file.js';
import type { CatalogueState } from '../load/state.js';
import { ALL_RULES } from '../lint/index.js';
import { checkCatalogue, lintWorker, wholeFindings, type ValidateOptions, type ValidationResult } from './index.js';

/**
 * A catalogue kept loaded between checks (`tthc build --watch`): after the first load, a saved
 * procedure version file is read again on its own, and the catalogue is linted again with every
 * unchanged version's findings taken from the state (their lint inputs are unchanged). Anything
 * else saved (a registry, the lock, a calendar, a folder added or removed) loads the catalogue
 * again, through the same state, so only the files whose stat changed are read. The results are
 * exactly those of validateCatalogue on the folder as it now is.
 */
export class KeptCatalogue {
  private catalogue!: Catalogue;
  /** What loading found, by file as diagnostics name it (the lint's findings are not kept: they are made again). */
  private loadFindings = new Map<string, Diagnostic[]>();
  private state: CatalogueState | undefined;
  /** Counts the loads of the whole catalogue: each makes new version objects. */
  generation = 0;

  private constructor(
    readonly dir: string,
    private readonly options: ValidateOptions & { stateDir?: string },
  ) {}

  /** Loads the catalogue and checks it, as validateCatalogue does. */
  static async open(dir: string, options: ValidateOptions & { stateDir?: string } = {}): Promise<{ kept: KeptCatalogue; result: ValidationResult }> {
    const kept = new KeptCatalogue(dir, options);
    return { kept, result: await kept.reload() };
  }

  /** Loads the whole catalogue again (through the state: only files whose stat changed are read). */
  async reload(): Promise<ValidationResult> {
    // As validateCatalogue loads: the loader's second thread lints what it reads (its findings are
    // used for this check only; later checks lint saved versions here, the rest from the state).
    const shardWorker = lintWorker(this.options.rules ?? ALL_RULES);
    const { catalogue, diagnostics, state, shardFindings, shardFolders } = await loadCatalogue(this.dir, {
      ...this.options,
      ...(this.options.strict ? { readState: false } : {}),
      ...(shardWorker ? { shardWorker } : {}),
    });
    const precomputed = wholeFindings(catalogue, shardFindings, shardFolders);
    this.catalogue = catalogue;
    this.state = state;
    this.generation++;
    this.loadFindings = new Map();
    for (const d of diagnostics) {
      const list = this.loadFindings.get(d.file);
      if (list) list.push(d);
      else this.loadFindings.set(d.file, [d]);
    }
    const result = this.check(precomputed);
    await state?.save();
    return result;
  }

  /**
   * Takes in the files saved since the last check (paths relative to the catalogue folder, forward
   * slashes). Procedure version files are read again one by one; anything else reloads the catalogue.
   */
  async update(rels: readonly string[]): Promise<ValidationResult> {
    const listed = rels.filter((rel) => rel.endsWith('.json') && !rel.split('/').some((s) => s.startsWith('.') || s === 'node_modules'));
    // Procedure versions, the lock, calendars, lists and catalogue.json are read again one by one;
    // a registry file is merged with the others into the tables, so it loads everything again.
    const oneByOne = listed.every((rel) => kindOf(rel) !== 'registry' && kindOf(rel) !== 'unknown');
    if (!oneByOne || !listed.every((rel) => (kindOf(rel) === 'version' ? this.reread(rel) : this.rereadOther(rel)))) return this.reload();
    return this.check();
  }

  /** Reads one procedure version file again; false when it is not a plain file the loader would list (a link, a folder): the caller reloads. */
  private reread(rel: string): boolean {
    const catalogue = this.catalogue;
    const abs = path.join(catalogue.root, ...rel.split('/'));
    const info = lstatSync(abs, { throwIfNoEntry: false });
    if (info && !info.isFile()) return false;
    const display = displayPath(catalogue.display, rel);
    this.loadFindings.delete(display);
    const old = catalogue.versions.findIndex((v) => v.file.rel === rel);
    const before = old >= 0 ? catalogue.versions[old]! : undefined;
    if (old >= 0) catalogue.versions.splice(old, 1);
    catalogue.rejected.delete(rel);
    let added: LoadedVersion | undefined;
    if (info) {
      const parsed = readAndParse({ abs, rel }, 'version', display, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      if (parsed.diagnostics.length > 0) this.loadFindings.set(display, parsed.diagnostics);
      if (parsed.file && parsed.data !== undefined) {
        const data = parsed.data as ProcedureVersion;
        added = { file: parsed.file, data, registryRefs: registryRefs(data) };
        catalogue.versions.push(added);
      } else catalogue.rejected.add(rel);
    }
    reindex(catalogue, before, added);
    return true;
  }

  /** Reads the lock, a calendar, a list or catalogue.json again, as the loader does; false when the caller must reload. */
  private rereadOther(rel: string): boolean {
    const catalogue = this.catalogue;
    const kind = kindOf(rel);
    const abs = path.join(catalogue.root, ...rel.split('/'));
    const info = lstatSync(abs, { throwIfNoEntry: false });
    // Gone, or not a plain file (the loader reports links and FIFOs its own way): load everything.
    if (!info || !info.isFile()) return false;
    const display = displayPath(catalogue.display, rel);
    this.loadFindings.delete(display);
    const parsed = readAndParse({ abs, rel }, kind, display, byteLimitFor(kind, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, this.options.maxRegistryBytes ?? DEFAULT_MAX_REGISTRY_BYTES));
    if (parsed.diagnostics.length > 0) this.loadFindings.set(display, parsed.diagnostics);
    const ok = parsed.file !== undefined && parsed.data !== undefined;
    if (kind === 'lock') {
      catalogue.lock = ok ? { file: parsed.file!, data: parsed.data as PublishedLock } : undefined;
      catalogue.lockRejected = ok ? undefined : { display, rel };
    } else if (ok) catalogue.auxiliary.set(rel, { file: parsed.file!, data: parsed.data });
    else catalogue.auxiliary.delete(rel);
    return true;
  }

  private check(precomputed?: ReadonlyMap<string, readonly Diagnostic[]>): ValidationResult {
    const catalogue = this.catalogue;
    // The loader's one finding about the whole catalogue depends on what is in it now.
    const empty = catalogue.display;
    const emptyFindings = (this.loadFindings.get(empty) ?? []).filter((d) => d.ruleId !== 'catalogue/empty');
    if (catalogue.versions.length === 0 && catalogue.rejected.size === 0) {
      emptyFindings.push(fileLevelDiagnostic(empty, 'catalogue/empty', 'error', `No procedure versions found: a catalogue keeps them at procedures/<code>/<version>.json under ${empty}.`));
    }
    if (emptyFindings.length > 0) this.loadFindings.set(empty, emptyFindings);
    else this.loadFindings.delete(empty);
    const load = [...this.loadFindings.values()].flat();
    return checkCatalogue(catalogue, load, { ...this.options, state: this.state, ...(precomputed ? { precomputed } : {}) });
  }
}

/** Keeps `versions` sorted and `byCode` in step after one version left (`before`) and one came (`added`). */
function reindex(catalogue: Catalogue, before: LoadedVersion | undefined, added: LoadedVersion | undefined): void {
  const compare = (a: LoadedVersion, b: LoadedVersion) => cmp(a.data.code, b.data.code) || cmp(a.data.version, b.data.version) || cmp(a.file.rel, b.file.rel);
  if (added) {
    // One out of place at the end: move it to its place.
    catalogue.versions.pop();
    let lo = 0;
    let hi = catalogue.versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(catalogue.versions[mid]!, added) <= 0) lo = mid + 1;
      else hi = mid;
    }
    catalogue.versions.splice(lo, 0, added);
  }
  const isNew = added !== undefined && !catalogue.byCode.has(added.data.code);
  for (const code of new Set([before?.data.code, added?.data.code])) {
    if (code === undefined) continue;
    const list = catalogue.versions.filter((v) => v.data.code === code);
    if (list.length === 0) catalogue.byCode.delete(code);
    else catalogue.byCode.set(code, list.sort(compareByEffective));
  }
  // byCode's keys keep the loader's order (sorted codes): a new code is put in its place.
  if (isNew && catalogue.byCode.size > 1) {
    const entries = [...catalogue.byCode.entries()].sort(([a], [b]) => cmp(a, b));
    catalogue.byCode.clear();
    for (const [k, v] of entries) catalogue.byCode.set(k, v);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
