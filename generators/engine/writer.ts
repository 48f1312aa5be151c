import { createHash } from 'node:crypto';
import { copyFile, link, lstat, mkdir, open, writeFile } from 'node:fs/promises';
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

/**
 * Writes the files of one build into a fresh folder (the temporary folder beside --out). Files are
 * hashed as they are written; unchanged files can instead be hard-linked from the previous output.
 */
export class OutputWriter {
  private readonly dirs = new Map<string, Promise<unknown>>();
  private readonly paths = new Map<string, string>();
  readonly records: FileRecord[] = [];
  bytes = 0;

  constructor(readonly root: string) {}

  private claim(rel: string, owner: string): string {
    checkOutputPath(rel);
    const folded = rel.toLowerCase();
    const previous = this.paths.get(folded);
    if (previous !== undefined) throw new CatalogueOperationError(`Two outputs want the same file "${rel}" (${previous} and ${owner}).`);
    this.paths.set(folded, owner);
    return path.join(this.root, ...rel.split('/'));
  }

  private ensureDir(dir: string): Promise<unknown> {
    let made = this.dirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.dirs.set(dir, made);
    }
    return made;
  }

  /** Writes one file and returns its record. */
  async write(file: OutputFile, owner: string): Promise<FileRecord> {
    const target = this.claim(file.path, owner);
    await this.ensureDir(path.dirname(target));
    const hash = createHash('sha256');
    let bytes = 0;
    const content = file.content;
    if (typeof content === 'string' || content instanceof Uint8Array) {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      hash.update(data);
      bytes = data.byteLength;
      await writeFile(target, data, { flag: 'wx' });
    } else {
      const handle = await open(target, 'wx');
      try {
        for await (const chunk of content) {
          const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          if (data.byteLength === 0) continue;
          hash.update(data);
          bytes += data.byteLength;
          await handle.write(data);
        }
      } finally {
        await handle.close();
      }
    }
    const info = await lstat(target);
    return this.remember({ path: file.path, sha256: hash.digest('hex'), bytes, ino: info.ino, mtimeMs: info.mtimeMs });
  }

  /**
   * Takes a unit's files over from the previous output when each is still exactly the one recorded
   * (same inode, size and modification time): hard-linked where the disk allows, copied otherwise.
   * Returns undefined, having taken nothing, when any old file is gone or was changed; the caller
   * then renders the unit again.
   */
  async reuse(previousRoot: string, records: readonly FileRecord[], owner: string): Promise<FileRecord[] | undefined> {
    const sources = records.map((r) => path.join(previousRoot, ...r.path.split('/')));
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      let info;
      try {
        info = await lstat(sources[i]!);
      } catch {
        return undefined;
      }
      if (!info.isFile() || info.ino !== record.ino || info.size !== record.bytes || info.mtimeMs !== record.mtimeMs) return undefined;
    }
    const reused: FileRecord[] = [];
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const target = this.claim(record.path, owner);
      await this.ensureDir(path.dirname(target));
      try {
        await link(sources[i]!, target);
        reused.push(this.remember(record));
      } catch {
        await copyFile(sources[i]!, target);
        const copied = await lstat(target);
        reused.push(this.remember({ ...record, ino: copied.ino, mtimeMs: copied.mtimeMs }));
      }
    }
    return reused;
  }

  private remember(record: FileRecord): FileRecord {
    this.records.push(record);
    this.bytes += record.bytes;
    return record;
  }
}
