import type { Dirent } from 'node:fs';
import { lstatSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sha256Hex } from '../../rules/load/canonical.js';
import { writeFileAtomic } from '../../rules/store/atomic.js';
import type { FragmentStore, KeptValues } from './context.js';
import type { BuildMemory, FileStamp } from './memory.js';
import type { ManifestShard } from './manifest.js';
import { pathShard, type FileRecord } from './writer.js';

// 4: the output's folders are stamped (folders), so a rebuild trusts the records without checking every file.
const FORMAT = 4;
/** The pseudo-generator under which the manifest's own files are recorded. */
export const MANIFEST_OWNER = '#manifest';
const INDEX = 'units.json';
/** Small values computed per procedure (a listing row, search terms), kept for the next build: see KeptValues. */
const KEPT = 'kept.json';
const KEPT_FORMAT = 1;
const FRAGMENTS = 'fragments';
/** The names the cache gives its fragment folders and files (fragmentPath). */
const BUCKET = /^[0-9a-f]{2}$/;
const FRAGMENT = /^[0-9a-f]{64}$/;

type StoredFile = [path: string, sha256: string, bytes: number, ino: number, mtimeMs: number, shard: string];
interface StoredUnit {
  inputs: string;
  files: StoredFile[];
}
interface StoredGenerator {
  salt: string;
  units: Record<string, StoredUnit>;
}
interface CacheIndex {
  format: number;
  /** The output folder the records describe. */
  out: string;
  generators: Record<string, StoredGenerator>;
  /** The manifest's shards as last written, so only shards holding a changed file are written again. */
  manifest?: ManifestShard[];
  /**
   * Every folder of the output (and the output itself, as ''), with its inode and modification
   * time right after the build put it in place. A file added, deleted or renamed in a folder
   * changes the folder's time: when every stamp still matches, the records are trusted without
   * checking each file (a file edited in place is not seen; `tthc verify --output` and --no-cache
   * are for that, as for make and Hugo).
   */
  folders?: FolderStamp[];
}

type FolderStamp = [path: string, ino: number, mtimeMs: number];

interface KeptFile {
  format: number;
  out: string;
  /** What every value depends on besides its own inputs: the generators' code, the build date and options. */
  scope: string;
  /** By record (a procedure's code): the hash of its inputs, and its parts by name. */
  values: Record<string, [inputs: string, parts: Record<string, unknown>]>;
}


function toRecord(f: StoredFile): FileRecord {
  return { path: f[0], sha256: f[1], bytes: f[2], ino: f[3], mtimeMs: f[4], shard: f[5] };
}

function toStored(f: FileRecord): StoredFile {
  return [f.path, f.sha256, f.bytes, f.ino, f.mtimeMs, f.shard];
}

/**
 * Checks every file the index records against the disk (inode, size, modification time) in a
 * worker thread, while the main thread validates and plans: the index of a national build names
 * 700,000 files. Resolves to the paths that no longer match, or undefined when it cannot tell (the
 * caller then checks each file itself).
 */
const VERIFY = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync, lstatSync } = require('node:fs');
const path = require('node:path');
let bad;
try {
  const index = JSON.parse(readFileSync(workerData.index, 'utf8'));
  if (index.format !== workerData.format || index.out !== workerData.out) throw new Error('another index');
  bad = [];
  for (const g of Object.values(index.generators)) for (const u of Object.values(g.units)) for (const f of u.files) {
    const info = lstatSync(path.join(workerData.out, ...f[0].split('/')), { throwIfNoEntry: false });
    if (!info || !info.isFile() || info.ino !== f[3] || info.size !== f[2] || info.mtimeMs !== f[4]) bad.push(f[0]);
  }
} catch {
  bad = undefined;
}
parentPort.postMessage(bad);
`;

export function verifyInBackground(dir: string | undefined, out: string): Promise<Set<string> | undefined> {
  if (!dir) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(VERIFY, { eval: true, workerData: { index: path.join(dir, INDEX), out, format: FORMAT } });
    } catch {
      return resolve(undefined);
    }
    worker.once('message', (bad: string[] | undefined) => resolve(bad ? new Set(bad) : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * The build cache, a folder beside the output: for every unit, the hash of its inputs and the files
 * it wrote (index), and rendered fragments and kept values by key, each with the hash of what it was made from (fragments/). A unit whose inputs hash
 * is unchanged is taken over from the previous output instead of rendered. Losing or corrupting the
 * cache only costs time: every record is checked against the file on disk before it is trusted.
 */
export class BuildCache {
  private readonly next: CacheIndex;
  private readonly usedFragments = new Set<string>();
  private changed = true;
  private keptNext: KeptFile | undefined;
  private keptChanged = false;

  private constructor(
    readonly dir: string | undefined,
    private readonly previous: CacheIndex | undefined,
    private readonly out: string,
    private readonly keptPrevious: KeptFile | undefined,
    private readonly memory: BuildMemory | undefined,
  ) {
    this.next = { format: FORMAT, out, generators: {} };
  }

  /**
   * True when the previous build's index is for this output and every folder stamp still matches
   * the disk: its records can then be trusted without checking every file. False otherwise (no
   * index, another one, a folder changed since): the caller checks the files.
   */
  get trusted(): boolean {
    const folders = this.previous?.folders;
    if (!Array.isArray(folders) || folders.length === 0) return false;
    try {
      for (const stamp of folders) {
        if (!Array.isArray(stamp) || typeof stamp[0] !== 'string') return false;
        const info = lstatSync(stamp[0] === '' ? this.out : path.join(this.out, ...checkedFolder(stamp[0])), { throwIfNoEntry: false });
        if (!info || !info.isDirectory() || info.ino !== stamp[1] || info.mtimeMs !== stamp[2]) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Stamps the output's folders (see CacheIndex.folders), once the output is in place. */
  stampFolders(paths: Iterable<string>): void {
    const folders = new Set<string>(['']);
    for (const p of paths) for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      const dir = p.slice(0, i);
      if (folders.has(dir)) break;
      folders.add(dir);
    }
    const stamps: FolderStamp[] = [];
    for (const dir of [...folders].sort()) {
      let info;
      try {
        info = lstatSync(dir === '' ? this.out : path.join(this.out, ...dir.split('/')), { throwIfNoEntry: false });
      } catch {
        info = undefined;
      }
      // A folder that cannot be stamped leaves the next build to check every file.
      if (!info || !info.isDirectory()) return;
      stamps.push([dir, info.ino, info.mtimeMs]);
    }
    this.next.folders = stamps;
    this.changed = true;
  }

  /** The kept values for this build's scope (see KeptValues); those of another scope are not reused. */
  keptValues(scope: string): KeptValues {
    const previous = this.keptPrevious?.scope === scope ? this.keptPrevious.values : undefined;
    const next: KeptFile = (this.keptNext = { format: KEPT_FORMAT, out: this.out, scope, values: Object.create(null) as KeptFile['values'] });
    if (!previous) this.keptChanged = true;
    return {
      get: <T>(record: string, inputs: string, part: string, check: (value: unknown) => value is T, compute: () => T): T => {
        let parts = next.values[record]?.[0] === inputs ? next.values[record]![1] : undefined;
        if (!parts) next.values[record] = [inputs, (parts = Object.create(null) as Record<string, unknown>)];
        const stored = previous && Object.prototype.hasOwnProperty.call(previous, record) ? previous[record] : undefined;
        const old = Array.isArray(stored) && stored[0] === inputs && stored[1] !== null && typeof stored[1] === 'object' ? (stored[1] as Record<string, unknown>) : undefined;
        if (old && Object.prototype.hasOwnProperty.call(old, part) && check(old[part])) {
          parts[part] = old[part];
          return old[part];
        }
        const value = compute();
        parts[part] = value;
        this.keptChanged = true;
        return value;
      },
    };
  }

  /**
   * Opens the cache; with read false (--no-cache) nothing old is trusted, but the new records are
   * still saved. With a memory (a watching build), the index and kept values this process saved
   * last are taken as they are while their files are still the ones it wrote.
   */
  static async open(dir: string | undefined, out: string, read: boolean, memory?: BuildMemory): Promise<BuildCache> {
    const saved = memory?.saved;
    if (memory) memory.saved = undefined;
    if (dir && read && saved && saved.dir === dir && saved.out === out && sameStamp(path.join(dir, INDEX), saved.indexStamp) && (saved.keptStamp ? sameStamp(path.join(dir, KEPT), saved.keptStamp) : true)) {
      return new BuildCache(dir, saved.index as CacheIndex, out, saved.keptStamp ? (saved.kept as KeptFile) : await readKept(dir, out), memory);
    }
    let previous: CacheIndex | undefined;
    if (dir && read) {
      try {
        const parsed = JSON.parse(await readFile(path.join(dir, INDEX), 'utf8')) as CacheIndex;
        if (parsed && parsed.format === FORMAT && parsed.out === out && typeof parsed.generators === 'object') previous = parsed;
      } catch {
        // No cache yet, or an unreadable one: build everything.
      }
    }
    return new BuildCache(dir, previous, out, read && previous ? await readKept(dir!, out) : undefined, memory);
  }

  /** True when there is a trusted record of the previous output: an incremental build can start from it. */
  get hasPrevious(): boolean {
    return this.previous !== undefined;
  }

  /** Every file the previous output held, as recorded: what an incremental build must delete if no unit writes it again. */
  previousPaths(): string[] {
    const out: string[] = [];
    for (const stored of Object.values(this.previous?.generators ?? {})) for (const unit of Object.values(stored.units)) for (const f of unit.files) out.push(f[0]);
    return out;
  }

  /** The manifest's shards as the previous build wrote them. */
  previousManifest(): ManifestShard[] | undefined {
    return this.previous?.manifest;
  }

  recordManifest(shards: ManifestShard[]): void {
    this.next.manifest = shards;
  }

  /** The files a unit wrote last time, if its generator code and inputs are unchanged. */
  lookup(generator: string, salt: string, key: string, inputs: string): FileRecord[] | undefined {
    const stored = this.previous?.generators[generator];
    if (!stored || stored.salt !== salt) return undefined;
    const unit = stored.units[key];
    if (!unit || unit.inputs !== inputs) return undefined;
    // Older records may lack the shard; it is cheap to add.
    return unit.files.map((f) => toRecord(f.length === 6 ? f : [f[0], f[1], f[2], f[3], f[4], pathShard(f[0])]));
  }

  record(generator: string, salt: string, key: string, inputs: string, files: readonly FileRecord[]): void {
    let stored = this.next.generators[generator];
    if (!stored) stored = this.next.generators[generator] = { salt, units: {} };
    stored.units[key] = { inputs, files: files.map(toStored) };
  }

  /** Records that nothing changed: the build kept every unit and the index need not be written again. */
  unchanged(): void {
    this.changed = false;
  }

  private fragmentPath(key: string): { name: string; file: string } {
    // The suffix is what kept values have always been named with: caches written before stay valid.
    const name = sha256Hex(`${key}\n#kept`);
    return { name, file: path.join(this.dir!, FRAGMENTS, name.slice(0, 2), name) };
  }

  /** A stored fragment, if it is there and whole: the first line holds the hash of the rest, so a torn or edited one is ignored. */
  private async readFragment(name: string, file: string): Promise<string | undefined> {
    const remembered = this.memory?.fragment(name);
    if (remembered !== undefined) return remembered;
    try {
      const stored = await readFile(file, 'utf8');
      const newline = stored.indexOf('\n');
      const body = stored.slice(newline + 1);
      if (newline === 64 && stored.slice(0, 64) === sha256Hex(body)) {
        this.memory?.rememberFragment(name, body);
        return body;
      }
    } catch {
      // Not stored yet.
    }
    return undefined;
  }

  private async writeFragment(name: string, file: string, text: string): Promise<void> {
    // Forgotten first: if writing fails, the memory holds nothing the file does not.
    this.memory?.forgetFragment(name);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${sha256Hex(text)}\n${text}`);
    await rename(temp, file);
    this.memory?.rememberFragment(name, text);
  }

  /**
   * A text kept under `key` with the inputs it was made from (a hash, one line), rendered and kept
   * again when they differ. It is kept by key, as kept values are: a plan that retains the key keeps
   * it for the next build even when this one does not read it (a unit reused unchanged).
   */
  async memo(key: string, inputs: string, render: () => string | Promise<string>): Promise<string> {
    if (!this.dir) return render();
    const stored = await this.recall(key);
    if (stored !== undefined) {
      const newline = stored.indexOf('\n');
      if (newline >= 0 && stored.slice(0, newline) === inputs) {
        this.retain(key);
        return stored.slice(newline + 1);
      }
    }
    const text = await render();
    await this.keep(key, `${inputs}\n${text}`);
    return text;
  }

  async recall(key: string): Promise<string | undefined> {
    if (!this.dir || !this.previous) return undefined;
    const { name, file } = this.fragmentPath(key);
    return this.readFragment(name, file);
  }

  async keep(key: string, value: string): Promise<void> {
    if (!this.dir) return;
    const { name, file } = this.fragmentPath(key);
    this.usedFragments.add(name);
    await this.writeFragment(name, file, value);
  }

  retain(key: string): void {
    if (this.dir) this.usedFragments.add(this.fragmentPath(key).name);
  }

  /** The fragment store of one generator: its code's salt is part of every key, so new code never reads old fragments. */
  fragmentsFor(generator: string, salt: string): FragmentStore {
    const scoped = (key: string) => `${generator}\n${salt}\n${key}`;
    return {
      memo: (key, inputs, render) => this.memo(scoped(key), inputs, render),
      recall: (key) => this.recall(scoped(key)),
      keep: (key, value) => this.keep(scoped(key), value),
      retain: (key) => this.retain(scoped(key)),
    };
  }

  /** Saves the new index and drops fragments this build did not use. */
  async save(): Promise<void> {
    if (!this.dir) return;
    await mkdir(this.dir, { recursive: true });
    const indexFile = path.join(this.dir, INDEX);
    const keptFile = path.join(this.dir, KEPT);
    // An unchanged index is not written again: the one on disk is the previous one.
    const index = this.changed || !this.previous ? this.next : this.previous;
    if (index === this.next) await writeFileAtomic(indexFile, JSON.stringify(this.next));
    let kept = this.keptPrevious;
    if (this.keptNext && (this.keptChanged || Object.keys(this.keptNext.values).length !== Object.keys(this.keptPrevious?.values ?? {}).length)) {
      const text = JSON.stringify(this.keptNext);
      await writeFileAtomic(keptFile, `${sha256Hex(text)}\n${text}`);
      kept = this.keptNext;
    }
    if (this.memory) {
      const indexStamp = stampOf(indexFile);
      const keptStamp = kept ? stampOf(keptFile) : undefined;
      this.memory.saved = indexStamp && (!kept || keptStamp) ? { dir: this.dir, out: this.out, index, indexStamp, kept, keptStamp } : undefined;
      this.memory.keepOnlyFragments(this.usedFragments);
    }
    // Only what the cache made is pruned: fragment files named by their 64-hex key, in the folder of
    // the key's first two digits (real folders, not links). Anything else someone put there stays.
    const root = path.join(this.dir, FRAGMENTS);
    let buckets: Dirent[];
    try {
      buckets = await readdir(root, { withFileTypes: true });
    } catch {
      return;
    }
    for (const bucket of buckets) {
      if (!bucket.isDirectory() || !BUCKET.test(bucket.name)) continue;
      for (const entry of await readdir(path.join(root, bucket.name), { withFileTypes: true })) {
        const name = entry.name;
        if (entry.isFile() && FRAGMENT.test(name) && name.startsWith(bucket.name) && !this.usedFragments.has(name)) await rm(path.join(root, bucket.name, name), { force: true });
      }
    }
    if (this.memory) await this.warmFragments(root, this.memory);
  }

  /**
   * Reads into a watching process's memory the fragments this build kept without reading them (the
   * chunks of a listing it reused unchanged), as far as the memory has room: the first rebuild after
   * the watch started then finds them there instead of reading and checking every file.
   */
  private async warmFragments(root: string, memory: BuildMemory): Promise<void> {
    for (const name of [...this.usedFragments].sort()) {
      if (memory.fragment(name) !== undefined) continue;
      const file = path.join(root, name.slice(0, 2), name);
      const size = lstatSync(file, { throwIfNoEntry: false })?.size;
      if (size === undefined) continue;
      // A text has no more UTF-16 code units than its file has bytes.
      if (size > memory.fragmentRoom) return;
      await this.readFragment(name, file);
    }
  }
}

function stampOf(file: string): FileStamp | undefined {
  const info = lstatSync(file, { throwIfNoEntry: false });
  return info?.isFile() ? { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs } : undefined;
}

function sameStamp(file: string, stamp: FileStamp): boolean {
  const now = stampOf(file);
  return now !== undefined && now.ino === stamp.ino && now.size === stamp.size && now.mtimeMs === stamp.mtimeMs;
}

/** A folder path from the index, checked to stay inside the output (the index is a file anyone could edit). */
function checkedFolder(rel: string): string[] {
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) throw new Error(`not a folder of the output: ${rel}`);
  return parts;
}

/** The kept values of the previous build, if whole (the first line is the hash of the rest) and for this output. */
async function readKept(dir: string, out: string): Promise<KeptFile | undefined> {
  try {
    const stored = await readFile(path.join(dir, KEPT), 'utf8');
    const newline = stored.indexOf('\n');
    const body = stored.slice(newline + 1);
    if (newline !== 64 || stored.slice(0, 64) !== sha256Hex(body)) return undefined;
    const parsed = JSON.parse(body) as KeptFile;
    if (!parsed || parsed.format !== KEPT_FORMAT || parsed.out !== out || typeof parsed.scope !== 'string' || !parsed.values || typeof parsed.values !== 'object' || Array.isArray(parsed.values)) return undefined;
    // Keys such as __proto__ are plain keys here, never the object's prototype.
    return { ...parsed, values: Object.assign(Object.create(null) as KeptFile['values'], parsed.values) };
  } catch {
    return undefined;
  }
}
