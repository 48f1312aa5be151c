import { readFileSync } from 'node:fs';
import { CatalogueOperationError } from '../errors.js';
import type { Catalogue } from '../model/catalogue.js';
import { registryRefs, type RegistryKind } from '../model/spec.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import { sha256Hex } from './canonical.js';
import { decodeUtf8, internAll, normalizeNfc } from './json-source.js';

/**
 * The top-level properties of a version that work over the whole catalogue reads: sorting and
 * resolving versions, the lock check, planning a build (which versions are in force, which have an
 * online form, where a procedure is listed, which proposals there are). A version restored from
 * the catalogue state holds only these until something reads another property.
 */
export const META_KEYS = ['code', 'version', 'status', 'effective', 'supersedes', 'levels', 'field', 'agencies', 'channels', 'proposal', 'variant'] as const;

export type MetaKey = (typeof META_KEYS)[number];

/** The meta properties a version has (absent ones stay absent). */
export function metaOf(v: ProcedureVersion): Partial<Pick<ProcedureVersion, MetaKey>> {
  const out: Record<string, unknown> = {};
  for (const key of META_KEYS) if (Object.prototype.hasOwnProperty.call(v, key)) out[key] = v[key];
  return out;
}

export interface LazySource {
  /** Absolute path of the file. */
  abs: string;
  /** SHA-256 of its bytes when it was validated: the data must come from exactly those bytes. */
  sha256: string;
  /** Its top-level keys, in order. */
  keys: readonly string[];
  meta: Partial<Pick<ProcedureVersion, MetaKey>>;
  /** The text was not NFC, so the loader normalised the data. */
  normalized: boolean;
  /** Strings to share with (see internAll), when the data is read. */
  pool?: Map<string, string>;
}

/**
 * The data of a version that was validated before and has not changed since: an object with the
 * same keys in the same order, whose meta properties are there and whose others parse the file on
 * first read (all of them at once, in place, so the object then is exactly what loading it would
 * have given). An unchanged catalogue of 200,000 versions can so be checked and planned without
 * parsing them; only what a rebuild renders is read.
 */
export function lazyVersion(source: LazySource, cache?: VersionDataCache): ProcedureVersion {
  const data: Record<string, unknown> = {};
  const meta = source.meta as Record<string, unknown>;
  // One pair of accessor functions per property name, shared by every lazy version (a national
  // catalogue restores 200,000 of them): the version they act on is `this`, its source in `pending`.
  for (const key of source.keys) {
    if (Object.prototype.hasOwnProperty.call(meta, key)) data[key] = meta[key];
    else Object.defineProperty(data, key, accessorOf(key));
  }
  pending.set(data, source);
  if (cache) pendingCache.set(data, cache);
  return data as unknown as ProcedureVersion;
}

/** The sources of lazy versions whose data is not read yet. */
const pending = new WeakMap<object, LazySource>();
/** The caches lazy versions read their data through, when given one (a render worker's). */
const pendingCache = new WeakMap<object, VersionDataCache>();
const accessors = new Map<string, PropertyDescriptor>();

function accessorOf(key: string): PropertyDescriptor {
  let descriptor = accessors.get(key);
  if (!descriptor) {
    descriptor = {
      get(this: Record<string, unknown>) {
        materialize(this);
        return this[key];
      },
      set(this: Record<string, unknown>, value: unknown) {
        materialize(this);
        this[key] = value;
      },
      enumerable: true,
      configurable: true,
    };
    accessors.set(key, descriptor);
  }
  return descriptor;
}

/** Reads a lazy version's file and puts its properties in place of the accessors, all at once. */
function materialize(data: Record<string, unknown>): void {
  const source = pending.get(data);
  // Only a lazy version itself has its accessors called with itself as `this`.
  if (!source) throw new CatalogueOperationError('a lazily read version was read through another object');
  const cache = pendingCache.get(data);
  const full = cache ? cache.get(source) : readVersionFile(source).data;
  pending.delete(data);
  pendingCache.delete(data);
  for (const key of source.keys) Object.defineProperty(data, key, { value: full[key], writable: true, enumerable: true, configurable: true });
}

/** A version's data read again from its file, exactly as the loader gave it (the bytes must be those validated), and the file's size. */
function readVersionFile(source: LazySource, pool = source.pool): { data: Record<string, unknown>; bytes: number } {
  const bytes = readFileSync(source.abs);
  if (sha256Hex(bytes) !== source.sha256) throw new CatalogueOperationError(`${source.abs} changed while it was being read; run the command again.`);
  const parsed = JSON.parse(decodeUtf8(bytes).text) as Record<string, unknown>;
  const normalized = source.normalized ? normalizeNfc(parsed) : parsed;
  return { data: pool ? internAll(normalized, pool) : normalized, bytes: bytes.byteLength };
}

/**
 * The parsed data of compact versions (compactVersion), the most recently used last. While the
 * files read so far come to no more than `budget` bytes, every version's data is kept: the
 * whole-catalogue units (listing, change feed, search index, types, browse pages) each read every
 * version in the same order, and a cache smaller than the catalogue is never hit by such scans, so
 * a catalogue that fits is read once instead of once per unit. Past the budget (a national
 * catalogue of 100,000 procedures) the cache keeps only the `limit` most recently used versions
 * from then on, so however large the catalogue, its data is never all in memory. A version whose
 * data was let go is read from its file again when something reads it. Kept data shares its
 * strings (internAll): a province's copies of a procedure repeat most of their text.
 */
export class VersionDataCache {
  /** By file and the hash its bytes must have: a render worker is sent a new source object for the same file with each job. */
  private readonly entries = new Map<string, { data: Record<string, unknown>; bytes: number }>();
  /** Reads from the files (misses), for the benchmark's and the tests' accounting. */
  reads = 0;
  /** Bytes of the files whose data is kept. */
  private bytes = 0;
  /** Set once the kept files passed the budget: from then on only `limit` versions are kept. */
  private bounded = false;
  private readonly pool = new Map<string, string>();

  constructor(
    readonly limit: number,
    readonly budget = 0,
  ) {}

  get(source: LazySource): Record<string, unknown> {
    const key = keyOf(source);
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last (Map keeps insertion order), where that order decides what goes next.
      if (this.bounded && Number.isFinite(this.limit)) {
        this.entries.delete(key);
        this.entries.set(key, entry);
      }
      return entry.data;
    }
    entry = readVersionFile(source, source.pool ?? (this.bounded ? undefined : this.pool));
    this.reads++;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    if (!this.bounded && this.bytes > this.budget) {
      this.bounded = true;
      this.pool.clear();
    }
    if (this.bounded) {
      while (this.entries.size > this.limit) {
        const oldest = this.entries.keys().next().value!;
        this.bytes -= this.entries.get(oldest)!.bytes;
        this.entries.delete(oldest);
      }
    }
    return entry.data;
  }

  /** Lets go of every version's data. */
  clear(): void {
    this.entries.clear();
    this.pool.clear();
    this.bytes = 0;
    this.bounded = false;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A source's cache key, made once per source object: the main thread asks for it on every property read of a compact version, and a string made once keeps its hash. */
const sourceKeys = new WeakMap<LazySource, string>();
function keyOf(source: LazySource): string {
  let key = sourceKeys.get(source);
  if (key === undefined) sourceKeys.set(source, (key = `${source.abs}\u0000${source.sha256}`));
  return key;
}

/** Versions the build keeps once the catalogue is past COMPACT_CACHE_BYTES: enough for the versions of the procedures one unit reads together. */
export const COMPACT_CACHE_VERSIONS = 256;

/**
 * Bytes of version files whose data the build keeps while the catalogue fits (VersionDataCache).
 * Measured on the synthetic catalogue of 10,000 procedures (20,026 files, 135.2 MB): their data
 * parsed takes 250 MB of heap, 125 MB with its strings shared.
 */
export const COMPACT_CACHE_BYTES = 192 * 1024 * 1024;

/** What a compact version's proxy stands on: where its data comes from, and its data once written to. */
interface CompactTarget {
  source: LazySource;
  cache: VersionDataCache;
  keys: ReadonlySet<string>;
  /** Set when something writes to the version: its whole data, held from then on. */
  own?: Record<string, unknown>;
  /** The proxy standing on it. */
  proxy?: object;
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function compactValue(t: CompactTarget, key: string | symbol): unknown {
  if (typeof key !== 'string') return undefined;
  if (t.own) return t.own[key];
  if (!t.keys.has(key)) return undefined;
  const meta = t.source.meta as Record<string, unknown>;
  return hasOwn(meta, key) ? meta[key] : t.cache.get(t.source)[key];
}

/** The version's data, held by the proxy from now on, and no longer one another thread may read from its file. */
function pin(t: CompactTarget): Record<string, unknown> {
  if (!t.own) {
    const own: Record<string, unknown> = {};
    for (const key of t.keys) own[key] = compactValue(t, key);
    t.own = own;
    if (t.proxy) compactSources.delete(t.proxy);
  }
  return t.own;
}

/** One handler for every compact version: a version costs its proxy, its target and its meta. */
const COMPACT_HANDLER: ProxyHandler<CompactTarget> = {
  get: (t, key) => compactValue(t, key),
  has: (t, key) => typeof key === 'string' && (t.own ? hasOwn(t.own, key) : t.keys.has(key)),
  ownKeys: (t) => (t.own ? Object.keys(t.own) : [...t.keys]),
  getOwnPropertyDescriptor: (t, key) => {
    if (typeof key !== 'string' || !(t.own ? hasOwn(t.own, key) : t.keys.has(key))) return undefined;
    // Object.keys asks for every descriptor: one that is not meta reads the data only when its value is asked for.
    const meta = t.source.meta as Record<string, unknown>;
    if (t.own || hasOwn(meta, key)) return { value: compactValue(t, key), writable: true, enumerable: true, configurable: true };
    return {
      get: () => compactValue(t, key),
      set: (value: unknown) => {
        pin(t)[key] = value;
      },
      enumerable: true,
      configurable: true,
    };
  },
  set: (t, key, value) => {
    if (typeof key !== 'string') return false;
    pin(t)[key] = value;
    return true;
  },
  deleteProperty: (t, key) => {
    if (typeof key !== 'string') return false;
    delete pin(t)[key];
    return true;
  },
  defineProperty: () => false,
};

const compactSources = new WeakMap<object, LazySource>();
/** The key sets of compact versions, shared between versions with the same keys in the same order. */
const keySets = new Map<string, ReadonlySet<string>>();
const keyLists = new Map<string, readonly string[]>();

const refLists = new Map<string, readonly [RegistryKind, string][]>();

/** One list for every version naming the same registry entries (a province's copies of a procedure do). */
function sharedRefs(refs: [RegistryKind, string][]): readonly [RegistryKind, string][] {
  const signature = refs.map(([kind, id]) => `${kind}:${id}`).join('\n');
  let list = refLists.get(signature);
  if (!list) refLists.set(signature, (list = refs));
  return list;
}

/** One array for every version with the same keys in the same order. */
function sharedKeys(keys: string[]): readonly string[] {
  const signature = keys.join('\u0000');
  let list = keyLists.get(signature);
  if (!list) keyLists.set(signature, (list = keys));
  return list;
}

/**
 * A version's data as a compact object (a proxy): the meta properties (META_KEYS) held, every other
 * property read through `cache`, so the parsed data comes and goes with use while the object, its
 * keys in their order and its meta stay (planning and the identity of the version need nothing
 * more). Reading, spreading, JSON.stringify and Object.keys behave as on the loaded data; a property
 * written to it makes it hold its whole data from then on. Reading the same property twice gives
 * the same value while the version's data stays in the cache: code that compares nested objects by
 * identity must hold them, not read them again. (structuredClone refuses a proxy: send
 * compactSourceOf(data) to another thread instead.)
 */
export function compactVersion(source: LazySource, cache: VersionDataCache): ProcedureVersion {
  const signature = source.keys.join('\u0000');
  let keys = keySets.get(signature);
  if (!keys) keySets.set(signature, (keys = new Set(source.keys)));
  const target: CompactTarget = { source, cache, keys };
  const proxy = new Proxy<CompactTarget>(target, COMPACT_HANDLER);
  target.proxy = proxy;
  compactSources.set(proxy, source);
  return proxy as unknown as ProcedureVersion;
}

export type CompactSource = Omit<LazySource, 'pool'>;

/**
 * Where a compact version's data comes from (its file, the hash of the bytes it must have, its keys
 * and meta), so another thread can read it itself rather than be sent the data; undefined for any
 * other data, or a compact version something has written to.
 */
export function compactSourceOf(data: object): CompactSource | undefined {
  const source = compactSources.get(data);
  if (!source) return undefined;
  return { abs: source.abs, sha256: source.sha256, keys: source.keys, meta: source.meta, normalized: source.normalized };
}

/**
 * Makes every version of a checked catalogue compact (compactVersion), in place: what a build holds
 * between validating and rendering is then the meta of each version, not its data. Each version's
 * registry references are worked out first (while its data is at hand), so planning reads no data.
 * A version whose data did not come from its file as it is (made in memory, or an absent file) stays
 * as it is.
 */
export function compactCatalogue(catalogue: Catalogue, cache: VersionDataCache = new VersionDataCache(COMPACT_CACHE_VERSIONS, COMPACT_CACHE_BYTES)): VersionDataCache {
  for (const v of catalogue.versions) {
    if (compactSources.has(v.data) || !v.file.sha256 || !v.file.abs) continue;
    const data = v.data as unknown as Record<string, unknown>;
    const keys = sharedKeys(Object.keys(data));
    const meta: Record<string, unknown> = {};
    for (const key of META_KEYS) {
      const d = Object.getOwnPropertyDescriptor(data, key);
      if (d) meta[key] = 'value' in d ? d.value : data[key];
    }
    v.registryRefs ??= sharedRefs(registryRefs(v.data));
    v.data = compactVersion({ abs: v.file.abs, sha256: v.file.sha256, keys, meta: meta as LazySource['meta'], normalized: v.file.nonNfc.length > 0 }, cache);
  }
  return cache;
}
