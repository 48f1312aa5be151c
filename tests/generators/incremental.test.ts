import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type BuildResult } from '../../generators/build.js';
import { applyJournal } from '../../generators/engine/commit.js';
import { buildFixture, deathRegistration } from '../helpers/build-fixture.js';
import { cleanupCatalogues, relockCatalogue, versionPath } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';

const AT = '2025-06-01';

function built(result: BuildResult): Extract<BuildResult, { built: true }> {
  if (!result.built) throw new Error('build refused');
  return result;
}

async function sameTree(a: string, b: string): Promise<void> {
  const ta = await readTree(a);
  const tb = await readTree(b);
  expect([...ta.keys()]).toEqual([...tb.keys()]);
  for (const [rel, bytes] of tb) expect(ta.get(rel)!.equals(bytes), rel).toBe(true);
}

let root: string;
beforeAll(async () => {
  root = await makeOutputRoot();
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

describe('an incremental build', () => {
  it('changes the previous output in place, deleting what no unit writes any more', async () => {
    const extra = deathRegistration({ code: '1.000999', name: { vi: 'Thủ tục tạm thời' } });
    const dir = await buildFixture({ [versionPath(extra)]: extra });
    const out = path.join(root, 'in-place');
    built(await buildCatalogue(dir, { out, at: AT }));
    const before = await readTree(out);
    expect(before.has('site/procedures/1.000999.html')).toBe(true);
    await rm(path.join(dir, 'procedures/1.000999'), { recursive: true });
    // Removing a published procedure is an error against the lock: start the fixture's lock afresh.
    await relockCatalogue(dir);
    built(await buildCatalogue(dir, { out, at: AT }));
    const after = await readTree(out);
    expect(after.has('site/procedures/1.000999.html')).toBe(false);
    expect([...after.keys()].some((k) => k.includes('1.000999'))).toBe(false);
    // No empty folder is left behind.
    expect(await readdir(path.join(out, 'api/v1/procedures'))).not.toContain('1.000999');
    const full = path.join(root, 'in-place-full');
    built(await buildCatalogue(dir, { out: full, at: AT, cacheDir: false }));
    await sameTree(out, full);
  });

  it('writes everything afresh when most of the output changes, with the same result as a full build', async () => {
    const dir = await buildFixture();
    const out = path.join(root, 'most');
    built(await buildCatalogue(dir, { out, at: AT }));
    built(await buildCatalogue(dir, { out, at: '2026-02-01' }));
    const full = path.join(root, 'most-full');
    built(await buildCatalogue(dir, { out: full, at: '2026-02-01', cacheDir: false }));
    await sameTree(out, full);
  });

  it('is finished by the next build when killed while applying its journal', async () => {
    const dir = await buildFixture();
    const out = path.join(root, 'journal');
    built(await buildCatalogue(dir, { out, at: AT }));
    const reference = await readTree(out);
    // A killed build (process 999999999) had staged a page and decided to delete another.
    const staging = path.join(root, '.journal.tmp-999999999-00000000');
    await mkdir(path.join(staging, 'site/procedures'), { recursive: true });
    await writeFile(path.join(staging, 'site/procedures', '1.000656.html'), 'staged');
    await writeFile(path.join(root, '.journal.journal-999999999-00000000'), JSON.stringify({ staging: '.journal.tmp-999999999-00000000', deletes: ['listing/danh-muc.csv'], moves: ['site/procedures/1.000656.html'] }));
    // The next build applies it first, then finds those files changed and writes them again.
    built(await buildCatalogue(dir, { out, at: AT }));
    expect((await readdir(root)).filter((n) => n.startsWith('.journal.') && !n.endsWith('tthc-cache'))).toEqual([]);
    const after = await readTree(out);
    expect([...after.keys()]).toEqual([...reference.keys()]);
    for (const [rel, bytes] of reference) expect(after.get(rel)!.equals(bytes), rel).toBe(true);
  });

  it('applies a journal only inside the output folder', async () => {
    const out = path.join(root, 'guarded');
    await mkdir(out, { recursive: true });
    expect(() => applyJournal(out, root, { staging: '.guarded.tmp-1-0', deletes: ['../escape'], moves: [] })).toThrow(/Refusing to write/);
  });
});
