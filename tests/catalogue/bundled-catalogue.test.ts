import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateCatalogue, type ValidationResult } from '../../rules/validate/index.js';
import { findVersion, resolve } from '../../rules/compute/resolve.js';
import { inUnit } from '../../rules/compute/durations.js';
import type { Catalogue, LoadedVersion } from '../../rules/model/catalogue.js';
import type { Document, ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';

const CATALOGUE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../catalogue');

let result: ValidationResult;
let catalogue: Catalogue;

beforeAll(async () => {
  result = await validateCatalogue(CATALOGUE, { strict: true });
  catalogue = result.catalogue;
});

function inForce(code: string, date: string): ProcedureVersion {
  const r = resolve(catalogue, code, date);
  if (r.kind !== 'in-force') throw new Error(`${code} is ${r.kind} on ${date}`);
  return r.version.data;
}

function mustFind(code: string, version: string): LoadedVersion {
  const v = findVersion(catalogue, code, version);
  if (!v) throw new Error(`missing ${code}@${version}`);
  return v;
}

function documentById(v: ProcedureVersion, id: string): Document | undefined {
  return v.dossier?.documents.find((d) => d.id === id);
}

describe('the bundled catalogue', () => {
  it('validates with --strict: no errors, and the only warnings are unresolved-uncertainty suggestions', () => {
    // --strict makes warnings errors; the only warnings left are the unresolved uncertainties, which
    // are suggestions. (Every cited document has an effective date in the registry: the corrections of
    // 1.001193 and 1.004222 cite 281/2016/TT-BTC and 75/2022/TT-BTC, whose dates are flagged there as
    // not yet checked against Công báo.)
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(result.diagnostics.filter((d) => d.messageId === 'unknownEffective')).toEqual([]);
    expect(new Set(result.diagnostics.filter((d) => !d.blocksPublishing).map((d) => d.ruleId))).toEqual(new Set(['unresolved-uncertainty']));
    // What publish would refuse in a draft (issue 18, point 12): the draft 1.001865@v2 supersedes the
    // draft v1, so v1 must be published first.
    expect(result.diagnostics.filter((d) => d.blocksPublishing).map((d) => [d.file.replace(/^.*catalogue\//, ''), d.ruleId, d.pointer, d.severity])).toEqual([['procedures/1.001865/v2.json', 'supersedes-valid', '/supersedes', 'warning']]);
  });

  it('holds at least 15 procedure codes, every published one recorded in the lock file', () => {
    expect(catalogue.byCode.size).toBeGreaterThanOrEqual(15);
    const live = catalogue.versions.filter((v) => v.data.status === 'published' || v.data.status === 'repealed');
    const locked = new Set(catalogue.lock!.data.published.map((e) => `${e.code}@${e.version}`));
    for (const v of live) expect(locked.has(`${v.data.code}@${v.data.version}`)).toBe(true);
  });
});

describe('Nghị quyết 66.7/2025/NQ-CP replaces submitted papers with database look-ups from 2026-01-01', () => {
  it.each(['1.001193', '1.000894', '1.000656'])('%s keeps the Căn cước document, looked up in the population database, from 2026-01-01', (code) => {
    const before = inForce(code, '2025-12-31');
    const after = inForce(code, '2026-01-01');
    expect(documentById(before, 'giay-to-tuy-than')?.lookup).toBeUndefined();
    const id = documentById(after, 'giay-to-tuy-than');
    expect(id?.lookup?.database).toBe('csdl-dan-cu');
    expect(id?.lookup?.legalBasis.map((l) => l.document)).toContain('66.7/2025/NQ-CP');
    expect(after.supersedes).toBe(before.version);
    expect(after.changedBy?.legalBasis.map((l) => l.document)).toEqual(['66.7/2025/NQ-CP']);
  });

  it('1.004222 obtains proof of ownership from the land database from 2026-01-01', () => {
    expect(documentById(inForce('1.004222', '2025-12-31'), 'cho-o-hop-phap')?.lookup).toBeUndefined();
    expect(documentById(inForce('1.004222', '2026-01-01'), 'cho-o-hop-phap')?.lookup?.database).toBe('csdl-dat-dai');
  });

  it('1.001865 (a draft pending verification) replaces the judicial record with the judicial-record database', () => {
    const v2 = mustFind('1.001865', 'v2').data;
    expect(v2.status).toBe('draft');
    expect(documentById(mustFind('1.001865', 'v1').data, 'ly-lich-tu-phap')?.lookup).toBeUndefined();
    expect(documentById(v2, 'ly-lich-tu-phap')?.lookup?.database).toBe('csdl-ly-lich-tu-phap');
  });
});

describe('history of time limits', () => {
  it('birth registration is same-day; marriage takes up to 5 working days when verification is needed', () => {
    expect(inForce('1.001193', '2024-06-03').timeLimit).toMatchObject({ value: 0, unit: 'working-days' });
    const marriage = inForce('1.000894', '2024-06-03').timeLimit!;
    expect(marriage).toMatchObject({ value: 0, unit: 'working-days' });
    expect(marriage.cases).toEqual([expect.objectContaining({ when: { fact: 'canXacMinh', equals: true }, value: 5, unit: 'working-days' })]);
  });

  it('enterprise registration: 10 working days under the 2005 law, 3 under the 2014 and 2020 laws', () => {
    expect(inForce('2.001583', '2010-03-01').timeLimit).toMatchObject({ value: 10, unit: 'working-days' });
    expect(inForce('2.001583', '2016-03-01').timeLimit).toMatchObject({ value: 3, unit: 'working-days' });
    expect(inForce('2.001583', '2022-03-01').timeLimit).toMatchObject({ value: 3, unit: 'working-days' });
    for (const version of ['v2006', 'v2015']) expect(mustFind('2.001583', version).data.complianceCost?.activities?.length).toBeGreaterThan(0);
  });

  it('enterprise registration moves from the planning department to the finance department in March 2025', () => {
    expect(inForce('2.001583', '2025-02-28').agencies.implementing).toEqual(['phong-dkkd-so-khdt']);
    expect(inForce('2.001583', '2025-03-01').agencies.implementing).toEqual(['phong-dkkd-so-tc']);
    expect(catalogue.registry.agencies.byId.get('phong-dkkd-so-khdt')?.successor).toBe('phong-dkkd-so-tc');
  });

  it('permanent residence: 15 days under the 2006 law, then 7 working days from 2021-07-01', () => {
    expect(inForce('1.004222', '2021-06-30').timeLimit).toMatchObject({ value: 15, unit: 'days' });
    expect(inForce('1.004222', '2021-07-01').timeLimit).toMatchObject({ value: 7, unit: 'working-days' });
  });

  it('the construction permit moves from the district to the commune on 2025-07-01', () => {
    expect(inForce('1.013225', '2025-06-30').levels).toEqual(['district']);
    expect(inForce('1.013225', '2025-07-01').levels).toEqual(['commune']);
    expect(inForce('1.013225', '2025-07-01').agencies.implementing).toEqual(['ubnd-xa']);
  });
});

describe('judicial record certificate (2.000488)', () => {
  const fee = (id: string) => inForce('2.000488', '2024-06-03').fees.find((f) => f.id === id)!;

  it('charges 200,000 đồng, or 100,000 đồng for students and people with meritorious service, as a phí', () => {
    expect(fee('phi-co-ban')).toMatchObject({ kind: 'phi', amount: 200000, when: { fact: 'doiTuongPhi', equals: 'thong-thuong' } });
    expect(fee('phi-uu-dai')).toMatchObject({ kind: 'phi', amount: 100000, when: { fact: 'doiTuongPhi', in: ['sinh-vien', 'nguoi-co-cong', 'than-nhan-liet-si'] } });
    expect(fee('phi-co-ban').legalBasis?.[0]?.document).toBe('244/2016/TT-BTC');
  });

  it('adds 5,000 đồng per certificate from the third one', () => {
    expect(fee('phi-phieu-them')).toMatchObject({ amount: 5000, quantity: { fact: 'copies', offset: -2, min: 0 } });
  });

  it('exempts children, the elderly, people with disabilities, poor households and residents of extremely difficult communes', () => {
    for (const id of ['phi-co-ban', 'phi-uu-dai', 'phi-phieu-them']) {
      expect(fee(id).exemptions?.[0]?.when).toEqual({ fact: 'doiTuongMien', in: ['tre-em', 'nguoi-cao-tuoi', 'nguoi-khuyet-tat', 'ho-ngheo', 'vung-dac-biet-kho-khan'] });
    }
  });

  it('allows 10 days, 15 in complex cases', () => {
    const t = inForce('2.000488', '2024-06-03').timeLimit!;
    expect(t).toMatchObject({ value: 10, unit: 'days' });
    expect(t.cases?.[0]).toMatchObject({ value: 15, unit: 'days' });
  });

  it('is abolished from 2026-07-01 by the amended Law on Judicial Records; the police procedure 3.000333 is a draft', () => {
    const r = resolve(catalogue, '2.000488', '2026-07-01');
    expect(r.kind).toBe('repealed');
    if (r.kind === 'repealed') expect(r.tombstone.data.changedBy?.legalBasis[0]?.document).toBe('107/2025/QH15');
    expect(inForce('2.000488', '2026-06-30').version).toBe('v2');
    expect(mustFind('3.000333', 'v1').data.status).toBe('draft');
  });
});

describe('local variant and simplification proposals', () => {
  it('the Hà Nội variant commits to exactly 70% of its published baseline’s time limit', () => {
    const variant = inForce('2.000488.H26', '2025-01-02');
    const ref = variant.variant!.baseline;
    const baseline = mustFind(ref.code, ref.version).data;
    expect(baseline.status).toBe('published');
    expect(variant.timeLimit!.unit).toBe(baseline.timeLimit!.unit);
    expect(variant.timeLimit!.value * 10).toBe(baseline.timeLimit!.value * 7);
    expect(inUnit(variant.timeLimit!, baseline.timeLimit!.unit)).toBe(7);
    expect(variant.complianceCost?.activities?.length).toBeGreaterThan(0);
    expect(baseline.complianceCost?.activities?.length).toBeGreaterThan(0);
    expect(variant.notes?.some((n) => n.kind === 'info' && n.text.includes('minh họa'))).toBe(true);
  });

  it('has at least two proposals, each superseding a published baseline and naming the documents to amend', () => {
    const proposals = catalogue.versions.filter((v) => v.data.status === 'proposed');
    expect(proposals.length).toBeGreaterThanOrEqual(2);
    for (const p of proposals) {
      const { code, version } = p.data.proposal!.baseline;
      expect(code).toBe(p.data.code);
      expect(p.data.supersedes).toBe(version);
      expect(mustFind(code, version).data.status).toBe('published');
      expect(p.data.proposal!.amends?.length).toBeGreaterThan(0);
    }
    const residence = mustFind('1.004222', 'pa-2026').data;
    expect(residence.timeLimit).toMatchObject({ value: 5, unit: 'working-days' });
    const company = mustFind('2.002043', 'pa-2026').data;
    expect(company.fees.map((f) => f.id)).toEqual(['le-phi-dang-ky']);
  });
});

describe('compliance-cost inputs', () => {
  it('1.001193 carries cost inputs in its 2025 and 2026 versions, every number with a source', () => {
    for (const date of ['2025-06-02', '2026-01-01']) {
      const cost = inForce('1.001193', date).complianceCost!;
      expect(cost.hourlyIncome).toBe('thu-nhap-binh-quan-2024');
      expect(cost.subjectsPerYear?.source).toMatch(/\S/);
      for (const a of cost.activities ?? []) expect(a.source).toMatch(/\S/);
    }
  });

  it('the default hourly income is 7,700,000 đồng ÷ 176 hours = 43,750 đồng', () => {
    const income = [...catalogue.registry.hourlyIncomes.byId.values()].find((h) => h.default);
    expect(income?.amount).toBe(43750);
    expect(Math.round(7_700_000 / (22 * 8))).toBe(income?.amount);
  });
});
