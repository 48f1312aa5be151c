import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RegistryKind } from '../model/spec.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import { writeFileAtomic } from '../store/atomic.js';
import { META_KEYS, type MetaKey } from './lazy.js';

// 3: a published version's content hash (contentSha256) is kept with the bytes it was computed from.
const FORMAT = 3;
const FILE = 'catalogue-state.json';

/** The stat of a file that says whether it may have changed: size, modification and change times, inode. */
export type Stat = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** What one procedure-version file turned into, the last time it was read. */
export interface StoredVersion {
  stat: Stat;
  sha256: string;
  /** What loading it reported (JSON, schema). */
  diagnostics: readonly Diagnostic[];
  /** It loaded (parsed and passed the schema); the rest is there only then. */
  ok: boolean;
  keys?: readonly string[];
  meta?: Partial<Pick<ProcedureVersion, MetaKey>>;
  normalized?: boolean;
  nonNfc?: readonly string[];
  registryRefs?: readonly [RegistryKind, string][];
  /** The lock's hash of its content, computed when it was read (published and repealed versions only). */
  contentSha256?: string;
  /** The version-scope lint rules' findings, and the hash of everything they read. */
  lint?: { key: string; diagnostics: readonly Diagnostic[] };
}

/**
 * A stored version as one row: stat, hash and flags inline; every structured value (diagnostics,
 * keys, each meta property, registry references) as an index into the state's table of distinct
 * values, which a national catalogue repeats across its 34 provinces' copies.
 */
type Row = [
  size: number,
  mtimeMs: number,
  ctimeMs: number,
  ino: number,
  sha256: string,
  ok: 0 | 1,
  diagnostics: number,
  keys: number,
  meta: number[],
  normalized: 0 | 1,
  nonNfc: number,
  registryRefs: number,
  lintKey: string | null,
  lintDiagnostics: number,
  contentSha256: string | null,
];

interface StateFile {
  format: number;
  /** Hash of the code that loads and lints: other code, other results. */
  salt: string;
  root: string;
  display: string;
  limits: [maxFileBytes: number, maxRegistryBytes: number];
  /** Distinct values, as JSON text. */
  values: string[];
  versions: Record<string, Row>;
}

let codeSalt: string | undefined;

/**
 * A hash of the loader, the schemas and the lint rules (the compiled rules/ folder) and of Node's
 * version: any change to them makes every stored result stale.
 */
export function rulesSalt(): string {
  if (codeSalt === undefined) {
    const dir = fileURLToPath(new URL('../', import.meta.url));
    const hash = createHash('sha256').update(process.version);
    const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((e) => e.isFile() && /\.(js|cjs|json|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
    codeSalt = hash.digest('hex');
  }
  return codeSalt;
}

/** Deep-freezes a value shared by several versions, so no one can change it for the others. */
function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) freeze(item);
  }
  return value;
}

/**
 * The catalogue state: what the last load and lint of a catalogue found, per procedure-version
 * file, keyed by the file's stat and bytes. A file whose stat is unchanged is not read again (its
 * diagnostics, meta properties and lint findings are taken from here, and its data is read only if
 * something needs it; see lazy.ts); a version whose lint inputs are unchanged is not linted again.
 * Registries, the lock and calendars are always read: rules that look across files see them whole.
 * Losing the state only costs time.
 */
export class CatalogueState {
  private readonly values: string[];
  private readonly parsed: unknown[] = [];
  private readonly index = new Map<string, number>();
  private readonly rows: Record<string, Row> = {};
  private changed = false;

  private constructor(
    readonly dir: string,
    private readonly previous: StateFile | undefined,
    private readonly header: Omit<StateFile, 'values' | 'versions'>,
  ) {
    // New values are appended to the previous table, so unchanged rows are kept as they are.
    this.values = previous ? previous.values : [];
    if (!previous) this.changed = true;
  }

  /** Opens the state kept in `dir` for the catalogue at `root`, shown as `display`; a state for anything else is ignored. */
  static open(dir: string, root: string, display: string, limits: [number, number], read = true): CatalogueState {
    const header = { format: FORMAT, salt: rulesSalt(), root, display, limits };
    let previous: StateFile | undefined;
    if (read) {
      try {
        const parsed = JSON.parse(readFileSync(path.join(dir, FILE), 'utf8')) as StateFile;
        const same =
          parsed.format === header.format && parsed.salt === header.salt && parsed.root === root && parsed.display === display && parsed.limits?.[0] === limits[0] && parsed.limits?.[1] === limits[1];
        if (same && Array.isArray(parsed.values) && parsed.versions && typeof parsed.versions === 'object') previous = parsed;
      } catch {
        // No state yet, or an unreadable one: read everything.
      }
    }
    return new CatalogueState(dir, previous, header);
  }

  private value<T>(i: number): T {
    if (i < 0) return undefined as T;
    if (!(i in this.parsed)) this.parsed[i] = freeze(JSON.parse(this.values[i]!));
    return this.parsed[i] as T;
  }

  private intern(value: unknown): number {
    if (value === undefined) return -1;
    const text = JSON.stringify(value);
    if (this.index.size === 0 && this.values.length > 0) this.values.forEach((v, i) => this.index.set(v, i));
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  private decode(row: Row): StoredVersion {
    const [size, mtimeMs, ctimeMs, ino, sha256, ok, diagnostics, keys, meta, normalized, nonNfc, refs, lintKey, lintDiagnostics, content] = row;
    const stored: StoredVersion = { stat: [size, mtimeMs, ctimeMs, ino], sha256, ok: ok === 1, diagnostics: this.value<Diagnostic[]>(diagnostics) };
    if (ok === 1) {
      stored.keys = this.value<string[]>(keys);
      const m: Record<string, unknown> = {};
      META_KEYS.forEach((key, k) => {
        const i = meta[k] ?? -1;
        if (i >= 0) m[key] = this.value(i);
      });
      stored.meta = m as NonNullable<StoredVersion['meta']>;
      stored.normalized = normalized === 1;
      stored.nonNfc = this.value<string[]>(nonNfc);
      stored.registryRefs = this.value<[RegistryKind, string][]>(refs);
      if (typeof content === 'string') stored.contentSha256 = content;
    }
    if (lintKey !== null) stored.lint = { key: lintKey, diagnostics: this.value<Diagnostic[]>(lintDiagnostics) };
    return stored;
  }

  /** What the file was when last read, if its stat is still the same; it is kept in the new state. */
  lookup(rel: string, stat: Stat): StoredVersion | undefined {
    const row = this.previous?.versions[rel];
    // A size of -1 marks a stat taken too soon after a change to be trusted (see the loader).
    if (!row || stat[0] < 0 || row[0] !== stat[0] || row[1] !== stat[1] || row[2] !== stat[2] || row[3] !== stat[3]) return undefined;
    this.rows[rel] = row;
    return this.decode(row);
  }

  /** Records a file read now. */
  record(rel: string, stored: StoredVersion): void {
    const meta = META_KEYS.map((key) => this.intern(stored.meta?.[key]));
    this.rows[rel] = [
      ...stored.stat,
      stored.sha256,
      stored.ok ? 1 : 0,
      this.intern(stored.diagnostics),
      this.intern(stored.keys),
      meta,
      stored.normalized ? 1 : 0,
      this.intern(stored.nonNfc),
      this.intern(stored.registryRefs),
      stored.lint?.key ?? null,
      this.intern(stored.lint?.diagnostics),
      stored.contentSha256 ?? null,
    ];
    this.changed = true;
  }

  /** The stored lint findings of a version, if they were made from the same inputs. */
  lintOf(rel: string, key: string): Diagnostic[] | undefined {
    const row = this.rows[rel];
    return row && row[12] === key ? this.value<Diagnostic[]>(row[13]) : undefined;
  }

  recordLint(rel: string, key: string, diagnostics: Diagnostic[]): void {
    const row = this.rows[rel];
    if (!row) return;
    row[12] = key;
    row[13] = this.intern(diagnostics);
    this.changed = true;
  }

  /** Saves the state, unless nothing changed (the same files, read and linted the same). */
  async save(): Promise<void> {
    const previousRels = this.previous ? Object.keys(this.previous.versions) : [];
    if (!this.changed && previousRels.length === Object.keys(this.rows).length) return;
    let values = this.values;
    let rows = this.rows;
    // Values only old rows used pile up; rewrite the table when most of it is dead.
    const used = new Set<number>();
    for (const row of Object.values(rows)) for (const i of [row[6], row[7], ...row[8], row[10], row[11], row[13]]) if (i >= 0) used.add(i);
    if (used.size * 2 < values.length) {
      const renumber = new Map<number, number>();
      values = [];
      for (const i of [...used].sort((a, b) => a - b)) {
        renumber.set(i, values.length);
        values.push(this.values[i]!);
      }
      const map = (i: number) => (i < 0 ? i : renumber.get(i)!);
      rows = {};
      for (const [rel, r] of Object.entries(this.rows)) rows[rel] = [r[0], r[1], r[2], r[3], r[4], r[5], map(r[6]), map(r[7]), r[8].map(map), r[9], map(r[10]), map(r[11]), r[12], map(r[13]), r[14]];
    }
    const file: StateFile = { ...this.header, values, versions: rows };
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(path.join(this.dir, FILE), JSON.stringify(file));
  }
}
