import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { CatalogueOperationError } from '../../rules/errors.js';
import type { OutputFile } from './unit.js';

/** What the build remembers of a written file: its content hash for the manifest, and its identity on disk for reuse. */
export interface FileRecord {
  path: string;
  sha256: string;
  bytes: number;
  /** Inode and modification time when written: a reused file must still be exactly the one written. */
  ino: number;
  mtimeMs: number;
  /** The first hex digits of sha256(path): which manifest shard lists it (manifest.ts). */
  shard: string;
}

/** The first four hex digits of sha256(path), from which the manifest shard of a file is taken. */
export function pathShard(rel: string): string {
  return createHash('sha256').update(rel).digest('hex').slice(0, 4);
}

// Each segment starts with a letter or digit, so "." and ".." (and hidden files) can never appear.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Refuses any path that could leave the output folder or clash on a case-insensitive disk: only
 * relative, forward-slash paths of plain segments. Paths come partly from spec content (codes,
 * version ids); the schema already restricts those, and this is the second lock.
 */
export function checkOutputPath(rel: string): void {
  const segments = rel.split('/');
  if (rel.length > 1000 || segments.length > 20 || !segments.every((s) => SEGMENT.test(s))) {
    throw new CatalogueOperationError(`Refusing to write "${rel.slice(0, 200)}": generated paths must be plain relative paths inside the output folder.`);
  }
}

/** The absolute path of an output file under a root. */
export function outputPath(root: string, rel: string): string {
  return path.join(root, ...rel.split('/'));
}

/**
 * True when the file at `root/record.path` is still exactly the one the record describes: same
 * inode, size and modification time. A file edited by hand, replaced or deleted fails, so its unit
 * is rendered again.
 */
export function isUnchanged(root: string, record: Pick<FileRecord, 'path' | 'ino' | 'bytes' | 'mtimeMs'>): boolean {
  const info = lstatSync(outputPath(root, record.path), { throwIfNoEntry: false });
  return info !== undefined && info.isFile() && info.ino === record.ino && info.size === record.bytes && info.mtimeMs === record.mtimeMs;
}

/**
 * Writes the files of one build into a fresh folder (the temporary folder beside --out), hashing
 * them as they are written. It also keeps the list of every file the finished output holds: those
 * written now, and (in an incremental build) those kept from the previous output.
 *
 * Whole files are written synchronously: tens of thousands of small writes through the promise API
 * spend most of their time in thread-pool round trips. (A thread that writes while this one renders
 * was measured too: no faster, since rendering dominates, and twice the memory; see
 * docs-site/docs/reference/performance.md.)
 */
export class OutputWriter {
  private readonly dirs = new Set<string>();
  private readonly paths = new Map<string, string>();
  /** Every file of the output, written or kept. */
  readonly records: FileRecord[] = [];
  /** Files written into this writer's folder. */
  readonly written: FileRecord[] = [];
  bytes = 0;

  constructor(readonly root: string) {}

  /** Reserves a path for one owner: two units may not write the same file (on a case-insensitive disk either). */
  private claim(rel: string, owner: string): void {
    checkOutputPath(rel);
    const folded = /[A-Z]/.test(rel) ? rel.toLowerCase() : rel;
    const previous = this.paths.get(folded);
    if (previous !== undefined) throw new CatalogueOperationError(`Two outputs want the same file "${rel}" (${previous} and ${owner}).`);
    this.paths.set(folded, owner);
  }

  /** Writes one file and returns its record. */
  async write(file: OutputFile, owner: string): Promise<FileRecord> {
    this.claim(file.path, owner);
    return this.remember(await writeOutputFile(this.root, file, this.dirs), true);
  }

  /** Records files another thread wrote into this writer's folder (the render pool), claiming their paths. */
  adopt(records: readonly FileRecord[], owner: string): FileRecord[] {
    return this.take(records, owner, true);
  }

  /** Keeps a unit's files from the previous output, where they stay (an incremental build); the caller has checked them. */
  keep(records: readonly FileRecord[], owner: string): FileRecord[] {
    return this.take(records, owner, false);
  }

  private take(records: readonly FileRecord[], owner: string, written: boolean): FileRecord[] {
    for (const record of records) {
      this.claim(record.path, owner);
      this.remember(record, written);
    }
    return [...records];
  }

  private remember(record: FileRecord, written: boolean): FileRecord {
    this.records.push(record);
    if (written) this.written.push(record);
    this.bytes += record.bytes;
    return record;
  }
}

/**
 * Writes one file under `root` (which must not hold it yet) and returns its record; `dirs` remembers
 * the folders made so far. Used by the writer and by the render pool's workers, which write into
 * the same staging folder.
 */
export async function writeOutputFile(root: string, file: OutputFile, dirs: Set<string>): Promise<FileRecord> {
  checkOutputPath(file.path);
  const target = outputPath(root, file.path);
  const dir = path.dirname(target);
  if (!dirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    dirs.add(dir);
  }
  const content = file.content;
  if (typeof content === 'string' || content instanceof Uint8Array) return writeWhole(target, file.path, content);
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(target, 'wx');
  let info;
  try {
    for await (const chunk of content) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (data.byteLength === 0) continue;
      hash.update(data);
      bytes += data.byteLength;
      await handle.write(data);
    }
    info = await handle.stat();
  } finally {
    await handle.close();
  }
  return { path: file.path, sha256: hash.digest('hex'), bytes, ino: info.ino, mtimeMs: info.mtimeMs, shard: pathShard(file.path) };
}

function writeWhole(target: string, rel: string, content: string | Uint8Array): FileRecord {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const fd = openSync(target, 'wx');
  let info;
  try {
    let done = 0;
    while (done < data.byteLength) done += writeSync(fd, data, done, data.byteLength - done);
    info = fstatSync(fd);
  } finally {
    closeSync(fd);
  }
  return { path: rel, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.byteLength, ino: info.ino, mtimeMs: info.mtimeMs, shard: pathShard(rel) };
}
