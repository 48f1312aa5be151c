/**
 * Checks a built output against its signed manifest, as a portal checks what it downloads: the
 * signature over manifest.json first (nothing the manifest says is trusted before it), then every
 * shard against the hash the manifest gives it, then every file against its shard (SHA-256 and
 * size), and finally the files present that no shard lists.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../rules/errors.js';
import { MANIFEST, type Manifest } from './manifest.js';
import { SIGNATURE, signatureValid } from './sign.js';

export type SignatureState = 'valid' | 'invalid' | 'missing';

export interface FileFinding {
  /** The path in the output, with forward slashes. */
  path: string;
  /** What the manifest records (missing and changed files). */
  expected?: { sha256: string; bytes: number };
  /** What the output holds (changed files); sha256 is "" for something that is not a regular file. */
  actual?: { sha256: string; bytes: number };
}

export interface OutputVerification {
  /** The output folder, absolute. */
  out: string;
  signature: SignatureState;
  /** Files the manifest lists, shards included (0 when the signature is not valid: nothing was checked). */
  checked: number;
  /** Listed and absent. */
  missing: FileFinding[];
  /** Listed, present, and different (hash, size, or not a regular file). */
  changed: FileFinding[];
  /** Present and listed by no shard (files, symlinks, anything that is not a folder). */
  unlisted: FileFinding[];
  /** Entries of the manifest naming a path outside the output (only a signer could have put them there). */
  badPaths: string[];
}

/** Findings: anything that is not exactly the signed output. */
export function outputFindings(v: OutputVerification): number {
  return (v.signature === 'valid' ? 0 : 1) + v.missing.length + v.changed.length + v.unlisted.length + v.badPaths.length;
}

/** A relative path with forward slashes, no empty, "." or ".." segment: one that stays inside the output. */
function safePath(p: string): boolean {
  return p.length > 0 && !p.includes('\\') && !p.includes('\0') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

async function readRegular(abs: string): Promise<{ state: 'file'; bytes: Buffer } | { state: 'absent' } | { state: 'other'; size: number }> {
  let info;
  try {
    info = await lstat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'absent' };
    throw error;
  }
  // A symlink, FIFO or folder where a file is listed is not the file that was signed.
  if (!info.isFile()) return { state: 'other', size: info.size };
  return { state: 'file', bytes: await readFile(abs) };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every entry under the folder that is not a folder, as relative paths with forward slashes. */
async function listEntries(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (rel: string) => {
    for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(child);
      else found.push(child);
    }
  };
  await walk('');
  return found.sort();
}

/** How many files are read at once. */
const CONCURRENCY = 16;

/** Checks the output folder `out` against its manifest and signature under the public key. A folder that is not there, or has no manifest, is a UsageError. */
export async function verifyOutput(out: string, key: KeyObject): Promise<OutputVerification> {
  const root = path.resolve(out);
  let manifestBytes: Buffer;
  try {
    manifestBytes = await readFile(path.join(root, MANIFEST));
  } catch {
    throw new UsageError(`${out} has no ${MANIFEST}: it is not a tthc build output.`, { id: 'verify.no-manifest', params: { out, manifest: MANIFEST } });
  }
  const result: OutputVerification = { out: root, signature: 'missing', checked: 0, missing: [], changed: [], unlisted: [], badPaths: [] };
  let signature: string | undefined;
  try {
    signature = await readFile(path.join(root, SIGNATURE), 'utf8');
  } catch {
    signature = undefined;
  }
  if (signature === undefined) return result;
  result.signature = signatureValid(manifestBytes, signature, key) ? 'valid' : 'invalid';
  if (result.signature !== 'valid') return result;

  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    if (!Array.isArray(manifest.shards)) throw new Error('no shards');
  } catch {
    throw new UsageError(`${path.join(out, MANIFEST)} is signed but is not a tthc manifest.`, { id: 'verify.bad-manifest', params: { file: path.join(out, MANIFEST) } });
  }

  // What is listed: the shards by the manifest, the files by the shards.
  const listed = new Map<string, { sha256: string; bytes: number }>();
  const known = new Set<string>([MANIFEST, SIGNATURE]);
  const check = async (p: string, expected: { sha256: string; bytes?: number }): Promise<Buffer | undefined> => {
    result.checked++;
    const found = await readRegular(path.join(root, ...p.split('/')));
    if (found.state === 'absent') {
      result.missing.push({ path: p, expected: { sha256: expected.sha256, bytes: expected.bytes ?? -1 } });
      return undefined;
    }
    const actual = found.state === 'file' ? { sha256: sha256(found.bytes), bytes: found.bytes.length } : { sha256: '', bytes: found.size };
    if (actual.sha256 !== expected.sha256 || (expected.bytes !== undefined && actual.bytes !== expected.bytes)) {
      result.changed.push({ path: p, expected: { sha256: expected.sha256, bytes: expected.bytes ?? -1 }, actual });
      return undefined;
    }
    return found.state === 'file' ? found.bytes : undefined;
  };
  for (const shard of manifest.shards) {
    if (typeof shard?.path !== 'string' || !safePath(shard.path)) {
      result.badPaths.push(String(shard?.path));
      continue;
    }
    known.add(shard.path);
    const bytes = await check(shard.path, { sha256: String(shard.sha256) });
    if (!bytes) continue;
    let files: Record<string, { sha256: string; bytes: number }>;
    try {
      files = (JSON.parse(bytes.toString('utf8')) as { files: Record<string, { sha256: string; bytes: number }> }).files;
    } catch {
      continue;
    }
    for (const [p, entry] of Object.entries(files ?? {})) {
      if (!safePath(p)) result.badPaths.push(p);
      else listed.set(p, { sha256: String(entry?.sha256), bytes: Number(entry?.bytes) });
    }
  }

  const queue = [...listed.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const [p, expected] = queue[next++]!;
      await check(p, expected);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  for (const p of await listEntries(root)) {
    if (listed.has(p) || known.has(p)) continue;
    result.unlisted.push({ path: p });
  }
  const byPath = (a: FileFinding, b: FileFinding) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  result.missing.sort(byPath);
  result.changed.sort(byPath);
  result.badPaths.sort();
  return result;
}
