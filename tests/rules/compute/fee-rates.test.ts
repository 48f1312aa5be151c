import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../rules/load/catalogue.js';
import { type Catalogue } from '../../../rules/model/catalogue.js';
import { prepareApplication } from '../../../rules/compute/application.js';
import { computeFees } from '../../../rules/compute/fees.js';
import { requiredDocuments } from '../../../rules/compute/dossier.js';

const CATALOGUE = new URL('../../../catalogue', import.meta.url).pathname;
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = (await loadCatalogue(CATALOGUE)).catalogue;
});
const fees = (code: string, date: string, channel?: string) => computeFees(prepareApplication(catalogue, { code, date, channel }));

describe('Thông tư 64/2025/TT-BTC as a dated fee rate (registry feeRates), the published versions untouched', () => {
  it('2.002043 on 2026-03-01 in person: lệ phí 50% × 50.000 = 25.000 đ, plus phí công bố 100.000 đ = 125.000 đ (issue 20: was 150.000)', () => {
    const r = fees('2.002043', '2026-03-01', 'in-person');
    const lePhi = r.lines.find((l) => l.id === 'le-phi-dang-ky')!;
    expect(lePhi.rate).toMatchObject({ percent: 50, baseAmount: 50_000, document: '64/2025/TT-BTC', from: '2025-07-01', until: '2026-12-31' });
    expect(lePhi.unitAmount).toBe(25_000); // 50.000 × 50 / 100
    expect(lePhi.amount).toBe(25_000);
    expect(lePhi.legalBasis.map((b) => b.document)).toEqual(['47/2019/TT-BTC', '64/2025/TT-BTC']);
    expect(lePhi.explanation).toContain('50% of 50.000');
    expect(r.totals).toEqual([{ currency: 'VND', amount: 125_000 }]); // 25.000 + 100.000
  });

  it('the period is 01/07/2025–31/12/2026: the day before and the day after, the full 50.000 đ', () => {
    expect(fees('2.001583', '2025-06-30', 'in-person').totals[0]!.amount).toBe(150_000); // 50.000 + 100.000
    expect(fees('2.001583', '2025-07-01', 'in-person').totals[0]!.amount).toBe(125_000); // 25.000 + 100.000
    expect(fees('2.002043', '2026-12-31', 'in-person').totals[0]!.amount).toBe(125_000);
    expect(fees('2.002043', '2027-01-01', 'in-person').totals[0]!.amount).toBe(150_000);
  });

  it('by post the same rate applies (the lệ phí is due there too); online the lệ phí is not charged at all', () => {
    expect(fees('2.002043', '2026-03-01', 'postal').totals[0]!.amount).toBe(125_000);
    const online = fees('2.002043', '2026-03-01', 'online');
    expect(online.lines.find((l) => l.id === 'le-phi-dang-ky')!.status).toBe('not-applicable');
    expect(online.totals[0]!.amount).toBe(100_000);
  });

  it('applies to every business-registration procedure charging that lệ phí under 47/2019/TT-BTC', () => {
    for (const code of ['2.001583', '2.001199', '2.002042', '2.001610']) {
      const line = fees(code, '2026-03-01', 'in-person').lines.find((l) => l.id === 'le-phi-dang-ky');
      if (line) expect(line.amount, code).toBe(25_000);
    }
  });

  it('shows the spec’s notes on what is not modelled beside the fees and the dossier', () => {
    const r = fees('2.002043', '2026-03-01', 'in-person');
    expect(r.notes.some((n) => n.kind === 'uncertain' && n.pointer === '/fees')).toBe(true);
    const d = requiredDocuments(catalogue, prepareApplication(catalogue, { code: '2.002043', date: '2026-03-01' }));
    expect(d.notes.some((n) => n.text.includes('168/2025/NĐ-CP'))).toBe(true);
    expect(d.notes.every((n) => n.kind !== 'editorial')).toBe(true);
  });
});
