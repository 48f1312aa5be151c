import { describe, expect, it } from 'vitest';
import { renderReport, simplificationReport, simplificationReportFiles } from '../../generators/simplification-report/index.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { costCatalogue, costRegistry, HOURLY_INCOME, spec } from '../helpers/cost.js';
import { birthVersions, enterpriseVersions } from '../helpers/worked-examples.js';

function proposalOf(baseline: ProcedureVersion, patch: Record<string, unknown>): ProcedureVersion {
  return spec({
    ...structuredClone(baseline),
    version: 'pa-2025',
    status: 'proposed',
    supersedes: baseline.version,
    effective: { from: '2025-07-01' },
    proposal: { id: `pa-${baseline.code.replace(/\./g, '-')}`, baseline: { code: baseline.code, version: baseline.version }, title: `Đơn giản hóa ${baseline.code}`, rationale: 'Cắt giảm chi phí tuân thủ.' },
    ...patch,
  });
}

describe('the published Hà Nội figure: 293 procedures, 2,306 → 654 billion đồng a year, a 71.64% cut', () => {
  // 293 procedures, each with 100,000 subjects a year and the hourly income 20,000 đ (so 1 h across all
  // subjects costs 2,000,000,000 đ). 292 procedures take 3.9 h before and 1.1 h after; the 293rd 14.2 h and 5.8 h.
  // Before: (292 × 3.9 + 14.2) h = 1,153 h × 2,000,000,000 = 2,306,000,000,000 đ.
  // After:  (292 × 1.1 + 5.8) h =   327 h × 2,000,000,000 =   654,000,000,000 đ.
  // Saved 1,652,000,000,000 đ; 1,652 / 2,306 × 100 = 71.6392… → 71.64%.
  const registry = costRegistry();
  registry.hourlyIncomes!.push({ id: 'thu-nhap-20k', amount: 20000, basis: 'giả định kiểm thử', source: 'kiểm thử', date: '2025-01-01' });
  const versions: ProcedureVersion[] = [];
  for (let i = 0; i < 293; i++) {
    const last = i === 292;
    const volumes = { hourlyIncome: 'thu-nhap-20k', subjectsPerYear: { value: 100_000, source: 'kiểm thử' }, timesPerYear: { value: 1, source: 'kiểm thử' } };
    const baseline = spec({
      code: `1.${String(200000 + i)}`,
      complianceCost: { ...volumes, activities: last ? [{ activity: 'collect-papers', hours: 14.2 }] : [{ activity: 'learn', hours: 0.9 }, { activity: 'collect-papers', hours: 2 }, { activity: 'travel-submit', hours: 1 }] },
    });
    const proposal = proposalOf(baseline, {
      channels: i % 2 === 0 ? [{ kind: 'in-person' }, { kind: 'online', onlineService: 'full', portals: ['national-portal'] }] : baseline.channels,
      complianceCost: { ...volumes, activities: last ? [{ activity: 'collect-papers', hours: 5.8 }] : [{ activity: 'learn', hours: 0.5 }, { activity: 'collect-papers', hours: 0.6 }] },
    });
    versions.push(baseline, proposal);
  }
  const catalogue = costCatalogue(versions, registry);

  it('sums the proposals to the published totals, to the đồng', () => {
    const report = simplificationReport(catalogue, { targetCostCut: 20 });
    expect(report.proposals).toHaveLength(293);
    expect(report.totals.cost).toEqual({ before: 2_306_000_000_000, after: 654_000_000_000, saved: 1_652_000_000_000, percent: 71.64, proposals: 293 });
    expect(report.verdict).toMatchObject({ meets: true, percent: 71.64, target: 20 });
    // Every proposal is a citizen procedure taking effect 2025-07-01: one group, judged against the citizen target in force that day.
    expect(report.verdict.groups.map((g) => [g.target?.id, g.proposals.length, g.cost.percent, g.meets])).toEqual([['tham-so-dong-lenh', 293, 71.64, true]]);
    // One of the 292: 3.9 h × 20,000 × 100,000 = 7,800,000,000 → 1.1 h: 2,200,000,000; saved 5,600,000,000; 2.8 / 3.9 = 71.79%.
    expect(report.proposals[0]!.cost).toMatchObject({ before: 7_800_000_000, after: 2_200_000_000, saved: 5_600_000_000, percent: 71.79, estimated: false });
    // Proposals 0, 2, …, 292 add a fully online channel: 147 of 293 = 50.17%; before, none.
    expect(report.indicators.fullyOnline).toEqual({ before: { count: 0, total: 293, percent: 0 }, after: { count: 147, total: 293, percent: 50.17 } });
    expect(report.estimated).toBe(false);
  });

  it('says so in every format', () => {
    const report = simplificationReport(catalogue);
    const md = renderReport(report, 'md');
    expect(md).toContain('| Chi phí tuân thủ một năm (đồng), 293 phương án | 2.306.000.000.000 | 654.000.000.000 | 1.652.000.000.000 | 71,64% |');
    // Judged against the registry's citizen target in force on 2025-07-01, named in the verdict.
    expect(md).toContain('**Đạt mục tiêu**: 293 phương án, tổng chi phí tuân thủ cắt giảm 71,64%, mục tiêu ≥ 20,00% (66.7/2025/NQ-CP (thủ tục của công dân, 01/01/2020–31/12/2030): cắt giảm ≥ 20,00% chi phí tuân thủ; mục tiêu kiểm thử).');
    const json = JSON.parse(renderReport(report, 'json'));
    expect(json.totals.cost).toEqual({ before: 2306000000000, after: 654000000000, saved: 1652000000000, percent: 71.64, proposals: 293 });
    expect(json.costs).toBeUndefined();
  });

  it('misses a target above the cut', () => {
    const report = simplificationReport(catalogue, { targetCostCut: 75 });
    expect(report.verdict).toMatchObject({ meets: false, percent: 71.64, target: 75 });
  });
});

describe('report selection, indicators and safe output', () => {
  const [birth1, birth2] = birthVersions();
  const [ent1] = enterpriseVersions();
  const birthProposal = proposalOf(birth1!, { dossier: birth2!.dossier, complianceCost: birth2!.complianceCost, name: { vi: 'Thủ tục đăng ký khai sinh <script>alert(1)</script>' } });
  const enterpriseProposal = proposalOf(ent1!, {
    timeLimit: { value: 3, unit: 'working-days', start: 'complete-dossier' },
    channels: [{ kind: 'in-person' }, { kind: 'online', onlineService: 'full', onlinePayment: true, portals: ['national-portal'] }],
    proposal: { id: 'pa-dkdn', baseline: { code: '2.001583', version: 'v1' }, title: 'Rút ngắn thời hạn "><img src=x onerror=alert(1)>', rationale: 'Luật Doanh nghiệp 2020.' },
  });
  const catalogue = costCatalogue([birth1!, birthProposal, ent1!, enterpriseProposal]);

  it('selects by field, level and agency, and refuses unknown ids', () => {
    expect(simplificationReport(catalogue, { field: 'ho-tich' }).proposals.map((p) => p.code)).toEqual(['1.001193']);
    expect(simplificationReport(catalogue, { level: 'province' }).proposals.map((p) => p.code)).toEqual(['2.001583']);
    expect(simplificationReport(catalogue, { agency: 'so-tai-chinh-ha-noi' }).proposals.map((p) => p.code)).toEqual(['2.001583']);
    expect(() => simplificationReport(catalogue, { field: 'ho-tic' })).toThrow('Unknown field "ho-tic". Did you mean "ho-tich"?');
  });

  it('computes the four numbers, documents and days cut, and the online indicators', () => {
    const report = simplificationReport(catalogue);
    // Birth: 149,940,000,000 → 133,280,000,000 (see tests/rules/compute/diff.test.ts); enterprise: 53,910,000,000 both sides.
    // Totals: 203,850,000,000 → 187,190,000,000; saved 16,660,000,000; 16,660 / 203,850 × 100 = 8.1727… → 8.17%.
    expect(report.totals.cost).toEqual({ before: 203_850_000_000, after: 187_190_000_000, saved: 16_660_000_000, percent: 8.17, proposals: 2 });
    expect(report.verdict.meets).toBe(false);
    // Documents: birth 3 → 2, enterprise 3 → 3; days: enterprise 10 → 3 working days.
    expect(report.totals.documents).toEqual({ before: 6, after: 5, cut: 1 });
    expect(report.totals.workingDaysCut).toBe(7);
    expect(report.proposals.map((p) => [p.code, p.documents.cut, p.time.saved, p.time.percent])).toEqual([
      ['1.001193', 1, 0, undefined],
      ['2.001583', 0, 7, 70],
    ]);
    // Only the enterprise registration has a fee (50,000 đ): before it cannot be paid online, after it can.
    expect(report.indicators.onlinePayment).toEqual({ before: { count: 0, total: 1, percent: 0 }, after: { count: 1, total: 1, percent: 100 } });
    expect(report.indicators.fullyOnline).toEqual({ before: { count: 0, total: 2, percent: 0 }, after: { count: 1, total: 2, percent: 50 } });
    expect(report.proposals[0]!.cost.before).toBe(149_940_000_000);
    expect(HOURLY_INCOME.amount).toBe(23_800);
  });

  it('escapes every spec string in HTML, uses no script, and draws inline SVG bars', () => {
    const html = renderReport(simplificationReport(catalogue), 'html');
    // The text "onerror=" may appear, escaped, as words; no element can carry it.
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror/i);
    expect(html).toContain('Rút ngắn thời hạn &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" role="img"');
    expect(html).not.toMatch(/<link|src="http|href="http/);
    const md = renderReport(simplificationReport(catalogue), 'md');
    expect(md).toContain('Rút ngắn thời hạn "\\>\\<img src=x onerror=alert(1)\\>');
  });

  it('gives build the three report files', () => {
    expect(simplificationReportFiles(catalogue).map((f) => f.path)).toEqual(['reports/simplification.md', 'reports/simplification.html', 'reports/simplification.json']);
  });
});
