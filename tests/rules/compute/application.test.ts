import { describe, expect, it } from 'vitest';
import { catalogueFromObjects } from '../../../rules/load/in-memory.js';
import { applicableTimeLimit, prepareApplication, type ApplicationRequest } from '../../../rules/compute/application.js';
import { computeFees } from '../../../rules/compute/fees.js';
import { requiredDocuments } from '../../../rules/compute/dossier.js';
import { dueDateForApplication } from '../../../rules/compute/deadlines.js';
import { evaluateCondition, parseFactValue } from '../../../rules/compute/conditions.js';
import { UsageError } from '../../../rules/errors.js';
import { applicantRegistry, applicantVersions } from '../../helpers/applicant-fixture.js';
import { vnCalendar } from '../../helpers/calendar.js';

const { catalogue, diagnostics } = catalogueFromObjects({ versions: applicantVersions(), registry: applicantRegistry() });
const app = (request: Partial<ApplicationRequest> & { code: string }) => prepareApplication(catalogue, { date: '2025-06-02', ...request });
const fees = (facts: Record<string, string> = {}, channel?: string) => computeFees(app({ code: '1.001416', facts, channel }));

describe('the fixture', () => {
  it('is schema-valid', () => expect(diagnostics).toEqual([]));
});

describe('fees for an applicant', () => {
  it('judicial record: 200,000 by default, one copy', () => {
    const r = fees();
    expect(r.totals).toEqual([{ currency: 'VND', amount: 200000 }]);
    expect(r.lines.map((l) => [l.id, l.status, l.amount])).toEqual([
      ['phi', 'due', 200000],
      ['phi-sinh-vien', 'not-applicable', 0],
      ['phi-ban-them', 'due', 0],
      ['cuoc-buu-chinh', 'not-applicable', 0],
    ]);
    expect(r.lines[1]?.explanation).toBe('Applies only when doiTuong = sinhVien.');
    expect(r.application.facts.map((f) => `${f.id}=${String(f.value)}:${f.source}`)).toEqual(['channel=in-person:default', 'doiTuong=thuong:default', 'soBan=1:default', 'phucTap=false:default']);
  });

  it('students pay 100,000; +5,000 per copy from the 3rd', () => {
    expect(fees({ doiTuong: 'sinhVien' }).totals[0]?.amount).toBe(100000);
    expect(fees({ soBan: '2' }).totals[0]?.amount).toBe(200000);
    const five = fees({ soBan: '5' });
    expect(five.totals[0]?.amount).toBe(215000);
    expect(five.lines.find((l) => l.id === 'phi-ban-them')).toMatchObject({ quantity: 3, amount: 15000, explanation: '5.000 đồng/Phiếu × 3 (soBan = 5, − 2, at least 0) = 15.000 đồng.' });
    expect(fees({ doiTuong: 'sinhVien', soBan: '3' }).totals[0]?.amount).toBe(105000);
  });

  it('applies an exemption and explains it', () => {
    const r = fees({ doiTuong: 'treEm' });
    expect(r.totals[0]?.amount).toBe(0);
    expect(r.lines[0]).toMatchObject({ status: 'exempt', amount: 0, explanation: 'Exempt: Trẻ em; người có công với cách mạng.', exemption: { legalBasis: [{ document: '244/2016/TT-BTC', article: '5' }] } });
  });

  it('charges per channel', () => {
    expect(fees({}, 'postal').totals[0]?.amount).toBe(230000);
  });

  it('refuses unknown facts and wrong values in one clear sentence', () => {
    expect(() => fees({ soban: '3' })).toThrow(expect.objectContaining({ name: 'UsageError', message: '1.001416@v1 has no fact "soban". Did you mean "soBan"? Its facts are: doiTuong, soBan, phucTap.' }));
    expect(() => fees({ soBan: 'ba' })).toThrow('The fact "soBan" (Số Phiếu yêu cầu cấp) takes a whole number from 1 to 50, got "ba".');
    expect(() => fees({ soBan: '0' })).toThrow(/from 1 to 50, got "0"/);
    expect(() => fees({ doiTuong: 'sinhvien' })).toThrow(/takes one of thuong, sinhVien, nguoiCoCong, treEm, got "sinhvien". Did you mean "sinhVien"\?/);
    expect(() => fees({}, 'email')).toThrow('Unknown channel "email": use in-person, online, postal.');
  });
});

describe('documents for an applicant', () => {
  it('birth registration before 2026: the Căn cước is shown at the desk', () => {
    const r = requiredDocuments(catalogue, app({ code: '1.001193', date: '2025-12-31' }));
    expect(r.application.version).toBe('v1');
    expect(r.documents.map((d) => [d.id, d.status])).toEqual([
      ['to-khai', 'submit'],
      ['giay-chung-sinh', 'submit'],
      ['can-cuoc', 'present'],
    ]);
  });

  it('birth registration from 2026-01-01 (Nghị quyết 66.7/2025): the Căn cước is looked up in the population database', () => {
    const r = requiredDocuments(catalogue, app({ code: '1.001193', date: '2026-01-01' }));
    expect(r.application.version).toBe('v2');
    expect(r.documents.map((d) => [d.id, d.status])).toEqual([
      ['to-khai', 'submit'],
      ['giay-chung-sinh', 'submit'],
      ['van-ban-lam-chung', 'not-required'],
      ['can-cuoc', 'looked-up'],
    ]);
    expect(r.documents[3]).toMatchObject({ lookup: { database: 'csdl-dan-cu', databaseName: 'Cơ sở dữ liệu quốc gia về dân cư' }, explanation: 'Not needed from the applicant: the office gets it from Cơ sở dữ liệu quốc gia về dân cư.' });
    const witness = requiredDocuments(catalogue, app({ code: '1.001193', date: '2026-01-01', facts: { coGiayChungSinh: 'không' } }));
    expect(witness.documents.filter((d) => d.status === 'submit').map((d) => d.id)).toEqual(['to-khai', 'van-ban-lam-chung']);
  });
});

describe('the time limit for an application', () => {
  it('takes the channel’s own limit, else the procedure’s, then the first case that holds', () => {
    expect(applicableTimeLimit(app({ code: '1.001416' }))).toMatchObject({ value: 10, unit: 'working-days', from: 'procedure', case: null, text: '10 ngày làm việc' });
    expect(applicableTimeLimit(app({ code: '1.001416', facts: { phucTap: 'true' } }))).toMatchObject({ value: 15, case: 'trường hợp phức tạp cần xác minh' });
    expect(applicableTimeLimit(app({ code: '1.001416', channel: 'online' }))).toMatchObject({ value: 8, from: 'channel' });
  });

  it('counts it from the submission over the calendar: 10 working days across Tết 2025', () => {
    const r = dueDateForApplication(vnCalendar(), app({ code: '1.001416', date: '2025-01-20' }), { from: '2025-01-20' });
    // 21, 22, 23, 24/01, then 03, 04, 05, 06, 07, 10/02.
    expect(r.result.due).toBe('2025-02-10');
    expect(r.startNote).toMatch(/complete, valid dossier/);
  });
});

describe('the version in force', () => {
  it('answers clearly when nothing is in force', () => {
    expect(() => app({ code: '1.001416', date: '2026-07-01' })).toThrow('1.001416 is repealed on 2026-07-01: abolished from 2026-07-01 by 107/2025/QH15 (version v2).');
    expect(() => app({ code: '2.000001' })).toThrow('2.000001 is not yet in force on 2025-06-02: its first published version, v1, takes effect on 2030-01-01.');
    expect(() => app({ code: '1.001194' })).toThrow('There is no procedure 1.001194 in the catalogue. Did you mean "1.001193"?');
    expect(() => app({ code: '1.001193', channel: 'postal' })).toThrow('1.001193@v1 cannot be filed by post; it offers in-person.');
  });
});

describe('conditions', () => {
  const values = new Map<string, string | number | boolean>([['a', true], ['n', 3]]);
  it('are three-valued: unknown facts only matter when they decide the answer', () => {
    expect(evaluateCondition({ any: [{ fact: 'a', equals: true }, { fact: 'x', equals: 1 }] }, values)).toBe(true);
    expect(evaluateCondition({ all: [{ fact: 'a', equals: false }, { fact: 'x', equals: 1 }] }, values)).toBe(false);
    expect(evaluateCondition({ all: [{ fact: 'a', equals: true }, { fact: 'x', equals: 1 }] }, values)).toBeUndefined();
    expect(evaluateCondition({ not: { fact: 'n', gte: 3 } }, values)).toBe(false);
    expect(evaluateCondition({ fact: 'n', in: [1, 2] }, values)).toBe(false);
  });

  it('read booleans in English or Vietnamese', () => {
    const def = { id: 'b', type: 'boolean', label: 'B' } as const;
    expect(['true', 'yes', '1', 'có', 'Có'].map((v) => parseFactValue(def, v))).toEqual([true, true, true, true, true]);
    expect(['false', 'no', '0', 'không'].map((v) => parseFactValue(def, v))).toEqual([false, false, false, false]);
    expect(() => parseFactValue(def, 'maybe')).toThrow('The fact "b" (B) takes true or false, got "maybe".');
  });
});
