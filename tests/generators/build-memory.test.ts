import { readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type BuildResult } from '../../generators/build.js';
import { BuildMemory } from '../../generators/engine/memory.js';
import { buildFixture, deathRegistration } from '../helpers/build-fixture.js';
import { cleanupCatalogues, relockCatalogue, versionPath } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';

// What `tthc build --watch` keeps between rebuilds (generators/engine/memory.ts) must never change
// what a build writes: each rebuild with a memory is compared with a fresh build of the same files.

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

/** Death registration at a given version, published from a given day with its own name. */
function death(version: string, supersedes: string, from: string, name: string): ReturnType<typeof deathRegistration> {
  return deathRegistration({ version, supersedes, effective: { from }, name: { vi: name, en: 'Death registration' }, changedBy: { legalBasis: [{ document: '60/2014/QH13', article: '62' }] } });
}

async function publish(dir: string, spec: ReturnType<typeof deathRegistration>): Promise<void> {
  await writeFile(path.join(dir, versionPath(spec)), JSON.stringify(spec, null, 2) + '\n');
  await relockCatalogue(dir);
}

let root: string;
beforeAll(async () => {
  root = await makeOutputRoot();
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

describe('a build with a memory (tthc build --watch)', () => {
  it('writes what a fresh build writes, rebuild after rebuild, also when another build wrote the cache in between', async () => {
    const dir = await buildFixture();
    const out = path.join(root, 'remembered');
    const memory = new BuildMemory();
    const first = built(await buildCatalogue(dir, { out, at: AT, memory }));
    expect(memory.saved?.dir).toBe(first.cacheDir);

    await publish(dir, death('v2', 'v1', '2025-01-01', 'Thủ tục đăng ký khai tử (sửa đổi lần 1)'));
    const second = built(await buildCatalogue(dir, { out, at: AT, memory }));
    expect(second.rendered).toBeGreaterThan(0);
    expect(second.reused).toBeGreaterThan(0);
    await sameTree(out, (built(await buildCatalogue(dir, { out: path.join(root, 'fresh-2'), at: AT, cacheDir: false })), path.join(root, 'fresh-2')));

    // Another build (no memory) writes the same output and cache: the memory's copy of the cache is stale now.
    await publish(dir, death('v3', 'v2', '2025-03-01', 'Thủ tục đăng ký khai tử (sửa đổi lần 2)'));
    built(await buildCatalogue(dir, { out, at: AT }));
    await publish(dir, death('v4', 'v3', '2025-05-01', 'Thủ tục đăng ký khai tử (sửa đổi lần 3)'));
    built(await buildCatalogue(dir, { out, at: AT, memory }));
    const fresh = path.join(root, 'fresh-4');
    built(await buildCatalogue(dir, { out: fresh, at: AT, cacheDir: false }));
    await sameTree(out, fresh);
    expect(await readFile(path.join(out, 'listing/danh-muc.md'), 'utf8')).toContain('Thủ tục đăng ký khai tử (sửa đổi lần 3)');
  });

  it('takes the cache index from memory while its file is the one saved, and from the disk once it is not', async () => {
    const dir = await buildFixture();
    const out = path.join(root, 'stamped');
    const memory = new BuildMemory();
    const first = built(await buildCatalogue(dir, { out, at: AT, memory }));
    const units = first.rendered + first.reused;
    expect(first.rendered).toBe(units);

    // A memory whose index records no unit: trusted, it makes the next build render everything.
    const emptied = () => {
      const saved = memory.saved!;
      memory.saved = { ...saved, index: { ...(saved.index as object), generators: {} } };
    };
    emptied();
    const trusting = built(await buildCatalogue(dir, { out, at: AT, memory }));
    expect(trusting.rendered).toBe(units);

    // The index file written again by someone else (same bytes, another inode): the memory is not trusted, the disk's index is, and nothing is rendered.
    emptied();
    const index = path.join(first.cacheDir!, 'units.json');
    const bytes = await readFile(index);
    await writeFile(`${index}.copy`, bytes);
    await rename(`${index}.copy`, index);
    const checking = built(await buildCatalogue(dir, { out, at: AT, memory }));
    expect(checking.rendered).toBe(0);
    expect(checking.reused).toBe(units);
  });

  it('reads into the memory the fragments a build kept without reading them, so the next rebuild finds them there', async () => {
    const dir = await buildFixture();
    const out = path.join(root, 'warmed');
    // A build without a memory writes the output and the cache; a watching process starts on it.
    built(await buildCatalogue(dir, { out, at: AT }));
    const memory = new BuildMemory();
    const reused = built(await buildCatalogue(dir, { out, at: AT, memory }));
    expect(reused.generators.find((g) => g.id === 'listing')!.rendered).toBe(0);
    const { readdir } = await import('node:fs/promises');
    const fragments = path.join(reused.cacheDir!, 'fragments');
    const names: string[] = [];
    for (const bucket of await readdir(fragments)) names.push(...(await readdir(path.join(fragments, bucket))));
    expect(names.length).toBeGreaterThan(3);
    // Every fragment file the cache kept is in the memory, with the text after its hash line.
    for (const name of names) {
      const stored = await readFile(path.join(fragments, name.slice(0, 2), name), 'utf8');
      expect(memory.fragment(name), name).toBe(stored.slice(stored.indexOf('\n') + 1));
    }
  });
});
