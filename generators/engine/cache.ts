import { mkdir, readdir, readFile, rm, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../../rules/load/canonical.js';
import { writeFileAtomic } from '../../rules/store/atomic.js';
import type { FragmentStore } from './context.js';
import type { FileRecord } from './writer.js';

const FORMAT = 2;
/** The pseudo-generator under which the manifest's own files are recorded. */
export const MANIFEST_OWNER = '#manifest';
const INDEX = 'units.json';
const FRAGMENTS = 'fragments';

type StoredFile = [path: string, sha256: string, bytes: number, ino: number, mtimeMs: number];
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
  previousFiles(): FileRecord[] {
    const out: FileRecord[] = [];
    for (const stored of Object.values(this.previous?.generators ?? {})) {
      for (const unit of Object.values(stored.units)) for (const [p, sha256, bytes, ino, mtimeMs] of unit.files) out.push({ path: p, sha256, bytes, ino, mtimeMs });
    }
    return out;
  }

  /** The files a unit wrote last time, if its generator code and inputs are unchanged. */
  lookup(generator: string, salt: string, key: string, inputs: string): FileRecord[] | undefined {
    const stored = this.previous?.generators[generator];
    if (!stored || stored.salt !== salt) return undefined;
    const unit = stored.units[key];
    if (!unit || unit.inputs !== inputs) return undefined;
    return unit.files.map(([p, sha256, bytes, ino, mtimeMs]) => ({ path: p, sha256, bytes, ino, mtimeMs }));
  }

  record(generator: string, salt: string, key: string, inputs: string, files: readonly FileRecord[]): void {
    let stored = this.next.generators[generator];
    if (!stored) stored = this.next.generators[generator] = { salt, units: {} };
    stored.units[key] = { inputs, files: files.map((f) => [f.path, f.sha256, f.bytes, f.ino, f.mtimeMs]) };
  }

  private fragmentPath(key: string, inputs: string): { name: string; file: string } {
    const name = sha256Hex(`${key}\n${inputs}`);
    return { name, file: path.join(this.dir!, FRAGMENTS, name.slice(0, 2), name) };
  }

  async memo(key: string, inputs: string, render: () => string | Promise<string>): Promise<string> {
    if (!this.dir) return render();
    const { name, file } = this.fragmentPath(key, inputs);
    this.usedFragments.add(name);
    if (this.previous) {
      try {
        const stored = await readFile(file, 'utf8');
        // The first line holds the hash of the rest: a torn or edited fragment is rendered again.
        const newline = stored.indexOf('\n');
        const body = stored.slice(newline + 1);
        if (newline === 64 && stored.slice(0, 64) === sha256Hex(body)) return body;
      } catch {
        // Not cached yet.
      }
    }
    const text = await render();
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${sha256Hex(text)}\n${text}`);
    await rename(temp, file);
    return text;
  }

  /** The fragment store of one generator: its code's salt is part of every key, so new code never reads old fragments. */
  fragmentsFor(generator: string, salt: string): FragmentStore {
    return { memo: (key, inputs, render) => this.memo(`${generator}\n${salt}\n${key}`, inputs, render) };
  }

  /** Saves the new index and drops fragments this build did not use. */
  async save(): Promise<void> {
    if (!this.dir) return;
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(path.join(this.dir, INDEX), JSON.stringify(this.next));
    const root = path.join(this.dir, FRAGMENTS);
    let buckets: string[];
    try {
      buckets = await readdir(root);
    } catch {
      return;
    }
    for (const bucket of buckets) {
      for (const name of await readdir(path.join(root, bucket))) {
        if (!this.usedFragments.has(name)) await rm(path.join(root, bucket, name), { force: true });
      }
    }
  }
}
