import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../../rules/compute/diff/index.js';
import { baselineOf, resolveReference } from '../../../rules/compute/references.js';
import type { Catalogue } from '../../../rules/model/catalogue.js';
import { costCatalogue, spec } from '../../helpers/cost.js';
import { birthVersions, enterpriseVersions, variantVersions } from '../../helpers/worked-examples.js';
import path from 'node:path';
import { loadCatalogue } from '../../../rules/load/catalogue.js';
import { REPO } from '../../helpers/cli.js';

async function diff(catalogue: Catalogue, a: string, b?: string) {
  const first = await resolveReference(catalogue, a);
  if (b === undefined) return diffVersions(catalogue, baselineOf(catalogue, first.version), first);
  return diffVersions(catalogue, first, await resolveReference(catalogue, b));
}

describe('the 2026 birth-registration change: the Căn cước replaced by a database look-up', () => {
  const catalogue = costCatalogue(birthVersions());

  it('reports the document replaced by a look-up, with its legal basis, as a cut', async () => {
    const d = await diff(catalogue, '1.001193@2025-12-31', '1.001193@2026-01-01');
    expect(d.before.version).toBe('v1');
    expect(d.after.version).toBe('v2');
    expect(d.relation).toBe('successor');
    // Supplied documents: tờ khai, giấy chứng sinh, Căn cước → tờ khai, giấy chứng sinh.
    expect(d.documents).toEqual({ before: 3, after: 2, cut: 1 });
    const substantive = d.changes.filter((c) => c.classification !== 'editorial');
    expect(substantive.map((c) => [c.area, c.kind, c.classification, c.id])).toEqual([
      ['document', 'replaced-by-lookup', 'cut', 'can-cuoc'],
      ['compliance-cost', 'changed', 'cut', 'complianceCost'],
    ]);
    expect(substantive[0]!.summary).toBe('Không yêu cầu nộp/xuất trình “Thẻ Căn cước của người đi đăng ký khai sinh”: cơ quan khai thác thông tin từ Cơ sở dữ liệu quốc gia về dân cư.');
    expect(substantive[0]!.legalBasis).toEqual([{ document: '66.7/2025/NQ-CP', article: '4' }]);
    expect(d.regression).toBe(false);
  });

  it('matches the hand computation of the compliance cost to the đồng', async () => {
    const d = await diff(catalogue, '1.001193@v1', '1.001193@v2');
    // Before: (0.5 + 0.5 + 1.5 + 2) h = 4.5 h × 23,800 đ = 107,100 đ; × 1 × 1,400,000 = 149,940,000,000 đ a year.
    // After:  (0.5 + 0.5 + 1 + 2) h = 4 h × 23,800 đ = 95,200 đ;      × 1 × 1,400,000 = 133,280,000,000 đ a year.
    // Saved: 16,660,000,000 đ; 16,660,000,000 / 149,940,000,000 × 100 = 11.1111… → 11.11%.
    expect(d.cost.detail!.before.perPerformance).toBe(107_100);
    expect(d.cost.detail!.after.perPerformance).toBe(95_200);
    expect({ before: d.cost.before, after: d.cost.after, saved: d.cost.saved, percent: d.cost.percent }).toEqual({ before: 149_940_000_000, after: 133_280_000_000, saved: 16_660_000_000, percent: 11.11 });
    expect(d.cost.basis).toBe('per-year');
    expect(d.cost.estimated).toBe(false);
    // A free procedure, same day, before and after.
    expect(d.fees).toMatchObject({ before: 0, after: 0 });
    expect({ unit: d.time.unit, before: d.time.before, after: d.time.after, saved: d.time.saved, percent: d.time.percent }).toEqual({ unit: 'working-days', before: 0, after: 0, saved: 0, percent: undefined });
  });
});

describe('a proposal with no cost inputs against a baseline with stated ones', () => {
  it('estimates both sides alike, and says so', async () => {
    const [v1, v2] = birthVersions();
    const proposal = { ...v2!, version: 'pa-2026', status: 'proposed' as const, proposal: { id: 'pa-khai-sinh', baseline: { code: '1.001193', version: 'v1' }, title: 'Khai thác Căn cước', rationale: 'NQ 66.7' } };
    delete proposal.complianceCost;
    const d = await diff(costCatalogue([v1!, proposal]), 'pa-khai-sinh');
    // Both estimated: before learn 1 + form 0.5 + 2 papers × 1 + trip 2 = 5.5 h × 23,800 = 130,900 đ;
    // after (Căn cước looked up) 4.5 h × 23,800 = 107,100 đ; the proposal takes the baseline's 1,400,000 subjects.
    // 183,260,000,000 → 149,940,000,000; saved 33,320,000,000; 1 / 5.5 = 18.1818… → 18.18%.
    expect({ before: d.cost.before, after: d.cost.after, saved: d.cost.saved, percent: d.cost.percent, estimated: d.cost.estimated }).toEqual({ before: 183_260_000_000, after: 149_940_000_000, saved: 33_320_000_000, percent: 18.18, estimated: true });
    expect(d.cost.detail!.after.caveats[0]).toBe('Phương án “Khai thác Căn cước” (dự kiến áp dụng từ ngày 01/01/2026) không nêu các hoạt động tuân thủ: để so sánh tương đương, chi phí của cả hai phiên bản được ước tính từ đặc tả; số liệu đã nêu của phiên bản có hiệu lực từ ngày 16/07/2020 không được dùng.');
  });

  it('measures a published baseline with no volumes by the proposal’s', async () => {
    const [v1, v2] = birthVersions();
    delete v1!.complianceCost;
    const proposal = { ...v2!, version: 'pa-2026', status: 'proposed' as const, proposal: { id: 'pa-khai-sinh', baseline: { code: '1.001193', version: 'v1' }, title: 'Khai thác Căn cước', rationale: 'NQ 66.7' }, complianceCost: { subjectsPerYear: { value: 1_400_000, source: 'phương án' } } };
    const d = await diff(costCatalogue([v1!, proposal]), 'pa-khai-sinh');
    // The same estimates as above, with the proposal's 1,400,000 subjects on both sides.
    expect({ before: d.cost.before, after: d.cost.after, percent: d.cost.percent, basis: d.cost.basis }).toEqual({ before: 183_260_000_000, after: 149_940_000_000, percent: 18.18, basis: 'per-year' });
    expect(d.cost.detail!.before.subjectsPerYear).toEqual({ value: 1_400_000, source: 'phương án', origin: 'counterpart' });
  });
});

describe('enterprise registration: 10 → 3 working days', () => {
  const catalogue = costCatalogue(enterpriseVersions());

  it('gives the time limits in one unit, the days saved and the percent', async () => {
    const d = await diff(catalogue, '2.001583@v2');
    expect(d.relation).toBe('successor');
    // 10 − 3 = 7 working days saved; 7 / 10 × 100 = 70.00%.
    expect({ unit: d.time.unit, before: d.time.before, after: d.time.after, saved: d.time.saved, percent: d.time.percent }).toEqual({ unit: 'working-days', before: 10, after: 3, saved: 7, percent: 70 });
    const time = d.changes.find((c) => c.area === 'time-limit')!;
    expect(time).toMatchObject({ kind: 'changed', classification: 'cut', property: 'value', before: { value: 10, unit: 'working-days' }, after: { value: 3, unit: 'working-days' } });
    expect(time.summary).toBe('Thời hạn giải quyết: 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ → 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.');
    expect(time.legalBasis).toEqual([{ document: '59/2020/QH14', article: '26', clause: '2' }, { document: '59/2020/QH14', article: '26' }]);
    // The in-person channel inherits the statutory limit: the same 7 days.
    expect(d.time.channels).toEqual([expect.objectContaining({ scope: 'in-person', before: 10, after: 3, saved: 7, percent: 70 })]);
  });

  it('keeps the compliance cost when only the agency’s time changes', async () => {
    const d = await diff(catalogue, '2.001583@v1', '2.001583@v2');
    // (2 + 3 + 4 + 2 + 2) h = 13 h × 23,800 = 309,400 đ + 50,000 đ lệ phí = 359,400 đ; × 150,000 = 53,910,000,000 đ, both sides.
    expect({ before: d.cost.before, after: d.cost.after, saved: d.cost.saved, percent: d.cost.percent }).toEqual({ before: 53_910_000_000, after: 53_910_000_000, saved: 0, percent: 0 });
    expect(d.fees).toMatchObject({ before: 50_000, after: 50_000, currency: 'VND' });
    // The legal basis list changed too: an editorial change.
    expect(d.changes.filter((c) => c.classification === 'editorial').map((c) => c.area)).toEqual(['legal-basis']);
  });
});

describe('a Hà Nội variant that commits to 30% less time than the law', () => {
  it('reports the shorter limits as tightenings, not a regression', async () => {
    const catalogue = costCatalogue(variantVersions());
    const d = await diff(catalogue, '1.100001.H01@v1');
    expect(d.relation).toBe('variant');
    // Statutory: 10 → 7 working days: 3 saved, 3 / 10 = 30.00%.
    expect({ before: d.time.before, after: d.time.after, saved: d.time.saved, percent: d.time.percent }).toEqual({ before: 10, after: 7, saved: 3, percent: 30 });
    // Online: the baseline's online channel has the statutory 10 days; the variant commits to 5: 50.00%.
    expect(d.time.channels.map((t) => [t.scope, t.before, t.after, t.saved, t.percent])).toEqual([
      ['in-person', 10, 7, 3, 30],
      ['online', 10, 5, 5, 50],
    ]);
    expect(d.changes.map((c) => [c.area, c.id, c.property, c.classification])).toEqual([
      ['time-limit', 'statutory', 'value', 'tightening'],
      ['time-limit', 'online', 'value', 'tightening'],
      ['channel', 'online', 'onlineService', 'tightening'],
      ['channel', 'online', 'onlinePayment', 'tightening'],
    ]);
    // Every change cites the variant's commitment.
    expect(d.changes.every((c) => c.legalBasis.some((r) => r.document === '1234/QĐ-UBND'))).toBe(true);
    expect(d.channels.find((c) => c.kind === 'online')).toEqual({ kind: 'online', before: { onlineService: 'partial', onlinePayment: false, timeLimit: expect.objectContaining({ value: 10 }) }, after: { onlineService: 'full', onlinePayment: true, timeLimit: expect.objectContaining({ value: 5 }) } });
    expect(d.regression).toBe(false);
    // Cost for Hà Nội's 50,000 applicants on both sides (estimated, in person): learn 1 + form 0.5 + 1 paper 1
    // + 2 trips × 2 = 6.5 h × 23,800 = 154,700 đ + 200,000 đ phí = 354,700 đ; × 1 × 50,000 = 17,735,000,000 đ.
    expect({ before: d.cost.before, after: d.cost.after, saved: d.cost.saved, estimated: d.cost.estimated }).toEqual({ before: 17_735_000_000, after: 17_735_000_000, saved: 0, estimated: true });
  });

  it('flags a variant that adds a document, a longer time or a higher fee as a regression', async () => {
    const [baseline, variant] = variantVersions({ timeLimit: { value: 12, unit: 'working-days', start: 'complete-dossier' }, fees: [{ id: 'phi', kind: 'phi', name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 250000 }] });
    variant!.dossier!.documents.push({ id: 'so-ho-khau', name: 'Sổ hộ khẩu', originals: 0, copies: 1 });
    const d = await diff(costCatalogue([baseline!, variant!]), '1.100001@v1', '1.100001.H01@v1');
    expect(d.regression).toBe(true);
    expect(d.changes.filter((c) => c.classification === 'addition').map((c) => [c.area, c.id])).toEqual([
      ['document', 'so-ho-khau'],
      ['time-limit', 'statutory'],
      ['fee', 'phi'],
      ['compliance-cost', 'complianceCost'],
    ]);
  });
});

describe('change classification and text', () => {
  const base = spec({});
  const other = spec({
    version: 'v2',
    status: 'proposed',
    supersedes: 'v1',
    effective: { from: '2026-07-01' },
    proposal: { id: 'pa-test', baseline: { code: '1.001193', version: 'v1' }, title: 'Thử', rationale: 'Thử' },
    steps: [{ ...base.steps![0]!, action: 'Nộp tờ khai; xuất trình giấy chứng sinh.' }, base.steps![1]!],
    dossier: {
      documents: [
        { ...base.dossier!.documents[0]!, originals: 1, copies: 1 },
        { ...base.dossier!.documents[1]!, originals: 0, copies: 1, certifiedCopy: true, when: { fact: 'channel', equals: 'in-person' } },
      ],
    },
  });

  it('classifies copies, certified copies and conditions, and diffs reworded text by word', async () => {
    const catalogue = costCatalogue([base, other]);
    const d = await diff(catalogue, 'pa-test');
    expect(d.relation).toBe('proposal');
    expect(d.changes.filter((c) => c.area !== 'compliance-cost').map((c) => [c.area, c.id, c.property, c.classification])).toEqual([
      ['document', 'to-khai', 'copies', 'addition'],
      ['document', 'giay-chung-sinh', 'copies', 'cut'],
      ['document', 'giay-chung-sinh', 'certifiedCopy', 'addition'],
      ['document', 'giay-chung-sinh', 'when', 'cut'],
      ['step', 'nop', 'action', 'editorial'],
    ]);
    // A copy more of the form is an addition; 1 original → 1 copy keeps the count with one original fewer (a cut),
    // but a certified copy is an addition; the paper is now needed only in person (a cut).
    expect(d.regression).toBe(true);
    expect(d.changes.find((c) => c.id === 'nop')!.textDiff).toEqual([
      { op: 'equal', text: 'Nộp tờ khai' },
      { op: 'delete', text: ' và' },
      { op: 'insert', text: '; xuất trình' },
      { op: 'equal', text: ' giấy chứng sinh.' },
    ]);
  });

  it('treats an original exchanged for a plain copy as a cut', async () => {
    const v2 = spec({ ...structuredClone(other), dossier: { documents: [base.dossier!.documents[0]!, { ...base.dossier!.documents[1]!, originals: 0, copies: 1 }] } });
    const d = await diff(costCatalogue([base, v2]), 'pa-test');
    expect(d.changes.filter((c) => c.area === 'document').map((c) => [c.id, c.property, c.classification, c.summary])).toEqual([
      ['giay-chung-sinh', 'copies', 'cut', 'Số lượng “Giấy chứng sinh”: 01 bản chính → 01 bản sao.'],
    ]);
    // Estimated, the copy costs more than the original: photocopying 0.25 h × 23,800 = 5,950 đ + 1,000 đ = 6,950 đ
    // a performance (4.5 h → 4.75 h). A rise that rests on estimates is for review, not a regression.
    const cost = d.changes.find((c) => c.area === 'compliance-cost')!;
    expect(cost).toMatchObject({ classification: 'addition', review: true });
    expect(d.cost.detail!.after.perPerformance - d.cost.detail!.before.perPerformance).toBe(6_950);
    expect(d.regression).toBe(false);
  });
});

describe('references', () => {
  const catalogue = costCatalogue(birthVersions());

  it('explains references it cannot resolve', async () => {
    await expect(resolveReference(catalogue, '1.001193')).rejects.toThrow('"1.001193" is a procedure, not a version');
    await expect(resolveReference(catalogue, '1.001193@v9')).rejects.toThrow('1.001193 has no version "v9"');
    await expect(resolveReference(catalogue, '1.001193@2019-01-01')).rejects.toThrow('not yet in force on 2019-01-01');
    await expect(resolveReference(catalogue, '1.001193@2025-02-30')).rejects.toThrow('1.001193@2025-02-30: 2025-02-30 is not a real date: February 2025 has 28 days.');
    await expect(resolveReference(catalogue, 'pa-khong-co')).rejects.toThrow('is neither a file');
    expect(() => baselineOf(catalogue, catalogue.byCode.get('1.001193')![0]!)).toThrow('is not a proposal or variant and supersedes no version');
  });
});

describe('citations in a diff (issue 18, point 10)', () => {
  it('cites each provision once, even when an item and the amending document name it with different notes', async () => {
    const [v1, v2] = birthVersions();
    // The look-up cites the same article as the amending document, once with a note: one citation, not two.
    v2!.dossier!.documents[2] = { ...v2!.dossier!.documents[2]!, lookup: { database: 'csdl-dan-cu', legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4', note: 'Khai thác Căn cước.' }, { document: '66.7/2025/NQ-CP', article: '4' }] } };
    const d = await diff(costCatalogue([v1!, v2!]), '1.001193@v1', '1.001193@v2');
    const lookup = d.changes.find((c) => c.kind === 'replaced-by-lookup')!;
    expect(lookup.legalBasis).toEqual([{ document: '66.7/2025/NQ-CP', article: '4', note: 'Khai thác Căn cước.' }]);
    // A different clause of the same article is a different provision and stays.
    v2!.dossier!.documents[2]!.lookup!.legalBasis = [{ document: '66.7/2025/NQ-CP', article: '4', clause: '2' }];
    const d2 = await diff(costCatalogue([v1!, v2!]), '1.001193@v1', '1.001193@v2');
    expect(d2.changes.find((c) => c.kind === 'replaced-by-lookup')!.legalBasis).toEqual([
      { document: '66.7/2025/NQ-CP', article: '4', clause: '2' },
      { document: '66.7/2025/NQ-CP', article: '4' },
    ]);
  });

  it('names a whole document beside one of its own provisions by the provision only: the law is not cited twice', async () => {
    const [v1, v2] = birthVersions();
    // The look-up cites Điều 4 of the resolution that is also the amending document, cited whole.
    v2!.changedBy = { legalBasis: [{ document: '66.7/2025/NQ-CP' }] };
    v2!.dossier!.documents[2] = { ...v2!.dossier!.documents[2]!, lookup: { database: 'csdl-dan-cu', legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] } };
    const d = await diff(costCatalogue([v1!, v2!]), '1.001193@v1', '1.001193@v2');
    expect(d.changeBasis).toEqual([{ document: '66.7/2025/NQ-CP' }]);
    expect(d.changes.find((c) => c.kind === 'replaced-by-lookup')!.legalBasis).toEqual([{ document: '66.7/2025/NQ-CP', article: '4' }]);
    // Another document, cited whole, stays beside it.
    v2!.changedBy = { legalBasis: [{ document: '66.7/2025/NQ-CP' }, { document: '04/2020/TT-BTP' }] };
    const d2 = await diff(costCatalogue([v1!, v2!]), '1.001193@v1', '1.001193@v2');
    expect(d2.changes.find((c) => c.kind === 'replaced-by-lookup')!.legalBasis).toEqual([{ document: '66.7/2025/NQ-CP', article: '4' }, { document: '04/2020/TT-BTP' }]);
  });

  it('on the bundled catalogue, no change of any consecutive pair cites a document twice (issue 18 point 10)', async () => {
    const { catalogue } = await loadCatalogue(path.join(REPO, 'catalogue'));
    let pairs = 0;
    for (const [code, versions] of catalogue.byCode) {
      for (const after of versions) {
        const before = after.data.supersedes ? versions.find((v) => v.data.version === after.data.supersedes) : undefined;
        if (!before || before.data.status === 'repealed' || after.data.status === 'repealed') continue;
        pairs++;
        const d = diffVersions(catalogue, { version: before, how: `${code}@${before.data.version}` }, { version: after, how: `${code}@${after.data.version}` });
        for (const c of d.changes) {
          const keys = c.legalBasis.map((r) => JSON.stringify([r.document, r.article ?? null, r.clause ?? null, r.point ?? null]));
          expect(new Set(keys).size, `${code} ${c.summary}`).toBe(keys.length);
          const whole = c.legalBasis.filter((r) => r.article === undefined && r.clause === undefined && r.point === undefined).map((r) => r.document);
          for (const w of whole) expect(c.legalBasis.filter((r) => r.document === w), `${code} ${c.summary}: ${w} cited whole and by a provision`).toHaveLength(1);
        }
      }
    }
    expect(pairs).toBeGreaterThan(20);
  });

  it('refuses to compare two different procedures, and still compares a variant with its baseline of another code', async () => {
    const catalogue = costCatalogue([...birthVersions(), ...variantVersions()]);
    await expect(diff(catalogue, '1.001193@v1', '1.100001@v1')).rejects.toMatchObject({ name: 'UsageError', id: 'diff.different-procedures', message: expect.stringContaining('1.001193@v1 and 1.100001@v1 are two different procedures') });
    const variant = await diff(catalogue, '1.100001@v1', '1.100001.H01@v1');
    expect(variant.relation).toBe('variant');
  });
});
