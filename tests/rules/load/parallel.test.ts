import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../../scripts/bench/synthetic.js';
import { REPO } from '../../helpers/cli.js';

let root: string | undefined;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('loading with a second thread', () => {
  it('gives exactly the diagnostics and data of loading on one', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tthc-parallel-'));
    const dir = path.join(root, 'catalogue');
    writeSyntheticCatalogue(dir, { procedures: 1_100, seed: 5, from: path.join(REPO, 'catalogue') });
    // Something for every stage to find.
    const v = (code: string, k = 1) => path.join(dir, 'procedures', code, `v${k}.json`);
    const any = async (n: number) => (await import('node:fs/promises')).readdir(path.join(dir, 'procedures')).then((codes) => codes.sort()[n]!);
    await writeFile(v(await any(10)), '{ "code": ');
    await writeFile(v(await any(20)), '\uFEFF' + (await readFile(v(await any(20)), 'utf8')));
    await writeFile(v(await any(30)), (await readFile(v(await any(30)), 'utf8')).replace('"status":"published"', '"status":"publishd"'));
    await writeFile(v(await any(40)), (await readFile(v(await any(40)), 'utf8')).replace('"version":"v1"', '"version":"v1","version":"v1"'));
    await writeFile(v(await any(50)), (await readFile(v(await any(50)), 'utf8')).replace('"name":{"vi":"', '"name":{"vi":"Thu\u0309 tu\u0323c '));
    // The compiled library: the worker runs compiled code.
    const { validateCatalogue } = (await import(path.join(REPO, 'dist/rules/validate/index.js'))) as typeof import('../../../rules/validate/index.js');
    const one = await validateCatalogue(dir, { parallel: false });
    const two = await validateCatalogue(dir, { parallel: true });
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(one.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['json/syntax', 'json/bom', 'schema/enum', 'json/duplicate-key', 'text-nfc']));
    expect(two.catalogue.versions.map((x) => x.file.rel)).toEqual(one.catalogue.versions.map((x) => x.file.rel));
    expect(two.catalogue.versions.map((x) => JSON.stringify(x.data))).toEqual(one.catalogue.versions.map((x) => JSON.stringify(x.data)));
    expect(two.catalogue.versions.map((x) => x.file.sha256)).toEqual(one.catalogue.versions.map((x) => x.file.sha256));
  }, 60_000);
});
