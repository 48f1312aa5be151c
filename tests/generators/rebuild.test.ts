/**
 * A rebuild after a change gives the same bytes as a full build of the same catalogue without a
 * cache, whatever the change: an edit, a file touched but unchanged, an edit that keeps the size
 * and modification time, a registry change, a deleted procedure, a renamed one. Each step changes
 * the one catalogue, rebuilds the one output from its cache, and compares it with a fresh
 * --no-cache build.
 */
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type BuildResult } from '../../generators/build.js';
import { buildFixture, buildRegistry, deathRegistration, judicialRecord } from '../helpers/build-fixture.js';
import { cleanupCatalogues, relockCatalogue, versionPath } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';

const AT = '2025-06-01';

function built(result: BuildResult): Extract<BuildResult, { built: true }> {
  if (!result.built) throw new Error(`build refused: ${result.validation.diagnostics.map((d) => d.message).join('; ')}`);
  return result;
}

let dir: string;
let root: string;
let out: string;
let fulls = 0;

/** Rebuilds `out` from its cache, builds the same catalogue afresh without one, and expects the same files and bytes. */
async function rebuildMatchesFull(): Promise<Extract<BuildResult, { built: true }>> {
  const result = built(await buildCatalogue(dir, { out, at: AT }));
  const full = path.join(root, `full-${++fulls}`);
  built(await buildCatalogue(dir, { out: full, at: AT, cacheDir: false }));
  const incremental = await readTree(out);
  const reference = await readTree(full);
  expect([...incremental.keys()]).toEqual([...reference.keys()]);
  for (const [rel, bytes] of reference) expect(incremental.get(rel)!.equals(bytes), rel).toBe(true);
  await rm(full, { recursive: true, force: true });
  return result;
}

/** Writes a file keeping its size and its modification time (a whole second, as utimes sets it exactly): only its change time (and its bytes) differ. */
async function editKeepingSizeAndTime(file: string, seconds: number, edit: (text: string) => string): Promise<void> {
  const before = await stat(file);
  expect(before.mtimeMs).toBe(seconds * 1000);
  const text = await readFile(file, 'utf8');
  const edited = edit(text);
  expect(Buffer.byteLength(edited)).toBe(before.size);
  await writeFile(file, edited);
  await utimes(file, seconds, seconds);
  const after = await stat(file);
  expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
}

/** Past the 2 s within which a just-changed file is read again whatever its stat says (restore.ts). */
const pastRacyWindow = () => new Promise((r) => setTimeout(r, 2_100));

const pagePath = (code: string) => `site/procedures/${code}.html`;

beforeAll(async () => {
  dir = await buildFixture();
  root = await makeOutputRoot();
  out = path.join(root, 'rebuilt');
  built(await buildCatalogue(dir, { out, at: AT }));
}, 120_000);
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

describe('a rebuild from the cache equals a full build without it', () => {
  it('after a file is touched but unchanged: nothing is rendered', async () => {
    const file = path.join(dir, versionPath(deathRegistration()));
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    const result = await rebuildMatchesFull();
    expect(result.rendered).toBe(0);
    expect(result.reused).toBeGreaterThan(20);
  }, 120_000);

  it('after one procedure is edited: its outputs are rendered, not the other procedures’ pages', async () => {
    const edited = deathRegistration({ name: { vi: 'Thủ tục đăng ký khai tử (sửa)', en: 'Death registration' } });
    await writeFile(path.join(dir, versionPath(edited)), JSON.stringify(edited, null, 2) + '\n');
    await relockCatalogue(dir);
    const result = await rebuildMatchesFull();
    const site = result.generators.find((g) => g.id === 'site')!;
    // Its page, listings and search shards, never the pages of the four other procedures.
    expect(site.rendered).toBeGreaterThan(0);
    expect(site.rendered).toBeLessThan(site.units / 2);
    expect((await readFile(path.join(out, pagePath('1.000656')), 'utf8')).includes('Thủ tục đăng ký khai tử (sửa)')).toBe(true);
  }, 120_000);

  it('after an edit that keeps the size and the modification time (seen by the change time)', async () => {
    const file = path.join(dir, versionPath(deathRegistration()));
    const seconds = Math.floor(Date.now() / 1000) - 3600;
    await utimes(file, seconds, seconds);
    await pastRacyWindow();
    // Built once with the file at that time, so its stat is kept...
    expect((await rebuildMatchesFull()).rendered).toBe(0);
    // ...then edited to the same size and put back to the same time.
    await editKeepingSizeAndTime(file, seconds, (t) => t.replace('(sửa)', '(SỬA)'));
    await relockCatalogue(dir);
    await pastRacyWindow();
    await rebuildMatchesFull();
    expect((await readFile(path.join(out, pagePath('1.000656')), 'utf8')).includes('Thủ tục đăng ký khai tử (SỬA)')).toBe(true);
  }, 120_000);

  it('after a registry change (every procedure is planned afresh)', async () => {
    const registry = buildRegistry();
    const field = registry.fields![0]!;
    field.name = `${field.name} (đổi tên)`;
    await writeFile(path.join(dir, 'registry/registry.json'), JSON.stringify(registry, null, 2) + '\n');
    const result = await rebuildMatchesFull();
    expect(result.rendered).toBeGreaterThan(0);
    const pages = await readTree(out);
    expect([...pages.values()].some((b) => b.toString().includes(`${field.name}`))).toBe(true);
  }, 120_000);

  it('after a registry file is renamed', async () => {
    await rename(path.join(dir, 'registry/registry.json'), path.join(dir, 'registry/main.json'));
    await rebuildMatchesFull();
  }, 120_000);

  it('after a procedure is deleted', async () => {
    const judicial = judicialRecord();
    await rm(path.join(dir, 'procedures', judicial.code), { recursive: true, force: true });
    await relockCatalogue(dir);
    await rebuildMatchesFull();
    expect((await readTree(out)).has(pagePath(judicial.code))).toBe(false);
  }, 120_000);

  it('after a procedure is renamed (moved to another code)', async () => {
    const from = path.join(dir, 'procedures', '1.000656');
    const moved = deathRegistration({ code: '1.000657', name: { vi: 'Thủ tục đăng ký khai tử (SỬA)', en: 'Death registration' } });
    await rm(from, { recursive: true, force: true });
    await mkdir(path.join(dir, 'procedures', moved.code), { recursive: true });
    await writeFile(path.join(dir, versionPath(moved)), JSON.stringify(moved, null, 2) + '\n');
    await relockCatalogue(dir);
    await rebuildMatchesFull();
    const tree = await readTree(out);
    expect(tree.has(pagePath('1.000656'))).toBe(false);
    expect(tree.has(pagePath('1.000657'))).toBe(true);
  }, 120_000);
});
