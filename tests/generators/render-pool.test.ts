import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';
import { REPO } from '../helpers/cli.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';

afterAll(cleanupOutputs);

describe('rendering in the worker pool', () => {
  it('writes exactly the files of a build in one thread, and keeps no staging folder', async () => {
    const root = await makeOutputRoot();
    const dir = path.join(root, 'catalogue');
    writeSyntheticCatalogue(dir, { procedures: 20, seed: 7, from: path.join(REPO, 'catalogue') });
    // The compiled library: the workers run compiled code (from sources the build renders in its own thread).
    const { buildCatalogue } = (await import(path.join(REPO, 'dist/generators/build.js'))) as typeof import('../../generators/build.js');
    const one = await buildCatalogue(dir, { out: path.join(root, 'one'), at: '2026-06-01', cacheDir: false, workers: 0 });
    const two = await buildCatalogue(dir, { out: path.join(root, 'two'), at: '2026-06-01', cacheDir: false, workers: 2 });
    if (!one.built || !two.built) throw new Error('build refused');
    expect(two.rendered).toBe(one.rendered);
    const a = await readTree(path.join(root, 'one'));
    const b = await readTree(path.join(root, 'two'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    // 20 procedures: a page, an API document each at least.
    expect(a.size).toBeGreaterThan(40);
    for (const [rel, bytes] of a) expect(b.get(rel)!.equals(bytes), rel).toBe(true);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(root)).sort()).toEqual(['catalogue', 'one', 'two']);
  }, 120_000);
});
