import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../../scripts/bench/synthetic.js';
import { compactCatalogue, compactSourceOf, lazyVersion, META_KEYS, VersionDataCache } from '../../../rules/load/lazy.js';
import { registryRefs } from '../../../rules/model/spec.js';
import { validateCatalogue } from '../../../rules/validate/index.js';
import { CatalogueOperationError } from '../../../rules/errors.js';
import { REPO } from '../../helpers/cli.js';

let root: string | undefined;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function catalogue(procedures: number): Promise<string> {
  root ??= await mkdtemp(path.join(os.tmpdir(), 'tthc-compact-'));
  const dir = path.join(root, `catalogue-${procedures}-${Math.random().toString(16).slice(2)}`);
  writeSyntheticCatalogue(dir, { procedures, seed: 11, from: path.join(REPO, 'catalogue') });
  return dir;
}

describe('the compact catalogue (a build holds meta, not data)', () => {
  it('gives exactly the data, keys and registry references the loader gave, reading each file again only when its data was let go', async () => {
    const dir = await catalogue(30);
    // One version in decomposed Unicode: read again, it must come back normalised as the loader gave it.
    const codes = (await readdir(path.join(dir, 'procedures'))).sort();
    const nfd = path.join(dir, 'procedures', codes[3]!, 'v1.json');
    await writeFile(nfd, (await readFile(nfd, 'utf8')).replace('"name":{"vi":"', '"name":{"vi":"Thu\u0309 tu\u0323c '));
    const { catalogue: loaded } = await validateCatalogue(dir, { parallel: false });
    const before = loaded.versions.map((v) => ({ json: JSON.stringify(v.data), keys: Object.keys(v.data), refs: registryRefs(v.data) }));
    const objects = loaded.versions.map((v) => v);
    expect(before.some((b) => b.json.includes('Thủ tục '))).toBe(true);

    const cache = compactCatalogue(loaded, new VersionDataCache(5));
    expect(cache.reads).toBe(0);
    // The same LoadedVersion objects, each now compact, with its references kept.
    expect(loaded.versions.every((v, i) => v === objects[i])).toBe(true);
    loaded.versions.forEach((v, i) => {
      expect(compactSourceOf(v.data)).toMatchObject({ abs: v.file.abs, sha256: v.file.sha256, keys: before[i]!.keys });
      expect(v.registryRefs).toEqual(before[i]!.refs);
      expect(Object.keys(v.data)).toEqual(before[i]!.keys);
    });
    // The meta is there without reading any file.
    for (const v of loaded.versions) for (const key of META_KEYS) if (before[loaded.versions.indexOf(v)]!.keys.includes(key)) void v.data[key];
    expect(cache.reads).toBe(0);
    // Reading every version's data reads each file once, and holds at most five at a time.
    expect(loaded.versions.map((v) => JSON.stringify(v.data))).toEqual(before.map((b) => b.json));
    expect(cache.reads).toBe(loaded.versions.length);
    expect(cache.size).toBe(5);
    // The last five are held; the first was let go and is read again.
    void loaded.versions.at(-1)!.data.name;
    expect(cache.reads).toBe(loaded.versions.length);
    void loaded.versions[0]!.data.name;
    expect(cache.reads).toBe(loaded.versions.length + 1);
  }, 60_000);

  it('refuses data whose file changed after it was checked, and holds what is written to it', async () => {
    const dir = await catalogue(4);
    const { catalogue: loaded } = await validateCatalogue(dir, { parallel: false });
    compactCatalogue(loaded, new VersionDataCache(1));
    const [first, second] = loaded.versions;
    await writeFile(first!.file.abs, (await readFile(first!.file.abs, 'utf8')).replace('"sets":1', '"sets":2'));
    // The meta needs no file; anything else must come from the bytes that were validated.
    expect(first!.data.code).toBe(first!.file.rel.split('/')[1]);
    expect(() => first!.data.dossier).toThrow(CatalogueOperationError);
    expect(() => first!.data.dossier).toThrow(/changed while it was being read/);
    // A property set is held, and the version is no longer one another thread may read from its file.
    const name = second!.data.name;
    second!.data.name = { vi: 'Tên khác' };
    expect(second!.data.name).toEqual({ vi: 'Tên khác' });
    expect(name.vi).not.toBe('Tên khác');
    expect(compactSourceOf(second!.data)).toBeUndefined();
  }, 60_000);

  it('keeps every version while the files read come to no more than its byte budget, and only the last few once past it', async () => {
    const dir = await catalogue(12);
    const sizes = async (loaded: { versions: { file: { abs: string } }[] }) => Promise.all(loaded.versions.map(async (v) => (await readFile(v.file.abs)).byteLength));
    const fits = (await validateCatalogue(dir, { parallel: false })).catalogue;
    const total = (await sizes(fits)).reduce((a, b) => a + b, 0);
    const before = fits.versions.map((v) => JSON.stringify(v.data));
    // A budget of exactly the catalogue's bytes: two scans in the same order read each file once.
    const whole = compactCatalogue(fits, new VersionDataCache(2, total));
    expect(fits.versions.map((v) => JSON.stringify(v.data))).toEqual(before);
    expect(fits.versions.map((v) => JSON.stringify(v.data))).toEqual(before);
    expect(whole.reads).toBe(fits.versions.length);
    expect(whole.size).toBe(fits.versions.length);

    // One byte less: past it on the last file, the cache keeps two from then on, and the next scan misses every time.
    const over = (await validateCatalogue(dir, { parallel: false })).catalogue;
    const bounded = compactCatalogue(over, new VersionDataCache(2, total - 1));
    expect(over.versions.map((v) => JSON.stringify(v.data))).toEqual(before);
    expect(bounded.reads).toBe(over.versions.length);
    expect(bounded.size).toBe(2);
    expect(over.versions.map((v) => JSON.stringify(v.data))).toEqual(before);
    expect(bounded.reads).toBe(2 * over.versions.length);
    expect(bounded.size).toBe(2);
  }, 60_000);

  it('reads a file once for lazy versions sent as separate copies of its source (a render worker gets a new copy with each job), and again once its bytes differ', async () => {
    const dir = await catalogue(3);
    const { catalogue: loaded } = await validateCatalogue(dir, { parallel: false });
    const expected = loaded.versions.map((v) => JSON.stringify(v.data));
    compactCatalogue(loaded, new VersionDataCache(1));
    const sources = loaded.versions.map((v) => compactSourceOf(v.data)!);
    const cache = new VersionDataCache(16);
    // Two jobs, each with its own structured clone of every source.
    for (let job = 0; job < 2; job++) {
      const copies = sources.map((s) => lazyVersion(structuredClone(s), cache));
      expect(copies.map((c) => JSON.stringify(c))).toEqual(expected);
    }
    expect(cache.reads).toBe(sources.length);
    // A source naming other bytes for the same file is another entry: it is read (and refused, the file being as validated).
    expect(() => JSON.stringify(lazyVersion({ ...structuredClone(sources[0]!), sha256: '0'.repeat(64) }, cache))).toThrow(/changed while it was being read/);
    expect(cache.reads).toBe(sources.length);
  }, 60_000);
});
