import type { Catalogue, LoadedVersion } from '../../rules/model/catalogue.js';
import { canonicalJson, sha256Hex } from '../../rules/load/canonical.js';
import { contentOn, effectiveWindows, resolve, type EffectiveWindow, type Resolution } from '../../rules/compute/resolve.js';
import { factsOf } from '../../rules/lint/condition-facts.js';
import { registryRefs, type RegistryKind } from '../../rules/model/spec.js';
import type { IsoDate } from '../../rules/compute/dates.js';
import type { FactDefinition, ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import type { Agency, Database, Field, LegalDocument, Level } from '../../rules/schema/types/registry.generated.js';
import type { BuildMemory } from './memory.js';

/**
 * Where a procedure stands on the build date, from the public's point of view. `draft` only in a
 * preview build: the procedure has no published version yet, and its pages show the latest draft.
 */
export type ProcedureState = 'in-force' | 'not-yet-in-force' | 'repealed' | 'lapsed' | 'draft';

/** One procedure (all versions of one code) with what the build date makes of it. */
export interface ProcedureEntry {
  code: string;
  /** Every version, drafts included, in effective order. */
  versions: readonly LoadedVersion[];
  /** Published and repealed versions with the period each is in force. */
  windows: readonly EffectiveWindow[];
  state: ProcedureState;
  resolution: Resolution;
  /**
   * The version a page about the procedure shows: the one in force; before the first takes effect,
   * that first one; after repeal or lapse, the last one that was in force.
   */
  shown: LoadedVersion;
  /** The window of the shown version; undefined for a draft, which is in force at no time. */
  shownWindow: EffectiveWindow | undefined;
  /** When repealed: the repealing (tombstone) version. */
  repealedBy: LoadedVersion | undefined;
}

export interface BuildOptions {
  /** Absolute URL the output is served from, for JSON-LD ids; relative links are used without it. */
  baseUrl?: string | undefined;
  /**
   * A preview build: procedures with no published version are included too, in the state `draft`,
   * showing their latest draft or proposed version. Every page and the API say so.
   */
  preview?: boolean | undefined;
}

/** A small store for rendered fragments (the listing's chunks), kept across builds by key. */
export interface FragmentStore {
  /**
   * The text kept under `key` if it was made from `inputs` (a hash, one line), else `render()`'s,
   * kept for the next build. Like any kept value it is dropped unless the build uses or retains it.
   */
  memo(key: string, inputs: string, render: () => string | Promise<string>): Promise<string>;
  /**
   * What was kept under `key` by the previous build, whatever it depended on then: for work that
   * can reuse parts of an old result (a listing section reuses the rows of procedures that did not
   * change). Whoever calls it validates what it finds.
   */
  recall(key: string): Promise<string | undefined>;
  /** Keeps a value under `key` for the next build. */
  keep(key: string, value: string): Promise<void>;
  /** Keeps what is under `key` for the next build as it is (what a build neither keeps nor retains is dropped). */
  retain(key: string): void;
}

/**
 * Small values that plans compute from one procedure's data (its listing row, its search terms),
 * kept between builds so that a rebuild plans the whole catalogue without reading unchanged
 * procedures' files. A record (one per procedure) holds the hash of its inputs and its parts by
 * name; a part is reused only when the hash matches and `check` accepts it, else computed again.
 */
export interface KeptValues {
  get<T>(record: string, inputs: string, part: string, check: (value: unknown) => value is T, compute: () => T): T;
}

/**
 * Everything generators read: the catalogue, the build date, the procedures resolved on that date,
 * registry look-ups and content hashes. Derived data is computed once here, not in every generator.
 */
export class BuildContext {
  readonly procedures: readonly ProcedureEntry[];
  private registryHashes: WeakMap<LoadedVersion, string> | undefined;
  private readonly refsHashes = new WeakMap<object, string>();
  private readonly entryHashes = new WeakMap<ProcedureEntry, string>();
  private readonly recordHashes = new WeakMap<ProcedureEntry, string>();
  private rememberedEntry: ((code: string, text: string, hash: (text: string) => string) => string) | undefined;
  private readonly factMaps = new WeakMap<ProcedureVersion, Map<string, FactDefinition>>();
  private wholeHash: string | undefined;
  private filesHash: string | undefined;
  private readonly entryKeys = new Map<string, string>();
  /** Values kept from the previous build (see perProcedure); set by the build when it has a cache. */
  kept: KeptValues | undefined;

  constructor(
    readonly catalogue: Catalogue,
    readonly at: IsoDate,
    readonly options: BuildOptions,
    /** What a watching build keeps between rebuilds: hashes of unchanged versions and procedures are not worked out again. */
    private readonly memory?: BuildMemory,
  ) {
    this.procedures = procedureEntries(catalogue, at, options.preview === true);
  }

  /** The memo of versions' registry hashes: this build's own, or the watching build's while the shared files are unchanged. */
  private registryMemo(): WeakMap<LoadedVersion, string> {
    if (!this.registryHashes) {
      if (this.memory) {
        const hashes = this.memory.hashesFor(this.sharedFilesHash());
        this.registryHashes = hashes.registry;
        this.rememberedEntry = hashes.entry;
      } else this.registryHashes = new WeakMap();
    }
    return this.registryHashes;
  }

  agency(id: string): Agency | undefined {
    return this.catalogue.registry.agencies.byId.get(id);
  }
  field(id: string | undefined): Field | undefined {
    return id === undefined ? undefined : this.catalogue.registry.fields.byId.get(id);
  }
  level(id: string): Level | undefined {
    return this.catalogue.registry.levels.byId.get(id);
  }
  legalDocument(number: string): LegalDocument | undefined {
    return this.catalogue.registry.legalDocuments.byId.get(number);
  }
  database(id: string): Database | undefined {
    return this.catalogue.registry.databases.byId.get(id);
  }
  agencyName(id: string): string {
    return this.agency(id)?.name ?? id;
  }
  fieldName(id: string | undefined): string {
    return this.field(id)?.name ?? id ?? '';
  }
  levelName(id: string): string {
    return this.level(id)?.name ?? id;
  }

  /** The facts a version's conditions may test, built-in ones included. */
  facts(v: ProcedureVersion): Map<string, FactDefinition> {
    let map = this.factMaps.get(v);
    if (!map) {
      map = factsOf(v.facts);
      this.factMaps.set(v, map);
    }
    return map;
  }

  /** Hash of a version's file: cheaper than canonical JSON, and any edit changes it. */
  versionHash(v: LoadedVersion): string {
    return v.file.sha256;
  }

  /** Hash of the registry entries a version names, so adding an unrelated entry rebuilds nothing. */
  registryHash(v: LoadedVersion): string {
    const memo = this.registryMemo();
    let hash = memo.get(v);
    if (!hash) {
      // Versions restored from the catalogue state share one list of references when they name
      // the same entries (as a province's copies of a national procedure do): hash each list once.
      const refs = v.registryRefs;
      hash = refs ? this.refsHashes.get(refs) : undefined;
      if (!hash) {
        hash = hashParts(this.registryEntriesOf(v));
        if (refs) this.refsHashes.set(refs, hash);
      }
      memo.set(v, hash);
    }
    return hash;
  }

  /** "kind:id:hash of the entry" (or "missing"), each entry serialised once per build however many versions name it. */
  private entryKey(kind: string, id: string, entry: unknown): string {
    const key = `${kind}:${id}`;
    let hash = this.entryKeys.get(key);
    if (!hash) {
      hash = `${key}:${entry === undefined ? 'missing' : sha256Hex(canonicalJson(entry))}`;
      this.entryKeys.set(key, hash);
    }
    return hash;
  }

  /** Hash of the whole catalogue (every version and the registries), for outputs that summarise all of it. */
  catalogueHash(): string {
    this.wholeHash ??= hashParts([
      ...this.catalogue.versions.map((v) => this.versionHash(v)),
      canonicalJson(Object.fromEntries(Object.entries(this.catalogue.registry).map(([key, table]) => [key, [...table.byId.entries()].sort(([a], [b]) => (a < b ? -1 : 1))]))),
      ...[...this.catalogue.auxiliary.keys()].sort().map((rel) => `${rel}:${canonicalJson(this.catalogue.auxiliary.get(rel)!.data)}`),
    ]);
    return this.wholeHash;
  }

  /**
   * A small value computed from one procedure (its listing row, its search terms), taken from the
   * previous build when that procedure, the registries, calendars and lists, the code and the build
   * date are all unchanged: a rebuild then plans the whole catalogue without reading the files of
   * unchanged procedures. `compute` must return plain JSON data (it is stored as JSON), and
   * `check` must accept only what compute can return.
   */
  perProcedure<T>(name: string, entry: ProcedureEntry, check: (value: unknown) => value is T, compute: () => T): T {
    if (!this.kept) return compute();
    let inputs = this.recordHashes.get(entry);
    if (inputs === undefined) {
      inputs = hashParts([this.entryHash(entry), this.sharedFilesHash()]);
      this.recordHashes.set(entry, inputs);
    }
    return this.kept.get(entry.code, inputs, name, check, compute);
  }

  /** Hash of the files every procedure may read besides its own: registries, calendars, lists, by their bytes. */
  sharedFilesHash(): string {
    if (this.filesHash === undefined) {
      const files = new Map<string, string>();
      for (const table of Object.values(this.catalogue.registry)) for (const place of table.places.values()) files.set(place.file.rel, place.file.sha256);
      for (const [rel, aux] of this.catalogue.auxiliary) files.set(rel, aux.file.sha256);
      this.filesHash = hashParts([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rel, sha]) => `${rel}:${sha}`));
    }
    return this.filesHash;
  }

  /** Hash of a whole procedure: every version, its state on the build date, and the registry entries it names. */
  entryHash(entry: ProcedureEntry): string {
    let hash = this.entryHashes.get(entry);
    if (!hash) {
      // A watching build's remembered procedure hashes hold for the shared files the registry memo is for.
      this.registryMemo();
      const parts = [entry.state, entry.shown.data.version, entry.repealedBy?.data.version ?? '', this.options.preview === true ? 'preview' : ''];
      for (const v of entry.versions) parts.push(this.versionHash(v), this.registryHash(v));
      hash = this.rememberedEntry ? this.rememberedEntry(entry.code, hashedText(parts), sha256Hex) : hashParts(parts);
      this.entryHashes.set(entry, hash);
    }
    return hash;
  }

  private registryEntriesOf(v: LoadedVersion): string[] {
    const lookups: Record<RegistryKind, (id: string) => unknown> = {
      field: (id) => this.field(id),
      level: (id) => this.level(id),
      agency: (id) => this.agency(id),
      database: (id) => this.database(id),
      legalDocument: (id) => this.legalDocument(id),
    };
    return (v.registryRefs ?? registryRefs(v.data)).map(([kind, id]) => this.entryKey(kind, id, lookups[kind](id)));
  }
}

/**
 * The draft a preview shows for a procedure with no published version: the one taking effect last
 * (a draft without a date counts as the latest), then the highest version id.
 */
export function latestDraft(versions: readonly LoadedVersion[]): LoadedVersion | undefined {
  let best: LoadedVersion | undefined;
  for (const v of versions) {
    if (v.data.status !== 'draft' && v.data.status !== 'proposed') continue;
    if (!best || compareDrafts(v, best) > 0) best = v;
  }
  return best;
}

function compareDrafts(a: LoadedVersion, b: LoadedVersion): number {
  const fa = a.data.effective?.from ?? '9999-12-31';
  const fb = b.data.effective?.from ?? '9999-12-31';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const va = a.data.version;
  const vb = b.data.version;
  return va === vb ? 0 : va.localeCompare(vb, 'en', { numeric: true });
}

/** A hash over several strings, unambiguous about where one ends. */
export function hashParts(parts: readonly string[]): string {
  return sha256Hex(hashedText(parts));
}

/** The text hashParts hashes. */
function hashedText(parts: readonly string[]): string {
  return parts.map((p) => `${p.length}:${p}`).join('\n');
}

function procedureEntries(catalogue: Catalogue, at: IsoDate, preview: boolean): ProcedureEntry[] {
  const entries: ProcedureEntry[] = [];
  const codes = [...catalogue.byCode.keys()].sort();
  for (const code of codes) {
    const versions = catalogue.byCode.get(code)!;
    const windows = effectiveWindows(versions);
    if (windows.length === 0) {
      const draft = preview ? latestDraft(versions) : undefined;
      if (draft) {
        const resolution = resolve(catalogue, code, at);
        entries.push({ code, versions, windows, state: 'draft', resolution, shown: draft, shownWindow: undefined, repealedBy: undefined });
      }
      continue;
    }
    const resolution = resolve(catalogue, code, at);
    let shownWindow: EffectiveWindow | undefined;
    let state: ProcedureState;
    let repealedBy: LoadedVersion | undefined;
    switch (resolution.kind) {
      case 'in-force':
        state = 'in-force';
        shownWindow = resolution.window;
        break;
      case 'not-yet-in-force':
        state = 'not-yet-in-force';
        shownWindow = resolution.first;
        break;
      case 'repealed':
        state = 'repealed';
        shownWindow = resolution.last;
        repealedBy = resolution.tombstone;
        break;
      case 'lapsed':
        state = 'lapsed';
        shownWindow = resolution.last;
        break;
      default:
        continue;
    }
    // A tombstone with no earlier published version has nothing to show.
    if (!shownWindow || shownWindow.version.data.status === 'repealed') continue;
    // The content shown is the version's as corrected (đính chính) for the day shown: the build's
    // date when in force, else the window's first day (not yet) or last day (repealed, lapsed).
    const day = resolution.kind === 'in-force' ? at : resolution.kind === 'not-yet-in-force' ? shownWindow.from : (shownWindow.until ?? at);
    const shown = contentOn(versions, shownWindow.version, day).version;
    entries.push({ code, versions, windows, state, resolution, shown, shownWindow, repealedBy });
  }
  return entries;
}
