import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rm, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sha256Hex } from '../../rules/load/canonical.js';
import { writeFileAtomic } from '../../rules/store/atomic.js';
import type { FragmentStore } from './context.js';
import type { ManifestShard } from './manifest.js';
import { pathShard, type FileRecord } from './writer.js';

const FORMAT = 3;
/** The pseudo-generator under which the manifest's own files are recorded. */
export const MANIFEST_OWNER = '#manifest';
const INDEX = 'units.json';
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
 * it wrote (index), and rendered fragments by content hash (fragments/). A unit whose inputs hash
 * is unchanged is taken over from the previous output instead of rendered. Losing or corrupting the
 * cache only costs time: every record is checked against the file on disk before it is trusted.
 */
export class BuildCache {
  private readonly next: CacheIndex;
  private readonly usedFragments = new Set<string>();
  private changed = true;

  private constructor(
    readonly dir: string | undefined,
    private readonly previous: CacheIndex | undefined,
    out: string,
  ) {
    this.next = { format: FORMAT, out, generators: {} };
  }

  /** Opens the cache; with read false (--no-cache) nothing old is trusted, but the new records are still saved. */
  static async open(dir: string | undefined, out: string, read: boolean): Promise<BuildCache> {
    let previous: CacheIndex | undefined;
    if (dir && read) {
      try {
        const parsed = JSON.parse(await readFile(path.join(dir, INDEX), 'utf8')) as CacheIndex;
        if (parsed && parsed.format === FORMAT && parsed.out === out && typeof parsed.generators === 'object') previous = parsed;
      } catch {
        // No cache yet, or an unreadable one: build everything.
      }
    }
    return new BuildCache(dir, previous, out);
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

  private fragmentPath(key: string, inputs: string): { name: string; file: string } {
    const name = sha256Hex(`${key}\n${inputs}`);
    return { name, file: path.join(this.dir!, FRAGMENTS, name.slice(0, 2), name) };
  }

  /** A stored fragment, if it is there and whole: the first line holds the hash of the rest, so a torn or edited one is ignored. */
  private async readFragment(file: string): Promise<string | undefined> {
    try {
      const stored = await readFile(file, 'utf8');
      const newline = stored.indexOf('\n');
      const body = stored.slice(newline + 1);
      if (newline === 64 && stored.slice(0, 64) === sha256Hex(body)) return body;
    } catch {
      // Not stored yet.
    }
    return undefined;
  }

  private async writeFragment(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${sha256Hex(text)}\n${text}`);
    await rename(temp, file);
  }

  async memo(key: string, inputs: string, render: () => string | Promise<string>): Promise<string> {
    if (!this.dir) return render();
    const { name, file } = this.fragmentPath(key, inputs);
    this.usedFragments.add(name);
    if (this.previous) {
      const stored = await this.readFragment(file);
      if (stored !== undefined) return stored;
    }
    const text = await render();
    await this.writeFragment(file, text);
    return text;
  }

  async recall(key: string): Promise<string | undefined> {
    if (!this.dir || !this.previous) return undefined;
    return this.readFragment(this.fragmentPath(key, '#kept').file);
  }

  async keep(key: string, value: string): Promise<void> {
    if (!this.dir) return;
    const { name, file } = this.fragmentPath(key, '#kept');
    this.usedFragments.add(name);
    await this.writeFragment(file, value);
  }

  retain(key: string): void {
    if (this.dir) this.usedFragments.add(this.fragmentPath(key, '#kept').name);
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
    if (this.changed || !this.previous) await writeFileAtomic(path.join(this.dir, INDEX), JSON.stringify(this.next));
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
  }
}
