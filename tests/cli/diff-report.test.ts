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
    ]) {
      const r = await runTthc(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
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
    // The proposal cuts 11.11% (see tests/rules/compute/diff.test.ts).
    const missed = await runTthc(['report', 'simplification', planDir, '--format', 'json']);
    expect(missed.code).toBe(1);
    expect(missed.stderr).toBe('tthc: the selection cuts compliance cost by 11.11%, short of the 20% target.\n');
    expect(JSON.parse(missed.stdout).verdict).toEqual({ meets: false, percent: 11.11, target: 20 });
    const met = await runTthc(['report', 'simplification', planDir, '--target-cost-cut', '10']);
    expect(met.code).toBe(0);
    expect(met.stdout).toContain('**Đạt mục tiêu**: tổng chi phí tuân thủ cắt giảm 11,11%, mục tiêu ≥ 10,00%');
  });
});
