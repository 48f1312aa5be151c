import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, rename, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type BuildResult } from '../../generators/build.js';
import { checkOutputPath } from '../../generators/engine/writer.js';
import type { GeneratorEntry } from '../../generators/engine/unit.js';
import { GENERATORS } from '../../generators/index.js';
import { validateCatalogue } from '../../rules/validate/index.js';
import { buildFixture, deathRegistration } from '../helpers/build-fixture.js';
import { cleanupCatalogues, relockCatalogue, versionPath } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readJson, readTree } from '../helpers/output.js';

const AT = '2025-06-01';

function built(result: BuildResult): Extract<BuildResult, { built: true }> {
  if (!result.built) throw new Error(`build refused: ${result.validation.diagnostics.map((d) => d.message).join('; ')}`);
  return result;
}

function rendered(result: Extract<BuildResult, { built: true }>): Record<string, number> {
  return Object.fromEntries(result.generators.map((g) => [g.id, g.rendered]));
}

let catalogue: string;
let root: string;

beforeAll(async () => {
  catalogue = await buildFixture();
  root = await makeOutputRoot();
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

describe('tthc build', () => {
  it('writes every output, and a manifest with the SHA-256 of each file', async () => {
    const out = path.join(root, 'layout');
    const result = built(await buildCatalogue(catalogue, { out, at: AT, cacheDir: false }));
    expect(result.procedures).toBe(5);
    expect(result.inForce).toBe(3);
    const tree = await readTree(out);
    // The site (site/…) has its own tests: tests/site/; its per-procedure pages are checked here.
    expect([...tree.keys()].filter((rel) => /^site\/(procedures|forms)\//.test(rel))).toEqual([
      'site/procedures/1.000001.html',
      'site/procedures/1.000656.html',
      'site/procedures/1.001193.html',
      'site/procedures/1.999999.html',
      'site/procedures/2.000488.html',
    ]);
    // The fixture on 2025-06-01: the versions shown and in force with an online channel, 1.001193 v1 and 2.000488 v1,
    // have a form preview, a section of their page (no page of its own since issue 15).
    expect(['1.000001', '1.000656', '1.001193', '1.999999', '2.000488'].filter((code) => tree.get(`site/procedures/${code}.html`)!.toString().includes('<section id="to-khai"'))).toEqual(['1.001193', '2.000488']);
    expect([...tree.keys()].filter((rel) => !rel.startsWith('site/'))).toEqual([
      'api/v1/changes.json',
      'api/v1/changes/2020-07.json',
      'api/v1/changes/2024-01.json',
      'api/v1/changes/2026-01.json',
      'api/v1/changes/2027-01.json',
      'api/v1/index.json',
      'api/v1/index/all.json',
      'api/v1/procedures/1.000001.json',
      'api/v1/procedures/1.000656.json',
      'api/v1/procedures/1.001193.json',
      'api/v1/procedures/1.999999.json',
      'api/v1/procedures/2.000488.json',
      'api/v1/schemas/calendar.schema.json',
      'api/v1/schemas/changes-page.schema.json',
      'api/v1/schemas/changes.schema.json',
      'api/v1/schemas/common.schema.json',
      'api/v1/schemas/index-page.schema.json',
      'api/v1/schemas/index.schema.json',
      'api/v1/schemas/manifest-shard.schema.json',
      'api/v1/schemas/manifest.schema.json',
      'api/v1/schemas/procedure-version.schema.json',
      'api/v1/schemas/procedure.schema.json',
      'api/v1/schemas/simplification-report.schema.json',
      'api/v1/schemas/version.schema.json',
      'assets/tthc.css',
      'forms/index.d.ts',
      'forms/types/all.d.ts',
      'listing/danh-muc.csv',
      'listing/danh-muc.html',
      'listing/danh-muc.md',
      'manifest.json',
      'manifest/files.json',
      'reports/simplification.html',
      'reports/simplification.json',
      'reports/simplification.md',
    ]);
    const manifest = await readJson(out, 'manifest.json');
    const shard = await readJson(out, 'manifest/files.json');
    expect(manifest.generator).toEqual({ name: 'tthc', version: '0.1.0' });
    expect(manifest.at).toBe(AT);
    expect(manifest.files).toBe(tree.size - 2);
    expect(manifest.shards).toEqual([{ prefix: '', path: 'manifest/files.json', files: tree.size - 2, sha256: createHash('sha256').update(tree.get('manifest/files.json')!).digest('hex') }]);
    for (const [rel, bytes] of tree) {
      if (rel.startsWith('manifest')) continue;
      expect(shard.files[rel], rel).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    }
    expect(manifest.bytes).toBe([...tree].filter(([rel]) => !rel.startsWith('manifest')).reduce((n, [, b]) => n + b.length, 0));
  });

  it('is deterministic: two builds of the same catalogue are byte-identical', async () => {
    const a = path.join(root, 'det-a');
    const b = path.join(root, 'det-b');
    built(await buildCatalogue(catalogue, { out: a, at: AT, cacheDir: false }));
    built(await buildCatalogue(catalogue, { out: b, at: AT, cacheDir: false }));
    const ta = await readTree(a);
    const tb = await readTree(b);
    expect([...tb.keys()]).toEqual([...ta.keys()]);
    for (const [rel, bytes] of ta) expect(tb.get(rel)!.equals(bytes), rel).toBe(true);
  });

  it('rebuilds only what a change touches, and gives the same bytes as a full build', async () => {
    const dir = await buildFixture();
    const out = path.join(root, 'incremental');
    const first = built(await buildCatalogue(dir, { out, at: AT }));
    expect(first.reused).toBe(0);
    const before = await readTree(out);

    const again = built(await buildCatalogue(dir, { out, at: AT }));
    expect(again.rendered).toBe(0);
    expect(again.reused).toBe(first.rendered);
    const same = await readTree(out);
    for (const [rel, bytes] of before) expect(same.get(rel)!.equals(bytes), rel).toBe(true);

    const renamed = deathRegistration({ name: { vi: 'Thủ tục đăng ký khai tử (sửa tên)' } });
    await writeFile(path.join(dir, versionPath(renamed)), JSON.stringify(renamed, null, 2) + '\n');
    await relockCatalogue(dir);
    const changed = built(await buildCatalogue(dir, { out, at: AT }));
    // Its procedure's API document (its one version inside), the index page and the change-feed page that name it, the listing, and the report over the whole catalogue.
    // On the site: its page (with its history), its field and agency pages, the two legal-document pages that list it, the
    // search shards of the words that changed, its search page, the search meta and the dashboard; never another procedure's page.
    expect(rendered(changed)).toEqual({ api: 3, assets: 0, 'form-schemas': 0, listing: 1, 'simplification-report': 1, site: 11 });
    const full = path.join(root, 'incremental-full');
    built(await buildCatalogue(dir, { out: full, at: AT, cacheDir: false }));
    const incremental = await readTree(out);
    const reference = await readTree(full);
    expect([...incremental.keys()]).toEqual([...reference.keys()]);
    for (const [rel, bytes] of reference) expect(incremental.get(rel)!.equals(bytes), rel).toBe(true);
    expect(incremental.get('site/procedures/1.000656.html')!.toString()).toContain('Thủ tục đăng ký khai tử (sửa tên)');
  });

  it('does not trust a cached file that was deleted or replaced in the output folder; an edit in place is repaired by --no-cache', async () => {
    const out = path.join(root, 'tampered');
    built(await buildCatalogue(catalogue, { out, at: AT }));
    const page = path.join(out, 'site/procedures/1.000656.html');
    const original = (await readTree(out)).get('site/procedures/1.000656.html')!;
    // Saved as editors do (a new file renamed over the old one): its folder's time changes, so the
    // rebuild checks every recorded file and renders the one that no longer matches.
    await writeFile(`${page}.tmp`, 'edited by hand');
    await rename(`${page}.tmp`, page);
    const replaced = built(await buildCatalogue(catalogue, { out, at: AT }));
    expect(rendered(replaced)).toEqual({ api: 0, assets: 0, 'form-schemas': 0, listing: 0, 'simplification-report': 0, site: 1 });
    expect((await readTree(out)).get('site/procedures/1.000656.html')!.equals(original)).toBe(true);

    await unlink(page);
    const deleted = built(await buildCatalogue(catalogue, { out, at: AT }));
    expect(rendered(deleted)).toEqual({ api: 0, assets: 0, 'form-schemas': 0, listing: 0, 'simplification-report': 0, site: 1 });
    expect((await readTree(out)).get('site/procedures/1.000656.html')!.equals(original)).toBe(true);

    // Written over in place, the file keeps its folder's time: like make and Hugo, a rebuild does
    // not read every output to find it (tthc verify --output does); a build with --no-cache repairs it.
    await writeFile(page, 'edited by hand');
    const inPlace = built(await buildCatalogue(catalogue, { out, at: AT }));
    expect(inPlace.rendered).toBe(0);
    const full = built(await buildCatalogue(catalogue, { out, at: AT, cache: false }));
    expect(full.reused).toBe(0);
    expect((await readTree(out)).get('site/procedures/1.000656.html')!.equals(original)).toBe(true);
  });

  it('refuses a catalogue with errors, with the diagnostics of tthc validate, and writes nothing', async () => {
    const bad = await buildFixture({ [versionPath(deathRegistration())]: deathRegistration({ effective: { from: '2025-02-30' } }) });
    const out = path.join(root, 'refused');
    const result = await buildCatalogue(bad, { out, at: AT });
    expect(result.built).toBe(false);
    const validation = await validateCatalogue(bad);
    expect(result.validation.diagnostics).toEqual(validation.diagnostics);
    expect(result.validation.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.pointer])).toEqual([['schema/format', '/effective/from']]);
    expect(await readdir(root)).not.toContain('refused');
  });

  it('leaves the previous output untouched when a generator fails, and removes its temporary folder', async () => {
    const out = path.join(root, 'failing');
    built(await buildCatalogue(catalogue, { out, at: AT, cacheDir: false }));
    const before = await readTree(out);
    const failing: GeneratorEntry = {
      id: 'zz-failing',
      load: async () => ({ id: 'zz-failing', description: 'fails half-way', plan: () => [{ key: 'x', inputs: '', render: () => { throw new Error('boom'); } }] }),
    };
    await expect(buildCatalogue(catalogue, { out, at: '2026-02-01', cacheDir: false, generators: [...GENERATORS, failing] })).rejects.toThrow('boom');
    const after = await readTree(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [rel, bytes] of before) expect(after.get(rel)!.equals(bytes), rel).toBe(true);
    expect((await readdir(root)).filter((n) => n.startsWith('.failing.'))).toEqual([]);
  });

  it('cleans up the temporary folder of a killed build', async () => {
    const out = path.join(root, 'stale');
    const stale = path.join(root, '.stale.tmp-999999999-deadbeef');
    await mkdir(path.join(stale, 'procedures'), { recursive: true });
    await writeFile(path.join(stale, 'procedures', 'half.html'), '<html');
    built(await buildCatalogue(catalogue, { out, at: AT, cacheDir: false }));
    expect((await readdir(root)).filter((n) => n.startsWith('.stale.'))).toEqual([]);
  });

  it('refuses output folders it must not replace', async () => {
    await expect(buildCatalogue(catalogue, { out: catalogue, at: AT })).rejects.toThrow(/holds the catalogue/);
    await expect(buildCatalogue(catalogue, { out: path.join(catalogue, 'build'), at: AT })).rejects.toThrow(/inside the catalogue folder/);
    await expect(buildCatalogue(catalogue, { out: path.dirname(catalogue), at: AT })).rejects.toThrow(/holds the catalogue/);
    const precious = path.join(root, 'precious');
    await mkdir(precious);
    await writeFile(path.join(precious, 'thesis.docx'), 'years of work');
    await expect(buildCatalogue(catalogue, { out: precious, at: AT })).rejects.toThrow(/is not a tthc build output/);
    expect([...(await readTree(precious)).keys()]).toEqual(['thesis.docx']);
    await expect(buildCatalogue(catalogue, { out: path.join(root, 'x'), at: '2025-02-30' })).rejects.toThrow('--at 2025-02-30 is not a real date: February 2025 has 28 days.');
  });

  it('builds into the folder a symlinked --out points at, keeping the link', async () => {
    const real = path.join(root, 'release-1');
    const link = path.join(root, 'www');
    await mkdir(real);
    await symlink(real, link);
    built(await buildCatalogue(catalogue, { out: link, at: AT, cacheDir: false }));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((await readTree(real)).has('listing/danh-muc.html')).toBe(true);
  });

  it('never writes outside the output folder', async () => {
    for (const bad of ['../escape.html', '/etc/passwd', 'a/../../b', 'a/./b', '.hidden', 'a\\b', 'a//b', '', 'procedures/..', 'x\u0000y']) {
      expect(() => checkOutputPath(bad), JSON.stringify(bad)).toThrow(/Refusing to write/);
    }
    for (const good of ['procedures/1.001612.000.00.00.H01.html', 'forms/1.001193--v2.schema.json', 'forms/types/1.0.d.ts']) expect(() => checkOutputPath(good)).not.toThrow();
    const escaping: GeneratorEntry = {
      id: 'zz-escaping',
      load: async () => ({ id: 'zz-escaping', description: 'tries to escape', plan: () => [{ key: 'x', inputs: '', render: () => [{ path: '../escaped.txt', content: 'x' }] }] }),
    };
    const out = path.join(root, 'escape');
    await expect(buildCatalogue(catalogue, { out, at: AT, cacheDir: false, generators: [escaping] })).rejects.toThrow(/Refusing to write "..\/escaped.txt"/);
    expect(await readdir(root)).not.toContain('escaped.txt');
  });
});
