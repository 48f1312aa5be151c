import { describe, expect, it } from 'vitest';
import { citeDocument, citeRef, compareVietnamese, foldVietnamese, formatCopies, formatFee, formatNumber, formatTimeLimit, formatVnd, twoDigits } from '../../../rules/text/vi.js';

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
