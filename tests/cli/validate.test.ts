import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runTthc } from '../helpers/cli.js';
import { cleanupCatalogues, makeCatalogue, version } from '../helpers/catalogue.js';

afterAll(cleanupCatalogues);

describe('tthc validate', () => {
  it('exits 0 on a clean catalogue, with a summary line', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': version({ status: 'draft' }) });
    const r = await runTthc(['validate', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ 0 problems (0 errors, 0 warnings)\n');
  });

  it('exits 1 on errors; --format json gives the diagnostic fields', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': '{\n  "code": 1\n}\n' });
    const r = await runTthc(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout);
    expect(diagnostics.find((d: { ruleId: string }) => d.ruleId === 'schema/type')).toEqual({
      file: `${dir}/procedures/1.001193/v1.json`,
      line: 2,
      column: 11,
      endLine: 2,
      endColumn: 12,
      pointer: '/code',
      ruleId: 'schema/type',
      severity: 'error',
      message: 'Expected string, found integer 1.',
    });
    for (const d of diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'pointer', 'ruleId', 'severity', 'message']));
  });

  it('stylish output names file, line:column, message, rule id and pointer', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': version({ status: 'draft', field: 'ho-tch' }) });
    const r = await runTthc(['validate', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${dir}/procedures/1.001193/v1.json`);
    expect(lines[1]).toMatch(/^ {2}\d+:\d+ +error {4}Unknown field "ho-tch": it is not in the fields registry\. Did you mean "ho-tich"\? {2}references-resolve \/field$/);
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)\n$/);
  });

  it('usage and I/O problems exit 2 with one line and no stack trace', async () => {
    const cases = [
      ['validate', '/nonexistent/catalogue'],
      ['validate', 'catalogue', '--format', 'xml'],
      ['validate', 'catalogue', '--max-file-size', '-5'],
      ['frobnicate'],
    ];
    for (const args of cases) {
      const r = await runTthc(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(hasStackTrace(r.stderr + r.stdout), args.join(' ')).toBe(false);
    }
    const missing = await runTthc(['validate', '/nonexistent/catalogue']);
    expect(missing.stderr).toBe('tthc: Cannot open catalogue folder /nonexistent/catalogue: no such file or folder.\n');
  });

  it('a file given instead of a folder is a usage error', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': version() });
    const r = await runTthc(['validate', path.join(dir, 'procedures/1.001193/v1.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a folder/);
  });

  it('--strict turns a missing lock entry into an error', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': version() });
    expect((await runTthc(['validate', dir])).code).toBe(0);
    const strict = await runTthc(['validate', dir, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/published-immutable/);
  });
});

describe('tthc lock, new-version and publish', () => {
  it('changes a published version the lawful way: new draft, edit, publish, lock', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': version() });
    // A new catalogue starts its lock explicitly.
    expect((await runTthc(['lock', dir, '--init'])).code).toBe(0);
    const created = await runTthc(['new-version', '1.001193', 'v1', '--dir', dir, '--effective', '2026-01-01']);
    await writeFile(path.join(dir, 'procedures/1.001193/v2.json'), JSON.stringify({ ...JSON.parse(await readFile(path.join(dir, 'procedures/1.001193/v2.json'), 'utf8')), levels: ['district'] }, null, 2));
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created draft 1\.001193@v2 .*superseding v1/);
    const file = path.join(dir, 'procedures/1.001193/v2.json');
    const draft = JSON.parse(await readFile(file, 'utf8'));
    expect(draft).toMatchObject({ version: 'v2', status: 'draft', supersedes: 'v1', effective: { from: '2026-01-01' } });
    const refused = await runTthc(['publish', '1.001193@v2', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('tthc: 1.001193@v2 was not published: fix the errors above first.\n');
    expect(refused.stdout).toMatch(/The level "Cấp huyện" exists from 1945-01-01 to 2025-06-30; this version takes effect on 2026-01-01\.  level-in-force \/levels\/0/);
    expect(JSON.parse(await readFile(path.join(dir, 'procedures/1.001193/v2.json'), 'utf8')).status).toBe('draft');
    draft.changedBy = { legalBasis: [{ document: '04/2020/TT-BTP' }] };
    draft.levels = ['commune'];
    await writeFile(file, JSON.stringify(draft, null, 2));
    const published = await runTthc(['publish', '1.001193@v2', '--dir', dir]);
    expect(published.code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).status).toBe('published');
    const lock = JSON.parse(await readFile(path.join(dir, 'tthc.lock.json'), 'utf8'));
    expect(lock.published.map((e: { version: string }) => e.version)).toEqual(['v1', 'v2']);
    expect((await runTthc(['validate', dir, '--strict'])).code).toBe(0);
  });

  it('lock refuses while a recorded version has been edited', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': version() });
    await runTthc(['lock', dir, '--init']);
    await writeFile(path.join(dir, 'procedures/1.001193/v1.json'), JSON.stringify(version({ name: { vi: 'Sửa' } })));
    const r = await runTthc(['lock', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tthc: the lock was not updated: restore the published versions above first.\n');
  });
});
