import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupCatalogues, makeCatalogue, versionPath } from '../helpers/catalogue.js';
import { hasStackTrace, runTthc } from '../helpers/cli.js';
import { costRegistry } from '../helpers/cost.js';
import { birthVersions, variantVersions } from '../helpers/worked-examples.js';

let dir: string;
let regressing: string;

beforeAll(async () => {
  const files: Record<string, object> = { 'registry/registry.json': costRegistry() };
  for (const v of [...birthVersions(), ...variantVersions()]) files[versionPath(v)] = v;
  dir = await makeCatalogue(files);
  const [baseline, variant] = variantVersions({ timeLimit: { value: 12, unit: 'working-days', start: 'complete-dossier' } });
  regressing = await makeCatalogue({ 'registry/registry.json': costRegistry(), [versionPath(baseline!)]: baseline!, [versionPath(variant!)]: variant! });
});
afterAll(cleanupCatalogues);

describe('tthc diff', () => {
  it('prints the JSON fields machines rely on, exit 0', async () => {
    const r = await runTthc(['diff', '1.001193@2025-06-01', '1.001193@2026-06-01', '--dir', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.documents).toEqual({ before: 3, after: 2, cut: 1 });
    expect(json.time).toMatchObject({ unit: 'working-days', before: 0, after: 0 });
    expect(json.fees).toMatchObject({ before: 0, after: 0, currency: 'VND' });
    expect(json.cost).toMatchObject({ before: 149940000000, after: 133280000000, saved: 16660000000, percent: 11.11 });
    expect(json.changes[0]).toMatchObject({ area: 'document', kind: 'replaced-by-lookup', classification: 'cut', id: 'can-cuoc' });
  });

  it('puts a summary table at the top of the Markdown', async () => {
    const r = await runTthc(['diff', '1.100001.H01@v1', '--dir', dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const summary = lines.indexOf('## Tóm tắt');
    expect(summary).toBeGreaterThan(0);
    expect(lines.indexOf('## Các thay đổi')).toBeGreaterThan(summary);
    expect(r.stdout).toContain('| Thời hạn giải quyết (ngày làm việc) | 10 | 7 | 3 | 30,00% |');
    expect(r.stdout).toContain('- **Thắt chặt so với chuẩn** — Thời hạn giải quyết: 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ → 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.');
  });

  it('exits 1 on a variant that adds burden', async () => {
    const r = await runTthc(['diff', '1.100001.H01@v1', '--dir', regressing, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tthc: regression: 1.100001.H01@v1 adds burden beyond its baseline 1.100001@v1 (1 addition).\n');
    expect(r.stdout).toContain('<strong>Hồi quy: phương án/biến thể bổ sung gánh nặng so với phiên bản chuẩn.</strong>');
    expect(r.stdout).not.toContain('<script');
  });

  it('exits 2 with one line on bad references and formats', async () => {
    for (const args of [
      ['diff', '1.001193', '--dir', dir],
      ['diff', '1.001193@v1', '1.001193@2025-02-30', '--dir', dir],
      ['diff', 'pa-khai-sinh', '--dir', dir, '--format', 'xml'],
      ['diff', 'missing.json', '1.001193@v1', '--dir', dir],
      // Two different procedures: no diff, a clear refusal (issue 18, point 10).
      ['diff', '1.001193@v1', '1.100001@v1', '--dir', dir],
    ]) {
      const r = await runTthc(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    const different = await runTthc(['diff', '1.001193@v1', '1.100001@v1', '--dir', dir]);
    expect(different.stdout).toBe('');
    expect(different.stderr).toContain('1.001193@v1');
    expect(different.stderr).toContain('1.100001@v1');
  });
});

describe('tthc report simplification', () => {
  it('exits 2 on a bad target or an unknown field', async () => {
    for (const args of [
      ['report', 'simplification', dir, '--target-cost-cut', 'twenty'],
      ['report', 'simplification', dir, '--field', 'ho-tic'],
    ]) {
      const r = await runTthc(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('exits 1 when the selection misses the target, 0 when it meets it', async () => {
    const birth = birthVersions()[0]!;
    const proposal = { ...structuredClone(birthVersions()[1]!), version: 'pa-2026', status: 'proposed', proposal: { id: 'pa-khai-sinh', baseline: { code: '1.001193', version: 'v1' }, title: 'Khai thác Căn cước', rationale: 'NQ 66.7/2025/NQ-CP' } };
    const planDir = await makeCatalogue({ 'registry/registry.json': costRegistry(), [versionPath(birth)]: birth, [versionPath(proposal)]: proposal });
    // The proposal cuts 11.11% (see tests/rules/compute/diff.test.ts); the registry's citizen target in force (20%) is missed.
    const missed = await runTthc(['report', 'simplification', planDir, '--format', 'json']);
    expect(missed.code).toBe(1);
    expect(missed.stderr).toBe('tthc: 1.001193@pa-2026 cut compliance cost by 11.11%, short of the 20% target (66.7/2025/NQ-CP).\n');
    expect(JSON.parse(missed.stdout).verdict).toMatchObject({ meets: false, percent: 11.11, target: 20 });
    const met = await runTthc(['report', 'simplification', planDir, '--target-cost-cut', '10']);
    expect(met.code).toBe(0);
    expect(met.stdout).toContain('**Đạt mục tiêu**: 1 phương án (thủ tục 1.001193), tổng chi phí tuân thủ cắt giảm 11,11%, mục tiêu ≥ 10,00% (mục tiêu cắt giảm ≥ 10,00% chi phí tuân thủ (tham số --target-cost-cut)');
    // With no target in force for its scope on its date, it is not judged: exit 0, and it says why.
    const none = await makeCatalogue({ 'registry/registry.json': costRegistry({ simplificationTargets: [] }), [versionPath(birth)]: birth, [versionPath(proposal)]: proposal });
    const unjudged = await runTthc(['report', 'simplification', none]);
    expect(unjudged.code).toBe(0);
    expect(unjudged.stderr).toContain('no compliance-cost target in force');
    expect(unjudged.stdout).toContain('**Không đánh giá theo mục tiêu**');
  });
});

describe('readers’ text names things, never by raw id (issue 18 point 11)', () => {
  it('the simplification report and a proposal’s diff on the bundled catalogue', async () => {
    const report = await runTthc(['report', 'simplification']);
    const diff = await runTthc(['diff', '1.004222@v3', '1.004222@pa-2026']);
    for (const r of [report, diff]) {
      expect(r.stdout.length).toBeGreaterThan(1000);
      // The registry ids of the cost estimation and the hourly income, proposal ids, channelOrder, version ids in prose.
      expect(r.stdout).not.toMatch(/uoc-tinh-mac-dinh|thu-nhap-binh-quan-2024|\(pa-[a-z-]+,|channelOrder|phiên bản v\d/);
    }
    expect(diff.stdout).toContain('**Thu nhập bình quân một giờ:** 43.750 đồng/giờ (Thu nhập bình quân tháng của người lao động năm 2024');
    // The report names each proposal by its procedure and title, also in the list of those its total leaves out.
    expect(report.stdout).not.toMatch(/@pa-|@v\d/);
    expect(report.stdout).toContain('Không cộng vào tổng chi phí:\n\n- Thủ tục 1.004222, phương án “Rút ngắn thời hạn đăng ký thường trú xuống 05 ngày làm việc và miễn lệ phí khi nộp hồ sơ trực tuyến”: số đối tượng thực hiện một năm chưa được nêu: chỉ có chi phí một lần thực hiện\n');
    // The cost notes name the versions by their dates and amending documents; the diff's own header keeps the references the reviewer typed.
    expect(diff.stdout).toContain('Phiên bản có hiệu lực từ ngày 01/01/2026 (theo Nghị quyết số 66.7/2025/NQ-CP) không nêu số đối tượng thực hiện một năm: chỉ tính được chi phí một lần thực hiện.');
    expect(diff.stdout).not.toContain('complianceCost.');
    expect(diff.stdout).toMatch(/\| Số lần thực hiện một năm \| 1 \(ước tính\) \| 1 \(ước tính\) \|/);
  });
});
