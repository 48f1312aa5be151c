import { describe, expect, it } from 'vitest';
import { manifestFiles, shardDigits } from '../../generators/engine/manifest.js';
import { pathShard, type FileRecord } from '../../generators/engine/writer.js';

const AT = '2026-06-01';

function record(path: string, version = 0): FileRecord {
  return { path, sha256: String(version).padStart(64, '0'), bytes: path.length + version, ino: 1, mtimeMs: 1, shard: pathShard(path) };
}

const paths = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `api/v1/procedures/1.${String(100000 + from + i)}.json`);
const byPath = (files: { path: string; content: unknown }[]) => new Map(files.map((f) => [f.path, f.content]));

describe('the manifest, written incrementally', () => {
  const before = paths(10_000).map((p) => record(p));
  const full = manifestFiles(before, AT);

  it('shards a catalogue of 10,000 files 16 ways, by the first hex digit of sha256(path)', () => {
    expect(shardDigits(before.length)).toBe(1);
    expect(full.shards.map((s) => s.prefix)).toEqual([...'0123456789abcdef']);
    expect(full.shards.reduce((n, s) => n + s.files, 0)).toBe(10_000);
  });

  it('writes again only the shards holding a changed, added or deleted file, and says what a full write says', () => {
    const changed = [before[3]!.path, before[4_000]!.path];
    const deleted = [before[7]!.path];
    const added = paths(3, 20_000);
    const after = [...before.filter((r) => !deleted.includes(r.path)).map((r) => (changed.includes(r.path) ? record(r.path, 1) : r)), ...added.map((p) => record(p))];
    const reference = manifestFiles(after, AT);
    const incremental = manifestFiles(after, AT, { shards: full.shards, changed: [...changed, ...deleted, ...added], intact: () => true });
    expect(incremental.shards).toEqual(reference.shards);
    const dirty = new Set([...changed, ...deleted, ...added].map((p) => pathShard(p).slice(0, 1)));
    expect(incremental.kept.map((s) => s.prefix).sort()).toEqual(full.shards.map((s) => s.prefix).filter((p) => !dirty.has(p)));
    const written = byPath(incremental.files);
    const all = byPath(reference.files);
    expect([...written.keys()].sort()).toEqual([...dirty].map((p) => `manifest/files-${p}.json`).concat('manifest.json').sort());
    for (const [path, content] of written) expect(content, path).toBe(all.get(path));
  });

  it('writes a shard again when its file is not intact, and every shard when the sharding changes', () => {
    const again = manifestFiles(before, AT, { shards: full.shards, changed: [], intact: (s) => s.prefix !== 'a' });
    expect(again.files.map((f) => f.path)).toEqual(['manifest/files-a.json', 'manifest.json']);
    const grown = [...before, ...paths(60_000, 10_000).map((p) => record(p))];
    expect(shardDigits(grown.length)).toBe(2);
    const resharded = manifestFiles(grown, AT, { shards: full.shards, changed: [], intact: () => true });
    expect(resharded.kept).toEqual([]);
    expect(resharded.files).toEqual(manifestFiles(grown, AT).files);
  });
});
