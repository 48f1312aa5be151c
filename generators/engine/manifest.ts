import { sha256Hex } from '../../rules/load/canonical.js';
import { pathShard, type FileRecord } from './writer.js';
import type { OutputFile } from './unit.js';

export const MANIFEST = 'manifest.json';
export const TOOL = { name: 'tthc', version: '0.1.0' } as const;

/** Files per manifest shard we aim for; the shard count grows in powers of 16 past it. */
const SHARD_TARGET = 4096;

export interface ManifestShard {
  /** The leading hex digits of sha256(path) that the shard's files share ("" for a single shard). */
  prefix: string;
  path: string;
  files: number;
  sha256: string;
}

export interface Manifest {
  $schema: string;
  generator: { name: string; version: string };
  at: string;
  files: number;
  bytes: number;
  shardBy: string;
  shards: ManifestShard[];
}

/**
 * Every generated JSON file as it is written: compact (no indentation; at 10,000 procedures the
 * indentation alone was a third of the API's bytes), one trailing newline. Deterministic: keys in
 * the order the generators build them.
 */
export function jsonFile(value: unknown): string {
  return JSON.stringify(value) + '\n';
}

/** How many hex digits of sha256(path) name the shards, for this many files. */
export function shardDigits(files: number): number {
  let digits = 0;
  while (files / 16 ** digits > SHARD_TARGET && digits < 4) digits++;
  return digits;
}

function shardPath(prefix: string): string {
  return `manifest/${prefix === '' ? 'files' : `files-${prefix}`}.json`;
}

/** The manifest's files, and the shards it lists (for the build cache). */
export interface ManifestFiles {
  /** Shard files to write, then manifest.json. */
  files: OutputFile[];
  /** Shards taken over unchanged from the previous output (their files stay). */
  kept: ManifestShard[];
  shards: ManifestShard[];
}

/**
 * The manifest: a small root (manifest.json) naming shards, and the shards (manifest/*.json) giving
 * every file's SHA-256 and size. A portal syncs by comparing shard hashes, then file hashes, and
 * fetching only what changed. Files go to shards by the hash of their path, so adding one file
 * changes one shard, and no shard grows large even at 100,000 procedures. Given the shards the
 * previous build wrote and the paths written or deleted since, a shard none of them falls in is
 * kept as it is rather than written again.
 */
export function manifestFiles(
  records: readonly FileRecord[],
  at: string,
  previous?: { shards: readonly ManifestShard[]; changed: Iterable<string>; intact: (shard: ManifestShard) => boolean },
): ManifestFiles {
  const digits = shardDigits(records.length);
  const old = new Map((previous?.shards ?? []).map((s) => [s.prefix, s]));
  // The same sharding as before, or every shard is new.
  const sameLayout = previous !== undefined && [...old.keys()].every((p) => p.length === digits);
  const dirty = new Set<string>();
  if (sameLayout) for (const p of previous.changed) dirty.add(pathShard(p).slice(0, digits));
  const shards = new Map<string, FileRecord[]>();
  for (const r of records) {
    const prefix = r.shard.slice(0, digits);
    const list = shards.get(prefix);
    if (list) list.push(r);
    else shards.set(prefix, [r]);
  }
  const files: OutputFile[] = [];
  const kept: ManifestShard[] = [];
  const summary: ManifestShard[] = [];
  for (const prefix of [...shards.keys()].sort()) {
    const list = shards.get(prefix)!;
    const before = old.get(prefix);
    if (sameLayout && before && !dirty.has(prefix) && before.files === list.length && previous.intact(before)) {
      kept.push(before);
      summary.push(before);
      continue;
    }
    list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const entries: Record<string, { sha256: string; bytes: number }> = {};
    for (const r of list) entries[r.path] = { sha256: r.sha256, bytes: r.bytes };
    const content = jsonFile({ $schema: '../api/v1/schemas/manifest-shard.schema.json', prefix, files: entries });
    const path = shardPath(prefix);
    files.push({ path, content });
    summary.push({ prefix, path, files: list.length, sha256: sha256Hex(content) });
  }
  const manifest: Manifest = {
    $schema: 'api/v1/schemas/manifest.schema.json',
    generator: { ...TOOL },
    at,
    files: records.length,
    bytes: records.reduce((sum, r) => sum + r.bytes, 0),
    shardBy: digits === 0 ? 'none' : `the first ${digits} hex digit${digits === 1 ? '' : 's'} of sha256(path)`,
    shards: summary,
  };
  files.push({ path: MANIFEST, content: jsonFile(manifest) });
  return { files, kept, shards: summary };
}
