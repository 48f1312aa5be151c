import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** A regular file found under the catalogue root. */
export interface FoundFile {
  /** Absolute path (after resolving an in-catalogue symlink). */
  abs: string;
  /** Path relative to the catalogue root, with forward slashes: the file's identity. */
  rel: string;
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
 * Synchronous, like readBounded: a national catalogue has 100,000 folders of one or two files.
 */
export function listJsonFiles(root: string): { files: FoundFile[]; problems: PathProblem[] } {
  const realRoot = realpathSync(root);
  const files: FoundFile[] = [];
  const problems: PathProblem[] = [];
  const visitedDirs = new Set<string>([realRoot]);

  function walk(dirAbs: string, dirRel: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dirAbs, { withFileTypes: true });
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
          target = realpathSync(abs);
        } catch {
          problems.push({ rel, ruleId: 'io/unreadable', message: 'Broken symbolic link.' });
          continue;
        }
        if (!isInside(realRoot, target)) {
          if (name.endsWith('.json') || isDirectory(target)) {
            problems.push({ rel, ruleId: 'io/outside-catalogue', message: `Symbolic link leads outside the catalogue (to ${target}); it was not read.` });
          }
          continue;
        }
        const info = statSync(target);
        if (info.isDirectory()) {
          if (!visitedDirs.has(target)) {
            visitedDirs.add(target);
            walk(target, rel);
          }
        } else if (info.isFile() && name.endsWith('.json')) {
          files.push({ abs: target, rel });
        } else if (name.endsWith('.json')) {
          problems.push({ rel, ruleId: 'io/not-a-file', message: 'Not a regular file; it was not read.' });
        }
        continue;
      }
      if (entry.isDirectory()) {
        walk(abs, rel);
      } else if (name.endsWith('.json')) {
        if (!entry.isFile()) {
          problems.push({ rel, ruleId: 'io/not-a-file', message: 'Not a regular file (a FIFO, socket or device); it was not read.' });
          continue;
        }
        files.push({ abs, rel });
      }
    }
  }

  walk(realRoot, '');
  return { files, problems };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads a file of at most `limit` bytes. The size is checked on the open handle before reading, and
 * at most `limit` + 1 bytes are read, so a huge or growing file cannot exhaust memory. Synchronous on
 * purpose: for thousands of small files it is several times faster than the promise API, whose
 * per-call thread-pool round trips dominate (see docs-site/docs/reference/performance.md).
 */
export function readBounded(abs: string, limit: number): { bytes: Uint8Array; size: number; tooLarge: boolean } {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { bytes: new Uint8Array(0), size, tooLarge: true };
    const buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled > limit) return { bytes: new Uint8Array(0), size: filled, tooLarge: true };
    return { bytes: buffer.subarray(0, filled), size: filled, tooLarge: false };
  } finally {
    closeSync(fd);
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
