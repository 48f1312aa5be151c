import { describe, expect, it } from 'vitest';
import { complianceCost, CostInputError } from '../../../rules/compute/compliance-cost.js';
import { costCatalogue, costRegistry, spec } from '../../helpers/cost.js';

const registry = costCatalogue([spec({})]).registry;

describe('compliance cost with stated inputs (TT 02/2017/TT-VPCP Art. 27)', () => {
  it('sums hours × hourly income, fees and other costs, then × times × subjects', () => {
    const v = spec({
      complianceCost: {
        subjectsPerYear: { value: 1_400_000, source: 'Tổng cục Thống kê: khoảng 1,4 triệu trẻ sinh một năm' },
        timesPerYear: { value: 1, source: 'một lần cho mỗi trẻ' },
        activities: [
          { activity: 'learn', hours: 0.5 },
          { activity: 'fill-forms', hours: 0.5 },
          { activity: 'collect-papers', hours: 1.5 },
          { activity: 'travel-submit', hours: 2 },
        ],
        otherCosts: [{ label: 'Sao chụp', amount: 1000, source: 'giá phổ biến' }],
      },
      fees: [{ id: 'le-phi', kind: 'le-phi', name: 'Lệ phí', amount: 8000 }],
    });
    const cost = complianceCost(v, registry);
    // Hours: 0.5 + 0.5 + 1.5 + 2 = 4.5 h; × 23,800 đ/h = 107,100 đ.
    expect(cost.hours).toBe(4.5);
    expect(cost.timeCost).toBe(107_100);
    expect(cost.activities.map((a) => a.cost)).toEqual([11_900, 11_900, 35_700, 47_600]);
    // One performance: 107,100 + 8,000 (lệ phí) + 1,000 (sao chụp) = 116,100 đ.
    expect(cost.feeTotal).toBe(8_000);
    expect(cost.otherTotal).toBe(1_000);
    expect(cost.perPerformance).toBe(116_100);
    // One year: 116,100 × 1 × 1,400,000 = 162,540,000,000 đ.
    expect(cost.perYear).toBe(162_540_000_000);
    expect(cost.estimated).toBe(false);
    expect(cost.assumptions).toEqual([]);
    expect(cost.hourlyIncome).toMatchObject({ amount: 23_800, source: 'Nghị định 74/2024/NĐ-CP, Điều 3', date: '2024-07-01' });
  });

  it('keeps decimals exact and rounds once, half away from zero', () => {
    const v = spec({ complianceCost: { subjectsPerYear: { value: 3, source: 's' }, timesPerYear: { value: 1, source: 't' }, activities: [{ activity: 'learn', hours: 0.3935 }] } });
    const cost = complianceCost(v, registry);
    // 0.3935 h × 23,800 = 9,365.3 đ → 9,365 per performance; a year: 9,365.3 × 3 = 28,095.9 → 28,096
    // (not 9,365 × 3 = 28,095: the year is computed from the exact cost, then rounded).
    expect(cost.perPerformance).toBe(9_365);
    expect(cost.perYear).toBe(28_096);
  });

  it('falls back to the baseline’s volumes, and reports a missing number of subjects', () => {
    const v = spec({ complianceCost: { activities: [{ activity: 'learn', hours: 1 }] } });
    const withFallback = complianceCost(v, registry, { fallback: { subjectsPerYear: { value: 10, source: 'baseline' }, timesPerYear: { value: 2, source: 'baseline' } } });
    // 1 h × 23,800 = 23,800 đ; × 2 × 10 = 476,000 đ.
    expect(withFallback.perYear).toBe(476_000);
    expect(withFallback.timesPerYear).toEqual({ value: 2, source: 'baseline', origin: 'counterpart' });
    expect(withFallback.estimated).toBe(false);
    const alone = complianceCost(v, registry);
    expect(alone.perYear).toBeUndefined();
    expect(alone.timesPerYear.origin).toBe('estimate');
    expect(alone.estimated).toBe(true);
    expect(alone.caveats.some((c) => c.endsWith('không nêu số đối tượng thực hiện một năm: chỉ tính được chi phí một lần thực hiện.'))).toBe(true);
  });

  it('leaves out a fee whose amount each province sets, and says so', () => {
    const v = spec({
      complianceCost: { activities: [{ activity: 'learn', hours: 1 }] },
      fees: [
        { id: 'le-phi', kind: 'le-phi', name: 'Lệ phí đăng ký cư trú', variable: { setBy: 'provincial-council' } },
        { id: 'phi', kind: 'phi', name: 'Phí', amount: 10000 },
      ],
    });
    const cost = complianceCost(v, registry);
    // 1 h × 23,800 + 10,000 đ; the provincial fee is not guessed.
    expect(cost.perPerformance).toBe(33_800);
    expect(cost.caveats[0]).toBe('Khoản “Lệ phí đăng ký cư trú” không có mức thu chung (do Hội đồng nhân dân cấp tỉnh quy định); không được tính.');
  });

  it('refuses to guess an hourly income', () => {
    const bare = costCatalogue([spec({})], costRegistry({ hourlyIncomes: [] })).registry;
    expect(() => complianceCost(spec({}), bare)).toThrow(CostInputError);
    expect(() => complianceCost(spec({ complianceCost: { hourlyIncome: 'khong-co' } }), registry)).toThrow(/names the hourly income "khong-co"/);
  });
});

describe('compliance cost estimated from the spec', () => {
  it('estimates the base birth registration: a form, one paper, one trip, result the same day', () => {
    const cost = complianceCost(spec({}), registry);
    // learn 1 h + fill 1 form × 0.5 h + collect 1 paper × 1 h + 1 trip × 2 h (same-day result: no second trip) = 4.5 h.
    expect(cost.activities.map((a) => [a.activity, a.hours])).toEqual([
      ['learn', 1],
      ['fill-forms', 0.5],
      ['collect-papers', 1],
      ['travel-submit', 2],
    ]);
    // 4.5 h × 23,800 = 107,100 đ; free procedure, no copies.
    expect(cost.perPerformance).toBe(107_100);
    expect(cost.estimated).toBe(true);
    expect(cost.channel).toBe('in-person');
    // Its only channel is in person, so no channel order is assumed.
    expect(cost.channelBasis).toBe('only-channel');
    expect(cost.assumptions.map((a) => a.parameter)).toEqual(['collectHoursPerDocument', 'hoursPerForm', 'learnHours', 'timesPerYear', 'tripHours']);
  });

  const dossier = {
    facts: [{ id: 'laCanBo', type: 'boolean', label: 'Là cán bộ', default: false }],
    timeLimit: { value: 5, unit: 'working-days', start: 'complete-dossier' },
    dossier: {
      documents: [
        { id: 'to-khai', name: 'Tờ khai', originals: 1, copies: 0, form: 'tk' },
        { id: 'giay-a', name: 'Giấy A', originals: 1, copies: 0 },
        { id: 'giay-b', name: 'Giấy B', originals: 0, copies: 2, certifiedCopy: true },
        { id: 'giay-c', name: 'Giấy C (chỉ cán bộ)', originals: 1, copies: 0, when: { fact: 'laCanBo', equals: true } },
        { id: 'can-cuoc', name: 'Căn cước', originals: 0, copies: 0, lookup: { database: 'csdl-dan-cu', legalBasis: [{ document: '66.7/2025/NQ-CP' }] } },
      ],
    },
    forms: [{ id: 'tk', name: 'Tờ khai' }],
    formFields: [
      ...Array.from({ length: 9 }, (_, i) => ({ id: `f${i}`, label: `Trường ${i}`, type: 'text' })),
      { id: 'chucVu', label: 'Chức vụ', type: 'text', when: { fact: 'laCanBo', equals: true } },
    ],
    fees: [
      { id: 'le-phi', kind: 'le-phi', name: 'Lệ phí', amount: 50000, channels: ['in-person', 'postal'] },
      { id: 'le-phi-online', kind: 'le-phi', name: 'Lệ phí nộp trực tuyến', amount: 25000, channels: ['online'] },
      { id: 'phi-usd', kind: 'phi', name: 'Phí cho người nước ngoài', amount: 5, currency: 'USD' },
    ],
  };

  it('counts the paper form once (not its online fields), papers, copies, certified copies and both trips in person', () => {
    const cost = complianceCost(spec({ ...dossier, channels: [{ kind: 'in-person' }] }), registry);
    // Supplied: tờ khai (form), giấy A, giấy B (2 certified copies); giấy C's condition is false by default; Căn cước is looked up.
    // learn 1 + fill the paper form 1 × 0.5 (the 9 online fields are the same declaration, not counted in person)
    // + collect 2 × 1 + photocopy 2 × 0.25 + certify 2 × 1 + submit trip 2 + result trip 2 (5 working days) = 10 h.
    expect(cost.hours).toBe(10);
    expect(cost.activities.find((a) => a.activity === 'fill-forms')).toMatchObject({ hours: 0.5, label: 'Điền 1 tờ khai giấy' });
    // 10 × 23,800 = 238,000 đ.
    expect(cost.timeCost).toBe(238_000);
    // Other: 2 copies × 1,000 + 2 certifications × 2,000 = 6,000 đ. Fee: 50,000 đ in person; the USD fee is left out.
    expect(cost.otherCosts.map((o) => [o.id, o.amount])).toEqual([
      ['photocopy', 2_000],
      ['certification', 4_000],
    ]);
    expect(cost.feeTotal).toBe(50_000);
    expect(cost.caveats).toEqual(['Khoản “Phí cho người nước ngoài” tính bằng USD; không được cộng vào chi phí bằng đồng.', 'Phiên bản có hiệu lực từ ngày 16/07/2020 không nêu số đối tượng thực hiện một năm: chỉ tính được chi phí một lần thực hiện.']);
    // 238,000 + 50,000 + 6,000 = 294,000 đ.
    expect(cost.perPerformance).toBe(294_000);
  });

  it('uses the spec’s volumes with estimated activities', () => {
    const cost = complianceCost(spec({ ...dossier, channels: [{ kind: 'in-person' }], complianceCost: { subjectsPerYear: { value: 1000, source: 's' }, timesPerYear: { value: 2, source: 't' } } }), registry);
    // 294,000 × 2 × 1,000 = 588,000,000 đ.
    expect(cost.perYear).toBe(588_000_000);
    expect(cost.estimated).toBe(true);
  });

  it('prices the trips of each channel', () => {
    const postal = complianceCost(spec({ ...dossier, channels: [{ kind: 'postal' }] }), registry);
    // Paper form: 1 + 0.5 + 2 + 0.5 + 2 + 1 h at the post office = 7 h × 23,800 = 166,600; + 6,000 + 30,000 postage + 50,000 fee = 252,600.
    expect(postal.perPerformance).toBe(252_600);
    const full = complianceCost(spec({ ...dossier, channels: [{ kind: 'online', onlineService: 'full' }] }), registry);
    // Online form: 9 fields × 0.05 = 0.45 h instead of the paper form; no trips: 1 + 0.45 + 2 + 0.5 + 2 = 5.95 h × 23,800 = 141,610;
    // + 6,000 + 25,000 online fee = 172,610.
    expect(full.activities.find((a) => a.activity === 'fill-forms')).toMatchObject({ hours: 0.45, label: 'Điền tờ khai điện tử: 9 trường thông tin' });
    expect(full.perPerformance).toBe(172_610);
    const partial = complianceCost(spec({ ...dossier, channels: [{ kind: 'online', onlineService: 'partial' }] }), registry);
    // Một phần: one trip to finish at the desk: 5.95 + 2 = 7.95 h × 23,800 = 189,210; + 6,000 + 25,000 = 220,210.
    expect(partial.perPerformance).toBe(220_210);
    // With every channel offered, the estimate assumes the first of channelOrder: in person.
    const all = complianceCost(spec({ ...dossier, channels: [{ kind: 'online', onlineService: 'full' }, { kind: 'postal' }, { kind: 'in-person' }] }), registry);
    expect([all.channel, all.channelBasis]).toEqual(['in-person', 'channel-order']);
    expect(all.perPerformance).toBe(294_000);
    // Asked for a channel, the same spec is costed on that channel (the figures above, from one spec).
    expect(complianceCost(spec({ ...dossier, channels: [{ kind: 'online', onlineService: 'full' }, { kind: 'postal' }, { kind: 'in-person' }] }), registry, { channel: 'online' }).perPerformance).toBe(172_610);
    expect(complianceCost(spec({ ...dossier, channels: [{ kind: 'online', onlineService: 'full' }, { kind: 'postal' }, { kind: 'in-person' }] }), registry, { channel: 'postal' }).perPerformance).toBe(252_600);
    expect(() => complianceCost(spec({ ...dossier, channels: [{ kind: 'in-person' }] }), registry, { channel: 'online' })).toThrow(CostInputError);
  });

  it('weighs each channel by the mix the spec states', () => {
    const v = spec({
      ...dossier,
      channels: [{ kind: 'online', onlineService: 'full' }, { kind: 'postal' }, { kind: 'in-person' }],
      complianceCost: {
        subjectsPerYear: { value: 1000, source: 's' },
        timesPerYear: { value: 1, source: 't' },
        channelMix: [
          { channel: 'in-person', share: 50, source: 'thống kê kiểm thử' },
          { channel: 'online', share: 40, source: 'thống kê kiểm thử' },
          { channel: 'postal', share: 10, source: 'thống kê kiểm thử' },
        ],
      },
    });
    const cost = complianceCost(v, registry);
    expect([cost.channel, cost.channelBasis]).toEqual([undefined, 'mix']);
    expect(cost.mix!.map((m) => [m.channel, m.share, m.perPerformance])).toEqual([
      ['in-person', 50, 294_000],
      ['online', 40, 172_610],
      ['postal', 10, 252_600],
    ]);
    // 0.5 × 294,000 + 0.4 × 172,610 + 0.1 × 252,600 = 147,000 + 69,044 + 25,260 = 241,304 đ a filing;
    // a year: 0.5 × 294,000,000 + 0.4 × 172,610,000 + 0.1 × 252,600,000 = 241,304,000 đ.
    expect(cost.perPerformance).toBe(241_304);
    expect(cost.perYear).toBe(241_304_000);
    const bad = spec({ ...v, complianceCost: { channelMix: [{ channel: 'in-person', share: 60, source: 's' }, { channel: 'online', share: 30, source: 's' }] } });
    expect(() => complianceCost(bad, registry)).toThrow(/add up to 90%, not 100%/);
  });
});
