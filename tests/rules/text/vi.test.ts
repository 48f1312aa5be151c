import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../rules/lint/condition-facts.js';
import { citeDocument, citeRef } from '../../../rules/text/vi/citations.js';
import { formatCase } from '../../../rules/text/vi/conditions.js';
import { formatPeriod } from '../../../rules/text/vi/dates.js';
import { formatCopies, formatDocumentQuantity, formatFormName } from '../../../rules/text/vi/dossier.js';
import { formatFee, formatFeeAmount, formatFeeLine, formatFees } from '../../../rules/text/vi/fees.js';
import { formatNumber, formatVnd, twoDigits } from '../../../rules/text/vi/numbers.js';
import { formatTimeLimit, formatTimeLimitWithCases, formatValidity } from '../../../rules/text/vi/time-limits.js';
import { compareVietnamese, foldVietnamese } from '../../../rules/text/vi/words.js';

describe('Vietnamese administrative wording', () => {
  it('writes counts with two digits and money with dot separators', () => {
    expect(twoDigits(5)).toBe('05');
    expect(twoDigits(12)).toBe('12');
    expect(formatVnd(2000000)).toBe('2.000.000 đồng');
    expect(formatNumber(1.5)).toBe('1,5');
  });
  it('phrases time limits as the official lists do', () => {
    expect(formatTimeLimit({ value: 5, unit: 'working-days', start: 'complete-dossier' })).toBe('05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ');
    expect(formatTimeLimit({ value: 30, unit: 'days', start: 'receipt' })).toBe('30 ngày kể từ ngày nhận hồ sơ');
    expect(formatTimeLimit({ value: 0, unit: 'working-days', start: 'complete-dossier' })).toBe('Ngay trong ngày nhận đủ hồ sơ hợp lệ');
  });
  it('phrases copies and fees', () => {
    expect(formatCopies(1, 1)).toBe('01 bản chính, 01 bản sao');
    expect(formatCopies(0, 2, true)).toBe('02 bản sao có chứng thực');
    expect(formatFee({ id: 'a', kind: 'le-phi', name: 'x', amount: 0 })).toBe('Miễn lệ phí');
    expect(formatFee({ id: 'a', kind: 'phi', name: 'x', amount: 200000, unit: 'phiếu' })).toBe('Phí: 200.000 đồng/phiếu');
  });
  it('cites laws by name and number, other documents by type, number, date and issuer', () => {
    expect(citeDocument({ number: '60/2014/QH13', type: 'law', issuer: 'Quốc hội', title: 'Luật Hộ tịch', issued: '2014-11-20', effective: '2016-01-01' })).toBe('Luật Hộ tịch số 60/2014/QH13');
    const decree = { number: '123/2015/NĐ-CP', type: 'decree' as const, issuer: 'Chính phủ', title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', issued: '2015-11-15', effective: '2016-01-01' };
    expect(citeDocument(decree)).toBe('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch');
    expect(citeRef({ document: '123/2015/NĐ-CP', article: '9', clause: '1', point: 'a' }, decree)).toMatch(/^điểm a khoản 1 Điều 9 Nghị định số 123\/2015\/NĐ-CP/);
  });
  it('folds diacritics for search, including đ', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Đăng ký khai sinh'.normalize('NFD'))).toBe('dang ky khai sinh');
  });
  it('sorts Đ after D', () => {
    expect(['Đăng ký', 'Cấp', 'Dịch vụ'].sort(compareVietnamese)).toEqual(['Cấp', 'Dịch vụ', 'Đăng ký']);
  });
});

describe('wording for generated pages', () => {
  const facts = factsOf([
    { id: 'dungHan', type: 'boolean', label: 'Đăng ký khai sinh đúng hạn', default: true },
    { id: 'soBan', type: 'integer', label: 'Số bản trích lục', default: 1 },
    { id: 'noiCuTru', type: 'enum', label: 'Nơi cư trú', values: [{ value: 'trongNuoc', label: 'Trong nước' }, { value: 'nuocNgoai', label: 'Nước ngoài' }] },
  ]);

  it('phrases conditions as the clause after "trường hợp", and negations as "trừ trường hợp"', () => {
    expect(formatCase({ fact: 'dungHan', equals: true }, facts)).toBe('Trường hợp đăng ký khai sinh đúng hạn');
    expect(formatCase({ fact: 'dungHan', equals: false }, facts)).toBe('Trừ trường hợp đăng ký khai sinh đúng hạn');
    expect(formatCase({ not: { fact: 'noiCuTru', equals: 'nuocNgoai' } }, facts)).toBe('Trừ trường hợp nơi cư trú là Nước ngoài');
    expect(formatCase({ fact: 'soBan', gte: 3 }, facts)).toBe('Trường hợp số bản trích lục từ 3 trở lên');
    expect(formatCase({ fact: 'channel', equals: 'postal' }, facts)).toBe('Trường hợp nộp hồ sơ qua dịch vụ bưu chính công ích');
    expect(formatCase({ all: [{ fact: 'channel', in: ['in-person', 'postal'] }, { any: [{ fact: 'dungHan', equals: false }, { fact: 'soBan', gt: 2 }] }] }, facts)).toBe(
      'Trường hợp nộp hồ sơ trực tiếp hoặc nộp hồ sơ qua dịch vụ bưu chính công ích và (không phải trường hợp đăng ký khai sinh đúng hạn hoặc số bản trích lục lớn hơn 2)',
    );
  });

  it('phrases fee amounts, per-unit quantities and the channels a fee is limited to', () => {
    const perCopy = { id: 'them', kind: 'phi' as const, name: 'Phí cấp thêm bản', amount: 5000, unit: 'bản', quantity: { fact: 'soBan', offset: -2, min: 0 } };
    expect(formatFeeAmount(perCopy, facts)).toBe('5.000 đồng/bản × (Số bản trích lục − 2)');
    const { quantity: _quantity, ...flat } = perCopy;
    expect(formatFeeLine({ ...flat, channels: ['online'], exemptions: [{ when: { fact: 'dungHan', equals: true }, reason: 'Đăng ký đúng hạn' }] }, facts)).toBe(
      'Phí cấp thêm bản: 5.000 đồng/bản (nộp trực tuyến). Miễn: Đăng ký đúng hạn',
    );
    expect(formatFees([], facts)).toEqual(['Miễn phí']);
    expect(formatFeeAmount({ id: 'x', kind: 'le-phi', name: 'Lệ phí', amount: 0 }, facts)).toBe('Miễn lệ phí');
  });

  it('phrases documents to bring, show or not bring', () => {
    expect(formatDocumentQuantity({ id: 'a', name: 'Tờ khai', originals: 1, copies: 1 })).toBe('01 bản chính, 01 bản sao');
    expect(formatDocumentQuantity({ id: 'a', name: 'Căn cước', originals: 0, copies: 0, submission: 'present' })).toBe('Xuất trình bản chính');
    expect(formatDocumentQuantity({ id: 'a', name: 'Hộ chiếu', originals: 1, copies: 0, submission: 'present' })).toBe('Xuất trình 01 bản chính');
    expect(formatDocumentQuantity({ id: 'a', name: 'Căn cước', originals: 0, copies: 1, lookup: { database: 'csdl-dan-cu', legalBasis: [{ document: 'x' }] } })).toBe('Không phải nộp');
  });

  it('phrases time limits with their cases, validity, periods and form names', () => {
    expect(formatTimeLimitWithCases({ value: 10, unit: 'working-days', start: 'complete-dossier', cases: [{ when: { fact: 'soBan', gt: 5 }, value: 15, unit: 'working-days' }, { when: { fact: 'dungHan', equals: false }, label: 'Trường hợp phải xác minh', value: 1, unit: 'months' }] }, facts)).toBe(
      '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp số bản trích lục lớn hơn 5: 15 ngày làm việc; trường hợp phải xác minh: 01 tháng',
    );
    expect(formatValidity('indefinite')).toBe('Không thời hạn');
    expect(formatValidity({ value: 60, unit: 'months' })).toBe('60 tháng');
    expect(formatPeriod('2020-07-16', '2025-12-31')).toBe('Từ ngày 16/07/2020 đến hết ngày 31/12/2025');
    expect(formatPeriod('2026-01-01', null)).toBe('Từ ngày 01/01/2026');
    expect(formatFormName({ name: 'Tờ khai thay đổi thông tin cư trú', code: 'CT01' })).toBe('Tờ khai thay đổi thông tin cư trú (mẫu CT01)');
    expect(formatFormName({ name: 'Tờ khai', code: 'Mẫu số 03/2013/TT-LLTP' })).toBe('Tờ khai (Mẫu số 03/2013/TT-LLTP)');
  });
});
