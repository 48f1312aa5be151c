import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A regular file found under the catalogue root. */
export interface FoundFile {
  /** Absolute path (after resolving an in-catalogue symlink). */
  abs: string;
  /** Path relative to the catalogue root, with forward slashes: the file's identity. */
  rel: string;
  size: number;
}

/** A path under the catalogue that cannot be read safely. */
export interface PathProblem {
  rel: string;
  ruleId: 'io/outside-catalogue' | 'io/not-a-file' | 'io/unreadable';
  message: string;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** True when `candidate` is `root` or inside it (both absolute and resolved). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Lists the .json files under root in a stable order. Symlinks are followed only when their target
 * stays inside the catalogue; anything else that is not a regular file (FIFOs, devices, sockets) is
 * reported, never opened, so a hostile catalogue cannot make the loader hang or read outside it.
 */
export async function listJsonFiles(root: string): Promise<{ files: FoundFile[]; problems: PathProblem[] }> {
  const realRoot = await realpath(root);
  const files: FoundFile[] = [];
  const problems: PathProblem[] = [];
  const visitedDirs = new Set<string>([realRoot]);

  async function walk(dirAbs: string, dirRel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dirAbs, { withFileTypes: true });
    } catch (error) {
      problems.push({ rel: dirRel || '.', ruleId: 'io/unreadable', message: `Cannot read folder: ${describeIoError(error)}.` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const rel = dirRel ? `${dirRel}/${name}` : name;
      const abs = path.join(dirAbs, name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(abs);
        } catch {
          problems.push({ rel, ruleId: 'io/unreadable', message: 'Broken symbolic link.' });
          continue;
        }
        if (!isInside(realRoot, target)) {
          if (name.endsWith('.json') || (await isDirectory(target))) {
            problems.push({ rel, ruleId: 'io/outside-catalogue', message: `Symbolic link leads outside the catalogue (to ${target}); it was not read.` });
          }
          continue;
        }
        const info = await stat(target);
        if (info.isDirectory()) {
          if (!visitedDirs.has(target)) {
            visitedDirs.add(target);
            await walk(target, rel);
          }
        } else if (info.isFile() && name.endsWith('.json')) {
          files.push({ abs: target, rel, size: info.size });
        } else if (name.endsWith('.json')) {
          problems.push({ rel, ruleId: 'io/not-a-file', message: 'Not a regular file; it was not read.' });
        }
        continue;
      }
      if (entry.isDirectory()) {
        await walk(abs, rel);
      } else if (name.endsWith('.json')) {
        if (!entry.isFile()) {
          problems.push({ rel, ruleId: 'io/not-a-file', message: 'Not a regular file (a FIFO, socket or device); it was not read.' });
          continue;
        }
        const info = await lstat(abs);
        files.push({ abs, rel, size: info.size });
      }
    }
  }

  await walk(realRoot, '');
  return { files, problems };
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Reads at most `limit` + 1 bytes, so a file that grew after listing still cannot exhaust memory. */
export async function readBounded(abs: string, limit: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const handle = await open(abs, 'r');
  try {
    const info = await handle.stat();
    const want = Math.min(info.size, limit + 1);
    const buffer = Buffer.allocUnsafe(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(buffer, filled, want - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(filled, limit)), truncated: filled > limit };
  } finally {
    await handle.close();
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a folder';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
