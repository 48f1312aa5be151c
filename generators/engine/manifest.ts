import { sha256Hex } from '../../rules/load/canonical.js';
import type { FileRecord } from './writer.js';
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

/** Canonical, pretty JSON as every generated JSON file is written: two-space indent, trailing newline. */
export function jsonFile(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * The manifest: a small root (manifest.json) naming shards, and the shards (manifest/*.json) giving
 * every file's SHA-256 and size. A portal syncs by comparing shard hashes, then file hashes, and
 * fetching only what changed. Files go to shards by the hash of their path, so adding one file
 * changes one shard, and no shard grows large even at 100,000 procedures.
 */
export function manifestFiles(records: readonly FileRecord[], at: string): OutputFile[] {
  const sorted = [...records].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let digits = 0;
  while (sorted.length / 16 ** digits > SHARD_TARGET && digits < 4) digits++;
  const shards = new Map<string, FileRecord[]>();
  for (const r of sorted) {
    const prefix = digits === 0 ? '' : sha256Hex(r.path).slice(0, digits);
    const list = shards.get(prefix);
    if (list) list.push(r);
    else shards.set(prefix, [r]);
  }
  const files: OutputFile[] = [];
  const summary: ManifestShard[] = [];
  for (const prefix of [...shards.keys()].sort()) {
    const list = shards.get(prefix)!;
    const entries: Record<string, { sha256: string; bytes: number }> = {};
    for (const r of list) entries[r.path] = { sha256: r.sha256, bytes: r.bytes };
    const shardPath = `manifest/${prefix === '' ? 'files' : `files-${prefix}`}.json`;
    const content = jsonFile({ $schema: '../api/v1/schemas/manifest-shard.schema.json', prefix, files: entries });
    files.push({ path: shardPath, content });
    summary.push({ prefix, path: shardPath, files: list.length, sha256: sha256Hex(content) });
  }
  const manifest: Manifest = {
    $schema: 'api/v1/schemas/manifest.schema.json',
    generator: { ...TOOL },
    at,
    files: sorted.length,
    bytes: sorted.reduce((sum, r) => sum + r.bytes, 0),
    shardBy: digits === 0 ? 'none' : `the first ${digits} hex digit${digits === 1 ? '' : 's'} of sha256(path)`,
    shards: summary,
  };
  files.push({ path: MANIFEST, content: jsonFile(manifest) });
  return files;
}
