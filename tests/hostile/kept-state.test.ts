/**
 * The state a rebuild keeps (the build cache beside the output: units.json, kept.json, the
 * catalogue state) is only ever a shortcut: a cache file that is torn, garbage, edited with a fixed
 * checksum but a wrong shape, for another output, or naming folders outside the output gives the
 * same output, byte for byte, as a build without a cache. (A well-formed lie with the right hashes
 * is beyond it: the cache is trusted as far as the output folder beside it, which anyone who can
 * write the one can write too.)
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type BuildResult } from '../../generators/build.js';
import { buildFixture } from '../helpers/build-fixture.js';
import { cleanupCatalogues } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';
import { tally } from './tally.js';

const AT = '2025-06-01';

function built(result: BuildResult): Extract<BuildResult, { built: true }> {
  if (!result.built) throw new Error(`build refused: ${result.validation.diagnostics.map((d) => d.message).join('; ')}`);
  return result;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** kept.json's body (after its checksum line), changed by `edit`, written back with a checksum that matches. */
function reChecksummed(file: string, edit: (kept: { format: number; out: string; scope: string; values: Record<string, [string, unknown]> }) => unknown): void {
  const text = readFileSync(file, 'utf8');
  const body = JSON.stringify(edit(JSON.parse(text.slice(text.indexOf('\n') + 1))));
  writeFileSync(file, `${sha(body)}\n${body}`);
}

let catalogue: string;
let root: string;
let reference: Map<string, Buffer>;

beforeAll(async () => {
  catalogue = await buildFixture();
  root = await makeOutputRoot();
  const full = path.join(root, 'reference');
  built(await buildCatalogue(catalogue, { out: full, at: AT, cacheDir: false }));
  reference = await readTree(full);
}, 180_000);
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

type Damage = (cache: string) => void;

const CASES: [string, Damage][] = [
  ['kept.json is garbage', (c) => writeFileSync(path.join(c, 'kept.json'), '\u0000\u00ff not json {')],
  ['kept.json is torn in half', (c) => writeFileSync(path.join(c, 'kept.json'), readFileSync(path.join(c, 'kept.json'), 'utf8').slice(0, 400))],
  [
    'kept.json has one byte changed (its checksum no longer matches)',
    (c) => {
      const text = readFileSync(path.join(c, 'kept.json'), 'utf8');
      const at = text.indexOf('Thủ tục');
      writeFileSync(path.join(c, 'kept.json'), `${text.slice(0, at)}Xhủ tục${text.slice(at + 'Thủ tục'.length)}`);
    },
  ],
  [
    'kept.json with a valid checksum: every value of the wrong shape, markup in extra keys',
    (c) =>
      reChecksummed(path.join(c, 'kept.json'), (k) => ({
        ...k,
        values: Object.fromEntries(Object.entries(k.values).map(([key, [inputs, value]], i) => [key, [inputs, i % 3 === 0 ? 42 : i % 3 === 1 ? { ...(value as object), extra: '<script>alert(1)</script>' } : [7, null]]])),
      })),
  ],
  [
    'kept.json with a valid checksum: __proto__ and constructor keys',
    (c) => {
      const file = path.join(c, 'kept.json');
      const text = readFileSync(file, 'utf8');
      const body = text.slice(text.indexOf('\n') + 1).replace('"values":{', '"values":{"__proto__":["x",{"polluted":true}],"constructor":["y",1],');
      writeFileSync(file, `${sha(body)}\n${body}`);
    },
  ],
  ['kept.json for another output', (c) => reChecksummed(path.join(c, 'kept.json'), (k) => ({ ...k, out: '/elsewhere' }))],
  ['units.json is garbage', (c) => writeFileSync(path.join(c, 'units.json'), 'garbage')],
  [
    'units.json stamps folders outside the output',
    (c) => {
      const index = JSON.parse(readFileSync(path.join(c, 'units.json'), 'utf8')) as { folders: [string, number, number][] };
      index.folders = [['', 1, 1], ['../..', 1, 1], ['/etc', 1, 1]];
      writeFileSync(path.join(c, 'units.json'), JSON.stringify(index));
    },
  ],
  [
    'units.json stamps with the wrong times',
    (c) => {
      const index = JSON.parse(readFileSync(path.join(c, 'units.json'), 'utf8')) as { folders: [string, number, number][] };
      index.folders = index.folders.map(([p, ino, t]) => [p, ino, t + 1]);
      writeFileSync(path.join(c, 'units.json'), JSON.stringify(index));
    },
  ],
  ['the catalogue state is garbage', (c) => writeFileSync(path.join(c, 'catalogue', 'catalogue-state.json'), '{"format":3,"values":7,"versions":"x"}')],
];

describe('a damaged or hostile build cache never changes the output', () => {
  it.each(CASES.map(([name, damage], i) => [name, damage, i] as const))('%s: the rebuild equals a build without a cache', async (_name, damage, i) => {
    // A cached build of its own, whose cache the case then damages.
    const out = path.join(root, `case-${i}`);
    built(await buildCatalogue(catalogue, { out, at: AT }));
    damage(path.join(root, `.case-${i}.tthc-cache`));
    const result = built(await buildCatalogue(catalogue, { out, at: AT }));
    const tree = await readTree(out);
    const differ = [...reference].filter(([rel, bytes]) => !tree.get(rel)?.equals(bytes)).map(([rel]) => rel);
    const polluted = ({} as Record<string, unknown>).polluted !== undefined;
    tally({ cases: 1, leaks: differ.length + (polluted ? 1 : 0) });
    expect([...tree.keys()]).toEqual([...reference.keys()]);
    expect(differ).toEqual([]);
    expect(polluted).toBe(false);
    expect(result.files).toBe(reference.size);
    rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
