import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogue } from '../../../rules/load/catalogue.js';
import { lintCatalogue } from '../../../rules/lint/engine.js';
import type { LintRule } from '../../../rules/lint/rule.js';
import { validateCatalogue, type ValidationResult } from '../../../rules/validate/index.js';
import { REPO } from '../../helpers/cli.js';

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

/** A copy of the bundled catalogue, with a few broken files so every stage has something to report. */
async function catalogue(): Promise<{ dir: string; state: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tthc-state-'));
  roots.push(root);
  const dir = path.join(root, 'catalogue');
  await cp(path.join(REPO, 'catalogue'), dir, { recursive: true });
  await writeFile(path.join(dir, 'procedures/1.001193/v9.json'), '{ "code": "1.001193", "version": "v9", }');
  const draft = JSON.parse(await readFile(path.join(dir, 'procedures/1.001865/v2.json'), 'utf8'));
  await writeFile(path.join(dir, 'procedures/1.001865/v3.json'), JSON.stringify({ ...draft, version: 'v3', supersedes: 'v9', name: { vi: 'Thu\u0309 tu\u0323c' } }, null, 2));
  return { dir, state: path.join(root, 'state') };
}

const edit = async (file: string, change: (v: Record<string, unknown>) => Record<string, unknown>) => writeFile(file, JSON.stringify(change(JSON.parse(await readFile(file, 'utf8'))), null, 2));

/** Validates cold (no state) and with the state, and checks they say exactly the same. */
async function same(dir: string, state: string): Promise<ValidationResult> {
  const cold = await validateCatalogue(dir);
  const warm = await validateCatalogue(dir, { stateDir: state });
  expect(warm.diagnostics).toEqual(cold.diagnostics);
  expect([warm.errors, warm.warnings]).toEqual([cold.errors, cold.warnings]);
  expect(warm.catalogue.versions.map((v) => v.file.rel)).toEqual(cold.catalogue.versions.map((v) => v.file.rel));
  expect(warm.catalogue.versions.map((v) => JSON.stringify(v.data))).toEqual(cold.catalogue.versions.map((v) => JSON.stringify(v.data)));
  return warm;
}

describe('the catalogue state', () => {
  // Files written moments ago are never trusted from the state (their time stamps could hide a
  // second change); the clock runs ahead, so the state is used as it would be minutes later.
  let ahead = 0;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const later = () => vi.setSystemTime(Date.now() + (ahead += 60_000));

  it('gives exactly what a load without it gives, first and second time, with the data read lazily', async () => {
    const { dir, state } = await catalogue();
    later();
    const first = await same(dir, state);
    expect(first.errors).toBeGreaterThan(0);
    later();
    await same(dir, state);
    // A load with the state takes the unchanged versions from it: their data is read on demand.
    later();
    const { catalogue: loaded } = await loadCatalogue(dir, { stateDir: state });
    const data = loaded.versions.find((v) => v.file.rel === 'procedures/1.001193/v3.json')!.data;
    expect(Object.getOwnPropertyDescriptor(data, 'dossier')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(data, 'status')?.value).toBe('published');
    expect(data.dossier!.documents.length).toBeGreaterThan(0);
    expect(Object.getOwnPropertyDescriptor(data, 'dossier')?.get).toBeUndefined();
  });

  it('sees a changed file, a changed sibling version, a changed registry, lock and rejected file', async () => {
    const { dir, state } = await catalogue();
    later();
    await same(dir, state);
    // A file: its own findings change.
    await edit(path.join(dir, 'procedures/1.000656/v3.json'), (v) => ({ ...v, legalBasis: [{ document: 'no-such-law' }] }));
    later();
    expect((await same(dir, state)).diagnostics.some((d) => d.file.endsWith('1.000656/v3.json') && d.ruleId === 'legal-basis-resolves')).toBe(true);
    // A sibling: v2 now overlaps v3, a finding on the untouched v3.
    await edit(path.join(dir, 'procedures/1.000656/v2.json'), (v) => ({ ...v, effective: { from: '2020-09-15', until: '2026-06-30' } }));
    later();
    await same(dir, state);
    // The registry: a legal document removed is a finding on every version citing it.
    await edit(path.join(dir, 'registry/legal-documents.json'), (r) => ({ ...r, legalDocuments: (r.legalDocuments as { number: string }[]).filter((d) => d.number !== '60/2014/QH13') }));
    later();
    expect((await same(dir, state)).diagnostics.filter((d) => d.message.includes('60/2014/QH13')).length).toBeGreaterThan(5);
    // The lock: a published version recorded under another hash.
    await edit(path.join(dir, 'tthc.lock.json'), (l) => ({ ...l, published: (l.published as { sha256: string }[]).map((e, i) => (i === 0 ? { ...e, sha256: '0'.repeat(64), bytesSha256: undefined } : e)) }));
    later();
    await same(dir, state);
    // A file that fails to load, and then loads: supersedes-valid reads which files were rejected.
    await writeFile(path.join(dir, 'procedures/1.001193/v9.json'), '[]');
    later();
    await same(dir, state);
    await rm(path.join(dir, 'procedures/1.001193/v9.json'));
    later();
    await same(dir, state);
  });

  it('does not trust a file changed moments ago: a second change in the same clock tick would not show in its time stamps', async () => {
    const { dir, state } = await catalogue();
    await same(dir, state);
    const { catalogue: loaded } = await loadCatalogue(dir, { stateDir: state });
    const data = loaded.versions.find((v) => v.file.rel === 'procedures/1.000656/v3.json')!.data;
    // Read again, not restored: its properties are plain values.
    expect(Object.getOwnPropertyDescriptor(data, 'dossier')?.get).toBeUndefined();
    // Read a while later, it is recorded as trustworthy, and restored the time after.
    later();
    await same(dir, state);
    later();
    const { catalogue: again } = await loadCatalogue(dir, { stateDir: state });
    expect(Object.getOwnPropertyDescriptor(again.versions.find((v) => v.file.rel === 'procedures/1.000656/v3.json')!.data, 'dossier')?.get).toBeTypeOf('function');
  });

  it('is ignored for another catalogue folder, display path or size limit', async () => {
    const { dir, state } = await catalogue();
    later();
    await same(dir, state);
    const other = path.join(path.dirname(dir), 'copy');
    await cp(dir, other, { recursive: true });
    later();
    await same(other, state);
    const cold = await validateCatalogue(dir, { maxFileBytes: 12_000 });
    expect((await validateCatalogue(dir, { stateDir: state, maxFileBytes: 12_000 })).diagnostics).toEqual(cold.diagnostics);
  });

  it('refuses data from a file that changed after it was checked', async () => {
    const { dir, state } = await catalogue();
    later();
    await same(dir, state);
    later();
    const { catalogue: loaded } = await loadCatalogue(dir, { stateDir: state });
    const v = loaded.versions.find((x) => x.file.rel === 'procedures/1.000656/v3.json')!;
    await edit(v.file.abs, (x) => ({ ...x, name: { vi: 'Đổi' } }));
    expect(() => v.data.dossier).toThrow(/changed while it was being read/);
  });
});

describe('version-scope lint rules', () => {
  it('read only their version, the registries and the versions of the codes they name', async () => {
    const { dir } = await catalogue();
    const { catalogue: loaded } = await loadCatalogue(dir);
    const nosy: LintRule = {
      id: 'nosy',
      meta: { type: 'problem', description: 'reads everything', rationale: '', severity: 'error', scope: 'version', messages: { x: 'x' } },
      examples: { valid: [], invalid: [] },
      check: (ctx) => void ctx.catalogue.versions.length,
    };
    const found = lintCatalogue(loaded, [nosy]);
    expect(found.length).toBe(loaded.versions.length);
    expect(found[0]).toMatchObject({ ruleId: 'lint/rule-failed' });
    expect(found[0]!.message).toContain('may not read catalogue.versions');
  });
});
