import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type BuildResult } from '../../generators/build.js';
import { latestDraft } from '../../generators/engine/context.js';
import type { LoadedVersion } from '../../rules/model/catalogue.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import { baseVersion } from '../../rules/lint/fixture.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { errorSummary, portalAjv } from '../helpers/ajv.js';
import { buildFixture, fixtureVersions } from '../helpers/build-fixture.js';
import { cleanupCatalogues, versionPath } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readJson, readText, readTree } from '../helpers/output.js';

// A preview is what an officer builds from a fresh import: nothing is published yet, and a few
// records did not make valid specs. The fixture adds to the usual build fixture (one draft,
// 1.888888, and published procedures) a second draft procedure with two dated drafts (the later one is shown), a spec that
// fails the schema, and one that loads but fails a lint rule.
const twoDrafts = (): ProcedureVersion[] => [
  mergePatch(baseVersion(), { code: '1.555555', version: 'v1', status: 'draft', name: { vi: 'Thủ tục cấp bản sao trích lục hộ tịch', en: null }, effective: { from: '2026-01-01' } }),
  mergePatch(baseVersion(), { code: '1.555555', version: 'v2', status: 'draft', supersedes: 'v1', name: { vi: 'Thủ tục cấp bản sao trích lục hộ tịch (sửa đổi)', en: null }, effective: { from: '2026-03-01', until: '2026-12-31' } }),
];
const schemaBroken = { ...mergePatch(baseVersion(), { code: '1.777777', status: 'draft' }), name: undefined };
const lintBroken = mergePatch(baseVersion(), { code: '1.666666', status: 'draft', field: 'khong-co-linh-vuc-nay' });

async function previewFixture(): Promise<string> {
  return buildFixture({
    [versionPath({ code: '1.777777', version: 'v1' })]: JSON.parse(JSON.stringify(schemaBroken)),
    [versionPath(lintBroken)]: lintBroken,
  }, [...fixtureVersions(), ...twoDrafts()]);
}

let catalogue: string;
let out: string;
let result: BuildResult;

beforeAll(async () => {
  catalogue = await previewFixture();
  out = path.join(await makeOutputRoot(), 'out');
  result = await buildCatalogue(catalogue, { out, at: '2025-06-01', cacheDir: false, preview: true });
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

describe('tthc build --preview', () => {
  it('is refused without --preview: the same catalogue has errors', async () => {
    const refused = await buildCatalogue(catalogue, { out: path.join(await makeOutputRoot(), 'out'), at: '2025-06-01', cacheDir: false });
    expect(refused.built).toBe(false);
    expect(refused.validation.errors).toBe(2);
  });

  it('builds, leaving out the two version files with errors and naming them with their rules', () => {
    if (!result.built) throw new Error('the preview was refused');
    expect(result.preview).toBe(true);
    expect(result.leftOut).toEqual([
      { file: `${catalogue}/procedures/1.666666/v1.json`, errors: 1, rules: ['references-resolve'] },
      { file: `${catalogue}/procedures/1.777777/v1.json`, errors: 1, rules: ['schema/required'] },
    ]);
    // Five procedures with a published version and two shown from drafts (1.555555, 1.888888).
    expect([result.procedures, result.inForce, result.drafts]).toEqual([7, 3, 2]);
  });

  it('lists the drafts in the API with the status draft, their proposed period, and says the index is a preview', async () => {
    const index = await readJson(out, 'api/v1/index.json');
    expect(index.preview).toBe(true);
    expect(index.procedures).toBe(7);
    const page = await readJson(out, 'api/v1/index/all.json');
    const drafts = page.procedures.filter((p: any) => p.status === 'draft').map((p: any) => [p.code, p.version, p.name, p.effective]);
    expect(drafts).toEqual([
      ['1.555555', 'v2', 'Thủ tục cấp bản sao trích lục hộ tịch (sửa đổi)', { from: '2026-03-01', until: '2026-12-31' }],
      ['1.888888', 'v1', 'Thủ tục dự thảo', { from: '2020-07-16', until: null }],
    ]);
    expect(page.procedures.map((p: any) => p.code)).not.toContain('1.666666');
    const procedure = await readJson(out, 'api/v1/procedures/1.555555.json');
    expect(procedure).toMatchObject({ status: 'draft', current: null, versions: [], draft: { version: 'v2', status: 'draft', effective: { from: '2026-03-01', until: '2026-12-31' }, endsBecause: null, form: null } });
    // The draft is whole inside its procedure's document (#/draft), as a published version is.
    expect([procedure.draft.spec.name.vi, procedure.draft.parts.length > 0]).toEqual(['Thủ tục cấp bản sao trích lục hộ tịch (sửa đổi)', true]);
  });

  it('writes JSON that validates against the published schemas, drafts included', async () => {
    const tree = await readTree(out);
    const ajv = portalAjv();
    for (const [rel, bytes] of tree) if (rel.startsWith('api/v1/schemas/')) ajv.addSchema(JSON.parse(bytes.toString()));
    let checked = 0;
    for (const [rel, bytes] of tree) {
      if (!rel.startsWith('api/v1/') || rel.startsWith('api/v1/schemas/') || !rel.endsWith('.json')) continue;
      const data = JSON.parse(bytes.toString());
      const schema = JSON.parse(tree.get(path.posix.join(path.posix.dirname(rel), data.$schema))!.toString());
      const validate = ajv.getSchema(schema.$id)!;
      expect(validate(data) ? [] : errorSummary(validate.errors), rel).toEqual([]);
      checked++;
    }
    // index + page, changes + 4 feed pages, 7 procedures (their 7 published versions and 2 drafts inside them).
    expect(checked).toBe(2 + 5 + 7);
  });

  it('marks a draft on its pages: a banner, no period in force, and the draft in the versions table', async () => {
    const detail = await readText(out, 'site/procedures/1.555555.html');
    expect(detail).toContain('<p class="banner" role="note">Bản xem trước: thủ tục chưa được công bố. Nội dung dưới đây là dự thảo, dự kiến có hiệu lực từ ngày 01/03/2026, chưa có giá trị áp dụng.</p>');
    expect(detail).toContain('Dự thảo, chưa công bố (dự kiến: từ ngày 01/03/2026 đến hết ngày 31/12/2026)');
    expect(detail).toContain('<td data-label="Hiệu lực">Dự thảo, chưa công bố (dự kiến: từ ngày 01/03/2026 đến hết ngày 31/12/2026) (đang hiển thị)</td>');
    const site = await readText(out, 'site/procedures/1.888888.html');
    expect(site).toContain('Nội dung dưới đây là dự thảo, dự kiến có hiệu lực từ ngày 16/07/2020, chưa có giá trị áp dụng.');
    const home = await readText(out, 'site/index.html');
    expect(home).toContain('Bản xem trước, không phải danh mục đã công bố: 2 thủ tục chưa được công bố');
  });

  it('lists drafts in the listing, marked in their names, under a preview title', async () => {
    const html = await readText(out, 'listing/danh-muc.html');
    expect(html).toContain('<h1>Danh mục thủ tục hành chính ngày 01/06/2025 (bản xem trước, gồm dự thảo chưa công bố)</h1>');
    expect(html).toContain('Trong đó 2 thủ tục chưa được công bố, tên có ghi &quot;(dự thảo)&quot;');
    const csv = await readText(out, 'listing/danh-muc.csv');
    expect(csv).toContain('Thủ tục dự thảo (dự thảo)');
    expect(csv).not.toContain('1.666666');
  });

  it('a cached rebuild between preview and normal output gives exactly what a fresh build gives', async () => {
    const root = await makeOutputRoot();
    const shared = path.join(root, 'out');
    const fresh = path.join(root, 'fresh');
    const plain = await buildFixture();
    await buildCatalogue(plain, { out: shared, at: '2025-06-01', preview: true });
    await buildCatalogue(plain, { out: shared, at: '2025-06-01' });
    await buildCatalogue(plain, { out: fresh, at: '2025-06-01', cacheDir: false });
    const a = await readTree(shared);
    const b = await readTree(fresh);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [rel, bytes] of a) expect(bytes.equals(b.get(rel)!), rel).toBe(true);
    const index = await readJson(shared, 'api/v1/index.json');
    expect(index.preview).toBeUndefined();
    expect(index.procedures).toBe(5);
  });

  it('still refuses when a registry has errors: every page depends on it', async () => {
    const broken = await buildFixture({ 'registry/registry.json': '{ "agencies": [ }' });
    const refused = await buildCatalogue(broken, { out: path.join(await makeOutputRoot(), 'out'), at: '2025-06-01', cacheDir: false, preview: true });
    expect(refused.built).toBe(false);
  });
});

describe('latestDraft', () => {
  const v = (version: string, status: ProcedureVersion['status'], from?: string): LoadedVersion =>
    ({ data: { ...baseVersion(), version, status, effective: from ? { from } : undefined } }) as unknown as LoadedVersion;

  it('shows the draft taking effect last, an undated draft counting as latest, then the highest version id', () => {
    expect(latestDraft([v('v1', 'draft', '2026-01-01'), v('v2', 'draft', '2025-01-01')])?.data.version).toBe('v1');
    expect(latestDraft([v('v1', 'draft', '2026-01-01'), v('v2', 'proposed')])?.data.version).toBe('v2');
    expect(latestDraft([v('v9', 'draft'), v('v10', 'draft')])?.data.version).toBe('v10');
    expect(latestDraft([v('v1', 'published', '2020-01-01'), v('v2', 'repealed', '2021-01-01')])).toBeUndefined();
  });
});
