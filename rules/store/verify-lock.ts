/**
 * The lock's outside anchor (issue 16, point 4): the lock attests the published versions, but an
 * edit of a file and its lock entry together attests itself. Comparing the lock with the lock at a
 * git ref someone else holds (the upstream branch, the last release tag) shows every published
 * entry that changed or vanished since. Git is run with execFile, never through a shell.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../errors.js';
import { LOCK_FILE, DEFAULT_MAX_REGISTRY_BYTES } from '../load/layout.js';
import { readBounded } from '../load/files.js';
import { parseCatalogueFile } from '../load/parse-file.js';
import type { LockEntry, PublishedLock } from '../schema/types/lock.generated.js';

const run = promisify(execFile);

/** A published entry of the anchor that the lock now records differently. */
export interface ChangedEntry {
  code: string;
  version: string;
  /** The path the anchor recorded. */
  path: string;
  /** What differs: the content hash, or (same content) the file's path. */
  kind: 'changed' | 'moved';
  before: { path: string; sha256: string };
  after: { path: string; sha256: string };
}

export interface LockComparison {
  /** Entries whose content hash or path differs from the anchor's: findings. */
  changed: ChangedEntry[];
  /** Entries of the anchor the lock no longer has: findings. */
  vanished: LockEntry[];
  /** Entries the anchor did not have: versions published since (informational). */
  added: LockEntry[];
  /** Entries recorded identically. */
  unchanged: number;
}

const key = (e: { code: string; version: string }) => `${e.code}@${e.version}`;

function byKey(a: { code: string; version: string }, b: { code: string; version: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

/** What changed between the anchor's lock and the current one. A changed bytesSha256 alone (a reformatted file) is not a change. */
export function compareLocks(current: PublishedLock, anchor: PublishedLock): LockComparison {
  const now = new Map(current.published.map((e) => [key(e), e]));
  const before = new Set(anchor.published.map(key));
  const changed: ChangedEntry[] = [];
  const vanished: LockEntry[] = [];
  let unchanged = 0;
  for (const old of anchor.published) {
    const entry = now.get(key(old));
    if (!entry) vanished.push(old);
    else if (entry.sha256 !== old.sha256 || entry.path !== old.path) {
      changed.push({
        code: old.code,
        version: old.version,
        path: old.path,
        kind: entry.sha256 !== old.sha256 ? 'changed' : 'moved',
        before: { path: old.path, sha256: old.sha256 },
        after: { path: entry.path, sha256: entry.sha256 },
      });
    } else unchanged++;
  }
  const added = current.published.filter((e) => !before.has(key(e)));
  return { changed: changed.sort(byKey), vanished: vanished.sort(byKey), added: added.sort(byKey), unchanged };
}

/** Where the comparison's anchor came from. */
export interface Anchor {
  /** The ref as given, or as chosen (the upstream branch's name, the tag). */
  ref: string;
  /** How it was chosen: given with --against, the upstream branch, the most recent tag. */
  source: 'given' | 'upstream' | 'tag';
  commit: string;
  /** The lock at the ref; undefined when the ref has no lock file (every entry is then new). */
  lock: PublishedLock | undefined;
}

export interface LockVerification {
  /** The lock file compared, absolute. */
  lockFile: string;
  /** The current lock has no file (every entry of the anchor then vanished). */
  lockMissing: boolean;
  anchor: Anchor;
  comparison: LockComparison;
}

async function git(cwd: string, args: string[], maxBuffer = 1024 * 1024): Promise<{ ok: true; stdout: Buffer } | { ok: false; stderr: string; missing: boolean }> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    return { ok: true, stdout };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer; code?: unknown };
    if (e.code === 'ENOENT') return { ok: false, stderr: '', missing: true };
    if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') throw new UsageError(`The lock at that ref is larger than ${maxBuffer} bytes; it was not read.`, { id: 'verify.anchor-too-large', params: { bytes: maxBuffer } });
    return { ok: false, stderr: e.stderr ? e.stderr.toString('utf8').trim() : String(e.message), missing: false };
  }
}

const line = (b: Buffer) => b.toString('utf8').trim();

/** A lock's bytes as the loader reads them: strict JSON, NFC, the lock schema. A lock that fails is an error naming the file, never "no lock". */
function parseLock(bytes: Uint8Array, display: string, abs: string): PublishedLock {
  const parsed = parseCatalogueFile(bytes, 'lock', { display, rel: LOCK_FILE, abs });
  if (parsed.data !== undefined && !parsed.diagnostics.some((d) => d.severity === 'error')) return parsed.data as PublishedLock;
  const first = parsed.diagnostics.find((d) => d.severity === 'error');
  const why = first ? `${first.line}:${first.column}: ${first.message}` : 'unreadable';
  throw new UsageError(`The lock ${display} cannot be read: ${why}`, { id: 'verify.lock-unreadable', params: { file: display, why } });
}

/**
 * The ref to compare with when none is given: the current branch's upstream (`@{upstream}`), else
 * the most recent tag reachable from HEAD (the previous release), else a usage error.
 */
async function defaultRef(cwd: string): Promise<{ ref: string; source: 'upstream' | 'tag' }> {
  const upstream = await git(cwd, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  if (upstream.ok && line(upstream.stdout) !== '') return { ref: line(upstream.stdout), source: 'upstream' };
  const tag = await git(cwd, ['describe', '--tags', '--abbrev=0', 'HEAD']);
  if (tag.ok && line(tag.stdout) !== '') return { ref: line(tag.stdout), source: 'tag' };
  throw new UsageError('There is nothing to compare the lock with: the branch has no upstream and the repository no tag. Name a ref with --against, e.g. --against origin/main or --against v1.0.', { id: 'verify.no-default-ref', params: {} });
}

/**
 * Compares the catalogue's lock with its lock at a git ref. Bad input (no such folder, not a git
 * repository, an unknown ref, a lock that cannot be read) is a UsageError.
 */
export async function verifyLockAgainst(dir: string, ref?: string): Promise<LockVerification> {
  const root = path.resolve(dir);
  try {
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new UsageError(`${dir} is not a catalogue folder.`, { id: 'verify.no-folder', params: { dir } });
  }
  const top = await git(root, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    if (top.missing) throw new UsageError('git was not found: tthc verify --against reads the lock at a ref with git.', { id: 'verify.no-git', params: {} });
    throw new UsageError(`${dir} is not in a git repository, so there is no ref to compare its lock with.`, { id: 'verify.not-a-repo', params: { dir } });
  }
  if (ref !== undefined && (ref === '' || ref.startsWith('-'))) throw new UsageError(`"${ref}" is not a git ref.`, { id: 'verify.unknown-ref', params: { ref } });
  const chosen = ref !== undefined ? { ref, source: 'given' as const } : await defaultRef(root);
  const commit = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${chosen.ref}^{commit}`]);
  if (!commit.ok || line(commit.stdout) === '') throw new UsageError(`"${chosen.ref}" is not a commit, branch or tag of this repository.`, { id: 'verify.unknown-ref', params: { ref: chosen.ref } });
  const hash = line(commit.stdout);

  // `<commit>:./path` is the path relative to the catalogue folder, wherever it sits in the repository.
  const spec = `${hash}:./${LOCK_FILE}`;
  let anchorLock: PublishedLock | undefined;
  if ((await git(root, ['cat-file', '-e', spec])).ok) {
    const shown = await git(root, ['show', spec], DEFAULT_MAX_REGISTRY_BYTES);
    if (!shown.ok) throw new UsageError(`git could not show ${LOCK_FILE} at ${chosen.ref}: ${shown.stderr}`, { id: 'verify.git-failed', params: { what: `${chosen.ref}:${LOCK_FILE}`, why: shown.stderr } });
    anchorLock = parseLock(shown.stdout, `${chosen.ref}:${LOCK_FILE}`, path.join(root, LOCK_FILE));
  }

  const lockFile = path.join(root, LOCK_FILE);
  let current: PublishedLock = { lockfileVersion: 1, published: [] };
  let lockMissing = false;
  let bytes: Uint8Array | undefined;
  try {
    const read = readBounded(lockFile, DEFAULT_MAX_REGISTRY_BYTES);
    if (read.tooLarge) throw new UsageError(`The lock ${path.join(dir, LOCK_FILE)} is over ${DEFAULT_MAX_REGISTRY_BYTES} bytes; it was not read.`, { id: 'verify.lock-unreadable', params: { file: path.join(dir, LOCK_FILE), why: `over ${DEFAULT_MAX_REGISTRY_BYTES} bytes` } });
    bytes = read.bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    lockMissing = true;
  }
  if (bytes) current = parseLock(bytes, path.join(dir, LOCK_FILE), lockFile);

  return {
    lockFile,
    lockMissing,
    anchor: { ref: chosen.ref, source: chosen.source, commit: hash, lock: anchorLock },
    comparison: compareLocks(current, anchorLock ?? { lockfileVersion: 1, published: [] }),
  };
}
